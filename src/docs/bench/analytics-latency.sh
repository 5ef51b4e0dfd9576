#!/usr/bin/env bash
# Latency of the analytics endpoints against a running server, one request at a time:
#   src/docs/bench/analytics-latency.sh http://127.0.0.1:18081 [rounds]
# Prints p50, p95, p99 and max per endpoint kind, in milliseconds. Every request of a round asks
# something new (another sector, country or year); later rounds repeat the first.
set -euo pipefail
base=${1:-http://127.0.0.1:18081}
rounds=${2:-1}
sections="A B C D E F G H I J K L M N O P Q R S"
countries="DE FR IT ES PL"
out=$(mktemp -d)
measure() { # kind url
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$2" >>"$out/$1"
}
for r in $(seq 1 "$rounds"); do
  for s in $sections; do
    for c in $countries; do
      measure match "$base/api/analytics/match?sector=$s&country=$c&from=2024-01&to=2024-12&maxOffers=5"
      measure match-no-growth "$base/api/analytics/match?sector=$s&country=$c&from=2024-01&to=2024-12&maxOffers=5&growth=false"
    done
    measure gaps "$base/api/analytics/gaps?sector=$s&from=2024-01&to=2024-12"
    measure demand-group "$base/api/analytics/demand?sector=$s&from=2024-01&to=2024-12&level=group"
  done
done
for f in "$out"/*; do
  python3 - "$f" <<'PY'
import sys, math
rows = [l.split() for l in open(sys.argv[1])]
codes = {}
for c, _ in rows:
    codes[c] = codes.get(c, 0) + 1
t = sorted(float(x) * 1000 for _, x in rows)
def pct(p):
    return t[min(len(t) - 1, math.ceil(p / 100 * len(t)) - 1)]
name = sys.argv[1].rsplit('/', 1)[1]
print(f"{name:16} n={len(t):4} status={codes} p50={pct(50):.0f} p95={pct(95):.0f} p99={pct(99):.0f} max={t[-1]:.0f} ms")
PY
done
rm -r "$out"
