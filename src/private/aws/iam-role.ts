import { Construct } from 'constructs';
import { IAM_ROLE as LIMITS } from './argument-table';
import { Argument } from './attributes';
import { AwsResource } from './base';

export interface IamRoleConfig {
  readonly assumeRolePolicy: string;
  readonly name?: string;
  readonly description?: string;
}

export const ARGUMENTS: readonly Argument<IamRoleConfig>[] = [
  { name: 'assume_role_policy', kind: 'string', value: (c) => c.assumeRolePolicy, limits: LIMITS.assume_role_policy },
  { name: 'description', kind: 'string', value: (c) => c.description, limits: LIMITS.description },
  { name: 'name', kind: 'string', value: (c) => c.name, limits: LIMITS.name },
];

/** `aws_iam_role`. */
export class IamRole extends AwsResource<IamRoleConfig> {
  public static readonly tfResourceType = 'aws_iam_role';

  constructor(scope: Construct, id: string, config: IamRoleConfig) {
    super(scope, id, IamRole.tfResourceType, ARGUMENTS, config);
  }

  public get arn(): string {
    return this.getStringAttribute('arn');
  }

  public get name(): string {
    return this.getStringAttribute('name');
  }
}
