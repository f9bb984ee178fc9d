import { Construct } from 'constructs';
import { Argument } from './attributes';
import { AwsResource } from './base';

export interface IamRolePolicyConfig {
  /** The name of the role. */
  readonly role: string;
  /** The policy document (JSON). */
  readonly policy: string;
}

const ARGUMENTS: readonly Argument<IamRolePolicyConfig>[] = [
  { name: 'policy', kind: 'string', value: (c) => c.policy },
  { name: 'role', kind: 'string', value: (c) => c.role },
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
