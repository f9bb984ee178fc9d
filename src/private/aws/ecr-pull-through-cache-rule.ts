import { Construct } from 'constructs';
import { Argument } from './attributes';
import { AwsResource, ResourceOptions } from './base';

export interface EcrPullThroughCacheRuleConfig extends ResourceOptions {
  readonly ecrRepositoryPrefix: string;
  readonly upstreamRegistryUrl: string;
  readonly credentialArn?: string;
  readonly customRoleArn?: string;
  readonly upstreamRepositoryPrefix?: string;
  readonly region?: string;
}

const ARGUMENTS: readonly Argument<EcrPullThroughCacheRuleConfig>[] = [
  { name: 'credential_arn', kind: 'string', value: (c) => c.credentialArn },
  { name: 'custom_role_arn', kind: 'string', value: (c) => c.customRoleArn },
  { name: 'ecr_repository_prefix', kind: 'string', value: (c) => c.ecrRepositoryPrefix },
  { name: 'region', kind: 'string', value: (c) => c.region },
  { name: 'upstream_registry_url', kind: 'string', value: (c) => c.upstreamRegistryUrl },
  { name: 'upstream_repository_prefix', kind: 'string', value: (c) => c.upstreamRepositoryPrefix },
];

/** `aws_ecr_pull_through_cache_rule`. */
export class EcrPullThroughCacheRule extends AwsResource<EcrPullThroughCacheRuleConfig> {
  public static readonly tfResourceType = 'aws_ecr_pull_through_cache_rule';

  constructor(scope: Construct, id: string, config: EcrPullThroughCacheRuleConfig) {
    super(scope, id, EcrPullThroughCacheRule.tfResourceType, ARGUMENTS, config, config.dependsOn);
  }

  /** The account of the registry the rule belongs to. */
  public get registryId(): string {
    return this.getStringAttribute('registry_id');
  }
}
