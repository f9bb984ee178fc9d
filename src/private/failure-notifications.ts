/**
 * Notifications of pull through cache syncs that fail: per Region of the rules covered, an EventBridge rule on
 * ECR's `ECR Pull Through Cache Action` events whose `sync-status` is not `SUCCESS`, for the rules' prefixes, with
 * an SNS topic as its target (the one given, or a new one whose policy lets only that EventBridge rule publish).
 *
 * EventBridge rules are regional and send to SNS topics of their own Region, so each Region of the rules gets its
 * own EventBridge rule (and topic). The prefixes are read at synth: rules added later are covered too.
 *
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/ecr-eventbridge.html
 */
import { Lazy } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { CLOUDWATCH_EVENT_TARGET } from './aws/argument-table';
import { CloudwatchEventRule } from './aws/cloudwatch-event-rule';
import { CloudwatchEventTarget } from './aws/cloudwatch-event-target';
import { SnsTopic } from './aws/sns-topic';
import { SnsTopicPolicy } from './aws/sns-topic-policy';
import * as errors from './errors';
import { normalizePrefix } from './patterns';
import { providerRegion } from './stack-data';
import { isTokenString } from './tokens';
import { isLiteral, regionOfArn, validateArgument } from './validate';

/** The ECR event of a pull through cache sync, as the ECR user guide's EventBridge page shows it. */
export const SYNC_EVENT = { source: 'aws.ecr', detailType: 'ECR Pull Through Cache Action', successStatus: 'SUCCESS' };

/** What notifications need to know of a rule. */
export interface NotifiedRule extends IConstruct {
  readonly ecrRepositoryPrefix: string;
  /** The rule's own `region` argument, if any. */
  readonly _regionArgument?: string;
}

/** The notifications of one Region. */
interface RegionGroup {
  readonly prefixes: string[];
  readonly topicArn: string;
}

/** The event pattern: failed syncs of the given prefixes. */
export function failedSyncPattern(prefixes: string[]): string {
  return JSON.stringify({
    'source': [SYNC_EVENT.source],
    'detail-type': [SYNC_EVENT.detailType],
    'detail': {
      'ecr-repository-prefix': prefixes,
      'sync-status': [{ 'anything-but': SYNC_EVENT.successStatus }],
    },
  });
}

/** The access policy of a topic made here: EventBridge may publish, for this one EventBridge rule only. */
function topicPolicy(topicArn: string, ruleArn: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{
      Sid: 'EventBridgePublishesFailedSyncs',
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: 'sns:Publish',
      Resource: topicArn,
      Condition: { ArnEquals: { 'aws:SourceArn': ruleArn } },
    }],
  });
}

/**
 * The notifications of a cache or a rule (construct id `FailureNotifications` under it). The Region of the cache
 * itself gets its resources directly under this construct (`Rule`, `Target`, `Topic`, `TopicPolicy`); any other
 * Region of its rules under a child named after the Region. A Region's resources are made with its first rule.
 */
export class FailureNotifications extends Construct {
  private readonly groups = new Map<string | undefined, RegionGroup>();
  private tokenRegions = 0;

  /**
   * @param homeRegion the `region` argument of the cache or rule (undefined: the provider's Region).
   * @param givenTopicArn the topic to notify, or undefined for a new topic per Region.
   */
  constructor(scope: Construct, id: string, private readonly homeRegion: string | undefined, private readonly givenTopicArn: string | undefined) {
    super(scope, id);
    validateArgument(scope, 'topicArn', givenTopicArn, CLOUDWATCH_EVENT_TARGET.arn);
    this.node.addValidation({ validate: () => this.emptyGroups() });
  }

  /** The topic given, or the topic of the home Region. */
  public get topicArn(): string {
    return this.givenTopicArn ?? this.groupFor(this.homeRegion).topicArn;
  }

  /** Adds a rule's prefix to the notifications of its Region. */
  public cover(rule: NotifiedRule): void {
    const region = rule._regionArgument ?? this.homeRegion;
    const topicRegion = regionOfArn(this.givenTopicArn);
    const ruleRegion = region ?? providerRegion(this);
    if (topicRegion !== undefined && isLiteral(ruleRegion) && topicRegion !== ruleRegion) {
      throw errors.topicRegionMismatch(rule, this.givenTopicArn!, ruleRegion);
    }
    // Two rules with one prefix in one Region fail the stack's own checks, so each prefix comes once.
    this.groupFor(region).prefixes.push(normalizePrefix(rule.ecrRepositoryPrefix));
  }

  private groupFor(region: string | undefined): RegionGroup {
    const existing = this.groups.get(region);
    if (existing !== undefined) return existing;
    // Another Region than the home one is always a rule's own region argument: a rule without one takes the cache's.
    const scope = region === this.homeRegion ? this : new Construct(this, this.childIdOf(region!));
    const prefixes: string[] = [];
    const rule = new CloudwatchEventRule(scope, 'Rule', {
      description: 'Pull through cache syncs that did not succeed',
      eventPattern: Lazy.stringValue({ produce: () => failedSyncPattern(prefixes) }),
      region,
    });
    let topicArn = this.givenTopicArn;
    if (topicArn === undefined) {
      const topic = new SnsTopic(scope, 'Topic', { region });
      topicArn = topic.arn;
      new SnsTopicPolicy(scope, 'TopicPolicy', { arn: topic.arn, policy: topicPolicy(topic.arn, rule.arn), region });
    }
    new CloudwatchEventTarget(scope, 'Target', { rule: rule.name, arn: topicArn, region });
    const group = { prefixes, topicArn };
    this.groups.set(region, group);
    return group;
  }

  /** A Region's construct id: its name, or `Region<n>` for a token (construct ids become Terraform addresses). */
  private childIdOf(region: string): string {
    return isTokenString(region) ? `Region${++this.tokenRegions}` : region;
  }

  private emptyGroups(): string[] {
    if (this.groups.size === 0) return [errors.notificationsWithoutRules(this.homeRegion)];
    const out: string[] = [];
    for (const [region, group] of this.groups) {
      if (group.prefixes.length === 0) out.push(errors.notificationsWithoutRules(region));
    }
    return out;
  }
}
