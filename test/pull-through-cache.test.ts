import { Testing, TerraformStack, TerraformVariable } from 'cdktf';
import { EcrPullThroughCacheRule } from '../src/private/aws/ecr-pull-through-cache-rule';
import { EcrRepositoryCreationTemplate } from '../src/private/aws/ecr-repository-creation-template';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { IamRolePolicy } from '../src/private/aws/iam-role-policy';
import * as errors from '../src/private/errors';
import { PullThroughCache, PullThroughCacheRule, UpstreamCredential, UpstreamRegistry } from '../src';
import { newStack, resolveIn, resourcesOf, synthError, synthJson, warningsOf } from './util';

describe('PullThroughCache', () => {
  test('addRule returns the rule it made, in order, under the cache', () => {
    const stack = newStack();
    const cache = new PullThroughCache(stack, 'Cache');
    const a = cache.addRule('EcrPublic', { upstream: UpstreamRegistry.ecrPublic() });
    const b = cache.addRule('Quay', { upstream: UpstreamRegistry.quay() });
    expect(a).toBeInstanceOf(PullThroughCacheRule);
    expect(cache.rules).toEqual([a, b]);
    expect(a.node.path).toBe('test/Cache/EcrPublic');
    // the list is a copy: callers cannot add rules behind the cache's back
    cache.rules.pop();
    expect(cache.rules).toHaveLength(2);
  });

  test('its region and template are defaults for its rules', () => {
    const stack = newStack();
    const cache = new PullThroughCache(stack, 'Cache', { region: 'eu-west-1', repositoryTemplate: { maxImageCount: 10 } });
    cache.addRule('EcrPublic', { upstream: UpstreamRegistry.ecrPublic() });
    cache.addRule('Quay', { upstream: UpstreamRegistry.quay(), repositoryTemplate: { description: 'own' } });
    const json = synthJson(stack);
    for (const rule of Object.values(resourcesOf(json, EcrPullThroughCacheRule.tfResourceType))) {
      expect(rule.region).toBe('eu-west-1');
    }
    const templates = Object.values(resourcesOf(json, EcrRepositoryCreationTemplate.tfResourceType));
    expect(templates.map((t) => [t.prefix, t.region, t.description, t.lifecycle_policy !== undefined]).sort()).toEqual([
      ['ecr-public', 'eu-west-1', undefined, true],
      ['quay', 'eu-west-1', 'own', false],
    ]);
  });

  test('a rule region other than the cache region is an error', () => {
    const stack = newStack();
    const cache = new PullThroughCache(stack, 'Cache', { region: 'eu-west-1' });
    expect(() => cache.addRule('Quay', { upstream: UpstreamRegistry.quay(), region: 'us-east-2' }))
      .toThrow(errors.ruleRegionConflict('test/Cache/Quay', 'us-east-2', 'eu-west-1').message);
  });

  test('grantPull covers every rule, including rules added after the grant', () => {
    const stack = newStack();
    const cache = new PullThroughCache(stack, 'Cache');
    cache.addRule('EcrPublic', { upstream: UpstreamRegistry.ecrPublic() });
    cache.grantPull('eks-node-role');
    cache.addRule('Quay', { upstream: UpstreamRegistry.quay(), ecrRepositoryPrefix: 'ROOT' });
    const policies = Object.values(resourcesOf(synthJson(stack), IamRolePolicy.tfResourceType));
    expect(policies).toHaveLength(1);
    const resources: string[] = JSON.parse(policies[0].policy).Statement[1].Resource;
    expect(resources.map((r) => r.split(':repository/')[1])).toEqual(['ecr-public/*', '*']);
  });

  test('one PullThroughCache per Region in a loop needs no provider alias', () => {
    const stack = newStack();
    for (const region of ['eu-west-1', 'ap-southeast-2', 'us-west-2']) {
      new PullThroughCache(stack, `Cache-${region}`, { region }).addRule('EcrPublic', { upstream: UpstreamRegistry.ecrPublic() });
    }
    const json = synthJson(stack);
    expect(Object.keys(json.provider.aws)).toHaveLength(1);
    expect(Object.values(resourcesOf(json, EcrPullThroughCacheRule.tfResourceType)).map((r) => r.region).sort())
      .toEqual(['ap-southeast-2', 'eu-west-1', 'us-west-2']);
  });
});

