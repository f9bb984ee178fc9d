/**
 * Failure notifications of a PullThroughCache and of a standalone PullThroughCacheRule: the EventBridge rule, its
 * pattern (checked against ECR's own sample event), its target, the topic and the topic's policy, per Region.
 */
import { TerraformVariable } from 'cdktf';
import { CLOUDWATCH_EVENT_TARGET } from '../../src/private/aws/argument-table';
import { CloudwatchEventRule } from '../../src/private/aws/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '../../src/private/aws/cloudwatch-event-target';
import { SnsTopic } from '../../src/private/aws/sns-topic';
import { SnsTopicPolicy } from '../../src/private/aws/sns-topic-policy';
import * as errors from '../../src/private/errors';
import { PullThroughCache, PullThroughCacheRule, UpstreamRegistry } from '../../src';
import { newStack, resourcesOf, synthError, synthJson } from '../util';

/**
 * The sample event of the ECR user guide, "Amazon ECR events and EventBridge", section "Event for a pull through
 * cache action" (https://docs.aws.amazon.com/AmazonECR/latest/userguide/ecr-eventbridge.html), as printed there.
 */
const DOCUMENTED_SYNC_EVENT = {
  'version': '0',
  'id': '85fc3613-e913-7fc4-a80c-a3753e4aa9ae',
  'detail-type': 'ECR Pull Through Cache Action',
  'source': 'aws.ecr',
  'account': '123456789012',
  'time': '2023-02-29T02:36:48Z',
  'region': 'us-west-2',
  'resources': ['arn:aws:ecr:us-west-2:123456789012:repository/docker-hub/alpine'],
  'detail': {
    'rule-version': '1',
    'sync-status': 'SUCCESS',
    'ecr-repository-prefix': 'docker-hub',
    'repository-name': 'docker-hub/alpine',
    'upstream-registry-url': 'public.ecr.aws',
    'image-tag': '3.17.2',
    'image-digest': 'sha256:4aa08ef415aecc80814cb42fa41b658480779d80c77ab15EXAMPLE',
  },
};

/**
 * The same event for a sync that failed. The page shows only a successful one; the failure fields (`failure-code`,
 * `failure-reason`) are those of the event's schema in the EventBridge schema registry (aws.ecr@ECRPullThroughCacheAction),
 * and the status value is not documented: the pattern must not depend on it, only on it not being `SUCCESS`.
 */
const failedSync = (status: string, prefix = 'docker-hub') => ({
  ...DOCUMENTED_SYNC_EVENT,
  detail: {
    ...DOCUMENTED_SYNC_EVENT.detail,
    'sync-status': status,
    'ecr-repository-prefix': prefix,
    'failure-code': 'UPSTREAM_UNAVAILABLE',
    'failure-reason': 'The upstream registry could not be reached',
  },
});

/**
 * EventBridge pattern matching for what these patterns use, as "Amazon EventBridge event patterns" describes it
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html): every field of the pattern must
 * match; a field's array matches when the event's value equals one of its values (or, for an event array, when one
 * element does); `{"anything-but": v}` matches a present value other than v; an object descends into the event.
 * Anything else in a pattern fails the test, so the matcher never passes a pattern it does not understand.
 */
function matches(pattern: any, event: any): boolean {
  return Object.entries(pattern).every(([field, want]) => {
    const have = event?.[field];
    if (have === undefined) return false;
    if (!Array.isArray(want)) {
      if (typeof want !== 'object' || want === null) throw new Error(`unsupported pattern at ${field}: ${JSON.stringify(want)}`);
      return matches(want, have);
    }
    const values = Array.isArray(have) ? have : [have];
    return values.some((value) => want.some((w: any) => {
      if (typeof w === 'string') return value === w;
      const keys = typeof w === 'object' && w !== null ? Object.keys(w) : [];
      if (keys.length === 1 && keys[0] === 'anything-but' && typeof w['anything-but'] === 'string') return value !== w['anything-but'];
      throw new Error(`unsupported pattern at ${field}: ${JSON.stringify(w)}`);
    }));
  });
}

function only(json: any, type: string): [string, any] {
  const all = Object.entries(resourcesOf(json, type));
  expect(all).toHaveLength(1);
  return all[0];
}

const QUAY_TOPIC = 'arn:aws:sns:us-west-2:111122223333:cache-alerts';

