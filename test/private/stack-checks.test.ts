/**
 * Checks across the resources of a stack, at synth: templates against templates and grants, secrets and roles against
 * the rules that use them, policies against IAM's size quotas. Each defect of issue 13 that these fix is reproduced
 * first as a user would write it.
 */
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import {
  EcrUpstreamRole,
  PullThroughCache,
  PullThroughCacheRepositoryTemplate,
  PullThroughCacheRule,
  UpstreamCredential,
  UpstreamCredentialSecret,
  UpstreamRegistry,
  UpstreamRegistryType,
} from '../../src';
import { IamPolicy } from '../../src/private/aws/iam-policy';
import { IamRolePolicy } from '../../src/private/aws/iam-role-policy';
import { IamRolePolicyAttachment } from '../../src/private/aws/iam-role-policy-attachment';
import * as errors from '../../src/private/errors';
import {
  boundedLength,
  checkPolicySize,
  INLINE_POLICIES_MAX_LENGTH,
  MANAGED_POLICY_MAX_LENGTH,
  PolicyKind,
} from '../../src/private/stack-checks';
import { regionDataOf } from '../../src/private/stack-data';
import { newStack, resourcesOf, synthJson } from '../util';

const PARTITION = '${data.aws_partition.EcrPullThroughCachePartition.partition}';
const ACCOUNT = '${data.aws_caller_identity.EcrPullThroughCacheCallerIdentity.account_id}';
const REGION = '${data.aws_region.EcrPullThroughCacheRegion.region}';
const arn = (path: string, region = REGION) => `arn:${PARTITION}:ecr:${region}:${ACCOUNT}:repository/${path}`;

