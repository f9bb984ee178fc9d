import { Construct } from 'constructs';
import { IAM_ROLE_POLICY_ATTACHMENT as LIMITS } from './argument-table';
import { Argument } from './attributes';
import { AwsResource } from './base';

export interface IamRolePolicyAttachmentConfig {
  /** The name of the role. */
  readonly role: string;
  /** The ARN of the managed policy. */
  readonly policyArn: string;
}

export const ARGUMENTS: readonly Argument<IamRolePolicyAttachmentConfig>[] = [
  { name: 'policy_arn', kind: 'string', value: (c) => c.policyArn, limits: LIMITS.policy_arn },
  { name: 'role', kind: 'string', value: (c) => c.role, limits: LIMITS.role },
];

/** `aws_iam_role_policy_attachment`: attaches a managed policy to a role. */
export class IamRolePolicyAttachment extends AwsResource<IamRolePolicyAttachmentConfig> {
  public static readonly tfResourceType = 'aws_iam_role_policy_attachment';

  constructor(scope: Construct, id: string, config: IamRolePolicyAttachmentConfig) {
    super(scope, id, IamRolePolicyAttachment.tfResourceType, ARGUMENTS, config);
  }
}