/** A cache in us-west-2 with the documented event's prefix (its upstream there is ECR Public) and a quay rule. */
function cache(options?: { topicArn?: string }) {
  const stack = newStack();
  const c = new PullThroughCache(stack, 'Cache', { region: 'us-west-2' });
  c.addRule('EcrPublic', { upstream: UpstreamRegistry.ecrPublic(), ecrRepositoryPrefix: 'docker-hub' });
  c.addFailureNotifications(options);
  c.addRule('Quay', { upstream: UpstreamRegistry.quay() });
  return { stack, cache: c, json: () => synthJson(stack) };
}

describe('the event pattern', () => {
  test('is on ECR pull through cache events of the cache prefixes, rules added later included, whose sync did not succeed', () => {
    const [, rule] = only(cache().json(), CloudwatchEventRule.tfResourceType);
    expect(JSON.parse(rule.event_pattern)).toEqual({
      'source': ['aws.ecr'],
      'detail-type': ['ECR Pull Through Cache Action'],
      'detail': { 'ecr-repository-prefix': ['docker-hub', 'quay'], 'sync-status': [{ 'anything-but': 'SUCCESS' }] },
    });
    expect(rule.region).toBe('us-west-2');
    expect(rule.description).toBe('Pull through cache syncs that did not succeed');
  });

  test('matches a failed sync of the documented event, not the documented successful one, not other prefixes or events', () => {
    const pattern = JSON.parse(only(cache().json(), CloudwatchEventRule.tfResourceType)[1].event_pattern);
    expect(matches(pattern, DOCUMENTED_SYNC_EVENT)).toBe(false);
    expect(matches(pattern, failedSync('FAILED'))).toBe(true);
    expect(matches(pattern, failedSync('FAILURE'))).toBe(true);
    expect(matches(pattern, failedSync('FAILED', 'quay'))).toBe(true);
    expect(matches(pattern, failedSync('FAILED', 'ghcr'))).toBe(false);
    expect(matches(pattern, { ...failedSync('FAILED'), 'detail-type': 'ECR Image Action' })).toBe(false);
    expect(matches(pattern, { ...failedSync('FAILED'), source: 'aws.ecs' })).toBe(false);
    const { ['sync-status']: _status, ...withoutStatus } = failedSync('FAILED').detail;
    expect(matches(pattern, { ...DOCUMENTED_SYNC_EVENT, detail: withoutStatus })).toBe(false);
  });

  test('the matcher refuses operators it does not know', () => {
    expect(() => matches({ detail: { x: [{ prefix: 'a' }] } }, { detail: { x: 'a' } })).toThrow('unsupported pattern at x');
  });

  test('a trailing / is dropped and a prefix token is passed on', () => {
    const stack = newStack();
    const prefix = new TerraformVariable(stack, 'prefix', { type: 'string' }).stringValue;
    const c = new PullThroughCache(stack, 'Cache');
    c.addRule('Quay', { upstream: UpstreamRegistry.quay(), ecrRepositoryPrefix: 'team/quay/' });
    c.addRule('K8s', { upstream: UpstreamRegistry.kubernetes(), ecrRepositoryPrefix: prefix });
    c.addFailureNotifications();
    const pattern = JSON.parse(only(synthJson(stack), CloudwatchEventRule.tfResourceType)[1].event_pattern);
    expect(pattern.detail['ecr-repository-prefix']).toEqual(['team/quay', '${var.prefix}']);
  });
});

