import { Construct } from 'constructs';
import { Argument } from './attributes';
import { AwsResource } from './base';

export interface IamRolePolicyAttachmentConfig {
  /** The name of the role. */
  readonly role: string;
  /** The ARN of the managed policy. */
  readonly policyArn: string;
}

const ARGUMENTS: readonly Argument<IamRolePolicyAttachmentConfig>[] = [
  { name: 'policy_arn', kind: 'string', value: (c) => c.policyArn },
  { name: 'role', kind: 'string', value: (c) => c.role },
];

/** `aws_iam_role_policy_attachment`: attaches a managed policy to a role. */
export class IamRolePolicyAttachment extends AwsResource<IamRolePolicyAttachmentConfig> {
  public static readonly tfResourceType = 'aws_iam_role_policy_attachment';

  constructor(scope: Construct, id: string, config: IamRolePolicyAttachmentConfig) {
    super(scope, id, IamRolePolicyAttachment.tfResourceType, ARGUMENTS, config);
  }
}
