#!/usr/bin/env bash
# Page render times with 10,000 activities, measured with wrk against a release build of `kembar serve` on loopback,
# beside the nearest ceiling measured in the same run: /healthz (a plain Vapor route with one count query).
#   bash Benchmarks/web/run.sh          (needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product kembar --scratch-path .build-release >/dev/null
KEMBAR=.build-release/release/kembar
dir=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$dir"' EXIT
python3 Benchmarks/web/make_dataset.py 10000 > "$dir/big.json"
$KEMBAR migrate --seed --database "sqlite://$dir/k.sqlite" 2>/dev/null
$KEMBAR import --database "sqlite://$dir/k.sqlite" "$dir/big.json"
port=18999
KEMBAR_LOG_LEVEL=warning $KEMBAR serve --port $port --database "sqlite://$dir/k.sqlite" 2>/dev/null &
server=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
echo "page,first_request_s,requests_per_s,mean_ms,p99_ms"
for path in /healthz / /partnerships/surabaya-city-007 /partnerships/surabaya-liverpool /cities/surabaya /activities/act-00042 /sources/handayani-zahidi-2024 /api/v1/partnerships/surabaya-city-007/evaluation; do
    # The first request fills the record cache (decodes every record); wrk then measures the steady state.
    first=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port$path")
    out=$(wrk -t1 -c1 -d5s --latency "http://127.0.0.1:$port$path")
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    mean=$(echo "$out" | awk '/Latency/ && !/Distribution/ {print $2; exit}')
    p99=$(echo "$out" | awk '$1=="99%" {print $2}')
    echo "$path,$first,$rps,$mean,$p99"
done
