#!/usr/bin/env bash
# National/world-scale benchmark: the world's 25,917 twinning links plus N generated activities, on SQLite and on
# PostgreSQL, every figure beside a ceiling measured in the same run (docs/PERFORMANCE.md).
#
#   bash Benchmarks/scale/run.sh [sqlite|postgres|both] [sizes…]     (default: both 5000 50000 500000)
#   nice -n 10 bash Benchmarks/scale/run.sh sqlite 5000               (on a shared machine)
#
# Environment: KEMBAR_BIN (benchmark this kembar binary instead of building the working tree), KEMBAR_WORLD_LINKS
# (default ../shared/data/world-twin-links.csv), CEILING_RUNS (hyperfine runs of each ceiling, default 3), KEEP=1
# (keep the working folder with its databases). See Benchmarks/scale/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

# ---- What is measured (adjust here) ------------------------------------------------------------------------------
# wrk targets; @PARTNERSHIP@ becomes the key of the partnership with exactly 100 activities. /healthz is the ceiling.
WRK_PATHS=("/" "/?status=active&sort=last-activity" "/partnerships/@PARTNERSHIP@" "/healthz")
WRK_OPTS=(-t2 -c32 -d10s --latency --timeout 30s)
# Every page kind, requested once before the resident memory is read (@…@ are filled from the generator's manifest).
SWEEP_PATHS=("/" "/?page=2" "/partnerships/@PARTNERSHIP@" "/cities/@CITY@" "/activities/@ACTIVITY@" "/sources/@SOURCE@"
    "/organisations/@ORGANISATION@" "/cities" "/sources" "/organisations" "/api/v1/partnerships" "/index")
CEILING_RUNS=${CEILING_RUNS:-3}
BENCH_EMAIL=bench@example.org
BENCH_PASSWORD="benchmark password $$"
LINKS=${KEMBAR_WORLD_LINKS:-$root/../shared/data/world-twin-links.csv}
WORLD_SOURCE=wikipedia-twin-towns-lists

backends=${1:-both}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(5000 50000 500000)
case "$backends" in
    both) backends="sqlite postgres" ;;
    sqlite | postgres) ;;
    *) echo "usage: bash Benchmarks/scale/run.sh [sqlite|postgres|both] [sizes…]" >&2; exit 2 ;;
esac
for n in "${sizes[@]}"; do
    [[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -ge 100 ] || { echo "run.sh: a size is a number of activities ≥ 100, not '$n'" >&2; exit 2; }
done
[ -r "$LINKS" ] || { echo "run.sh: cannot read the world links at $LINKS (set KEMBAR_WORLD_LINKS)" >&2; exit 1; }

# ---- Tools --------------------------------------------------------------------------------------------------------
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }
need() { # need TOOL DEBIAN-PACKAGE
    command -v "$1" >/dev/null 2>&1 && return 0
    echo "run.sh: $1 is missing; installing Debian's package $2" >&2
    { as_root apt-get install -y -qq "$2" >/dev/null 2>&1 \
        || { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }; } \
        || { echo "run.sh: could not install $2; install it (apt-get install $2) and run again" >&2; exit 1; }
    command -v "$1" >/dev/null 2>&1 || { echo "run.sh: $1 still missing after installing $2" >&2; exit 1; }
}
command -v swift >/dev/null || { echo "run.sh: swift is missing (see docs/DEVELOPMENT.md)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "run.sh: python3 is missing" >&2; exit 1; }
need curl curl; need wrk wrk; need hyperfine hyperfine; need sqlite3 sqlite3; need ps procps
if [[ " $backends " == *" postgres "* ]]; then
    initdb_bin=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -z "$initdb_bin" ]; then
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
            || { echo "run.sh: PostgreSQL is missing; apt-get install postgresql" >&2; exit 1; }
        initdb_bin=$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)
    fi
    pg_bin=$(dirname "$initdb_bin")
    need psql postgresql-client
fi