function synthError(stack: TerraformStack): string {
  try {
    Testing.synth(stack, true);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('synth did not fail');
}

/** The statements of the inline pull grant policies of a stack, by construct id. */
function grantStatements(stack: TerraformStack): any[][] {
  return Object.entries(resourcesOf(synthJson(stack), IamRolePolicy.tfResourceType))
    .filter(([name]) => name.includes('PullGrant'))
    .map(([, body]) => JSON.parse(body.policy).Statement);
}

const tagStatement = (resources: string[]) => ({ Sid: 'TagOnCreate', Effect: 'Allow', Action: ['ecr:TagResource'], Resource: resources });

describe('grants follow the template that applies (defect 3)', () => {
  test('a ROOT template that tags gives ecr:TagResource to a rule without its own template', () => {
    const stack = newStack();
    new PullThroughCacheRepositoryTemplate(stack, 'Root', { prefix: 'ROOT', resourceTags: { team: 'platform' } });
    const rule = new PullThroughCacheRule(stack, 'Quay', { upstream: UpstreamRegistry.quay() });
    rule.grantPull('node-role');
    expect(grantStatements(stack)[0][2]).toEqual(tagStatement([arn('quay/*')]));
  });

  test('a template made after the grant counts too', () => {
    const stack = newStack();
    const rule = new PullThroughCacheRule(stack, 'Quay', { upstream: UpstreamRegistry.quay() });
    rule.grantPull('node-role');
    new PullThroughCacheRepositoryTemplate(stack, 'Root', { prefix: 'ROOT', resourceTags: { team: 'platform' } });
    expect(grantStatements(stack)[0][2]).toEqual(tagStatement([arn('quay/*')]));
  });

  test('a parent prefix template that tags applies to a rule under it', () => {
    const stack = newStack();
    new PullThroughCacheRepositoryTemplate(stack, 'Team', { prefix: 'team', resourceTags: { team: 'a' } });
    new PullThroughCacheRule(stack, 'Rule', { upstream: UpstreamRegistry.quay(), ecrRepositoryPrefix: 'team/quay' }).grantPull('node-role');
    expect(grantStatements(stack)[0][2]).toEqual(tagStatement([arn('team/quay/*')]));
  });

  test('the longest matching prefix wins: a rule template without tags shadows a ROOT template with tags', () => {
    const stack = newStack();
    new PullThroughCacheRepositoryTemplate(stack, 'Root', { prefix: 'ROOT', resourceTags: { team: 'platform' } });
    new PullThroughCacheRule(stack, 'Quay', { upstream: UpstreamRegistry.quay(), repositoryTemplate: { maxImageCount: 5 } }).grantPull('node-role');
    const statements = grantStatements(stack)[0];
    expect(statements.map((s) => s.Sid)).toEqual(['EcrAuthorizationToken', 'PullThroughCache']);
  });

  test('a template in another Region does not apply', () => {
    const stack = newStack(); // provider in us-east-1
    new PullThroughCacheRepositoryTemplate(stack, 'Root', { prefix: 'ROOT', region: 'eu-west-1', resourceTags: { team: 'platform' } });
    new PullThroughCacheRule(stack, 'Quay', { upstream: UpstreamRegistry.quay() }).grantPull('node-role');
    expect(grantStatements(stack)[0].map((s) => s.Sid)).toEqual(['EcrAuthorizationToken', 'PullThroughCache']);
  });

  test('a more specific template that tags gives ecr:TagResource on its own namespace only', () => {
    const stack = newStack();
    new PullThroughCacheRepositoryTemplate(stack, 'Sub', { prefix: 'quay/team', resourceTags: { team: 'a' } });
    new PullThroughCacheRule(stack, 'Quay', { upstream: UpstreamRegistry.quay() }).grantPull('node-role');
    const statements = grantStatements(stack)[0];
    expect(statements[1].Resource).toEqual([arn('quay/*')]);
    expect(statements[2]).toEqual(tagStatement([arn('quay/team/*')]));
  });

  test('PullThroughCache.grantPull follows the ROOT template of the cache Region', () => {
    const stack = newStack();
    new PullThroughCacheRepositoryTemplate(stack, 'Root', { prefix: 'ROOT', region: 'eu-west-1', resourceTags: { team: 'platform' } });
    const cache = new PullThroughCache(stack, 'Cache', { region: 'eu-west-1' });
    cache.addRule('Quay', { upstream: UpstreamRegistry.quay() });
    cache.addRule('K8s', { upstream: UpstreamRegistry.kubernetes() });
    cache.grantPull('node-role');
    expect(grantStatements(stack)[0][2]).toEqual(tagStatement([arn('quay/*', 'eu-west-1'), arn('k8s/*', 'eu-west-1')]));
  });

  test('a referenced rule follows a template of this stack', () => {
    const stack = newStack();
    new PullThroughCacheRepositoryTemplate(stack, 'Root', { prefix: 'ROOT', resourceTags: { team: 'platform' } });
    PullThroughCacheRule.fromEcrRepositoryPrefix(stack, 'Existing', 'docker-hub', { upstreamType: UpstreamRegistryType.DOCKER_HUB }).grantPull('node-role');
    expect(grantStatements(stack)[0][2]).toEqual(tagStatement([arn('docker-hub/*')]));
  });

  test('a KMS template alone adds no permission for pullers: its own role makes the key grant', () => {
    const stack = newStack();
    new PullThroughCacheRepositoryTemplate(stack, 'Root', {
      prefix: 'ROOT', encryption: 'KMS' as any, kmsKey: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    });
    new PullThroughCacheRule(stack, 'Quay', { upstream: UpstreamRegistry.quay() }).grantPull('node-role');
    const actions = grantStatements(stack)[0].flatMap((s) => s.Action);
    expect(actions.filter((a: string) => a.startsWith('kms:'))).toEqual([]);
  });
});

describe('one template per prefix and Region (defect 4)', () => {
  test('a standalone template and a rule template on one prefix fail at synth, naming both', () => {
    const stack = newStack();
    new PullThroughCacheRepositoryTemplate(stack, 'QuayTemplate', { prefix: 'quay', maxImageCount: 10 });
    new PullThroughCacheRule(stack, 'Quay', { upstream: UpstreamRegistry.quay(), repositoryTemplate: { maxImageCount: 5 } });
    const message = synthError(stack);
    expect(message).toContain(`[test/QuayTemplate] ${errors.duplicateTemplate('quay', "Region 'us-east-1'", 'test/Quay/RepositoryTemplate')}`);
    expect(message).toContain(`[test/Quay/RepositoryTemplate] ${errors.duplicateTemplate('quay', "Region 'us-east-1'", 'test/QuayTemplate')}`);
  });

  test("'quay/' and 'quay' are one prefix; another Region is another template", () => {
    const stack = newStack();
    new PullThroughCacheRepositoryTemplate(stack, 'A', { prefix: 'quay/' });
    new PullThroughCacheRepositoryTemplate(stack, 'B', { prefix: 'quay' });
    expect(synthError(stack)).toContain(errors.duplicateTemplate('quay', "Region 'us-east-1'", 'test/B'));

    const other = newStack();
    new PullThroughCacheRepositoryTemplate(other, 'A', { prefix: 'quay' });
    new PullThroughCacheRepositoryTemplate(other, 'B', { prefix: 'quay', region: 'eu-west-1' });
    expect(() => Testing.synth(other, true)).not.toThrow();
  });
});

describe('a secret is in the Region of each rule that uses it (defect 5)', () => {
  const variables = (stack: TerraformStack) => ({
    username: new TerraformVariable(stack, 'user', { type: 'string' }).stringValue,
    accessToken: new TerraformVariable(stack, 'token', { type: 'string', sensitive: true }).stringValue,
  });

  test('an UpstreamCredentialSecret without region used by a rule in another Region fails at synth', () => {
    const stack = newStack(); // provider in us-east-1
    const secret = new UpstreamCredentialSecret(stack, 'Hub', { secretName: 'docker-hub', ...variables(stack) });
    new PullThroughCacheRule(stack, 'Rule', { upstream: UpstreamRegistry.dockerHub({ credential: secret.credential }), region: 'eu-west-1' });
    expect(synthError(stack)).toContain(`[test/Rule] ${errors.secretInProviderRegion('test/Hub/Secret', 'us-east-1', 'eu-west-1')}`);
  });

  test('UpstreamCredential.fromSecret of a secret without region, used in another Region, fails at synth', () => {
    const stack = newStack();
    const secret = new SecretsmanagerSecret(stack, 'S', { name: 'ecr-pullthroughcache/ghcr' });
    new PullThroughCacheRule(stack, 'Ghcr', {
      upstream: UpstreamRegistry.githubContainerRegistry({ credential: UpstreamCredential.fromSecret(secret) }), region: 'eu-west-1',
    });
    expect(synthError(stack)).toContain(errors.secretInProviderRegion('test/S', 'us-east-1', 'eu-west-1'));
  });

  test("one secret per Region passes; a rule in the provider's Region passes", () => {
    const stack = newStack();
    const here = new UpstreamCredentialSecret(stack, 'Here', { secretName: 'docker-hub', ...variables(stack) });
    const there = new UpstreamCredentialSecret(stack, 'There', { secretName: 'docker-hub', region: 'eu-west-1', username: 'u', accessToken: here.secretArn });
    new PullThroughCacheRule(stack, 'A', { upstream: UpstreamRegistry.dockerHub({ credential: here.credential }) });
    new PullThroughCacheRule(stack, 'B', { upstream: UpstreamRegistry.dockerHub({ credential: there.credential }), region: 'eu-west-1' });
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });
});

describe('an upstream role reads what its rules pull (defect 6)', () => {
  const ecrRule = (stack: TerraformStack, role: EcrUpstreamRole, options: { accountId?: string; region?: string; repositoryPrefix?: string }) =>
    new PullThroughCacheRule(stack, 'Mirror', {
      upstream: UpstreamRegistry.ecr({ region: 'eu-west-1', ...options, roleArn: role.roleArn }), ecrRepositoryPrefix: 'mirror',
    });

  test('a role scoped to a prefix, used by an upstream with the default ROOT prefix, fails at synth', () => {
    const stack = newStack();
    const role = new EcrUpstreamRole(stack, 'Role', { upstreamAccountId: '444455556666', upstreamRegion: 'eu-west-1', upstreamRepositoryPrefix: 'team' });
    ecrRule(stack, role, { accountId: '444455556666' });
    expect(synthError(stack)).toContain(`[test/Mirror] ${errors.upstreamRolePrefixMismatch('test/Role', 'team', 'ROOT')}`);
  });

  test('another upstream prefix outside the role fails; one under it passes', () => {
    const bad = newStack();
    ecrRule(bad, new EcrUpstreamRole(bad, 'Role', { upstreamRepositoryPrefix: 'team' }), { repositoryPrefix: 'teamx' });
    expect(synthError(bad)).toContain(errors.upstreamRolePrefixMismatch('test/Role', 'team', 'teamx'));
    const good = newStack();
    ecrRule(good, new EcrUpstreamRole(good, 'Role', { upstreamRepositoryPrefix: 'team' }), { repositoryPrefix: 'team/app' });
    expect(() => Testing.synth(good, true)).not.toThrow();
  });

  test('another account or Region fails', () => {
    const stack = newStack();
    const role = new EcrUpstreamRole(stack, 'Role', { upstreamAccountId: '444455556666', upstreamRegion: 'eu-west-1' });
    ecrRule(stack, role, { accountId: '777788889999', region: 'eu-central-1' });
    const message = synthError(stack);
    expect(message).toContain(errors.upstreamRoleMismatch('test/Role', 'account', '444455556666', '777788889999'));
    expect(message).toContain(errors.upstreamRoleMismatch('test/Role', 'Region', 'eu-west-1', 'eu-central-1'));
  });

  test('a matching role passes', () => {
    const stack = newStack();
    const role = new EcrUpstreamRole(stack, 'Role', { upstreamAccountId: '444455556666', upstreamRegion: 'eu-west-1' });
    ecrRule(stack, role, { accountId: '444455556666' });
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });
});

describe('grants within IAM size quotas (defect 7)', () => {
  /** `regions` caches of `perRegion` rules each, all granted to one role. */
  function caches(regions: string[], perRegion: number): TerraformStack {
    const stack = newStack();
    for (const region of regions) {
      const cache = new PullThroughCache(stack, `Cache-${region}`, { region });
      for (let i = 0; i < perRegion; i++) cache.addRule(`R${i}`, { upstream: UpstreamRegistry.quay(), ecrRepositoryPrefix: `quay-${i}` });
      cache.grantPull('node-role');
    }
    return stack;
  }

  test('3 Regions x 50 rules on one role become managed policies, each within 6,144 characters', () => {
    const stack = caches(['us-east-1', 'eu-west-1', 'ap-southeast-2'], 50);
    const json = synthJson(stack);
    expect(Object.keys(resourcesOf(json, IamRolePolicy.tfResourceType)).filter((k) => k.includes('PullGrant'))).toEqual([]);
    const policies = Object.values(resourcesOf(json, IamPolicy.tfResourceType));
    const attachments = Object.values(resourcesOf(json, IamRolePolicyAttachment.tfResourceType));
    expect(policies.length).toBeGreaterThan(1);
    expect(policies.length).toBeLessThanOrEqual(10);
    expect(attachments).toHaveLength(policies.length);
    expect(attachments.every((a) => a.role === 'node-role')).toBe(true);
    // Every repository of every rule, each once, in some policy; the authorization token once.
    const statements = policies.flatMap((p) => JSON.parse(p.policy).Statement);
    expect(statements.filter((s) => s.Sid === 'EcrAuthorizationToken')).toHaveLength(1);
    expect(statements.filter((s) => s.Sid === 'PullThroughCache').flatMap((s) => s.Resource)).toHaveLength(150);
    // The bound: partition 16, account 12, the data source Region 20 characters.
    for (const p of policies) {
      const bound = p.policy.replace(/\$\{data\.aws_partition[^}]*\}/g, 'x'.repeat(16))
        .replace(/\$\{data\.aws_caller_identity[^}]*\}/g, 'x'.repeat(12)).replace(/\$\{data\.aws_region[^}]*\}/g, 'x'.repeat(20));
      expect(bound.length).toBeLessThanOrEqual(MANAGED_POLICY_MAX_LENGTH);
    }
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('grants that fit together stay inline policies, one per grant (as before)', () => {
    const stack = caches(['us-east-1', 'eu-west-1'], 3);
    expect(grantStatements(stack)).toHaveLength(2);
    expect(Object.keys(resourcesOf(synthJson(stack), IamPolicy.tfResourceType))).toEqual([]);
  });

  test('grants that fit only when merged become one inline policy, the first grant\'s', () => {
    // 40 policies of one statement each pass 10,240 characters together; one policy of 40 ARNs does not.
    const stack = newStack();
    for (let i = 0; i < 40; i++) {
      new PullThroughCacheRule(stack, `R${i}`, { upstream: UpstreamRegistry.quay(), ecrRepositoryPrefix: `quay-${i}` }).grantPull('node-role');
    }
    const policies = resourcesOf(synthJson(stack), IamRolePolicy.tfResourceType);
    expect(Object.keys(policies)).toEqual([expect.stringMatching(/^R0_PullGrant-node-role_/)]);
    const statements = JSON.parse(Object.values(policies)[0].policy).Statement;
    expect(statements[1].Resource).toHaveLength(40);
    expect(statements[1].Resource[39]).toBe(arn('quay-39/*'));
  });

  test('merged and managed policies list each repository once: pulled and tagged together', () => {
    const stack = newStack();
    new PullThroughCacheRepositoryTemplate(stack, 'Root', { prefix: 'ROOT', resourceTags: { team: 'platform' } });
    for (let i = 0; i < 40; i++) {
      new PullThroughCacheRule(stack, `R${i}`, { upstream: UpstreamRegistry.quay(), ecrRepositoryPrefix: `quay-${i}` }).grantPull('node-role');
    }
    const [statements] = grantStatements(stack);
    expect(statements.map((s) => s.Sid)).toEqual(['EcrAuthorizationToken', 'PullThroughCacheTagOnCreate']);
    expect(statements[1].Action).toEqual([
      'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability', 'ecr:BatchImportUpstreamImage', 'ecr:CreateRepository',
      'ecr:TagResource',
    ]);
    expect(statements[1].Resource).toHaveLength(40);
  });

  test('more managed policies than a role takes is a clear error', () => {
    const stack = newStack();
    const regions = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-north-1',
      'ap-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-southeast-1', 'ap-southeast-2', 'ca-central-1', 'sa-east-1'];
    for (const region of regions) {
      const cache = new PullThroughCache(stack, `Cache-${region}`, { region });
      for (let i = 0; i < 50; i++) cache.addRule(`R${i}`, { upstream: UpstreamRegistry.quay(), ecrRepositoryPrefix: `quay-mirror-of-upstream-${i}` });
      cache.grantPull('node-role');
    }
    const message = synthError(stack);
    expect(message).toMatch(/test\/EcrPullThroughCacheGrants-node-role: the pull grants of this role need \d+ managed policies/);
  });
});

