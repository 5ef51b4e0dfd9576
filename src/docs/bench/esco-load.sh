#!/usr/bin/env bash
# Measures the ESCO loads recorded in src/docs/benchmarks.md:
#   1. the v1.1.1 English CSV download, with at most 1 GiB of heap (wall time, triples/s, peak heap);
#   2. the v1.1.1 RDF graph as N-Triples, against Jena's own tdb2.tdbloader on the same file.
# Usage: src/docs/bench/esco-load.sh [RUNS] [RDF.ttl.gz]   (defaults: 3, ../shared/data/esco-rdf/...)
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
runs="${1:-3}"
ttl="${2:-$root/../shared/data/esco-rdf/esco-v1.1.1-en.ttl.gz}"
work="${BENCH_DIR:-/tmp/observatory-bench}"
jar="$root/api/target/skills-observatory.jar"
mkdir -p "$work"
[ -f "$jar" ] || (cd "$root" && ./mvnw -B -q -DskipTests package)

# Jena's command-line tools, from Maven Central, at the version the project uses.
if [ ! -f "$work/jena-cp.txt" ]; then
  mkdir -p "$work/jena-cmds"
  cat > "$work/jena-cmds/pom.xml" <<POM
<project><modelVersion>4.0.0</modelVersion><groupId>bench</groupId><artifactId>jena-cmds</artifactId><version>1</version>
<dependencies><dependency><groupId>org.apache.jena</groupId><artifactId>jena-cmds</artifactId><version>5.6.0</version></dependency></dependencies></project>
POM
  (cd "$work/jena-cmds" && "$root/mvnw" -B -q dependency:build-classpath -Dmdep.outputFile="$work/jena-cp.txt")
fi
cp="$(cat "$work/jena-cp.txt")"
nt="$work/esco-v1.1.1-en.nt"
[ -f "$nt" ] || java -cp "$cp" riotcmd.riot --output=nt "$ttl" > "$nt" 2>/dev/null

seconds() { /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > "$work/out.txt" 2> "$work/err.txt"; cat "$work/time.txt"; }
peak_heap() { grep -o '[0-9]*M->' "$1" | sed 's/M->//' | sort -n | tail -1; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "== CSV: ingest esco data/esco/v1.1.1/*.zip, -Xmx1g"
for i in $(seq "$runs"); do
  rm -rf "$work/home-csv"
  t=$(seconds java -Xmx1g -Xlog:gc:file="$work/gc.log" -jar "$jar" --home "$work/home-csv" \
      ingest esco --no-index "$root"/data/esco/v1.1.1/*.zip)
  echo "run $i: wall ${t% *} s, max RSS $(( ${t#* } / 1024 )) MiB, peak heap used $(peak_heap "$work/gc.log") MiB"
  head -1 "$work/out.txt"
done

echo "== RDF: the shared Turtle dump as it is ($(basename "$ttl"))"
rm -rf "$work/home-ttl"
t=$(seconds java -Xmx1g -jar "$jar" --home "$work/home-ttl" ingest esco --no-index "$ttl" --esco-version v1.1.1)
echo "observatory ingest esco (Turtle, gzipped): ${t% *} s wall"; head -1 "$work/out.txt"

echo "== RDF: $(wc -l < "$nt") triples as N-Triples"
for i in $(seq "$runs"); do
  rm -rf "$work/home-rdf" "$work/tdb-default" "$work/tdb-graph"
  a=$(seconds java -Xmx1g -Xlog:gc:file="$work/gc.log" -jar "$jar" --home "$work/home-rdf" \
      ingest esco --no-index "$nt" --esco-version v1.1.1)
  echo "run $i: observatory ingest esco (named graph, -Xmx1g): ${a% *} s wall, peak heap used $(peak_heap "$work/gc.log") MiB"
  b=$(seconds java -Xmx2g -cp "$cp" tdb2.tdbloader --loc "$work/tdb-default" "$nt")
  echo "run $i: tdb2.tdbloader default loader, default graph: ${b% *} s wall"
  c=$(seconds java -Xmx2g -cp "$cp" tdb2.tdbloader --graph=urn:bench:esco --loc "$work/tdb-graph" "$nt")
  echo "run $i: tdb2.tdbloader default loader, --graph (named graph): ${c% *} s wall"
done