# ---- Folders, log, clean-up ---------------------------------------------------------------------------------------
work=$(mktemp -d /tmp/kembar-scale.XXXXXX)
chmod 755 "$work"
logdir=$(mktemp -d /tmp/kembar-scale-log.XXXXXX)
log="$logdir/last-run.txt"
results="$logdir/results.tsv"
: >"$results"
server=""
pg_started=""
cleanup() {
    local rc=$?
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    if [ -n "$pg_started" ]; then run_pg "'$pg_bin/pg_ctl' -D '$work/pg/data' -m fast stop" >/dev/null 2>&1 || true; fi
    if [ "${KEEP:-0}" = 1 ]; then echo "run.sh: kept $work" >&2; else rm -rf "$work"; fi
    [ $rc = 0 ] || echo "run.sh: FAILED (exit $rc); raw log: $log" >&2
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { echo "$*" | tee -a "$log" >&2; }
raw() { echo "$*" >>"$log"; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }'; }
# record BACKEND SIZE GROUP MEASURE VALUE UNIT CEILING-NAME CEILING-VALUE NOTE
record() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$results"; raw "result: $*"; }

# Small helpers in Python (standard library), written once into the working folder.
cat >"$work/helpers.py" <<'PY'
import html.parser, json, re, socket, sys, urllib.parse

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])

def ms(text):
    m = re.fullmatch(r"([0-9.]+)(us|ms|s|m)", text)
    return float(m[1]) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[m[2]]

