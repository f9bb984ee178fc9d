#!/usr/bin/env bash
# Runs jest and records its totals in .test-results/jest.counts.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .test-results
npx jest --ci --json --outputFile=.test-results/jest.json "$@"
rc=$?
node -e '
const r = require("./.test-results/jest.json");
// Suites that fail to run (compile errors) have no assertions: count each as one failure.
const broken = r.testResults.filter((s) => s.status === "failed" && s.assertionResults.length === 0).length;
require("fs").writeFileSync(".test-results/jest.counts", `${r.numPassedTests} ${r.numFailedTests + broken}\n`);
' || echo "0 1" > .test-results/jest.counts
exit $rc
