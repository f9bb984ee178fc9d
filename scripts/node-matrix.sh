#!/usr/bin/env bash
# Runs the TypeScript suites of both flavors and the example synth on the Node.js releases of
# scripts/node-matrix/package.json (22 and 24; the machine's own node, 20 here, runs them in the jest and cdktn
# stages), like a CI matrix:
#   - jest at the root (cdktf flavor) and in .gen/cdktn (cdktn flavor), whole suites;
#   - the example app of each flavor, run with node, its document compared with the flavor's golden (test/golden/,
#     test/golden/cdktn/).
# Needs the root build (npm run build) and the cdktn one (scripts/build-cdktn.sh, run here when stale).
# Writes ".test-results/node-matrix.counts" as "<passed> <failed>".
#
#   bash scripts/node-matrix.sh              (scripts/test-all.sh calls it)
#   NODES="24" bash scripts/node-matrix.sh   only some releases
set -uo pipefail
cd "$(dirname "$0")/.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 CHECKPOINT_DISABLE=1
root="$PWD"
matrix=scripts/node-matrix
results=.test-results/node-matrix
work=.tmp/node-matrix
rm -rf "$results" "$work" && mkdir -p "$results" "$work"
counts=.test-results/node-matrix.counts
echo "0 1" > "$counts"
log() { echo "[node-matrix] $*"; }

if [ ! -f "$matrix/node_modules/.package-lock.json" ] || [ "$matrix/package-lock.json" -nt "$matrix/node_modules/.package-lock.json" ]; then
  log "npm ci --prefix $matrix"
  npm ci --prefix "$matrix" --no-audit --no-fund --loglevel=error || exit 1
fi
bash scripts/build-cdktn.sh > "$work/build-cdktn.log" 2>&1 || { cat "$work/build-cdktn.log"; exit 1; }
# The cdktf example compiled into a directory of its own (the bindings stage, which may run beside this one,
# rewrites .gen/examples).
npx --no-install tsc -p tsconfig.examples.json --outDir "$work/examples" || exit 1

passed=0; failed=0; summary=()
add() { # label passed failed
  passed=$((passed + $2)); failed=$((failed + $3))
  summary+=("$(printf '%-24s %4d passed, %d failed' "$1" "$2" "$3")")
}
jest_counts() {
  node -e '
const r = require(require("path").resolve(process.argv[1]));
const broken = r.testResults.filter((s) => s.status === "failed" && s.assertionResults.length === 0).length;
console.log(`${r.numPassedTests} ${r.numFailedTests + broken}`);
' "$1" 2>/dev/null || echo "0 1"
}
# Compares a synthesized stack with a golden (which, like Testing.synth, has no "//" block and no backend).
same_as_golden() { # cdk.tf.json golden
  node -e '
const [doc, golden] = process.argv.slice(1).map((f) => require(require("path").resolve(f)));
delete doc["//"]; delete doc.terraform.backend;
const strip = (o) => JSON.parse(JSON.stringify(o, (k, v) => (k === "//" ? undefined : v)));
const a = JSON.stringify(strip(doc)), b = JSON.stringify(strip(golden));
if (a !== b) { console.error("differs from " + process.argv[2]); process.exit(1); }
' "$1" "$2"
}

for v in ${NODES:-22 24}; do
  bin="$root/$matrix/node_modules/node$v/bin"
  if [ ! -x "$bin/node" ]; then log "no node $v in $matrix"; add "node$v" 0 1; continue; fi
  export PATH="$bin:$PATH"
  log "node $(node --version): jest (cdktf flavor)"
  "$root/node_modules/.bin/jest" --ci --silent --json --outputFile="$results/node$v-cdktf.json" > "$work/node$v-cdktf.log" 2>&1 \
    || grep -E '^(FAIL|  ●)' "$work/node$v-cdktf.log" | head -20
  add "node$v jest cdktf" $(jest_counts "$results/node$v-cdktf.json")

  log "node $(node --version): jest (cdktn flavor)"
  (cd .gen/cdktn && "$root/node_modules/.bin/jest" --ci --silent --json --outputFile="$root/$results/node$v-cdktn.json") > "$work/node$v-cdktn.log" 2>&1 \
    || grep -E '^(FAIL|  ●)' "$work/node$v-cdktn.log" | head -20
  add "node$v jest cdktn" $(jest_counts "$results/node$v-cdktn.json")

  # The example app of each flavor, run with node as `cdktf synth` / `cdktn synth` run it. (cdktf-cli 0.21 itself
  # does not start on Node 24: its node-pty has no prebuilt binary for that ABI. The library does not need it.)
  log "node $(node --version): example synth"
  out="$work/node$v"
  for flavor in cdktf cdktn; do
    if [ "$flavor" = cdktf ]; then app="$work/examples/examples/main.js"; golden=test/golden; else app=.gen/cdktn/.gen/examples/main.js; golden=test/golden/cdktn; fi
    mkdir -p "$out/$flavor.out"
    if CDKTF_OUTDIR="$root/$out/$flavor.out" node "$app" > "$work/node$v-synth-$flavor.log" 2>&1 \
      && same_as_golden "$out/$flavor.out/stacks/ecr-pull-through-cache-example/cdk.tf.json" "$golden/ecr-pull-through-cache-example.cdk.tf.json"; then
      add "node$v synth $flavor" 1 0
    else
      tail -20 "$work/node$v-synth-$flavor.log"; add "node$v synth $flavor" 0 1
    fi
  done
done

echo "$passed $failed" > "$counts"
printf '%s\n' "${summary[@]}"
log "${passed} passed, ${failed} failed"
[ "$failed" = 0 ]
