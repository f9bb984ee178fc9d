#!/usr/bin/env bash
# npm run bench: builds what is missing or stale, checks that both sides of each synth comparison produce the same
# stack, runs every comparison with bench/harness.py (warm-up, then A B A B ... pairs), and writes the tables of
# docs/BENCHMARKS.md from the JSON results.
#
#   npm run bench                      all comparisons, BENCH_RUNS pairs each (default 7), doc updated
#   npm run bench -- --quick           3 pairs (2 for the provider root import), no warm-up; results in .tmp/bench/,
#                                      doc not touched (below 5 pairs: for a look, not for the figures)
#   npm run bench -- --only load,cli   only these groups (load, synth, languages, cli, workloads)
#   npm run bench -- --no-doc          leave docs/BENCHMARKS.md alone (tables are printed)
#
# Environment: BENCH_RUNS (counted pairs, and rounds of the language series; default 7), BENCH_ROOT_RUNS (pairs for
# the ~5 s provider root import, default min(BENCH_RUNS, 5)), BENCH_WARMUP (default 1), BENCH_LANG_RUNS.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 CHECKPOINT_DISABLE=1

QUICK=0
DOC=1
ONLY="load,synth,languages,cli,workloads"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --no-doc) DOC=0 ;;
    --only) ONLY="$2"; shift ;;
    --only=*) ONLY="${1#--only=}" ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "bench: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
want() { [[ ",$ONLY," == *",$1,"* ]]; }

if [ "$QUICK" = 1 ]; then
  RUNS=${BENCH_RUNS:-3}
  ROOT_RUNS=${BENCH_ROOT_RUNS:-2}
  WARMUP=${BENCH_WARMUP:-0}
  RESULTS="$ROOT/.tmp/bench"
  DOC=0
else
  RUNS=${BENCH_RUNS:-7}
  ROOT_RUNS=${BENCH_ROOT_RUNS:-$(( RUNS < 5 ? RUNS : 5 ))}
  WARMUP=${BENCH_WARMUP:-1}
  RESULTS="$ROOT/bench/results"
fi
export BENCH_RUNS=$RUNS
mkdir -p "$RESULTS"
STARTED=$(date +%s)
H() { python3 bench/harness.py compare --warmup "$WARMUP" --runs "$RUNS" "$@"; }

