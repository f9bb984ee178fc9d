import { Construct } from 'constructs';
import { CLOUDWATCH_EVENT_TARGET as LIMITS } from './argument-table';
import { Argument } from './attributes';
import { AwsResource } from './base';

export interface CloudwatchEventTargetConfig {
  /** The name of the EventBridge rule. */
  readonly rule: string;
  /** The ARN of the target. */
  readonly arn: string;
  readonly region?: string;
}

export const ARGUMENTS: readonly Argument<CloudwatchEventTargetConfig>[] = [
  { name: 'arn', kind: 'string', value: (c) => c.arn, limits: LIMITS.arn },
  { name: 'region', kind: 'string', value: (c) => c.region, limits: LIMITS.region },
  { name: 'rule', kind: 'string', value: (c) => c.rule, limits: LIMITS.rule },
];

/** `aws_cloudwatch_event_target`: where an EventBridge rule sends the events it matches. */
export class CloudwatchEventTarget extends AwsResource<CloudwatchEventTargetConfig> {
  public static readonly tfResourceType = 'aws_cloudwatch_event_target';

  constructor(scope: Construct, id: string, config: CloudwatchEventTargetConfig) {
    super(scope, id, CloudwatchEventTarget.tfResourceType, ARGUMENTS, config);
  }
}