describe('the topic', () => {
  test('without topicArn: a new topic in the Region, whose policy lets EventBridge publish for this rule only', () => {
    const { json, cache: c } = cache();
    const j = json();
    const [ruleName, rule] = only(j, CloudwatchEventRule.tfResourceType);
    const [topicName, topic] = only(j, SnsTopic.tfResourceType);
    expect(topic).toEqual({ region: 'us-west-2' });
    const [, policy] = only(j, SnsTopicPolicy.tfResourceType);
    expect(policy.arn).toBe(`\${aws_sns_topic.${topicName}.arn}`);
    expect(policy.region).toBe('us-west-2');
    expect(JSON.parse(policy.policy)).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Sid: 'EventBridgePublishesFailedSyncs',
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sns:Publish',
        Resource: `\${aws_sns_topic.${topicName}.arn}`,
        Condition: { ArnEquals: { 'aws:SourceArn': `\${aws_cloudwatch_event_rule.${ruleName}.arn}` } },
      }],
    });
    expect(only(j, CloudwatchEventTarget.tfResourceType)[1]).toEqual({
      rule: `\${aws_cloudwatch_event_rule.${ruleName}.name}`, arn: `\${aws_sns_topic.${topicName}.arn}`, region: 'us-west-2',
    });
    expect(rule.region).toBe('us-west-2');
    expect(c.failureTopicArn).toMatch(/^\$\{TfToken\[TOKEN\.\d+\]\}$/);
  });

  test('with topicArn: the target is that topic, and no topic or topic policy is made', () => {
    const { json, cache: c } = cache({ topicArn: QUAY_TOPIC });
    const j = json();
    expect(only(j, CloudwatchEventTarget.tfResourceType)[1].arn).toBe(QUAY_TOPIC);
    expect(resourcesOf(j, SnsTopic.tfResourceType)).toEqual({});
    expect(resourcesOf(j, SnsTopicPolicy.tfResourceType)).toEqual({});
    expect(c.failureTopicArn).toBe(QUAY_TOPIC);
  });

  test('construct ids, which become Terraform addresses', () => {
    const { cache: c } = cache();
    expect(c.node.findChild('FailureNotifications').node.children.map((n) => n.node.id)).toEqual(['Rule', 'Topic', 'TopicPolicy', 'Target']);
  });

  test('failureTopicArn is undefined before addFailureNotifications', () => {
    const stack = newStack();
    expect(new PullThroughCache(stack, 'Cache').failureTopicArn).toBeUndefined();
    expect(new PullThroughCacheRule(stack, 'Rule', { upstream: UpstreamRegistry.quay() }).failureTopicArn).toBeUndefined();
  });
});

describe('Regions', () => {
  test('rules of a cache without a region, in other Regions, get an EventBridge rule and topic in each Region', () => {
    const stack = newStack();
    const c = new PullThroughCache(stack, 'Cache');
    c.addRule('Quay', { upstream: UpstreamRegistry.quay() });
    c.addRule('K8s', { upstream: UpstreamRegistry.kubernetes(), region: 'eu-west-1' });
    c.addFailureNotifications();
    c.addRule('EcrPublic', { upstream: UpstreamRegistry.ecrPublic(), region: 'eu-west-1' });
    const j = synthJson(stack);
    const rules = Object.values(resourcesOf(j, CloudwatchEventRule.tfResourceType));
    expect(rules.map((r) => [r.region, JSON.parse(r.event_pattern).detail['ecr-repository-prefix']])).toEqual([
      [undefined, ['quay']],
      ['eu-west-1', ['k8s', 'ecr-public']],
    ]);
    expect(Object.values(resourcesOf(j, SnsTopic.tfResourceType)).map((t) => t.region)).toEqual([undefined, 'eu-west-1']);
    expect(Object.values(resourcesOf(j, CloudwatchEventTarget.tfResourceType)).map((t) => t.region)).toEqual([undefined, 'eu-west-1']);
    expect(c.node.findChild('FailureNotifications').node.findChild('eu-west-1').node.children.map((n) => n.node.id))
      .toEqual(['Rule', 'Topic', 'TopicPolicy', 'Target']);
  });

  test('a Region that is a token gets a child named Region1, Region2, ... in the order they come', () => {
    const stack = newStack();
    const c = new PullThroughCache(stack, 'Cache');
    c.addFailureNotifications();
    for (const [id, name] of [['Quay', 'a'], ['K8s', 'b']]) {
      c.addRule(id, { upstream: id === 'Quay' ? UpstreamRegistry.quay() : UpstreamRegistry.kubernetes(),
        region: new TerraformVariable(stack, name, { type: 'string' }).stringValue });
    }
    expect(c.node.findChild('FailureNotifications').node.children.map((n) => n.node.id)).toEqual(['Region1', 'Region2']);
    expect(Object.values(resourcesOf(synthJson(stack), CloudwatchEventRule.tfResourceType)).map((r) => r.region)).toEqual(['${var.a}', '${var.b}']);
  });

  test('a topic in another Region than a rule is refused, for rules added before and after', () => {
    const stack = newStack();
    const before = new PullThroughCache(stack, 'Before', { region: 'eu-west-1' });
    before.addRule('Quay', { upstream: UpstreamRegistry.quay() });
    expect(() => before.addFailureNotifications({ topicArn: QUAY_TOPIC }))
      .toThrow(errors.topicRegionMismatch('test/Before/Quay', QUAY_TOPIC, 'eu-west-1').message);
    const after = new PullThroughCache(stack, 'After');
    after.addFailureNotifications({ topicArn: QUAY_TOPIC });
    // The provider's literal Region counts as the rule's.
    expect(() => after.addRule('Quay', { upstream: UpstreamRegistry.quay() }))
      .toThrow(errors.topicRegionMismatch('test/After/Quay', QUAY_TOPIC, 'us-east-1').message);
  });
});

