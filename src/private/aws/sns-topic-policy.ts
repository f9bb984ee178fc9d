import { Construct } from 'constructs';
import { SNS_TOPIC_POLICY as LIMITS } from './argument-table';
import { Argument } from './attributes';
import { AwsResource } from './base';

export interface SnsTopicPolicyConfig {
  /** The ARN of the topic. */
  readonly arn: string;
  /** The policy document (JSON): it replaces the topic's whole access policy. */
  readonly policy: string;
  readonly region?: string;
}

export const ARGUMENTS: readonly Argument<SnsTopicPolicyConfig>[] = [
  { name: 'arn', kind: 'string', value: (c) => c.arn, limits: LIMITS.arn },
  { name: 'policy', kind: 'string', value: (c) => c.policy, limits: LIMITS.policy },
  { name: 'region', kind: 'string', value: (c) => c.region, limits: LIMITS.region },
];

/** `aws_sns_topic_policy`: the access policy of a topic. */
export class SnsTopicPolicy extends AwsResource<SnsTopicPolicyConfig> {
  public static readonly tfResourceType = 'aws_sns_topic_policy';

  constructor(scope: Construct, id: string, config: SnsTopicPolicyConfig) {
    super(scope, id, SnsTopicPolicy.tfResourceType, ARGUMENTS, config);
  }
}
