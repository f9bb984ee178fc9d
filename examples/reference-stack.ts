/**
 * The reference stack: every upstream preset, a credential secret made from sensitive variables, ECR to ECR across
 * accounts with its role, repository creation templates with lifecycle rules (by count, push age and last pull),
 * notifications of failed syncs, a pull grant to a node role, a pull grant to the accounts of an organization, caches
 * in more Regions made in a loop, a rule owned by another stack referenced by its prefix, and image URIs as outputs.
 *
 * The Python, Go and Java programs under test/bindings build this same stack.
 */
import { TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import {
  EcrUpstreamRole,
  PullThroughCache,
  PullThroughCacheRule,
  UpstreamCredential,
  UpstreamCredentialSecret,
  UpstreamRegistry,
  UpstreamRegistryType,
} from '../src';

/** The account whose ECR registry the central rule caches from. */
export const CENTRAL_ACCOUNT_ID = '444455556666';

/** The AWS organization whose accounts pull through the cache. */
export const ORGANIZATION_ID = 'o-a1b2c3d4e5';

export class ReferenceStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new AwsProvider(this, 'aws', { region: 'us-east-1' });

    // Docker Hub: a secret made here from sensitive variables; no value is written into cdk.tf.json.
    const dockerHubUsername = new TerraformVariable(this, 'docker_hub_username', {
      type: 'string',
      description: 'Docker Hub user name for the pull through cache',
    });
    const dockerHubToken = new TerraformVariable(this, 'docker_hub_access_token', {
      type: 'string',
      sensitive: true,
      description: 'Docker Hub access token for the pull through cache',
    });
    const dockerHubSecret = new UpstreamCredentialSecret(this, 'DockerHubCredential', {
      secretName: 'docker-hub',
      username: dockerHubUsername.stringValue,
      accessToken: dockerHubToken.stringValue,
    });

    // Secrets that already exist, by ARN.
    const secretArn = (name: string) => `arn:aws:secretsmanager:us-east-1:111122223333:secret:ecr-pullthroughcache/${name}-AbCdEf`;

    // ECR to ECR, cross-account: the role lives here and is trusted by the pull through cache service.
    const centralRole = new EcrUpstreamRole(this, 'CentralRegistryRole', {
      upstreamAccountId: CENTRAL_ACCOUNT_ID,
      upstreamRegion: 'eu-west-1',
      upstreamRepositoryPrefix: 'platform',
    });

    const cache = new PullThroughCache(this, 'Cache', {
      repositoryTemplate: {
        description: 'Repositories created by pull through cache',
        untaggedImageExpiryDays: 14,
        maxImageCount: 200,
      },
    });
    // A rule may bring its own template; this one tags the repositories it creates.
    const dockerHub = cache.addRule('DockerHub', {
      upstream: UpstreamRegistry.dockerHub({ credential: dockerHubSecret.credential }),
      repositoryTemplate: {
        description: 'Docker Hub images cached for the platform team',
        untaggedImageExpiryDays: 7,
        resourceTags: { 'cost-center': 'platform' },
      },
    });
    // Quay images not pulled for 90 days move to the archive storage class, and are deleted 90 days later.
    cache.addRule('Quay', {
      upstream: UpstreamRegistry.quay(),
      repositoryTemplate: {
        description: 'Quay images, archived when not pulled',
        untaggedImageExpiryDays: 14,
        archiveImagesNotPulledForDays: 90,
        expireImagesNotPulledForDays: 180,
      },
    });
    // Syncs that fail, for every rule of the cache (rules added below too), notify a new SNS topic.
    cache.addFailureNotifications();
    new TerraformOutput(this, 'sync_failures_topic', { value: cache.failureTopicArn });
    const kubernetes = cache.addRule('Kubernetes', { upstream: UpstreamRegistry.kubernetes() });
    cache.addRule('EcrPublic', { upstream: UpstreamRegistry.ecrPublic() });
    const github = cache.addRule('GitHub', {
      upstream: UpstreamRegistry.githubContainerRegistry({ credential: UpstreamCredential.fromSecretArn(secretArn('ghcr')) }),
      ecrRepositoryPrefix: 'ghcr',
    });
    cache.addRule('GitLab', {
      upstream: UpstreamRegistry.gitlabContainerRegistry({ credential: UpstreamCredential.fromSecretArn(secretArn('gitlab')) }),
      ecrRepositoryPrefix: 'gitlab',
    });
    cache.addRule('Chainguard', {
      upstream: UpstreamRegistry.chainguard({ credential: UpstreamCredential.fromSecretArn(secretArn('chainguard')) }),
    });
    cache.addRule('Azure', {
      upstream: UpstreamRegistry.azureContainerRegistry({
        registryName: 'contosoimages',
        credential: UpstreamCredential.fromSecretArn(secretArn('azure')),
      }),
      ecrRepositoryPrefix: 'azure',
    });
    const central = cache.addRule('Central', {
      upstream: UpstreamRegistry.ecr({
        accountId: CENTRAL_ACCOUNT_ID,
        region: 'eu-west-1',
        roleArn: centralRole.roleArn,
        repositoryPrefix: 'platform',
      }),
      ecrRepositoryPrefix: 'central',
    });

    // The EKS nodes pull through every rule, including the first pull that creates a cached repository.
    cache.grantPull('eks-node-role');

    // Every account of the organization pulls through the cache: the first pull is allowed by the registry policy of
    // this Region (which the stack owns), later pulls by the repository policy of each rule's creation template.
    cache.grantPullToOrganization(ORGANIZATION_ID);
    new TerraformOutput(this, 'consumer_policy', {
      description: 'Attach this policy to the roles of the consumer accounts',
      value: cache.consumerPolicyJson,
    });

    // Provider v6 takes a Region per resource: one PullThroughCache per Region, no provider alias.
    for (const region of ['eu-west-1', 'ap-southeast-2']) {
      const regional = new PullThroughCache(this, `Cache-${region}`, { region });
      regional.addRule('EcrPublic', { upstream: UpstreamRegistry.ecrPublic() });
      regional.addRule('Kubernetes', { upstream: UpstreamRegistry.kubernetes() });
      regional.grantPull('eks-node-role');
    }

    new TerraformOutput(this, 'nginx_image', { value: dockerHub.imageUri('nginx:1.27') });
    new TerraformOutput(this, 'pause_image', { value: kubernetes.imageUri('registry.k8s.io/pause:3.10') });
    new TerraformOutput(this, 'github_image', { value: github.imageUri('ghcr.io/actions/actions-runner:2.321.0') });
    new TerraformOutput(this, 'central_image', {
      value: central.imageUri(`${CENTRAL_ACCOUNT_ID}.dkr.ecr.eu-west-1.amazonaws.com/platform/api:v1`),
    });
    new TerraformOutput(this, 'central_registry_policy', {
      description: 'Apply this registry policy in the central account',
      value: centralRole.upstreamRegistryPolicyJson,
    });

    // A rule that another stack owns, referenced by its prefix: its URIs and a pull grant, without owning it.
    // Read through a data source, so `terraform plan` fails if the rule does not exist.
    const shared = PullThroughCacheRule.fromEcrRepositoryPrefix(this, 'SharedChainguard', 'cgr-shared', {
      region: 'eu-west-1',
      upstreamType: UpstreamRegistryType.CHAINGUARD,
    });
    shared.grantPull('batch-job-role');
    new TerraformOutput(this, 'shared_image', { value: shared.imageUri('cgr.dev/chainguard/static:latest') });
  }
}
