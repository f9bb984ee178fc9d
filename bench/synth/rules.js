// Synthesizes a stack of N pull through cache rules in each of R Regions, built one of two ways:
//   constructs: with this library's PullThroughCache (one per Region, provider v6 per-resource region);
//   l1:         the same aws_ecr_pull_through_cache_rule resources (and aws_partition data source) written by hand
//               with the provider classes.
// Usage: node bench/synth/rules.js <constructs|l1> <rulesPerRegion> <regions>
'use strict';
// BENCH_PHASES=1 prints time and heap after each phase (load, construct, synth) to stderr.
const phases = process.env.BENCH_PHASES ? [] : undefined;
const t0 = process.hrtime.bigint();
const phase = (name) => phases?.push({
  name, ms: Number(process.hrtime.bigint() - t0) / 1e6, cpu: process.cpuUsage(), mem: process.memoryUsage(),
});
const fs = require('fs');
const os = require('os');
const path = require('path');
const { App, TerraformStack } = require('cdktf');
const { AwsProvider } = require('@cdktf/provider-aws/lib/provider');

const [mode, perRegion, regionCount] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const REGIONS = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1',
  'eu-central-2', 'eu-north-1', 'eu-south-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1', 'ap-northeast-2',
  'ap-northeast-3', 'ap-south-1', 'ca-central-1', 'sa-east-1', 'me-central-1'].slice(0, regionCount);

const keep = process.env.BENCH_SYNTH_OUT; // keep the output there (bench/synth/check-same.js compares both ways)
const outdir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-synth-'));
const app = new App({ outdir });
const stack = new TerraformStack(app, 'bench');
new AwsProvider(stack, 'aws', { region: 'us-east-1' });

if (mode === 'constructs') {
  const { PullThroughCache, UpstreamRegistry } = require('../../lib');
  phase('load');
  for (const region of REGIONS) {
    const cache = new PullThroughCache(stack, `Cache-${region}`, { region });
    for (let i = 0; i < perRegion; i++) {
      cache.addRule(`Rule${i}`, { upstream: UpstreamRegistry.ecrPublic(), ecrRepositoryPrefix: `ecr-public-${i}` });
    }
  }
} else if (mode === 'l1') {
  const { EcrPullThroughCacheRule } = require('@cdktf/provider-aws/lib/ecr-pull-through-cache-rule');
  const { Construct } = require('constructs');
  const { DataAwsPartition } = require('@cdktf/provider-aws/lib/data-aws-partition');
  phase('load');
  // The library's rules declare one aws_partition data source per stack (for registryHost): declare it too, so that
  // both sides synthesize the same JSON.
  new DataAwsPartition(stack, 'EcrPullThroughCachePartition', {});
  for (const region of REGIONS) {
    const scope = new Construct(stack, `Cache-${region}`);
    for (let i = 0; i < perRegion; i++) {
      // The same construct path as the library's rule, so both synthesize resources of equal names.
      const holder = new Construct(scope, `Rule${i}`);
      new EcrPullThroughCacheRule(holder, 'Resource', {
        ecrRepositoryPrefix: `ecr-public-${i}`, upstreamRegistryUrl: 'public.ecr.aws', region,
      });
    }
  }
} else {
  throw new Error(`unknown mode '${mode}': use constructs or l1`);
}
phase('construct');
app.synth();
phase('synth');
if (phases) {
  const mib = (b) => (b / 1048576).toFixed(1);
  for (const p of phases) {
    const cpu = (p.cpu.user + p.cpu.system) / 1000;
    process.stderr.write(`${mode} ${p.name.padEnd(9)} ${p.ms.toFixed(0).padStart(5)} ms  cpu ${cpu.toFixed(0).padStart(5)} ms  ` +
      `heapUsed ${mib(p.mem.heapUsed)} MiB  ` +
      `rss ${mib(p.mem.rss)} MiB\n`);
  }
}
if (!keep) fs.rmSync(outdir, { recursive: true, force: true });
