#!/usr/bin/env bash
# Measures wall time and peak RSS of synthesizing the reference stack in each language, RUNS times
# each (default 5), and prints median and min-max. Peak RSS twice: /usr/bin/time -v's (the largest
# single process it waited for) and the peak of the summed RSS of the whole process tree, host program
# plus its Node.js jsii kernel (tools/tree-rss.py, sampled every 20 ms). Needs what run.sh sets up
# (dist/, the Python venv, the Java classes and Maven repository, the Go module). Each run is the
# standalone program a user would run; the Go program is built once beforehand, and Java runs with
# a plain `java -cp` (no Maven in the measured time).
#
#   bash test/bindings/measure-synth.sh [typescript] [python] [go] [java]
set -euo pipefail
cd "$(dirname "$0")/../.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 CHECKPOINT_DISABLE=1
root="$PWD"
RUNS="${RUNS:-5}"
work="$root/.tmp/measure"
mkdir -p "$work"
langs="${*:-typescript python go java}"

prepare() {
  case "$1" in
    typescript) npx --no-install tsc -p tsconfig.examples.json ;;
    go) (cd test/bindings/go && go build -o "$work/reference-go" .) ;;
    java)
      (cd test/bindings/java && mvn -B -q -Dmaven.repo.local="$root/test/bindings/java/.m2" compile \
        dependency:build-classpath -Dmdep.outputFile="$work/java.classpath" >/dev/null 2>&1) ;;
  esac
}

command_for() { # lang outdir
  case "$1" in
    typescript) echo "node $root/test/bindings/tools/ts-reference.js $2" ;;
    python) echo "$root/test/bindings/python/.venv/bin/python $root/test/bindings/python/app.py $2" ;;
    go) echo "$work/reference-go $2" ;;
    java) echo "java -cp $root/test/bindings/java/target/classes:$(cat "$work/java.classpath") io.github.cdktf_ecr_pull_through_cache.bindingstest.Main $2" ;;
  esac
}

echo "| language | runs | wall s, median (min-max) | peak RSS MB, time -v | peak RSS MB, process tree |"
echo "| --- | --- | --- | --- | --- |"
for lang in $langs; do
  prepare "$lang"
  : > "$work/$lang.tsv"
  for i in $(seq 1 "$RUNS"); do
    out="$work/out-$lang-$i"
    rm -rf "$out"
    # shellcheck disable=SC2046
    (cd "$work" && python3 "$root/test/bindings/tools/tree-rss.py" "$work/$lang-$i.tree" -- \
      /usr/bin/time -v -o "$work/$lang-$i.time" $(command_for "$lang" "$out"))
    wall="$(grep 'Elapsed (wall clock)' "$work/$lang-$i.time" | awk '{print $NF}')"
    rss="$(grep 'Maximum resident set size' "$work/$lang-$i.time" | awk '{print $NF}')"
    tree="$(cut -f2 "$work/$lang-$i.tree")"
    echo -e "$wall\t$rss\t$tree" >> "$work/$lang.tsv"
  done
  python3 - "$lang" "$work/$lang.tsv" <<'PY'
import statistics, sys
def secs(v):
    parts = [float(p) for p in v.split(":")]
    s = 0.0
    for p in parts: s = s * 60 + p
    return s
rows = [l.split("\t") for l in open(sys.argv[2]).read().split("\n") if l.strip()]
w = [secs(r[0]) for r in rows]; m = [int(r[1]) / 1024 for r in rows]; t = [int(r[2]) / 1024 for r in rows]
print(f"| {sys.argv[1]} | {len(rows)} | {statistics.median(w):.2f} ({min(w):.2f}-{max(w):.2f})"
      f" | {statistics.median(m):.0f} ({min(m):.0f}-{max(m):.0f})"
      f" | {statistics.median(t):.0f} ({min(t):.0f}-{max(t):.0f}) |")
PY
done
