#!/bin/sh
# Runs the KembarIndex benchmarks and then the numpy reference on the same workloads, one after the other so they do
# not compete for the cores. Usage (from anywhere):  sh Benchmarks/run-all.sh
set -e
cd "$(dirname "$0")"
echo "== KembarIndex (ordo-one/benchmark) $(date -u +%Y-%m-%dT%H:%M:%SZ)"
swift package --disable-sandbox benchmark --no-progress
echo "== numpy reference (coin_reference.py) $(date -u +%Y-%m-%dT%H:%M:%SZ)"
python3 reference_timing.py
