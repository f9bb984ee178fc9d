// One `ecr-ptc validate` run as a whole process: starts the local ECR API endpoint in this process, seeds it with
// N valid rules, injects a fixed latency on every API call, then runs `node lib/cli/main.js validate` (which lists
// the rules, then validates each) and checks that it validated every rule.
// Usage: node bench/cli/validate.js [--rules 50] [--latency-ms 100] [-- extra ecr-ptc arguments, e.g. --concurrency 1]
'use strict';
const { load, seedRules, runCli } = require('./endpoint');

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main() {
  const rules = option('--rules', 50);
  const latencyMs = option('--latency-ms', 100);
  const dash = process.argv.indexOf('--');
  const extra = dash >= 0 ? process.argv.slice(dash + 1) : [];
  const { LocalEcrEndpoint, ACCESS_KEY_ID } = load();
  const endpoint = await LocalEcrEndpoint.start();
  try {
    seedRules(endpoint, rules);
    if (latencyMs > 0) endpoint.inject({ kind: 'latency', ms: latencyMs });
    const result = await runCli(endpoint, ['validate', ...extra], ACCESS_KEY_ID);
    const counts = endpoint.counts();
    if (result.code !== 0 || counts.ValidatePullThroughCacheRule !== rules) {
      throw new Error(`validate exited ${result.code} after ${JSON.stringify(counts)}: ${result.stderr}`);
    }
    process.stderr.write(`validate ${extra.join(' ') || '(default concurrency)'}: ${rules} rules in ${result.ms.toFixed(0)} ms, ` +
      `calls ${JSON.stringify(counts)}, at most ${endpoint.maxInFlight} in flight\n`);
  } finally {
    await endpoint.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
