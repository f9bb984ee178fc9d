// Builds a stack of N pull through cache rules that rely on the provider's Region (no `region` argument) and use a
// credential, so that each rule's constructor compares the secret's Region with the provider's: the case where the
// stack's default AWS provider is looked up once per rule. The provider is declared as a stack override (a provider
// block without provider bindings); the stack is built, not synthesized.
//
// Usage: node bench/synth/provider-region.js [rules=2000] [library directory=lib]
//   (give an older build's directory to compare two builds of the library, e.g. one from `git worktree add`)
'use strict';
const path = require('path');
const rules = Number(process.argv[2] ?? 2000);
const lib = require(path.resolve(process.argv[3] ?? path.join(__dirname, '..', '..', 'lib')));
const { App, TerraformStack } = require('cdktf');

const stack = new TerraformStack(new App({ outdir: path.join(require('os').tmpdir(), 'bench-provider-region') }), 'bench');
stack.addOverride('provider.aws', [{ region: 'us-east-1' }]);
const credential = lib.UpstreamCredential.fromSecretArn(
  'arn:aws:secretsmanager:us-east-1:111122223333:secret:ecr-pullthroughcache/ghcr-AbCdEf');
const upstream = lib.UpstreamRegistry.githubContainerRegistry({ credential });
for (let i = 0; i < rules; i++) new lib.PullThroughCacheRule(stack, `Rule${i}`, { upstream, ecrRepositoryPrefix: `ghcr-${i}` });
