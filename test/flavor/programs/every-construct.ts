/**
 * What the reference stack (examples/reference-stack.ts) does not show: a rule on its own, a rule owned elsewhere
 * (data source) with a grant, a secret declared with the provider package, a KMS-encrypted tagging template, a
 * template without a rule, and ECR to ECR in the same account. The migration test synthesizes it on both cores.
 */
import { TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { Construct } from 'constructs';
import {
  EcrUpstreamRole,
  PullThroughCacheRepositoryTemplate,
  PullThroughCacheRule,
  RepositoryEncryption,
  UpstreamCredential,
  UpstreamRegistry,
  UpstreamRegistryType,
} from '../../../src';

export class EveryConstructStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'eu-central-1' });

    const secret = new SecretsmanagerSecret(this, 'GhcrSecret', { name: 'ecr-pullthroughcache/ghcr' });
    const ghcr = new PullThroughCacheRule(this, 'Ghcr', {
      upstream: UpstreamRegistry.githubContainerRegistry({ credential: UpstreamCredential.fromSecret(secret) }),
      ecrRepositoryPrefix: 'ghcr',
      repositoryTemplate: {
        encryption: RepositoryEncryption.KMS,
        kmsKey: 'arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        resourceTags: { team: 'platform' },
        maxImageCount: 50,
      },
    });
    ghcr.grantPull('ci-runner');

    const sameAccount = new EcrUpstreamRole(this, 'SameAccountRole', { upstreamRegion: 'us-west-2' });
    new PullThroughCacheRule(this, 'West', {
      upstream: UpstreamRegistry.ecr({ region: 'us-west-2', roleArn: sameAccount.roleArn }),
      ecrRepositoryPrefix: 'west',
    });

    const existing = PullThroughCacheRule.fromEcrRepositoryPrefix(this, 'SharedDockerHub', 'docker-hub', {
      upstreamType: UpstreamRegistryType.DOCKER_HUB,
    });
    existing.grantPull('app-role');

    new PullThroughCacheRepositoryTemplate(this, 'QuayTemplate', {
      prefix: 'quay',
      description: 'Quay images',
      untaggedImageExpiryDays: 3,
    });
  }
}