def wrk(path):
    out = open(path).read()
    dist = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)\s*$", out, re.M))
    rps = re.search(r"Requests/sec:\s+([0-9.]+)", out)
    requests = re.search(r"(\d+) requests in", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    print(f"{ms(dist['50']):.2f} {ms(dist['99']):.2f} {float(rps[1]):.1f} {requests[1]} "
          f"{sum(map(int, errors.groups())) if errors else 0} {non2xx[1] if non2xx else 0}")

def hyperfine(path):
    r = json.load(open(path))["results"][0]
    print(f"{r['mean']:.3f} {r['stddev'] or 0:.3f} {len(r['times'])}")

class Form(html.parser.HTMLParser):
    """The fields a browser would submit from the page's record form."""
    def __init__(self):
        super().__init__(); self.fields = []; self.select = None; self.first = None; self.chosen = None
        self.textarea = None; self.text = ""
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input" and a.get("name") and a.get("type", "text") in ("text", "hidden") and "disabled" not in a:
            self.fields.append((a["name"], a.get("value", "")))
        elif tag == "select" and "disabled" not in a:
            self.select, self.first, self.chosen = a.get("name"), None, None
        elif tag == "option" and self.select:
            if self.first is None: self.first = a.get("value", "")
            if "selected" in a: self.chosen = a.get("value", "")
        elif tag == "textarea":
            self.textarea, self.text = a.get("name"), ""
    def handle_endtag(self, tag):
        if tag == "select" and self.select:
            self.fields.append((self.select, self.chosen if self.chosen is not None else (self.first or "")))
            self.select = None
        elif tag == "textarea" and self.textarea:
            self.fields.append((self.textarea, self.text)); self.textarea = None
    def handle_data(self, data):
        if self.textarea: self.text += data

def form_body(path, note):
    form = Form(); form.feed(open(path, encoding="utf-8").read())
    names = [n for n, _ in form.fields]
    if "_version" not in names or "note" not in names:
        sys.exit(f"helpers.py: no edit form with _version and note in {path}")
    print(urllib.parse.urlencode([(n, note if n == "note" else v) for n, v in form.fields]))

def dataset_summary(path):
    m = json.load(open(path)); t = m["totals"]
    print(f"{len(m['files'])} file(s); {m['partnerships']} partnerships with {t['agreements']} MoUs, "
          f"{t['milestones']} milestones, {t['activities']} activities, {t['organisations']} organisations; "
          f"{m['hundredActivityPartnership']} has {m['hundredActivityCount']} activities")

def manifest(path, key):
    print(json.load(open(path))[key])

def report(path):
    rows = [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8") if line.strip()]
    groups = {}
    for r in rows:
        groups.setdefault((r[0], r[1]), []).append(r)
    def num(x):
        try: return float(x)
        except (TypeError, ValueError): return None
    for (backend, size), items in groups.items():
        title = f"{backend}, world links" if size == "-" else f"{backend}, world links + {int(size):,} activities"
        print(f"\n### {title}\n")
        wrk = [r for r in items if r[2] == "wrk"]
        other = [r for r in items if r[2] != "wrk"]
        if other:
            print("| measurement | Kembar | ceiling (same run) | ceiling value | ÷ ceiling | note |")
            print("|---|---|---|---|---|---|")
            for r in other:
                v, c = num(r[4]), num(r[7])
                ratio = f"{v / c:.1f}" if v is not None and c else "–"
                print(f"| {r[3]} | {r[4]} {r[5]} | {r[6]} | {r[7]} {r[5] if r[7] not in ('', '-') else ''} | {ratio} | {r[8]} |")
        if wrk:
            ceiling = next((r for r in wrk if r[3] == "/healthz"), None)
            print("\nwrk " + (wrk[0][8].split(";")[0] if wrk else "") + "; ceiling /healthz\n")
            print("| path | one request before wrk (ms) | p50 (ms) | p99 (ms) | req/s | p50 ÷ ceiling | ceiling req/s ÷ req/s | errors |")
            print("|---|---|---|---|---|---|---|---|")
            for r in wrk:
                p50, p99, rps, n, err, non2xx, first = r[4].split("/")
                cp50, crps = (ceiling[4].split("/")[0], ceiling[4].split("/")[2]) if ceiling else (None, None)
                def ratio(x, y):
                    return f"{num(x) / num(y):.1f}" if num(x) is not None and num(y) else "–"
                a, b = ratio(p50, cp50), ratio(crps, rps)
                print(f"| `{r[3]}` | {first} | {p50} | {p99} | {rps} | {a} | {b} | {err} socket, {non2xx} non-2xx/3xx of {n} |")

globals()[sys.argv[1].replace("-", "_")](*sys.argv[2:])
PY
helper() { python3 "$work/helpers.py" "$@"; }
# step DESCRIPTION COMMAND…: runs it with its output in the log; on failure says what failed and shows the output.
step() {
    local what=$1; shift
    raw "\$ $*"
    if ! "$@" >"$work/step.out" 2>&1; then
        cat "$work/step.out" >>"$log"
        echo "run.sh: $what failed: $*" >&2; tail -n 20 "$work/step.out" >&2; exit 1
    fi
    cat "$work/step.out" >>"$log"
}

# ---- Build --------------------------------------------------------------------------------------------------------
if [ -n "${KEMBAR_BIN:-}" ]; then
    KEMBAR=$(realpath "$KEMBAR_BIN")
    [ -x "$KEMBAR" ] || { echo "run.sh: KEMBAR_BIN=$KEMBAR_BIN is not an executable" >&2; exit 1; }
    say "run.sh: using $KEMBAR (KEMBAR_BIN; not building)"
else
    say "run.sh: building kembar (release, .build-release)…"
    start=$(now)
    swift build -c release --product kembar --scratch-path .build-release >>"$log" 2>&1 \
        || { echo "run.sh: the release build failed (a tree being edited fails with 'modified during the build'):" >&2
             grep -m 5 'error:' "$log" >&2; echo "  see $log" >&2; exit 1; }
    say "run.sh: build took $(since "$start") s"
    KEMBAR=$root/.build-release/release/kembar
fi
link_rows=$(($(wc -l <"$LINKS") - 1))
{
    if [ -n "${KEMBAR_BIN:-}" ]; then what="binary $KEMBAR (KEMBAR_BIN)"
    else what="working tree at commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- Sources Package.swift 2>/dev/null || echo ' + uncommitted changes')"; fi
    echo "Kembar scale benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $what"
    echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg), nice $(nice)"
    echo "tools: $(sqlite3 --version | cut -d' ' -f1), $(hyperfine --version), $(wrk --version 2>&1 | head -n1 | cut -d' ' -f1-2)"
    echo "backends: $backends; sizes: ${sizes[*]}; links: $LINKS ($link_rows rows)"
} | tee -a "$log" >&2

# ---- Databases ----------------------------------------------------------------------------------------------------
run_pg() {
    if [ "$(id -u)" = 0 ]; then
        chown -R postgres "$work/pg"
        su postgres -s /bin/bash -c "$*"
    else
        bash -c "$*"
    fi
}
start_postgres() {
    [ -n "$pg_started" ] && return 0
    pg_port=$(helper free-port)
    mkdir -p "$work/pg"
    chmod 755 "$work/pg"
    run_pg "'$pg_bin/initdb' -D '$work/pg/data' -U kembar --auth=trust -E UTF8 --locale=C.UTF-8" >>"$log" 2>&1
    # A benchmark keeps fsync and synchronous_commit on (the defaults): timings include durable commits.
    run_pg "'$pg_bin/pg_ctl' -D '$work/pg/data' -l '$work/pg/log' -w -o \"-k '$work/pg' -c listen_addresses=127.0.0.1 -p $pg_port -c max_connections=200\" start" >>"$log" 2>&1
    pg_started=1
    say "run.sh: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port (private cluster in $work/pg, fsync on)"
    raw "postgres settings: $(psql_db postgres -c "select string_agg(name || '=' || setting, ', ') from pg_settings where name in ('fsync','synchronous_commit','shared_buffers','wal_level','max_wal_size')")"
}
psql_db() { local db=$1; shift; PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -p "$pg_port" -U kembar -d "$db" -v ON_ERROR_STOP=1 -qAtX "$@"; }
db_url() { # BACKEND NAME
    if [ "$1" = sqlite ]; then echo "sqlite://$work/$2.sqlite"; else echo "postgres://kembar@127.0.0.1:$pg_port/$2?sslmode=disable"; fi
}
db_create() {
    if [ "$1" = sqlite ]; then rm -f "$work/$2".sqlite*; else psql_db postgres -c "drop database if exists \"$2\"" -c "create database \"$2\""; fi
}
db_clone() { # BACKEND FROM TO
    if [ "$1" = sqlite ]; then
        rm -f "$work/$3".sqlite*
        sqlite3 "$work/$2.sqlite" ".backup '$work/$3.sqlite'"
    else
        psql_db postgres -c "drop database if exists \"$3\"" -c "create database \"$3\" template \"$2\""
    fi
}
db_drop() {
    if [ "$1" = sqlite ]; then rm -f "$work/$2".sqlite*; else psql_db postgres -c "drop database if exists \"$2\""; fi
}
db_size_mb() {
    if [ "$1" = sqlite ]; then
        du -cb "$work/$2".sqlite* | awk 'END { printf "%.1f", $1 / 1048576 }'
    else
        psql_db postgres -c "select round(pg_database_size('$2') / 1048576.0, 1)"
    fi
}

# A ceiling: the plain-table bulk load of CSV into a fresh table of text columns, timed by hyperfine (each run starts
# from an empty table). Prints "mean stddev runs".
ceiling_load() { # BACKEND CSV TABLE
    local backend=$1 csv=$2 table=$3 cols
    cols=$(head -n1 "$csv" | python3 -c 'import csv, sys; print(", ".join("\"%s\" text" % c for c in next(csv.reader(sys.stdin))))')
    if [ "$backend" = sqlite ]; then
        printf 'rm -f %q\n' "$work/ceiling.sqlite" >"$work/ceiling-prepare.sh"
        printf 'sqlite3 %q "create table \\"%s\\" (%s)"\n' "$work/ceiling.sqlite" "$table" "$cols" >>"$work/ceiling-prepare.sh"
        printf 'sqlite3 %q %q\n' "$work/ceiling.sqlite" ".import --csv --skip 1 $csv $table" >"$work/ceiling-load.sh"
    else
        psql_db postgres -c "drop database if exists ceiling" -c "create database ceiling"
        printf 'psql -h 127.0.0.1 -p %s -U kembar -d ceiling -v ON_ERROR_STOP=1 -qAtX -c %q\n' "$pg_port" \
            "drop table if exists \"$table\"; create table \"$table\" ($cols)" >"$work/ceiling-prepare.sh"
        printf 'psql -h 127.0.0.1 -p %s -U kembar -d ceiling -v ON_ERROR_STOP=1 -qAtX -c %q\n' "$pg_port" \
            "\\copy \"$table\" from '$csv' csv header" >"$work/ceiling-load.sh"
    fi
    raw "ceiling prepare: $(cat "$work/ceiling-prepare.sh")"
    raw "ceiling load:    $(cat "$work/ceiling-load.sh")"
    hyperfine --style basic --runs "$CEILING_RUNS" --prepare "bash $work/ceiling-prepare.sh" \
        --export-json "$work/hyperfine.json" "bash $work/ceiling-load.sh" >>"$log" 2>&1
    local loaded
    if [ "$backend" = sqlite ]; then loaded=$(sqlite3 "$work/ceiling.sqlite" "select count(*) from \"$table\""); rm -f "$work/ceiling.sqlite"
    else loaded=$(psql_db ceiling -c "select count(*) from \"$table\""); psql_db postgres -c "drop database ceiling"; fi
    raw "ceiling loaded $loaded rows into $table"
    helper hyperfine "$work/hyperfine.json"
}

# The second ceiling (SQLite only): the rows an import wrote, loaded by sqlite3 itself into Kembar's own schema and
# indexes (own-rows.py). Prints "mean stddev runs".
own_rows_load() { # BEFORE-NAME AFTER-NAME
    local dir="$work/own-rows"
    rm -rf "$dir"
    raw "own rows: $(python3 Benchmarks/scale/own-rows.py "$work/$1.sqlite" "$work/$2.sqlite" "$dir")"
    hyperfine --style basic --runs "$CEILING_RUNS" --prepare "bash $dir/prepare.sh" \
        --export-json "$work/hyperfine.json" "bash $dir/load.sh" >>"$log" 2>&1
    rm -rf "$dir"
    helper hyperfine "$work/hyperfine.json"
}

# ---- Server -------------------------------------------------------------------------------------------------------
start_server() { # URL
    port=$(helper free-port)
    local t0
    t0=$(now)
    KEMBAR_LOG_LEVEL=warning "$KEMBAR" serve --port "$port" --database "$1" >>"$log" 2>&1 &
    server=$!
    for _ in $(seq 3000); do
        curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && { ready=$(since "$t0"); return 0; }
        kill -0 "$server" 2>/dev/null || { echo "run.sh: kembar serve exited; see $log" >&2; server=""; exit 1; }
        sleep 0.1
    done
    echo "run.sh: kembar serve did not answer /healthz within 5 minutes; see $log" >&2
    exit 1
}
stop_server() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; }
get() { # PATH → "code seconds"
    curl -s -o "$work/page.out" -w '%{http_code} %{time_total}\n' "http://127.0.0.1:$port$1"
}
# Signs in as the benchmark's administrator through the sign-in form (its token and cookie), keeping the session in
# $work/jar.
sign_in() {
    rm -f "$work/jar"
    curl -s -c "$work/jar" -b "$work/jar" -o "$work/login.html" "http://127.0.0.1:$port/login"
    local token
    token=$(grep -o 'name="_csrf" value="[^"]*"' "$work/login.html" | head -n 1 | sed 's/.*value="//; s/"$//')
    curl -s -c "$work/jar" -b "$work/jar" -o /dev/null --data-urlencode "_csrf=$token" \
        --data-urlencode "email=$BENCH_EMAIL" --data-urlencode "password=$BENCH_PASSWORD" "http://127.0.0.1:$port/login"
    grep -q kembar_session "$work/jar" || { echo "run.sh: could not sign in; see $work/login.html" >&2; exit 1; }
}
rss_mb() { ps -o rss= -p "$server" | awk '{ printf "%.1f", $1 / 1024 }'; }
peak_mb() { awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$server/status"; }
fill() { # PATH → with the manifest's keys
    local p=$1
    p=${p//@PARTNERSHIP@/$m_partnership}; p=${p//@CITY@/$m_city}; p=${p//@ACTIVITY@/$m_activity}
    p=${p//@SOURCE@/$m_source}; p=${p//@ORGANISATION@/$m_organisation}
    echo "$p"
}
ms_of() { awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'; }

# ---- The measurements ---------------------------------------------------------------------------------------------
cat >"$work/world-source.json" <<JSON
{"format": "kembar-dataset", "version": 2, "sources": [{"id": "$WORLD_SOURCE", "kind": "dataset",
 "title": "Lists of twin towns and sister cities", "authors": ["Wikipedia contributors"],
 "publisher": "Wikipedia (CC BY-SA 4.0), compiled by the twincities project", "note": "world-twin-links.csv"}]}
JSON
world_export_sum=""
declare -A generated=()

for backend in $backends; do
    say ""
    say "== $backend =="
    [ "$backend" = postgres ] && start_postgres
    world=world
    db_create "$backend" "$world"
    url=$(db_url "$backend" "$world")
    step "migrating an empty database" "$KEMBAR" migrate --seed --no-demo --database "$url"
    step "importing the world links' source record" "$KEMBAR" import --database "$url" "$work/world-source.json"
    # The administrator the save is made as (every copy of the world database has them).
    step "adding the benchmark's administrator" bash -c \
        "echo '$BENCH_PASSWORD' | '$KEMBAR' user add --name Benchmark --email '$BENCH_EMAIL' --role admin --database '$url'"

    [ "$backend" = sqlite ] && db_clone sqlite "$world" world-before
    say "$backend: importing the world links (single timed run)…"
    raw "\$ kembar import --skip-invalid-rows --source $WORLD_SOURCE --database $url $LINKS"
    t0=$(now)
    if ! "$KEMBAR" import --skip-invalid-rows --source "$WORLD_SOURCE" --database "$url" "$LINKS" >"$work/import.out" 2>&1; then
        cat "$work/import.out" >>"$log"
        echo "run.sh: importing the world links failed on $backend:" >&2; tail -n 20 "$work/import.out" >&2; exit 1
    fi
    t_world=$(since "$t0")
    cat "$work/import.out" >>"$log"
    summary=$(grep -v '^  ' "$work/import.out" | tail -n 1)
    skipped=$(grep -o '([0-9]* rows)' "$work/import.out" | tr -dc 0-9 || true)
    say "$backend: world links imported in $t_world s: $summary"
    read -r c_mean c_sd c_runs < <(ceiling_load "$backend" "$LINKS" links) || true
    [ -n "${c_mean:-}" ] || { echo "run.sh: the ceiling load of the world links failed; see $log" >&2; exit 1; }
    record "$backend" - import "import world links ($link_rows rows; single run)" "$t_world" s \
        "plain-table CSV load (mean of $c_runs)" "$c_mean" "$summary; ${skipped:-0} rows left out (--skip-invalid-rows); ceiling ± $c_sd s"
    if [ "$backend" = sqlite ]; then
        read -r o_mean o_sd o_runs < <(own_rows_load world-before "$world") || true
        [ -n "${o_mean:-}" ] || { echo "run.sh: the own-rows load of the world links failed; see $log" >&2; exit 1; }
        record "$backend" - import "import world links, against the rows it wrote" "$t_world" s \
            "sqlite3 loading the same rows into Kembar's schema (mean of $o_runs)" "$o_mean" "ceiling ± $o_sd s"
        db_drop sqlite world-before
    fi
    record "$backend" - import "database size after the world links" "$(db_size_mb "$backend" "$world")" MB - - ""

    t0=$(now)
    step "exporting the world database" "$KEMBAR" export --database "$url" --output "$work/world-$backend.json"
    t_export=$(since "$t0")
    record "$backend" - import "export of the world database (kembar export)" "$t_export" s - - \
        "$(du -m "$work/world-$backend.json" | cut -f1) MB of JSON"
    sum=$(sha256sum "$work/world-$backend.json" | cut -d' ' -f1)
    if [ -n "$world_export_sum" ] && [ "$sum" != "$world_export_sum" ]; then
        say "run.sh: WARNING: the $backend export differs from the first backend's; generating again from it"
        generated=()
    fi
    world_export_sum=$sum

    for n in "${sizes[@]}"; do
        say ""
        say "-- $backend, $n activities (load $(cut -d' ' -f1-3 /proc/loadavg)) --"
        gen="$work/gen-$n"
        if [ -z "${generated[$n]:-}" ]; then
            rm -rf "$gen"
            t0=$(now)
            step "generating $n activities" python3 Benchmarks/scale/generate.py "$work/world-$backend.json" "$n" "$gen"
            say "generated $n activities in $(since "$t0") s ($(du -sm "$gen" | cut -f1) MB)"
            generated[$n]=1
        fi
        m_partnership=$(helper manifest "$gen/manifest.json" hundredActivityPartnership)
        m_city=$(helper manifest "$gen/manifest.json" city)
        m_activity=$(helper manifest "$gen/manifest.json" activity)
        m_source=$(helper manifest "$gen/manifest.json" source)
        m_organisation=$(helper manifest "$gen/manifest.json" organisation)
        mapfile -t files < <(python3 -c 'import json, sys; [print(f["file"]) for f in json.load(open(sys.argv[1]))["files"]]' "$gen/manifest.json")
        say "100-activity partnership: $m_partnership; ${#files[@]} file(s)"
        record "$backend" "$n" import "generated dataset (generate.py, seed 2026)" "$(du -sm "$gen" | cut -f1)" MB - - \
            "$(helper dataset-summary "$gen/manifest.json")"

        db="scale_$n"
        db_clone "$backend" "$world" "$db"
        url=$(db_url "$backend" "$db")
        say "$backend: importing $n activities from ${#files[@]} file(s) (one timed run each)…"
        total=0
        slowest=0
        for f in "${files[@]}"; do
            t0=$(now)
            if ! "$KEMBAR" import --database "$url" "$gen/$f" >"$work/import.out" 2>&1; then
                cat "$work/import.out" >>"$log"
                echo "run.sh: importing $f failed on $backend:" >&2; tail -n 20 "$work/import.out" >&2; exit 1
            fi
            t=$(since "$t0")
            raw "import $f: $t s: $(tail -n 1 "$work/import.out")"
            total=$(awk -v a="$total" -v b="$t" 'BEGIN { printf "%.3f", a + b }')
            slowest=$(awk -v a="$slowest" -v b="$t" 'BEGIN { print (b > a ? b : a) }')
        done
        say "$backend: activities imported in $total s (slowest file $slowest s)"
        read -r c_mean c_sd c_runs < <(ceiling_load "$backend" "$gen/activities.csv" activities) || true
        [ -n "${c_mean:-}" ] || { echo "run.sh: the ceiling load of activities.csv failed; see $log" >&2; exit 1; }
        record "$backend" "$n" import "import $n activities (${#files[@]} file(s), sum of single runs)" "$total" s \
            "plain-table load of the same activities as CSV (mean of $c_runs)" "$c_mean" \
            "slowest file $slowest s; ceiling ± $c_sd s"
        record "$backend" "$n" import "database size" "$(db_size_mb "$backend" "$db")" MB - - ""

        # Server: start, cold first request, steady state, a save, every page kind, memory.
        start_server "$url"
        base_rss=$(rss_mb)
        read -r hc ht < <(get /healthz)
        read -r c1 t1 < <(get /)
        record "$backend" "$n" server "kembar serve: start until /healthz answers" "$ready" s - - ""
        record "$backend" "$n" server "first GET / after start (HTTP $c1)" "$(ms_of "$t1")" ms "GET /healthz" "$(ms_of "$ht")" ""
        say "$backend: server ready in $ready s; first / in $(ms_of "$t1") ms (HTTP $c1)"
        for path in "${WRK_PATHS[@]}"; do
            path=$(fill "$path")
            read -r fc ft < <(get "$path")
            wrk "${WRK_OPTS[@]}" "http://127.0.0.1:$port$path" >"$work/wrk.out" 2>&1 || true
            { echo "\$ wrk ${WRK_OPTS[*]} http://127.0.0.1:$port$path"; cat "$work/wrk.out"; } >>"$log"
            if ! w=$(helper wrk "$work/wrk.out" 2>>"$log"); then
                say "run.sh: could not read wrk's output for $path (HTTP $fc); see $log"; w="- - - 0 - -"
            fi
            read -r p50 p99 rps reqs errs non2xx <<<"$w"
            record "$backend" "$n" wrk "$path" "$p50/$p99/$rps/$reqs/$errs/$non2xx/$(ms_of "$ft")" ms - - "${WRK_OPTS[*]}; first request HTTP $fc"
            say "  $path: first $(ms_of "$ft") ms (HTTP $fc), p50 $p50 ms, p99 $p99 ms, $rps req/s, $errs socket errors, $non2xx non-2xx/3xx"
        done

        # One save through the web form (all fields plus _version and the form token), signed in as the benchmark's
        # administrator, then the next dashboard request.
        sign_in
        read -r ec et < <(curl -s -b "$work/jar" -o "$work/edit.html" -w '%{http_code} %{time_total}\n' \
            "http://127.0.0.1:$port/edit/activities/$m_activity")
        note="Edited by Benchmarks/scale/run.sh, $(date -u +%FT%TZ)"
        helper form-body "$work/edit.html" "$note" >"$work/edit.body"
        read -r hc2 ht2 < <(get /healthz)
        read -r pc pt ploc < <(curl -s -b "$work/jar" -o "$work/post.out" -w '%{http_code} %{time_total} %{redirect_url}\n' \
            -H 'Content-Type: application/x-www-form-urlencoded' --data-binary @"$work/edit.body" \
            "http://127.0.0.1:$port/edit/activities/$m_activity")
        read -r ac at < <(get /)
        saved=no
        [ "$pc" = 303 ] && [[ "$ploc" == *notice=saved* ]] && { get "/activities/$m_activity" >/dev/null; grep -q "Edited by Benchmarks/scale/run.sh" "$work/page.out" && saved=yes; }
        [ "$saved" = yes ] || say "run.sh: WARNING: the edit of $m_activity was not saved (HTTP $pc, location '$ploc'); see $work/post.out"
        record "$backend" "$n" server "GET /edit/activities/$m_activity (the form, HTTP $ec, $(($(wc -c <"$work/edit.html") / 1024)) KB)" "$(ms_of "$et")" ms "GET /healthz" "$(ms_of "$ht2")" ""
        record "$backend" "$n" server "POST /edit/activities/$m_activity: save one activity (HTTP $pc, saved: $saved)" "$(ms_of "$pt")" ms "GET /healthz" "$(ms_of "$ht2")" ""
        record "$backend" "$n" server "next GET / after the save (HTTP $ac)" "$(ms_of "$at")" ms "GET /healthz" "$(ms_of "$ht2")" ""
        say "$backend: edit form $(ms_of "$et") ms (HTTP $ec); save $(ms_of "$pt") ms (HTTP $pc, saved: $saved); next / $(ms_of "$at") ms (HTTP $ac)"

        # Every page kind once, then the server's resident memory.
        for path in "${SWEEP_PATHS[@]}"; do
            path=$(fill "$path")
            read -r sc st < <(get "$path")
            bytes=$(wc -c <"$work/page.out")
            record "$backend" "$n" pages "GET $path (HTTP $sc, $((bytes / 1024)) KB)" "$(ms_of "$st")" ms - - ""
            [ "$sc" = 200 ] || say "run.sh: WARNING: GET $path answered HTTP $sc: $(head -c 300 "$work/page.out")"
        done
        record "$backend" "$n" memory "server RSS after every page kind once" "$(rss_mb)" MB "RSS right after start" "$base_rss" "peak (VmHWM) $(peak_mb) MB"
        stop_server
        # After the server's figures: loading the rows again fills the page cache with other files, which would
        # make the first request after the start a cold read of the disk.
        if [ "$backend" = sqlite ]; then
            read -r o_mean o_sd o_runs < <(own_rows_load "$world" "$db") || true
            [ -n "${o_mean:-}" ] || { echo "run.sh: the own-rows load of $n activities failed; see $log" >&2; exit 1; }
            record "$backend" "$n" import "import $n activities, against the rows it wrote" "$total" s \
                "sqlite3 loading the same rows into Kembar's schema (mean of $o_runs)" "$o_mean" "ceiling ± $o_sd s"
        fi
        [ "${KEEP:-0}" = 1 ] || db_drop "$backend" "$db"
    done
    [ "${KEEP:-0}" = 1 ] || db_drop "$backend" "$world"
done

{
    echo
    echo "## Results"
    echo
    echo "Kembar imports are single timed runs (a database cannot be reset cheaply between runs); ceilings are the mean"
    echo "of $CEILING_RUNS hyperfine runs, each into an empty plain table of text columns. Times in the tables: s or ms as marked."
    helper report "$results"
} | tee -a "$log"
echo
echo "Raw log: $log"