# --- builds --------------------------------------------------------------------------------------------------
newer_than() { # newer_than TARGET DIR...: true if TARGET is missing or a file under DIR is newer
  [ ! -e "$1" ] && return 0
  local target=$1; shift
  [ -n "$(find "$@" -newer "$target" -type f -print -quit 2>/dev/null)" ]
}
if newer_than lib/index.js src/*.ts src/private; then echo "bench: building the library (npm run build)"; npm run --silent build; fi
if newer_than lib/cli/main.js src/cli; then echo "bench: building the CLI (npm run build:cli)"; npm run --silent build:cli; fi
if newer_than .gen/examples/reference-stack.js examples src/*.ts src/private; then
  echo "bench: compiling the example (tsc -p tsconfig.examples.json)"; npx tsc -p tsconfig.examples.json
fi
if want cli && newer_than .gen/bench/test/cli/support/ecr-endpoint.js test/cli/support; then
  echo "bench: compiling the local ECR endpoint (tsc -p bench/tsconfig.cli-support.json)"
  npx tsc -p bench/tsconfig.cli-support.json
fi
[ -e .gen/bench/reference ] || { mkdir -p .gen/bench && ln -sfn ../../reference .gen/bench/reference; }
# A full run that writes the doc starts from no results, so the doc holds this run's figures only.
if [ "$DOC" = 1 ] && [ "$ONLY" = "load,synth,languages,cli,workloads" ]; then rm -f "$RESULTS"/*.json; fi

python3 bench/machine.py "$RESULTS/machine.json" > /dev/null

# --- load --------------------------------------------------------------------------------------------------------
if want load; then
  H --name load-library --json "$RESULTS/load-library.json" --target-time 1.05 --target-rss 1.05 \
    --a-label 'require library' --a 'node bench/load/library.js' \
    --b-label 'require cdktf' --b 'node bench/load/cdktf-only.js'
  python3 bench/harness.py single --warmup "$WARMUP" --runs "$RUNS" --name load-node-baseline --label node-baseline \
    --cmd "node bench/load/node-baseline.js" --json "$RESULTS/load-node-baseline.json"
  python3 bench/harness.py compare --warmup 0 --runs "$ROOT_RUNS" \
    --name load-provider-root --json "$RESULTS/load-provider-root.json" \
    --a-label 'require library' --a 'node bench/load/library.js' \
    --b-label 'require provider root' --b 'node bench/load/provider-root.js'
fi

# --- synth -------------------------------------------------------------------------------------------------------
# Our constructs (A) against the same resources written with the provider's generated classes (B): time and peak
# memory of the whole process (load, construction, synthesis); target: A no costlier than B.
if want synth; then
  node bench/synth/check-same.js rules
  H --name synth-example --json "$RESULTS/synth-example.json" --target-time 1.00 --target-rss 1.00 \
    --a-label 'example, constructs' --a 'node bench/synth/example.js' \
    --b-label 'example, provider classes' --b 'node bench/synth/example-l1.js'
  H --name synth-rules-cache --json "$RESULTS/synth-rules-cache.json" --target-time 1.00 --target-rss 1.00 \
    --a-label '50 rules × 20 Regions, PullThroughCache' --a 'node bench/synth/rules.js constructs 50 20 cache' \
    --b-label '50 rules × 20 Regions, provider classes' --b 'node bench/synth/rules.js l1 50 20 cache'
  # The standalone stack's target is the one its issue set: at most 1.05x.
  H --name synth-rules-standalone --json "$RESULTS/synth-rules-standalone.json" --target-time 1.05 --target-rss 1.05 \
    --a-label '1,000 PullThroughCacheRule, own region each' --a 'node bench/synth/rules.js constructs 50 20 standalone' \
    --b-label '1,000 rules, provider classes' --b 'node bench/synth/rules.js l1 50 20 standalone'
fi

# --- languages -----------------------------------------------------------------------------------------------------
if want languages; then
  bash bench/lang/run.sh "$RESULTS" "$RUNS" "$WARMUP" || echo "bench: the language comparison failed (see above)" >&2
fi

# --- CLI -----------------------------------------------------------------------------------------------------------
if want cli; then
  H --name cli-validate --json "$RESULTS/cli-validate.json" \
    --a-label 'validate, default concurrency (5)' --a 'node bench/cli/validate.js --rules 50 --latency-ms 100' \
    --b-label 'validate --concurrency 1' --b 'node bench/cli/validate.js --rules 50 --latency-ms 100 -- --concurrency 1'
  node bench/cli/list-calls.js --json "$RESULTS/cli-list-calls.json" 50 2345
fi

# --- workloads -----------------------------------------------------------------------------------------------------
# `ecr-ptc rewrite --check` over 1,000 generated manifests (4,368 image references), as a CI gate runs it: the whole
# process (start, reading the stack, reading and parsing every file, the report). --registry-id: no AWS call. The
# command must exit 1 (references bypass the cache), so a run that finds nothing fails the benchmark.
if want workloads; then
  WORKLOADS_DIR="$ROOT/.tmp/bench/workloads"
  mkdir -p "$ROOT/.tmp/bench"
  node bench/workloads/generate.js "$WORKLOADS_DIR" 1000 --record "$RESULTS/workloads-files.json"
  python3 bench/harness.py single --warmup "$WARMUP" --runs "$RUNS" --name workloads-rewrite-check \
    --label 'rewrite --check, 1,000 manifests' --json "$RESULTS/workloads-rewrite-check.json" \
    --cmd "sh -c 'node lib/cli/main.js rewrite --synth test/cli/fixtures/stack.cdk.tf.json --registry-id 111122223333 --check $WORKLOADS_DIR > /dev/null 2>&1; test \$? -eq 1'"
fi

SECONDS_TOTAL=$(( $(date +%s) - STARTED ))
COMMAND="npm run bench${QUICK:+}"
[ "$QUICK" = 1 ] && COMMAND="npm run bench -- --quick"
[ "$ONLY" != "load,synth,languages,cli,workloads" ] && COMMAND="$COMMAND --only $ONLY"
RUN_NAME=run
[ "$ONLY" != "load,synth,languages,cli,workloads" ] && RUN_NAME="run-${ONLY//,/-}"
printf '{"name": "%s", "command": "%s", "runs": %s, "warmup": %s, "seconds": %s}\n' \
  "$RUN_NAME" "$COMMAND" "$RUNS" "$WARMUP" "$SECONDS_TOTAL" > "$RESULTS/$RUN_NAME.json"

if [ "$DOC" = 1 ]; then
  python3 bench/report.py "$RESULTS" --doc docs/BENCHMARKS.md
else
  python3 bench/report.py "$RESULTS"
fi
echo "bench: done in $(( SECONDS_TOTAL / 60 )) min $(( SECONDS_TOTAL % 60 )) s; results in ${RESULTS#$ROOT/}/"
