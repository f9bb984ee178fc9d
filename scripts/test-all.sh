#!/usr/bin/env bash
# Runs every test of the project, in every language, and prints one total line:
#   tests: N passed, M failed
# Each stage writes ".test-results/<stage>.counts" as "<passed> <failed>".
set -uo pipefail
cd "$(dirname "$0")/.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
export CHECKPOINT_DISABLE=1

rm -rf .test-results && mkdir -p .test-results
status=0

stage() {
  local name="$1"; shift
  local started=$SECONDS
  echo "=== ${name} ==="
  if ! "$@"; then
    echo "stage ${name} failed"
    status=1
  fi
  if [ ! -s ".test-results/${name}.counts" ]; then
    # A stage that died before reporting counts as one failure so it can never look green.
    echo "0 1" > ".test-results/${name}.counts"
  fi
  echo "=== ${name}: $(cat ".test-results/${name}.counts") (passed failed) in $((SECONDS - started)) s ==="
}

# 1. Build the jsii library and the CLI (tests import both).
stage build bash -c 'npm run --silent build:all && echo "0 0" > .test-results/build.counts'

# 1b. Type-check sources, tests and examples together (jest only transpiles).
stage typecheck bash -c 'npx tsc -p tsconfig.dev.json && echo "1 0" > .test-results/typecheck.counts'

# 2. TypeScript: unit, construct, example and CLI tests (jest).
stage jest bash scripts/run-jest.sh

# 2b. The CDK Terrain flavor (generated into .gen/cdktn): its whole jest suite on cdktn, and the tests of both
# flavors together (test/flavor/).
stage cdktn bash scripts/test-cdktn.sh

# 2c. Both flavors' jest suites and example synth on Node 22 and 24, beside the bindings (it shares no files with
# them); its output follows theirs.
if [ "${SKIP_NODE_MATRIX:-0}" != "1" ]; then
  bash scripts/node-matrix.sh > .test-results/node-matrix.log 2>&1 &
  node_matrix_pid=$!
  node_matrix_started=$SECONDS
fi

# 2d. Security scanner: checkov (installed by the script into .tmp/) on the example and an every-construct stack,
# beside the bindings (it copies the stacks it scans first and writes only .tmp/checkov); its output follows theirs.
if [ "${SKIP_CHECKOV:-0}" != "1" ]; then
  bash scripts/checkov.sh > .test-results/checkov.log 2>&1 &
  checkov_pid=$!
  checkov_started=$SECONDS
fi

# 3. Bindings: Python, Go and Java programs against the jsii-pacmak artifacts, cdktf then cdktn (the cdktf package
# step may clear dist/, which holds dist/cdktn).
if [ "${SKIP_BINDINGS:-0}" != "1" ]; then
  stage bindings bash test/bindings/run.sh
  stage cdktn-bindings bash test/bindings/cdktn/run.sh
fi

# 3b. The README's Quick starts, followed literally in fresh directories (TypeScript on cdktf and on CDK Terrain, and
# Python on both), with the library from the artifacts the bindings stages packed and the rest from the registries.
if [ "${SKIP_QUICKSTART:-0}" != "1" ]; then
  stage quickstart bash test/quickstart/run.sh
fi

if [ "${SKIP_NODE_MATRIX:-0}" != "1" ]; then
  echo "=== node-matrix (ran beside the bindings) ==="
  wait "$node_matrix_pid" || { echo "stage node-matrix failed"; status=1; }
  cat .test-results/node-matrix.log
  [ -s .test-results/node-matrix.counts ] || echo "0 1" > .test-results/node-matrix.counts
  echo "=== node-matrix: $(cat .test-results/node-matrix.counts) (passed failed) in $((SECONDS - node_matrix_started)) s ==="
fi

if [ "${SKIP_CHECKOV:-0}" != "1" ]; then
  echo "=== checkov (ran beside the bindings) ==="
  wait "$checkov_pid" || { echo "stage checkov failed"; status=1; }
  cat .test-results/checkov.log
  [ -s .test-results/checkov.counts ] || echo "0 1" > .test-results/checkov.counts
  echo "=== checkov: $(cat .test-results/checkov.counts) (passed failed) in $((SECONDS - checkov_started)) s ==="
fi

passed=0; failed=0
for f in .test-results/*.counts; do
  read -r p fl < "$f"
  passed=$((passed + p)); failed=$((failed + fl))
done
[ "$failed" -gt 0 ] && status=1
echo "tests: ${passed} passed, ${failed} failed"
exit $status
