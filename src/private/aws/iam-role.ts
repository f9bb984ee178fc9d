import { Construct } from 'constructs';
import { Arguments, str } from './attributes';
import { AwsResource } from './base';

export interface IamRoleConfig {
  readonly assumeRolePolicy: string;
  readonly name?: string;
  readonly description?: string;
}

/** `aws_iam_role`. */
export class IamRole extends AwsResource {
  public static readonly tfResourceType = 'aws_iam_role';

  constructor(scope: Construct, id: string, private readonly config: IamRoleConfig) {
    super(scope, id, IamRole.tfResourceType);
  }

  public get arn(): string {
    return this.getStringAttribute('arn');
  }

  public get name(): string {
    return this.getStringAttribute('name');
  }

  protected arguments(): Arguments {
    const c = this.config;
    return {
      assume_role_policy: str(c.assumeRolePolicy),
      description: str(c.description),
      name: str(c.name),
    };
  }
}
