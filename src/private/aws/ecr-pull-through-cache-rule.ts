import { Construct } from 'constructs';
import { Arguments, str } from './attributes';
import { AwsResource, ResourceOptions } from './base';

export interface EcrPullThroughCacheRuleConfig extends ResourceOptions {
  readonly ecrRepositoryPrefix: string;
  readonly upstreamRegistryUrl: string;
  readonly credentialArn?: string;
  readonly customRoleArn?: string;
  readonly upstreamRepositoryPrefix?: string;
  readonly region?: string;
}

/** `aws_ecr_pull_through_cache_rule`. */
export class EcrPullThroughCacheRule extends AwsResource {
  public static readonly tfResourceType = 'aws_ecr_pull_through_cache_rule';

  constructor(scope: Construct, id: string, private readonly config: EcrPullThroughCacheRuleConfig) {
    super(scope, id, EcrPullThroughCacheRule.tfResourceType, config);
  }

  /** The account of the registry the rule belongs to. */
  public get registryId(): string {
    return this.getStringAttribute('registry_id');
  }

  protected arguments(): Arguments {
    const c = this.config;
    return {
      credential_arn: str(c.credentialArn),
      custom_role_arn: str(c.customRoleArn),
      ecr_repository_prefix: str(c.ecrRepositoryPrefix),
      region: str(c.region),
      upstream_registry_url: str(c.upstreamRegistryUrl),
      upstream_repository_prefix: str(c.upstreamRepositoryPrefix),
    };
  }
}
