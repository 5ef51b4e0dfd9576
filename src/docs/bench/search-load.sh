#!/usr/bin/env bash
# Search latency under load, as recorded in src/docs/benchmarks.md: 50 concurrent clients on
# /api/esco/search for 60 s against the embedded default (needs wrk: apt-get install wrk).
# Usage: src/docs/bench/search-load.sh [mix|cold] [HOME] [PORT]
#   mix  (default) 50 realistic searches asked over and over, after a 15 s warm-up
#   cold every request a different ESCO alternative label (96,774 of them, shuffled; needs python3),
#        on a freshly started server (warmed up with the mix), so that nearly no answer comes
#        from a cache
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
mode="${1:-mix}"
home="${2:-/tmp/observatory-search-bench}"
port="${3:-18090}"
jar="$root/api/target/skills-observatory.jar"
[ -f "$jar" ] || (cd "$root" && ./mvnw -B -q -DskipTests package)
cd "$root"
java -Xmx1g -jar "$jar" --home "$home" serve --port "$port" > "$home.serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for i in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null 2>&1 && break
  sleep 1
done
script="$root/src/docs/bench/search-load.lua"
case "$mode" in
  mix)
    wrk -t2 -c50 -d15s -s "$script" "http://127.0.0.1:$port" > /dev/null
    wrk -t2 -c50 -d60s --latency -s "$script" "http://127.0.0.1:$port"
    ;;
  cold)
    queries="$home.queries.txt"
    unzip -p data/esco/v1.1.1/esco-v1.1.1-classification-en-csv.zip skills_en.csv | python3 -c '
import csv, random, sys
labels = set()
for row in csv.DictReader(sys.stdin):
    labels.update(l.strip() for l in row["altLabels"].split("\n") if l.strip())
labels = sorted(labels)
random.Random(1).shuffle(labels)
print("\n".join(labels))' > "$queries"
    # JIT warm-up with the mix, whose answers none of the labels will hit in the cache.
    wrk -t2 -c50 -d15s -s "$script" "http://127.0.0.1:$port" > /dev/null
    wrk -t2 -c50 -d60s --latency -s "$script" "http://127.0.0.1:$port" -- "$queries"
    ;;
  *)
    echo "usage: $0 [mix|cold] [HOME] [PORT]" >&2
    exit 2
    ;;
esac
