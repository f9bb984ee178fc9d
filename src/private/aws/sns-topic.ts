import { Construct } from 'constructs';
import { SNS_TOPIC as LIMITS } from './argument-table';
import { Argument } from './attributes';
import { AwsResource } from './base';

export interface SnsTopicConfig {
  readonly region?: string;
}

export const ARGUMENTS: readonly Argument<SnsTopicConfig>[] = [
  { name: 'region', kind: 'string', value: (c) => c.region, limits: LIMITS.region },
];

/** `aws_sns_topic`: a standard topic (its name is made by Terraform). */
export class SnsTopic extends AwsResource<SnsTopicConfig> {
  public static readonly tfResourceType = 'aws_sns_topic';

  constructor(scope: Construct, id: string, config: SnsTopicConfig) {
    super(scope, id, SnsTopic.tfResourceType, ARGUMENTS, config);
  }

  public get arn(): string {
    return this.getStringAttribute('arn');
  }
}
