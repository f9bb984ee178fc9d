import { Construct } from 'constructs';
import { Arguments, str } from './attributes';
import { AwsResource } from './base';

export interface IamRolePolicyConfig {
  /** The name of the role. */
  readonly role: string;
  /** The policy document (JSON). */
  readonly policy: string;
}

/** `aws_iam_role_policy`: an inline policy of a role. */
export class IamRolePolicy extends AwsResource {
  public static readonly tfResourceType = 'aws_iam_role_policy';

  constructor(scope: Construct, id: string, private readonly config: IamRolePolicyConfig) {
    super(scope, id, IamRolePolicy.tfResourceType);
  }

  /** The role's name as given (may be a token). */
  public get roleInput(): string {
    return this.config.role;
  }

  protected arguments(): Arguments {
    return { policy: str(this.config.policy), role: str(this.config.role) };
  }
}
