import { Construct } from 'constructs';
import { IAM_MANAGED_POLICY as LIMITS } from './argument-table';
import { Argument } from './attributes';
import { AwsResource } from './base';

export interface IamPolicyConfig {
  /** The policy document (JSON). */
  readonly policy: string;
  /** The description of the policy. */
  readonly description?: string;
}

export const ARGUMENTS: readonly Argument<IamPolicyConfig>[] = [
  { name: 'description', kind: 'string', value: (c) => c.description, limits: LIMITS.description },
  { name: 'policy', kind: 'string', value: (c) => c.policy, limits: LIMITS.policy },
];

/** `aws_iam_policy`: a customer managed policy (named by Terraform). */
export class IamPolicy extends AwsResource<IamPolicyConfig> {
  public static readonly tfResourceType = 'aws_iam_policy';

  constructor(scope: Construct, id: string, config: IamPolicyConfig) {
    super(scope, id, IamPolicy.tfResourceType, ARGUMENTS, config);
  }

  public get arn(): string {
    return this.getStringAttribute('arn');
  }
}
