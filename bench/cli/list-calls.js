// Counts the API calls `ecr-ptc list` makes: seeds the local ECR API endpoint directly (bypassing the 50-rule quota,
// which only CreatePullThroughCacheRule enforces) with N rules, runs `node lib/cli/main.js list --json`, checks that
// every rule was listed, and reports the calls per operation as counted by the endpoint.
// Usage: node bench/cli/list-calls.js [--json FILE] [N ...]   (default N: 50 2345)
'use strict';
const fs = require('fs');
const { load, seedRules, runCli } = require('./endpoint');

async function main() {
  const args = process.argv.slice(2);
  const jsonAt = args.indexOf('--json');
  const jsonFile = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : undefined;
  const sizes = args.length > 0 ? args.map(Number) : [50, 2345];
  const { LocalEcrEndpoint, ACCESS_KEY_ID } = load();
  const results = [];
  for (const size of sizes) {
    const endpoint = await LocalEcrEndpoint.start();
    try {
      seedRules(endpoint, size);
      const result = await runCli(endpoint, ['list', '--json'], ACCESS_KEY_ID);
      if (result.code !== 0) throw new Error(`list exited ${result.code}: ${result.stderr}`);
      const listed = JSON.parse(result.stdout).length;
      if (listed !== size) throw new Error(`list printed ${listed} rules, expected ${size}`);
      const pageSizes = endpoint.requests
        .filter((r) => r.operation === 'DescribePullThroughCacheRules')
        .map((r) => r.body.maxResults ?? null);
      const row = { rules: size, listed, calls: endpoint.counts(), maxResults: pageSizes, ms: Math.round(result.ms) };
      results.push(row);
      console.log(`list, ${size} rules: ${JSON.stringify(row.calls)} (maxResults ${pageSizes.join(', ')}), ` +
        `${listed} listed in ${row.ms} ms`);
    } finally {
      await endpoint.close();
    }
  }
  if (jsonFile) fs.writeFileSync(jsonFile, `${JSON.stringify({ name: 'cli-list-calls', kind: 'counts', date: new Date().toISOString(), results }, null, 1)}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
