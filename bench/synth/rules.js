// Synthesizes a stack of N pull through cache rules in each of R Regions, built one of two ways:
//   constructs: with this library's constructs;
//   l1:         the same aws_ecr_pull_through_cache_rule resources (and aws_partition data source) written by hand
//               with the provider's generated classes (deep imports), under the same construct paths;
// and laid out one of two ways:
//   cache:      one PullThroughCache per Region (its `region` prop), N rules added to each with addRule;
//   standalone: N x R PullThroughCacheRule constructs directly under the stack, each with its own `region` argument
//               (rule i of Region r: id `Rule-<r>-<i>`, prefix `ecr-public-<i>`), no PullThroughCache.
// Every Region is a real Region name: more than 50 rules in one Region is rejected by the library's quota check, as
// it would be by ECR, so 1,000 rules need 20 Regions.
//
// Usage: node bench/synth/rules.js <constructs|l1> <rulesPerRegion> <regions> [cache|standalone]
//   BENCH_SYNTH_OUT=dir keeps the output there (bench/synth/check-same.js compares both ways)
//   BENCH_PHASES=1 prints time, CPU and heap after each phase (load, construct, synth) to stderr
// As a module (bench/profile/warm.js): buildRules(stack, options) adds the rules to a stack.
'use strict';
const t0 = process.hrtime.bigint();

const REGIONS = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1',
  'eu-central-2', 'eu-north-1', 'eu-south-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1', 'ap-northeast-2',
  'ap-northeast-3', 'ap-south-1', 'ca-central-1', 'sa-east-1', 'me-central-1'];

/** Loads what one side needs (so that a caller can time loading apart from construction). */
function load(mode) {
  if (mode === 'constructs') return require('../../lib');
  if (mode === 'l1') {
    return {
      Construct: require('constructs').Construct,
      EcrPullThroughCacheRule: require('@cdktf/provider-aws/lib/ecr-pull-through-cache-rule').EcrPullThroughCacheRule,
      DataAwsPartition: require('@cdktf/provider-aws/lib/data-aws-partition').DataAwsPartition,
    };
  }
  throw new Error(`unknown mode '${mode}': use constructs or l1`);
}

/** Adds perRegion rules in each of the first `regions` Regions to `stack`. */
function buildRules(stack, { mode, perRegion, regions, layout = 'cache' }) {
  if (layout !== 'cache' && layout !== 'standalone') throw new Error(`unknown layout '${layout}': use cache or standalone`);
  if (regions > REGIONS.length) throw new Error(`at most ${REGIONS.length} Regions`);
  const lib = load(mode);
  for (const region of REGIONS.slice(0, regions)) {
    if (mode === 'constructs') {
      const { PullThroughCache, PullThroughCacheRule, UpstreamRegistry } = lib;
      const cache = layout === 'cache' ? new PullThroughCache(stack, `Cache-${region}`, { region }) : undefined;
      for (let i = 0; i < perRegion; i++) {
        const props = { upstream: UpstreamRegistry.ecrPublic(), ecrRepositoryPrefix: `ecr-public-${i}` };
        if (cache) cache.addRule(`Rule${i}`, props);
        else new PullThroughCacheRule(stack, `Rule-${region}-${i}`, { ...props, region });
      }
    } else {
      const { Construct, EcrPullThroughCacheRule, DataAwsPartition } = lib;
      // The library's rules declare one aws_partition data source per stack (for registryHost): declare it too, so
      // that both sides synthesize the same JSON.
      if (!stack.node.tryFindChild('EcrPullThroughCachePartition')) new DataAwsPartition(stack, 'EcrPullThroughCachePartition', {});
      const scope = layout === 'cache' ? new Construct(stack, `Cache-${region}`) : stack;
      for (let i = 0; i < perRegion; i++) {
        // The same construct path as the library's rule, so both synthesize resources of equal names.
        const holder = new Construct(scope, layout === 'cache' ? `Rule${i}` : `Rule-${region}-${i}`);
        new EcrPullThroughCacheRule(holder, 'Resource', {
          ecrRepositoryPrefix: `ecr-public-${i}`, upstreamRegistryUrl: 'public.ecr.aws', region,
        });
      }
    }
  }
}

module.exports = { buildRules, load, REGIONS };

if (require.main === module) {
  const phases = process.env.BENCH_PHASES ? [] : undefined;
  const phase = (name) => phases?.push({
    name, ms: Number(process.hrtime.bigint() - t0) / 1e6, cpu: process.cpuUsage(), mem: process.memoryUsage(),
  });
  const fs = require('fs');
  const os = require('os');
  const path = require('path');
  const { App, TerraformStack } = require('cdktf');
  const { AwsProvider } = require('@cdktf/provider-aws/lib/provider');
  const [mode, perRegion, regions, layout] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4]), process.argv[5]];

  const keep = process.env.BENCH_SYNTH_OUT;
  const outdir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-synth-'));
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'bench');
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  load(mode);
  phase('load');
  buildRules(stack, { mode, perRegion, regions, layout });
  phase('construct');
  app.synth();
  phase('synth');
  if (phases) {
    const mib = (b) => (b / 1048576).toFixed(1);
    for (const p of phases) {
      const cpu = (p.cpu.user + p.cpu.system) / 1000;
      process.stderr.write(`${mode} ${p.name.padEnd(9)} ${p.ms.toFixed(0).padStart(5)} ms  cpu ${cpu.toFixed(0).padStart(5)} ms  ` +
        `heapUsed ${mib(p.mem.heapUsed)} MiB  rss ${mib(p.mem.rss)} MiB\n`);
    }
  }
  if (!keep) fs.rmSync(outdir, { recursive: true, force: true });
}
