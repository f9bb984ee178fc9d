#!/usr/bin/env bash
# The CDK Terrain flavor's TypeScript tests: builds .gen/cdktn (scripts/build-cdktn.sh), runs the whole jest suite
# there against cdktn 0.24 and @cdktn/provider-aws 25.x (the same test files as the root, core swapped), then the
# tests of the flavors themselves (test/flavor/: the generated tree differs from the sources only by the core's
# module names; a stack keeps every address when it moves between cores; the example synthesizes on both).
# Writes ".test-results/cdktn.counts" as "<passed> <failed>".
#
#   bash scripts/test-cdktn.sh                (npm run test:cdktn; scripts/test-all.sh calls it)
#   UPDATE_GOLDEN=1 bash scripts/test-cdktn.sh   accept a deliberate change of the cdktn golden
#   bash scripts/test-cdktn.sh -t 'pattern'   extra arguments go to both jest runs
set -uo pipefail
cd "$(dirname "$0")/.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 CHECKPOINT_DISABLE=1
root="$PWD"
mkdir -p .test-results/cdktn
counts=.test-results/cdktn.counts
echo "0 1" > "$counts"   # until the end: a run that dies early counts as failed

if ! bash scripts/build-cdktn.sh; then
  echo "[test:cdktn] build failed"
  exit 1
fi

status=0
# jest's --json report to a file; prints "<passed> <failed>" (a suite that did not run counts as one failure).
jest_counts() {
  node -e '
const r = require(process.argv[1]);
const broken = r.testResults.filter((s) => s.status === "failed" && s.assertionResults.length === 0).length;
console.log(`${r.numPassedTests} ${r.numFailedTests + broken}`);
' "$1" 2>/dev/null || echo "0 1"
}

echo "[test:cdktn] jest in .gen/cdktn"
(cd .gen/cdktn && "$root/node_modules/.bin/jest" --ci --json --outputFile="$root/.test-results/cdktn/flavor.json" "$@") || status=1
read -r p1 f1 <<< "$(jest_counts "$root/.test-results/cdktn/flavor.json")"
if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
  cp .gen/cdktn/test/golden/cdktn/*.json test/golden/cdktn/
  echo "[test:cdktn] copied the cdktn goldens back to test/golden/cdktn/"
fi

echo "[test:cdktn] jest test/flavor"
"$root/node_modules/.bin/jest" --ci --config test/flavor/jest.config.js --json --outputFile="$root/.test-results/cdktn/cross.json" "$@" || status=1
read -r p2 f2 <<< "$(jest_counts "$root/.test-results/cdktn/cross.json")"

echo "$((p1 + p2)) $((f1 + f2))" > "$counts"
echo "[test:cdktn] cdktn flavor: $p1 passed, $f1 failed; flavor tests: $p2 passed, $f2 failed"
[ "$((f1 + f2))" = 0 ] && exit $status || exit 1