describe('a standalone rule', () => {
  test('gets an EventBridge rule on its own prefix, in its Region, and a topic', () => {
    const stack = newStack();
    const rule = new PullThroughCacheRule(stack, 'Rule', { upstream: UpstreamRegistry.quay(), region: 'eu-west-1' });
    rule.addFailureNotifications();
    const j = synthJson(stack);
    const [, eventRule] = only(j, CloudwatchEventRule.tfResourceType);
    expect([eventRule.region, JSON.parse(eventRule.event_pattern).detail['ecr-repository-prefix']]).toEqual(['eu-west-1', ['quay']]);
    expect(only(j, SnsTopic.tfResourceType)[1]).toEqual({ region: 'eu-west-1' });
    expect(rule.failureTopicArn).toBeDefined();
    expect(rule.node.findChild('FailureNotifications').node.children.map((n) => n.node.id)).toEqual(['Rule', 'Topic', 'TopicPolicy', 'Target']);
  });
});

describe('bad input', () => {
  test.each([
    ['not an ARN', 'alerts'],
    ['a queue', 'arn:aws:sqs:us-east-1:111122223333:alerts'],
    ['a name too long', `arn:aws:sns:us-east-1:111122223333:${'a'.repeat(257)}`],
  ])('topicArn %s is refused, with what the argument table allows', (_name, value) => {
    const stack = newStack();
    expect(() => new PullThroughCache(stack, 'Cache').addFailureNotifications({ topicArn: value }))
      .toThrow(errors.argumentRule('test/Cache', 'topicArn', value, 'pattern', CLOUDWATCH_EVENT_TARGET.arn).message);
  });

  test.each([
    'arn:aws:sns:us-east-1:111122223333:alerts',
    'arn:aws:sns:us-east-1:111122223333:alerts.fifo',
    'arn:aws-us-gov:sns:us-gov-west-1:111122223333:a_b-c',
  ])('topicArn %s is accepted', (value) => {
    const stack = newStack();
    expect(() => new PullThroughCache(stack, 'Cache').addFailureNotifications({ topicArn: value })).not.toThrow();
  });

  test('a topicArn token is accepted and passed on', () => {
    const stack = newStack();
    const topic = new TerraformVariable(stack, 'topic', { type: 'string' }).stringValue;
    const c = new PullThroughCache(stack, 'Cache', { region: 'eu-west-1' });
    c.addRule('Quay', { upstream: UpstreamRegistry.quay() });
    c.addFailureNotifications({ topicArn: topic });
    expect(only(synthJson(stack), CloudwatchEventTarget.tfResourceType)[1].arn).toBe('${var.topic}');
  });

  test('a second call is refused', () => {
    const stack = newStack();
    const c = new PullThroughCache(stack, 'Cache');
    c.addFailureNotifications();
    expect(() => c.addFailureNotifications()).toThrow(errors.failureNotificationsTwice('test/Cache').message);
    const rule = new PullThroughCacheRule(stack, 'Rule', { upstream: UpstreamRegistry.quay() });
    rule.addFailureNotifications();
    expect(() => rule.addFailureNotifications()).toThrow(errors.failureNotificationsTwice('test/Rule').message);
  });

  test('notifications of a cache that never gets a rule fail at synth', () => {
    const stack = newStack();
    new PullThroughCache(stack, 'Cache', { region: 'eu-west-1' }).addFailureNotifications();
    expect(synthError(stack)).toContain(errors.notificationsWithoutRules('eu-west-1'));
  });

  test("asking for the topic of the cache's Region when its rules are all elsewhere fails at synth", () => {
    const stack = newStack();
    const c = new PullThroughCache(stack, 'Cache');
    c.addRule('Quay', { upstream: UpstreamRegistry.quay(), region: 'eu-west-1' });
    c.addFailureNotifications();
    expect(c.failureTopicArn).toBeDefined();
    expect(synthError(stack)).toContain(errors.notificationsWithoutRules(undefined));
  });
});
