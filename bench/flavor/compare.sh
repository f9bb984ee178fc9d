#!/usr/bin/env bash
# CDK Terrain flavor against cdktf flavor: the same programs (bench/flavor/program.js) on each flavor with its own
# core, as whole processes, paired A B A B ... with bench/harness.py (A = cdktn, B = cdktf):
#   load          require the core and the library
#   example       synthesize the example stack (examples/reference-stack.ts)
#   rules-50x20   synthesize 50 rules in each of 20 Regions (1,000 rules)
# First checks that both sides synthesize the same resources, data sources and outputs. Results (JSON) go to
# .tmp/bench-flavor/; docs/BENCHMARKS.md, "CDK Terrain flavor", quotes them.
#
#   bash bench/flavor/compare.sh          BENCH_RUNS counted pairs per comparison (default 7), BENCH_WARMUP (default 1)
set -euo pipefail
cd "$(dirname "$0")/../.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 CHECKPOINT_DISABLE=1
RUNS="${BENCH_RUNS:-7}"
WARMUP="${BENCH_WARMUP:-1}"
out=.tmp/bench-flavor
rm -rf "$out" && mkdir -p "$out"

# Builds: the root library and its compiled example when stale; the cdktn flavor (builds only what changed).
if [ ! -f lib/index.js ] || [ -n "$(find src -newer lib/index.js -type f -print -quit)" ]; then npm run --silent build; fi
if [ ! -f .gen/examples/reference-stack.js ] || [ -n "$(find src examples -newer .gen/examples/reference-stack.js -type f -print -quit)" ]; then
  npx --no-install tsc -p tsconfig.examples.json
fi
bash scripts/build-cdktn.sh > "$out/build-cdktn.log" 2>&1 || { cat "$out/build-cdktn.log"; exit 1; }

# Same work on both sides: the stacks' resources, data sources and outputs must be equal.
for work in "example" "rules 50 20"; do
  name="${work%% *}"
  for flavor in cdktf cdktn; do
    # shellcheck disable=SC2086
    node bench/flavor/program.js "$flavor" $work "$out/same/$flavor-$name"
  done
  node -e '
const fs = require("fs"), path = require("path");
const [a, b] = process.argv.slice(1).map((dir) => {
  const stacks = path.join(dir, "stacks");
  const [stack] = fs.readdirSync(stacks);
  const doc = JSON.parse(fs.readFileSync(path.join(stacks, stack, "cdk.tf.json"), "utf8"));
  return JSON.stringify([doc.resource, doc.data, doc.output]);
});
if (a !== b) { console.error("bench/flavor: the two flavors synthesize different stacks"); process.exit(1); }
' "$out/same/cdktf-$name" "$out/same/cdktn-$name"
  echo "[bench:flavor] $name: both flavors synthesize the same resources, data sources and outputs"
done

H() { python3 bench/harness.py compare --warmup "$WARMUP" --runs "$RUNS" "$@"; }
H --name flavor-load --json "$out/flavor-load.json" \
  --a-label cdktn --a 'node bench/flavor/program.js cdktn load' \
  --b-label cdktf --b 'node bench/flavor/program.js cdktf load'
H --name flavor-example --json "$out/flavor-example.json" \
  --a-label cdktn --a 'node bench/flavor/program.js cdktn example' \
  --b-label cdktf --b 'node bench/flavor/program.js cdktf example'
H --name flavor-rules-50x20 --json "$out/flavor-rules-50x20.json" \
  --a-label cdktn --a 'node bench/flavor/program.js cdktn rules 50 20' \
  --b-label cdktf --b 'node bench/flavor/program.js cdktf rules 50 20'
echo "[bench:flavor] results in $out"
