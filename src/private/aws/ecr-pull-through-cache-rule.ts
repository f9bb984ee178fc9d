import { Construct } from 'constructs';
import { ECR_PULL_THROUGH_CACHE_RULE as LIMITS } from './argument-table';
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

export const ARGUMENTS: readonly Argument<EcrPullThroughCacheRuleConfig>[] = [
  { name: 'credential_arn', kind: 'string', value: (c) => c.credentialArn, limits: LIMITS.credential_arn },
  { name: 'custom_role_arn', kind: 'string', value: (c) => c.customRoleArn, limits: LIMITS.custom_role_arn },
  { name: 'ecr_repository_prefix', kind: 'string', value: (c) => c.ecrRepositoryPrefix, limits: LIMITS.ecr_repository_prefix },
  { name: 'region', kind: 'string', value: (c) => c.region, limits: LIMITS.region },
  { name: 'upstream_registry_url', kind: 'string', value: (c) => c.upstreamRegistryUrl, limits: LIMITS.upstream_registry_url },
  { name: 'upstream_repository_prefix', kind: 'string', value: (c) => c.upstreamRepositoryPrefix, limits: LIMITS.upstream_repository_prefix },
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
