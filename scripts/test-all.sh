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
  echo "=== ${name} ==="
  if ! "$@"; then
    echo "stage ${name} failed"
    status=1
  fi
  if [ ! -s ".test-results/${name}.counts" ]; then
    # A stage that died before reporting counts as one failure so it can never look green.
    echo "0 1" > ".test-results/${name}.counts"
  fi
}

# 1. Build the jsii library and the CLI (tests import both).
stage build bash -c 'npm run --silent build:all && echo "0 0" > .test-results/build.counts'

# 1b. Type-check sources, tests and examples together (jest only transpiles).
stage typecheck bash -c 'npx tsc -p tsconfig.dev.json && echo "1 0" > .test-results/typecheck.counts'

# 2. TypeScript: unit, construct, example and CLI tests (jest).
stage jest bash scripts/run-jest.sh

# 3. Bindings: Python, Go and Java programs against the jsii-pacmak artifacts.
if [ "${SKIP_BINDINGS:-0}" != "1" ]; then
  stage bindings bash test/bindings/run.sh
fi

passed=0; failed=0
for f in .test-results/*.counts; do
  read -r p fl < "$f"
  passed=$((passed + p)); failed=$((failed + fl))
done
[ "$failed" -gt 0 ] && status=1
echo "tests: ${passed} passed, ${failed} failed"
exit $status
