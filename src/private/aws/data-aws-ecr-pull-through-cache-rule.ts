import { Construct } from 'constructs';
import { DATA_AWS_ECR_PULL_THROUGH_CACHE_RULE as LIMITS } from './argument-table';
import { Argument } from './attributes';
import { AwsDataSource } from './base';

export interface DataAwsEcrPullThroughCacheRuleConfig {
  readonly ecrRepositoryPrefix: string;
  readonly region?: string;
}

export const ARGUMENTS: readonly Argument<DataAwsEcrPullThroughCacheRuleConfig>[] = [
  { name: 'ecr_repository_prefix', kind: 'string', value: (c) => c.ecrRepositoryPrefix, limits: LIMITS.ecr_repository_prefix },
  { name: 'region', kind: 'string', value: (c) => c.region, limits: LIMITS.region },
];

/** Data source `aws_ecr_pull_through_cache_rule`: an existing rule, read at plan (which fails if it is missing). */
export class DataAwsEcrPullThroughCacheRule extends AwsDataSource<DataAwsEcrPullThroughCacheRuleConfig> {
  public static readonly tfResourceType = 'aws_ecr_pull_through_cache_rule';

  constructor(scope: Construct, id: string, config: DataAwsEcrPullThroughCacheRuleConfig) {
    super(scope, id, DataAwsEcrPullThroughCacheRule.tfResourceType, ARGUMENTS, config);
  }

  public get registryId(): string {
    return this.getStringAttribute('registry_id');
  }

  public get upstreamRegistryUrl(): string {
    return this.getStringAttribute('upstream_registry_url');
  }

  public get upstreamRepositoryPrefix(): string {
    return this.getStringAttribute('upstream_repository_prefix');
  }
}
