#!/usr/bin/env bash
# Search latency under load, as recorded in src/docs/benchmarks.md: 50 concurrent clients on
# /api/esco/search for 60 s against the embedded default (needs wrk: apt-get install wrk).
# Usage: src/docs/bench/search-load.sh [HOME] [PORT]
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
home="${1:-/tmp/observatory-search-bench}"
port="${2:-18090}"
jar="$root/api/target/skills-observatory.jar"
[ -f "$jar" ] || (cd "$root" && ./mvnw -B -q -DskipTests package)
cd "$root"
java -Xmx1g -jar "$jar" --home "$home" serve --port "$port" > "$home.serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for i in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$port/api/esco/search?q=warmup" > /dev/null 2>&1 && break
  sleep 1
done
# Warm-up, then the measured run.
wrk -t2 -c50 -d15s -s "$root/src/docs/bench/search-load.lua" "http://127.0.0.1:$port" > /dev/null
wrk -t2 -c50 -d60s --latency -s "$root/src/docs/bench/search-load.lua" "http://127.0.0.1:$port"
