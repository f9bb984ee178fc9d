import { Construct } from 'constructs';
import { ECR_REGISTRY_POLICY as LIMITS } from './argument-table';
import { Argument } from './attributes';
import { AwsResource } from './base';

export interface EcrRegistryPolicyConfig {
  /** The registry permissions policy (JSON): the whole document of the registry in its Region. */
  readonly policy: string;
  readonly region?: string;
}

export const ARGUMENTS: readonly Argument<EcrRegistryPolicyConfig>[] = [
  { name: 'policy', kind: 'string', value: (c) => c.policy, limits: LIMITS.policy },
  { name: 'region', kind: 'string', value: (c) => c.region, limits: LIMITS.region },
];

/** `aws_ecr_registry_policy`: the registry permissions policy of the provider's account in one Region. */
export class EcrRegistryPolicy extends AwsResource<EcrRegistryPolicyConfig> {
  public static readonly tfResourceType = 'aws_ecr_registry_policy';

  constructor(scope: Construct, id: string, config: EcrRegistryPolicyConfig) {
    super(scope, id, EcrRegistryPolicy.tfResourceType, ARGUMENTS, config);
  }
}
