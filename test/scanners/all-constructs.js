/**
 * A stack that uses every construct and factory of the library, for the security scanners (scripts/checkov.sh).
 * Run with node after `npm run build` (it loads lib/): `node test/scanners/all-constructs.js <outdir>`.
 * Writes <outdir>/stacks/all-constructs/cdk.tf.json.
 */
const { App, TerraformStack, TerraformVariable } = require('cdktf');
const { AwsProvider } = require('@cdktf/provider-aws/lib/provider');
const { SecretsmanagerSecret } = require('@cdktf/provider-aws/lib/secretsmanager-secret');
const lib = require('../../lib');

const outdir = process.argv[2];
if (!outdir) throw new Error('usage: node test/scanners/all-constructs.js <outdir>');

const app = new App({ outdir });
const stack = new TerraformStack(app, 'all-constructs');
new AwsProvider(stack, 'aws', { region: 'eu-west-1' });

const token = new TerraformVariable(stack, 'docker_hub_access_token', { type: 'string', sensitive: true });
const dockerHubSecret = new lib.UpstreamCredentialSecret(stack, 'DockerHubCredential', {
  secretName: 'docker-hub',
  username: 'ci-bot',
  accessToken: token.stringValue,
});
const ghcrSecret = new SecretsmanagerSecret(stack, 'GhcrSecret', { name: 'ecr-pullthroughcache/ghcr' });
const role = new lib.EcrUpstreamRole(stack, 'UpstreamRole', {
  upstreamAccountId: '444455556666',
  upstreamRegion: 'us-east-1',
  upstreamRepositoryPrefix: 'platform',
});

const cache = new lib.PullThroughCache(stack, 'Cache', {
  repositoryTemplate: { description: 'cached images', untaggedImageExpiryDays: 14, maxImageCount: 100 },
});
cache.addRule('DockerHub', {
  upstream: lib.UpstreamRegistry.dockerHub({ credential: dockerHubSecret.credential }),
  repositoryTemplate: { resourceTags: { team: 'platform' }, encryption: lib.RepositoryEncryption.KMS },
});
cache.addRule('Ghcr', { upstream: lib.UpstreamRegistry.githubContainerRegistry({ credential: lib.UpstreamCredential.fromSecret(ghcrSecret) }) });
const arn = (name) => `arn:aws:secretsmanager:eu-west-1:111122223333:secret:ecr-pullthroughcache/${name}-AbCdEf`;
cache.addRule('GitLab', { upstream: lib.UpstreamRegistry.gitlabContainerRegistry({ credential: lib.UpstreamCredential.fromSecretArn(arn('gitlab')) }) });
cache.addRule('Chainguard', { upstream: lib.UpstreamRegistry.chainguard({ credential: lib.UpstreamCredential.fromSecretArn(arn('chainguard')) }) });
cache.addRule('Azure', {
  upstream: lib.UpstreamRegistry.azureContainerRegistry({ registryName: 'contosoimages', credential: lib.UpstreamCredential.fromSecretArn(arn('azure')) }),
});
cache.addRule('Quay', { upstream: lib.UpstreamRegistry.quay() });
cache.addRule('Kubernetes', { upstream: lib.UpstreamRegistry.kubernetes() });
cache.addRule('Central', {
  upstream: lib.UpstreamRegistry.ecr({ accountId: '444455556666', region: 'us-east-1', roleArn: role.roleArn, repositoryPrefix: 'platform' }),
  ecrRepositoryPrefix: 'central',
});
cache.grantPull('eks-node-role');
cache.grantPullToOrganization('o-a1b2c3d4e5');
cache.addFailureNotifications();

const standalone = new lib.PullThroughCacheRule(stack, 'EcrPublic', {
  upstream: lib.UpstreamRegistry.ecrPublic(),
  region: 'us-west-2',
  repositoryTemplate: { archiveImagesNotPulledForDays: 90, expireImagesNotPulledForDays: 180 },
});
standalone.grantPull('batch-role');
new lib.PullThroughCacheRepositoryTemplate(stack, 'RootTemplate', { prefix: 'ROOT', untaggedImageExpiryDays: 30 });
const shared = lib.PullThroughCacheRule.fromEcrRepositoryPrefix(stack, 'Shared', 'shared-cache', { upstreamType: lib.UpstreamRegistryType.QUAY });
shared.grantPull('batch-role');

app.synth();