describe('checks across rules, at synth', () => {
  test('the same prefix twice in one Region fails, also between a cache and a lone rule', () => {
    const stack = newStack();
    new PullThroughCache(stack, 'Cache').addRule('Quay', { upstream: UpstreamRegistry.quay() });
    new PullThroughCacheRule(stack, 'Lone', { upstream: UpstreamRegistry.quay() });
    const message = synthError(stack);
    expect(message).toContain(`[test/Cache/Quay] ${errors.duplicatePrefix('quay', "Region 'us-east-1'", 'test/Lone')}`);
    expect(message).toContain(`[test/Lone] ${errors.duplicatePrefix('quay', "Region 'us-east-1'", 'test/Cache/Quay')}`);
  });

  test("'quay' and 'quay/' are the same prefix", () => {
    const stack = newStack();
    new PullThroughCacheRule(stack, 'A', { upstream: UpstreamRegistry.quay(), ecrRepositoryPrefix: 'quay' });
    new PullThroughCacheRule(stack, 'B', { upstream: UpstreamRegistry.ecrPublic(), ecrRepositoryPrefix: 'quay/' });
    expect(synthError(stack)).toContain(errors.duplicatePrefix('quay', "Region 'us-east-1'", 'test/B'));
  });

  test('the same prefix in two Regions is fine', () => {
    const stack = newStack();
    new PullThroughCache(stack, 'A', { region: 'eu-west-1' }).addRule('Quay', { upstream: UpstreamRegistry.quay() });
    new PullThroughCache(stack, 'B', { region: 'us-west-2' }).addRule('Quay', { upstream: UpstreamRegistry.quay() });
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('overlapping prefixes fail', () => {
    const stack = newStack();
    new PullThroughCacheRule(stack, 'Team', { upstream: UpstreamRegistry.quay(), ecrRepositoryPrefix: 'team' });
    new PullThroughCacheRule(stack, 'TeamSub', { upstream: UpstreamRegistry.ecrPublic(), ecrRepositoryPrefix: 'team/sub' });
    const message = synthError(stack);
    expect(message).toContain(`[test/Team] ${errors.overlappingPrefix('team', 'team/sub', 'test/TeamSub', "Region 'us-east-1'")}`);
  });

  test("prefixes that only share a start of a word do not overlap ('team' and 'teams')", () => {
    const stack = newStack();
    new PullThroughCacheRule(stack, 'A', { upstream: UpstreamRegistry.quay(), ecrRepositoryPrefix: 'team' });
    new PullThroughCacheRule(stack, 'B', { upstream: UpstreamRegistry.ecrPublic(), ecrRepositoryPrefix: 'teams' });
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('ROOT beside prefixed rules warns', () => {
    const stack = newStack();
    new PullThroughCacheRule(stack, 'Root', { upstream: UpstreamRegistry.ecrPublic(), ecrRepositoryPrefix: 'ROOT' });
    new PullThroughCacheRule(stack, 'Quay', { upstream: UpstreamRegistry.quay() });
    Testing.synth(stack, true);
    expect(warningsOf(stack)).toEqual([errors.rootOverlapWarning(['test/Quay'])]);
  });

  test('50 rules in a Region pass; 51 fail with the quota message', () => {
    const stack = newStack();
    const cache = new PullThroughCache(stack, 'Cache', { region: 'eu-west-1' });
    for (let i = 0; i < 50; i++) cache.addRule(`R${i}`, { upstream: UpstreamRegistry.ecrPublic(), ecrRepositoryPrefix: `p${i}x` });
    expect(() => Testing.synth(stack, true)).not.toThrow();
    new PullThroughCacheRule(stack, 'Extra', { upstream: UpstreamRegistry.quay(), region: 'eu-west-1' });
    expect(synthError(stack)).toContain(`[test] ${errors.tooManyRules("Region 'eu-west-1'", 51)}`);
  });

  test('the quota is per Region', () => {
    const stack = newStack();
    for (const region of ['eu-west-1', 'eu-west-2']) {
      const cache = new PullThroughCache(stack, `Cache-${region}`, { region });
      for (let i = 0; i < 30; i++) cache.addRule(`R${i}`, { upstream: UpstreamRegistry.ecrPublic(), ecrRepositoryPrefix: `p${i}x` });
    }
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('rules in different stacks are independent', () => {
    const app = Testing.app();
    for (const id of ['a', 'b']) {
      const stack = new TerraformStack(app, id);
      new AwsProvider(stack, 'aws', { region: 'us-east-1' });
      new PullThroughCacheRule(stack, 'Quay', { upstream: UpstreamRegistry.quay() });
      expect(() => Testing.synth(stack, true)).not.toThrow();
    }
  });
});

describe('overlaps in both directions and at depth', () => {
  test('a prefix under an ancestor two levels up is reported by both rules', () => {
    const stack = newStack();
    new PullThroughCacheRule(stack, 'Deep', { upstream: UpstreamRegistry.quay(), ecrRepositoryPrefix: 'a1/b2/c3' });
    new PullThroughCacheRule(stack, 'Top', { upstream: UpstreamRegistry.ecrPublic(), ecrRepositoryPrefix: 'a1' });
    const message = synthError(stack);
    expect(message).toContain(`[test/Deep] ${errors.overlappingPrefix('a1/b2/c3', 'a1', 'test/Top', "Region 'us-east-1'")}`);
    expect(message).toContain(`[test/Top] ${errors.overlappingPrefix('a1', 'a1/b2/c3', 'test/Deep', "Region 'us-east-1'")}`);
  });
});

describe("the provider's literal Region counts as the Region of rules without one", () => {
  test("a rule with region 'us-east-1' duplicates one relying on a us-east-1 provider", () => {
    const stack = newStack(); // provider in us-east-1
    new PullThroughCacheRule(stack, 'A', { upstream: UpstreamRegistry.quay() });
    new PullThroughCacheRule(stack, 'B', { upstream: UpstreamRegistry.quay(), region: 'us-east-1' });
    expect(synthError(stack)).toContain(`[test/A] ${errors.duplicatePrefix('quay', "Region 'us-east-1'", 'test/B')}`);
  });

  test('the quota counts them together', () => {
    const stack = newStack();
    const a = new PullThroughCache(stack, 'A');
    const b = new PullThroughCache(stack, 'B', { region: 'us-east-1' });
    for (let i = 0; i < 26; i++) {
      a.addRule(`R${i}`, { upstream: UpstreamRegistry.ecrPublic(), ecrRepositoryPrefix: `a${i}x` });
      b.addRule(`R${i}`, { upstream: UpstreamRegistry.ecrPublic(), ecrRepositoryPrefix: `b${i}x` });
    }
    expect(synthError(stack)).toContain(errors.tooManyRules("Region 'us-east-1'", 52));
  });
});

test("without a literal provider Region, rules without region share the key \"the provider's Region\"", () => {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  new AwsProvider(stack, 'aws', {});
  new PullThroughCacheRule(stack, 'A', { upstream: UpstreamRegistry.quay() });
  new PullThroughCacheRule(stack, 'B', { upstream: UpstreamRegistry.quay() });
  expect(synthError(stack)).toContain(`[test/A] ${errors.duplicatePrefix('quay', "the provider's Region", 'test/B')}`);
});

describe('PullThroughCache.imageUri', () => {
  const SECRET = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:ecr-pullthroughcache/docker-hub-AbCdEf';
  const digest = `sha256:${'c'.repeat(64)}`;
  const role = 'arn:aws:iam::111122223333:role/central';

  function cacheOf() {
    const stack = newStack();
    const cache = new PullThroughCache(stack, 'Cache', { region: 'us-east-1' });
    const credential = UpstreamCredential.fromSecretArn(SECRET);
    cache.addRule('Hub', { upstream: UpstreamRegistry.dockerHub({ credential }) });
    cache.addRule('Quay', { upstream: UpstreamRegistry.quay() });
    cache.addRule('K8s', { upstream: UpstreamRegistry.kubernetes(), ecrRepositoryPrefix: 'ROOT' });
    cache.addRule('Platform', {
      upstream: UpstreamRegistry.ecr({ region: 'eu-west-1', accountId: '444455556666', roleArn: role, repositoryPrefix: 'platform' }),
      ecrRepositoryPrefix: 'central',
    });
    cache.addRule('PlatformTeam', {
      upstream: UpstreamRegistry.ecr({ region: 'eu-west-1', accountId: '444455556666', roleArn: role, repositoryPrefix: 'platform/team' }),
      ecrRepositoryPrefix: 'team',
    });
    return { stack, cache };
  }

  /** The URI with the rule's registry host token replaced by the rule's construct id. */
  function uri(stack: TerraformStack, value: string): string {
    return resolveIn(stack, value).replace(/^\$\{aws_ecr_pull_through_cache_rule\.Cache_(\w+)_[0-9A-F]{8}\.registry_id\}\.dkr\.ecr\.us-east-1\.\$\{[^}]+\}/, '<$1>');
  }

  test.each([
    ['docker.io/library/nginx:1.27', '<Hub>/docker-hub/library/nginx:1.27'],
    ['nginx', '<Hub>/docker-hub/library/nginx'],
    ['index.docker.io/bitnami/redis:7.4', '<Hub>/docker-hub/bitnami/redis:7.4'],
    [`registry-1.docker.io/grafana/grafana:11@${digest}`, `<Hub>/docker-hub/grafana/grafana:11@${digest}`],
    [`quay.io/prometheus/node-exporter@${digest}`, `<Quay>/quay/prometheus/node-exporter@${digest}`],
    ['registry.k8s.io/pause:3.10', '<K8s>/pause:3.10'],
    // Among rules for one ECR upstream, the longest upstream prefix that covers the image wins.
    ['444455556666.dkr.ecr.eu-west-1.amazonaws.com/platform/api:v1', '<Platform>/central/api:v1'],
    ['444455556666.dkr.ecr.eu-west-1.amazonaws.com/platform/team/api:v1', '<PlatformTeam>/team/api:v1'],
  ])('%s', (reference, expected) => {
    const { stack, cache } = cacheOf();
    expect(uri(stack, cache.imageUri(reference))).toBe(expected);
  });

  test('agrees with the rule for its host', () => {
    const { stack, cache } = cacheOf();
    const [hub] = cache.rules;
    expect(resolveIn(stack, cache.imageUri('docker.io/library/nginx:1.27'))).toBe(resolveIn(stack, hub.imageUri('nginx:1.27')));
  });

  test('an image whose host no rule caches is an error naming the hosts it caches', () => {
    const { cache } = cacheOf();
    expect(() => cache.imageUri('ghcr.io/org/app:1')).toThrow(errors.imageNoRuleForHost('test/Cache', 'ghcr.io/org/app:1', 'ghcr.io',
      ['registry-1.docker.io', 'quay.io', 'registry.k8s.io', '444455556666.dkr.ecr.eu-west-1.amazonaws.com', '444455556666.dkr.ecr.eu-west-1.amazonaws.com'], false).message);
    expect(errors.imageNoRuleForHost('test/Cache', 'ghcr.io/org/app:1', 'ghcr.io', ['quay.io', 'quay.io'], false).message).toBe(
      "test/Cache: image 'ghcr.io/org/app:1' is on 'ghcr.io', but no rule of this cache caches it (it caches 'quay.io'). " +
      "Add a rule for 'ghcr.io', or call imageUri() on the rule you mean.");
  });

  test('an ECR image outside every upstream prefix is the error of the rule for its host', () => {
    const { cache } = cacheOf();
    expect(() => cache.imageUri('444455556666.dkr.ecr.eu-west-1.amazonaws.com/other/api:v1'))
      .toThrow(errors.imageOutsideUpstreamPrefix('test/Cache/Platform', '444455556666.dkr.ecr.eu-west-1.amazonaws.com/other/api:v1', 'platform').message);
  });

  test('two rules for one host are ambiguous', () => {
    const stack = newStack();
    const cache = new PullThroughCache(stack, 'Cache');
    cache.addRule('A', { upstream: UpstreamRegistry.quay(), ecrRepositoryPrefix: 'quay-a' });
    cache.addRule('B', { upstream: UpstreamRegistry.quay(), ecrRepositoryPrefix: 'quay-b' });
    expect(() => cache.imageUri('quay.io/org/app')).toThrow(
      "test/Cache: image 'quay.io/org/app' on 'quay.io' is covered by 2 rules of this cache (test/Cache/A, test/Cache/B). Call imageUri() on the rule you mean.");
  });

  test('an ECR upstream whose account is the stack\'s (a token) is not matched by host', () => {
    const stack = newStack();
    const cache = new PullThroughCache(stack, 'Cache');
    cache.addRule('Same', { upstream: UpstreamRegistry.ecr({ region: 'eu-west-1' }), ecrRepositoryPrefix: 'same' });
    expect(() => cache.imageUri('111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1')).toThrow(
      "test/Cache: image '111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1' is on '111122223333.dkr.ecr.eu-west-1.amazonaws.com', " +
      'but no rule of this cache caches it (it caches no upstream known at synth (rules whose upstream host is known only at apply are not considered)). ' +
      "Add a rule for '111122223333.dkr.ecr.eu-west-1.amazonaws.com', or call imageUri() on the rule you mean.");
  });

  test('an invalid reference and a token are errors', () => {
    const { stack, cache } = cacheOf();
    expect(() => cache.imageUri('Nginx')).toThrow(errors.imageReference('test/Cache', 'Nginx',
      "repository path component 'Nginx' must be lowercase letters and digits separated by '.', '_', '__' or '-'").message);
    const token = new TerraformVariable(stack, 'image', { type: 'string' }).stringValue;
    expect(() => cache.imageUri(token)).toThrow(errors.imageReferenceIsToken('test/Cache').message);
  });
});
