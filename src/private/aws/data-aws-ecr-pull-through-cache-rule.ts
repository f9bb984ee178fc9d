import { Construct } from 'constructs';
import { Arguments, str } from './attributes';
import { AwsDataSource } from './base';

export interface DataAwsEcrPullThroughCacheRuleConfig {
  readonly ecrRepositoryPrefix: string;
  readonly region?: string;
}

/** Data source `aws_ecr_pull_through_cache_rule`: an existing rule, read at plan (which fails if it is missing). */
export class DataAwsEcrPullThroughCacheRule extends AwsDataSource {
  public static readonly tfResourceType = 'aws_ecr_pull_through_cache_rule';

  constructor(scope: Construct, id: string, private readonly config: DataAwsEcrPullThroughCacheRuleConfig) {
    super(scope, id, DataAwsEcrPullThroughCacheRule.tfResourceType);
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

  protected arguments(): Arguments {
    return { ecr_repository_prefix: str(this.config.ecrRepositoryPrefix), region: str(this.config.region) };
  }
}