describe('every policy against its IAM quota', () => {
  test('a scoped EcrUpstreamRole used by 150 rules outgrows its inline policy: a clear error', () => {
    const stack = newStack();
    const role = new EcrUpstreamRole(stack, 'Role', { scopeToRules: true });
    for (const region of ['us-east-1', 'eu-west-1', 'ap-southeast-2']) {
      const cache = new PullThroughCache(stack, `Cache-${region}`, { region });
      for (let i = 0; i < 50; i++) {
        cache.addRule(`R${i}`, { upstream: UpstreamRegistry.ecr({ region: 'eu-central-1', roleArn: role.roleArn }), ecrRepositoryPrefix: `mirror-${i}` });
      }
    }
    const message = synthError(stack);
    expect(message).toMatch(/\[test\/Role\/Policy\] this inline policy can reach \d+ characters once Terraform resolves it, but IAM allows 10240/);
    expect(message).toContain(errors.UPSTREAM_ROLE_POLICY_FIX);
  });

  test('a trust policy is held to 2,048 characters and an inline policy to 10,240, counted as resolved', () => {
    const stack = newStack();
    const trust = new Construct(stack, 'Trust');
    checkPolicySize(trust, PolicyKind.TRUST, 'x'.repeat(2048), 'fix it');
    const inline = new Construct(stack, 'Inline');
    // 10,000 literal characters and a Region expression that may resolve to 20 more: 10,020 fits.
    checkPolicySize(inline, PolicyKind.INLINE, `${'x'.repeat(10000)}${regionDataOf(stack).region}`, 'fix it');
    expect(() => Testing.synth(stack, true)).not.toThrow();
    checkPolicySize(new Construct(stack, 'Over'), PolicyKind.INLINE, `${'x'.repeat(10221)}${regionDataOf(stack).region}`, 'fix it');
    expect(synthError(stack)).toContain(`[test/Over] ${errors.policyTooLarge('inline policy', 10241, 10240, 'fix it')}`);
    checkPolicySize(new Construct(stack, 'TooLong'), PolicyKind.TRUST, 'x'.repeat(2049), 'fix it');
    expect(synthError(stack)).toContain(`[test/TooLong] ${errors.policyTooLarge('trust policy', 2049, 2048, 'fix it')}`);
  });

  test('boundedLength counts each known data source expression at its bound and others at 256', () => {
    const stack = newStack();
    const rule = new PullThroughCacheRule(stack, 'Quay', { upstream: UpstreamRegistry.quay() });
    const variable = new TerraformVariable(stack, 'v', { type: 'string' }).stringValue;
    expect(boundedLength(rule, 'abc')).toBe(3);
    expect(boundedLength(rule, arn('quay/*'))).toBe(`arn::ecr:::repository/quay/*`.length + 16 + 20 + 12);
    expect(boundedLength(rule, `x${variable}y`)).toBe(2 + 256);
  });

  test('the quotas are those of the IAM user guide', () => {
    expect([INLINE_POLICIES_MAX_LENGTH, MANAGED_POLICY_MAX_LENGTH]).toEqual([10240, 6144]);
    expect(Object.values(PolicyKind)).toEqual(['trust policy', 'inline policy']);
  });
});
