import { Construct } from 'constructs';
import { IAM_ROLE_POLICY as LIMITS } from './argument-table';
import { Argument } from './attributes';
import { AwsResource } from './base';

export interface IamRolePolicyConfig {
  /** The name of the role. */
  readonly role: string;
  /** The policy document (JSON). */
  readonly policy: string;
}

export const ARGUMENTS: readonly Argument<IamRolePolicyConfig>[] = [
  { name: 'policy', kind: 'string', value: (c) => c.policy, limits: LIMITS.policy },
  { name: 'role', kind: 'string', value: (c) => c.role, limits: LIMITS.role },
];

/** `aws_iam_role_policy`: an inline policy of a role. */
export class IamRolePolicy extends AwsResource<IamRolePolicyConfig> {
  public static readonly tfResourceType = 'aws_iam_role_policy';

  constructor(scope: Construct, id: string, config: IamRolePolicyConfig) {
    super(scope, id, IamRolePolicy.tfResourceType, ARGUMENTS, config);
  }

  /** The role's name as given (may be a token). */
  public get roleInput(): string {
    return this.config.role;
  }
}
