import { Construct } from 'constructs';
import { CLOUDWATCH_EVENT_RULE as LIMITS } from './argument-table';
import { Argument } from './attributes';
import { AwsResource } from './base';

export interface CloudwatchEventRuleConfig {
  /** The event pattern (JSON). */
  readonly eventPattern: string;
  readonly description?: string;
  readonly region?: string;
}

export const ARGUMENTS: readonly Argument<CloudwatchEventRuleConfig>[] = [
  { name: 'description', kind: 'string', value: (c) => c.description, limits: LIMITS.description },
  { name: 'event_pattern', kind: 'string', value: (c) => c.eventPattern, limits: LIMITS.event_pattern },
  { name: 'region', kind: 'string', value: (c) => c.region, limits: LIMITS.region },
];

/** `aws_cloudwatch_event_rule`: an EventBridge rule on the default event bus (its name is made by Terraform). */
export class CloudwatchEventRule extends AwsResource<CloudwatchEventRuleConfig> {
  public static readonly tfResourceType = 'aws_cloudwatch_event_rule';

  constructor(scope: Construct, id: string, config: CloudwatchEventRuleConfig) {
    super(scope, id, CloudwatchEventRule.tfResourceType, ARGUMENTS, config);
  }

  public get arn(): string {
    return this.getStringAttribute('arn');
  }

  public get name(): string {
    return this.getStringAttribute('name');
  }
}
