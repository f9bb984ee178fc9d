import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { EcrRegistryPolicy } from '../src/private/aws/ecr-registry-policy';
import { EcrRepositoryCreationTemplate } from '../src/private/aws/ecr-repository-creation-template';
import * as errors from '../src/private/errors';
import { PullThroughCache, PullThroughCacheRepositoryTemplate, PullThroughCacheRule, UpstreamRegistry } from '../src';
import { newStack, resourcesOf, synthJson, warningsOf } from './util';

const ORG = 'o-a1b2c3d4e5';
const PARTITION = '${data.aws_partition.EcrPullThroughCachePartition.partition}';
const ACCOUNT = '${data.aws_caller_identity.EcrPullThroughCacheCallerIdentity.account_id}';
const REGION_OF_PROVIDER = '${data.aws_region.EcrPullThroughCacheRegion.region}';
const FIRST_PULL = ['ecr:BatchImportUpstreamImage', 'ecr:CreateRepository'];
const PULL = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'];
const repoArn = (region: string, prefix: string) => `arn:${PARTITION}:ecr:${region}:${ACCOUNT}:repository/${prefix}/*`;
const root = (account: string) => `arn:${PARTITION}:iam::${account}:root`;

function registryPolicies(json: any): Record<string, any> {
  return resourcesOf(json, EcrRegistryPolicy.tfResourceType);
}

function onlyRegistryPolicy(json: any): { region?: string; policy: any } {
  const all = Object.values(registryPolicies(json));
  expect(all).toHaveLength(1);
  return { region: all[0].region, policy: JSON.parse(all[0].policy) };
}

function templates(json: any): Record<string, any> {
  const out: Record<string, any> = {};
  for (const t of Object.values(resourcesOf(json, EcrRepositoryCreationTemplate.tfResourceType))) out[t.prefix] = t;
  return out;
}

function repositoryPolicy(json: any, prefix: string): any {
  return JSON.parse(templates(json)[prefix].repository_policy);
}

function synthError(stack: TerraformStack): string {
  try {
    Testing.synth(stack, true);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('synth did not fail');
}

describe('grantPullToOrganization on a cache', () => {
  test('the registry policy allows the first pull of each rule to principals of the organization, and nothing else', () => {
    const stack = newStack();
    const cache = new PullThroughCache(stack, 'Cache');
    cache.addRule('EcrPublic', { upstream: UpstreamRegistry.ecrPublic() });
    cache.grantPullToOrganization(ORG);
    cache.addRule('Quay', { upstream: UpstreamRegistry.quay() }); // added after the grant: included
    const { region, policy } = onlyRegistryPolicy(synthJson(stack));
    expect(region).toBeUndefined();
    expect(policy).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Sid: 'PullThroughCacheFirstPull1',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: FIRST_PULL,
        Resource: [repoArn(REGION_OF_PROVIDER, 'ecr-public'), repoArn(REGION_OF_PROVIDER, 'quay')],
        Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } },
      }],
    });
  });

  test("later pulls go through the repository policy of each rule's creation template, limited to the organization", () => {
    const stack = newStack();
    const cache = new PullThroughCache(stack, 'Cache');
    cache.addRule('EcrPublic', { upstream: UpstreamRegistry.ecrPublic() });
    cache.grantPullToOrganization(ORG);
    cache.addRule('Quay', { upstream: UpstreamRegistry.quay() });
    const json = synthJson(stack);
    for (const prefix of ['ecr-public', 'quay']) {
      expect(templates(json)[prefix].applied_for).toEqual(['PULL_THROUGH_CACHE']);
      expect(repositoryPolicy(json, prefix)).toEqual({
        Version: '2012-10-17',
        Statement: [{
          Sid: 'PullThroughCachePull1',
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: PULL,
          Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } },
        }],
      });
    }
  });

  test('the template a grant makes is the rule\'s own (construct id RepositoryTemplate), with ECR\'s defaults', () => {
    const stack = newStack();
    const cache = new PullThroughCache(stack, 'Cache');
    const rule = cache.addRule('Quay', { upstream: UpstreamRegistry.quay() });
    expect(rule.repositoryTemplate).toBeUndefined();
    cache.grantPullToOrganization(ORG);
    expect(rule.repositoryTemplate?.node.path).toBe('test/Cache/Quay/RepositoryTemplate');
    const template = templates(synthJson(stack)).quay;
    expect(template.image_tag_mutability).toBe('MUTABLE');
    expect(template.encryption_configuration).toEqual([{ encryption_type: 'AES256' }]);
    expect(template.lifecycle_policy).toBeUndefined();
  });

  test('the stack warns that it replaces the registry policy of the Region', () => {
    const stack = newStack();
    const cache = new PullThroughCache(stack, 'Cache', { region: 'eu-west-1' });
    cache.addRule('Quay', { upstream: UpstreamRegistry.quay() });
    cache.grantPullToOrganization(ORG);
    synthJson(stack);
    expect(warningsOf(stack)).toEqual([errors.registryPolicyWarning("Region 'eu-west-1'")]);
    expect(warningsOf(stack)[0]).toMatch(/^\[ecr-ptc:registry-policy\] /);
  });

  test('a grant on a cache without rules warns at synth and writes no policy', () => {
    const stack = newStack();
    new PullThroughCache(stack, 'Cache').grantPullToOrganization(ORG);
    const json = synthJson(stack);
    expect(warningsOf(stack)).toEqual([errors.grantWithoutRulesWarning()]);
    expect(registryPolicies(json)).toEqual({});
  });

  test('the same organization twice adds its statements once', () => {
    const stack = newStack();
    const cache = new PullThroughCache(stack, 'Cache');
    cache.addRule('Quay', { upstream: UpstreamRegistry.quay() });
    cache.grantPullToOrganization(ORG);
    cache.grantPullToOrganization(ORG);
    const json = synthJson(stack);
    expect(onlyRegistryPolicy(json).policy.Statement).toHaveLength(1);
    expect(repositoryPolicy(json, 'quay').Statement).toHaveLength(1);
  });

  test('a token organization ID is accepted and written as is', () => {
    const stack = newStack();
    const org = new TerraformVariable(stack, 'org', { type: 'string' }).stringValue;
    const cache = new PullThroughCache(stack, 'Cache');
    cache.addRule('Quay', { upstream: UpstreamRegistry.quay() });
    cache.grantPullToOrganization(org);
    const { policy } = onlyRegistryPolicy(synthJson(stack));
    expect(policy.Statement[0].Condition).toEqual({ StringEquals: { 'aws:PrincipalOrgID': '${var.org}' } });
  });

  test.each([
    'o-abc', // too short
    'o-' + 'a'.repeat(33), // too long
    'o-A1B2C3D4E5', // upper case
    'r-a1b2c3d4e5', // a root ID
    '111122223333', // an account
    '',
  ])('organization ID %j is an error at construction', (value) => {
    const stack = newStack();
    const cache = new PullThroughCache(stack, 'Cache');
    expect(() => cache.grantPullToOrganization(value)).toThrow(errors.organizationId('test/Cache', value).message);
  });

  test.each(['o-' + 'a'.repeat(10), 'o-' + '0'.repeat(32)])('organization ID %j is accepted', (value) => {
    const stack = newStack();
    expect(() => new PullThroughCache(stack, 'Cache').grantPullToOrganization(value)).not.toThrow();
  });
});

describe('grantPullToAccounts', () => {
  test('principals are the accounts\' roots in the partition of the provider; no condition', () => {
    const stack = newStack();
    const cache = new PullThroughCache(stack, 'Cache');
    cache.addRule('Quay', { upstream: UpstreamRegistry.quay() });
    cache.grantPullToAccounts(['444455556666', '777788889999', '444455556666']);
    const json = synthJson(stack);
    expect(onlyRegistryPolicy(json).policy.Statement).toEqual([{
      Sid: 'PullThroughCacheFirstPull1',
      Effect: 'Allow',
      Principal: { AWS: [root('444455556666'), root('777788889999')] },
      Action: FIRST_PULL,
      Resource: [repoArn(REGION_OF_PROVIDER, 'quay')],
    }]);
    expect(repositoryPolicy(json, 'quay').Statement).toEqual([{
      Sid: 'PullThroughCachePull1',
      Effect: 'Allow',
      Principal: { AWS: [root('444455556666'), root('777788889999')] },
      Action: PULL,
    }]);
  });

  test('an organization and accounts: one statement each, numbered in order', () => {
    const stack = newStack();
    const cache = new PullThroughCache(stack, 'Cache');
    cache.addRule('Quay', { upstream: UpstreamRegistry.quay() });
    cache.grantPullToOrganization(ORG);
    cache.grantPullToAccounts(['444455556666']);
    const json = synthJson(stack);
    expect(onlyRegistryPolicy(json).policy.Statement.map((s: any) => [s.Sid, s.Principal.AWS])).toEqual([
      ['PullThroughCacheFirstPull1', '*'],
      ['PullThroughCacheFirstPull2', [root('444455556666')]],
    ]);
    expect(repositoryPolicy(json, 'quay').Statement.map((s: any) => [s.Sid, s.Principal.AWS])).toEqual([
      ['PullThroughCachePull1', '*'],
      ['PullThroughCachePull2', [root('444455556666')]],
    ]);
  });

  test.each([
    [['12345678901'], 'accountIds[0]', '12345678901'],
    [['111122223333', 'abcdefghijkl'], 'accountIds[1]', 'abcdefghijkl'],
    [['arn:aws:iam::111122223333:root'], 'accountIds[0]', 'arn:aws:iam::111122223333:root'],
  ])('account IDs %j are an error at construction', (ids, prop, value) => {
    const cache = new PullThroughCache(newStack(), 'Cache');
    expect(() => cache.grantPullToAccounts(ids)).toThrow(errors.accountId('test/Cache', prop, value).message);
  });

  test('an empty list is an error', () => {
    const cache = new PullThroughCache(newStack(), 'Cache');
    expect(() => cache.grantPullToAccounts([])).toThrow(errors.noAccountIds('test/Cache').message);
  });

  test('a token list is an error; token elements are accepted', () => {
    const stack = newStack();
    const cache = new PullThroughCache(stack, 'Cache');
    cache.addRule('Quay', { upstream: UpstreamRegistry.quay() });
    const list = new TerraformVariable(stack, 'ids', { type: 'list(string)' }).listValue;
    expect(() => cache.grantPullToAccounts(list)).toThrow(errors.accountIdsToken('test/Cache').message);
    const one = new TerraformVariable(stack, 'id', { type: 'string' }).stringValue;
    cache.grantPullToAccounts([one]);
    expect(onlyRegistryPolicy(synthJson(stack)).policy.Statement[0].Principal).toEqual({ AWS: [root('${var.id}')] });
  });
});

describe('one registry policy per Region', () => {
  test('caches and standalone rules of one Region share one aws_ecr_registry_policy', () => {
    const stack = newStack();
    const a = new PullThroughCache(stack, 'A');
    a.addRule('Quay', { upstream: UpstreamRegistry.quay() });
    a.grantPullToOrganization(ORG);
    // region 'us-east-1' is the provider's Region: the same registry policy
    const b = new PullThroughCache(stack, 'B', { region: 'us-east-1' });
    b.addRule('K8s', { upstream: UpstreamRegistry.kubernetes() });
    b.grantPullToAccounts(['444455556666']);
    const rule = new PullThroughCacheRule(stack, 'Public', { upstream: UpstreamRegistry.ecrPublic() });
    rule.grantPullToOrganization(ORG);
    const json = synthJson(stack);
    expect(Object.keys(registryPolicies(json))).toEqual(['EcrPullThroughCacheRegistryPolicy-us-east-1']);
    const statements = onlyRegistryPolicy(json).policy.Statement;
    expect(statements.map((s: any) => [s.Sid, s.Resource])).toEqual([
      ['PullThroughCacheFirstPull1', [repoArn(REGION_OF_PROVIDER, 'quay'), repoArn(REGION_OF_PROVIDER, 'ecr-public')]],
      ['PullThroughCacheFirstPull2', [repoArn('us-east-1', 'k8s')]],
    ]);
    expect(a.registryPolicyJson).toBe(b.registryPolicyJson);
    expect(rule.registryPolicyJson).toBe(a.registryPolicyJson);
  });

  test('another Region gets its own registry policy, with its region argument', () => {
    const stack = newStack();
    const a = new PullThroughCache(stack, 'A');
    a.addRule('Quay', { upstream: UpstreamRegistry.quay() });
    a.grantPullToOrganization(ORG);
    const b = new PullThroughCache(stack, 'B', { region: 'eu-west-1' });
    b.addRule('Quay', { upstream: UpstreamRegistry.quay() });
    b.grantPullToOrganization(ORG);
    const policies = registryPolicies(synthJson(stack));
    expect(Object.keys(policies).sort()).toEqual(['EcrPullThroughCacheRegistryPolicy-eu-west-1', 'EcrPullThroughCacheRegistryPolicy-us-east-1']);
    expect(policies['EcrPullThroughCacheRegistryPolicy-eu-west-1'].region).toBe('eu-west-1');
    expect(JSON.parse(policies['EcrPullThroughCacheRegistryPolicy-eu-west-1'].policy).Statement[0].Resource).toEqual([repoArn('eu-west-1', 'quay')]);
    expect(warningsOf(stack).sort()).toEqual([errors.registryPolicyWarning("Region 'eu-west-1'"), errors.registryPolicyWarning("Region 'us-east-1'")]);
  });

  test('manageRegistryPolicy: false makes no resource and no warning; registryPolicyJson holds the statements', () => {
    const stack = newStack();
    const cache = new PullThroughCache(stack, 'Cache', { manageRegistryPolicy: false });
    cache.addRule('Quay', { upstream: UpstreamRegistry.quay() });
    cache.grantPullToOrganization(ORG);
    const json = synthJson(stack);
    expect(registryPolicies(json)).toEqual({});
    expect(warningsOf(stack)).toEqual([]);
    // the template's repository policy is still made
    expect(repositoryPolicy(json, 'quay').Statement).toHaveLength(1);
    new TerraformOutput(stack, 'doc', { value: cache.registryPolicyJson });
    const out = JSON.parse(synthJson(stack).output.doc.value);
    expect(out.Statement).toEqual([expect.objectContaining({ Sid: 'PullThroughCacheFirstPull1', Action: FIRST_PULL, Resource: [repoArn(REGION_OF_PROVIDER, 'quay')] })]);
  });

  test('caches of one Region that disagree about manageRegistryPolicy fail at synth', () => {
    const stack = newStack();
    const a = new PullThroughCache(stack, 'A');
    a.addRule('Quay', { upstream: UpstreamRegistry.quay() });
    a.grantPullToOrganization(ORG);
    const b = new PullThroughCache(stack, 'B', { manageRegistryPolicy: false });
    b.addRule('K8s', { upstream: UpstreamRegistry.kubernetes() });
    b.grantPullToOrganization(ORG);
    expect(synthError(stack)).toContain(errors.registryPolicyOwnership("Region 'us-east-1'", ['test/A/Quay'], ['test/B/K8s']));
  });
});

describe('templates and repository policies', () => {
  test("a rule's repositoryPolicy keeps its statements; the grant's come after them", () => {
    const stack = newStack();
    const own = { Sid: 'Mine', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:role/ci' }, Action: 'ecr:DescribeImages' };
    const cache = new PullThroughCache(stack, 'Cache', {
      repositoryTemplate: { repositoryPolicy: JSON.stringify({ Version: '2012-10-17', Id: 'mine', Statement: own }), maxImageCount: 5 },
    });
    cache.addRule('Quay', { upstream: UpstreamRegistry.quay() });
    cache.grantPullToOrganization(ORG);
    const json = synthJson(stack);
    const policy = repositoryPolicy(json, 'quay');
    expect(policy.Id).toBe('mine');
    expect(policy.Statement.map((s: any) => s.Sid)).toEqual(['Mine', 'PullThroughCachePull1']);
    expect(policy.Statement[0]).toEqual(own);
    // the rest of the template is untouched
    expect(templates(json).quay.lifecycle_policy).toContain('imageCountMoreThan');
  });

  test("a standalone template on the rule's prefix gets the statements; no second template is made", () => {
    const stack = newStack();
    new PullThroughCacheRepositoryTemplate(stack, 'QuayTemplate', { prefix: 'quay/', maxImageCount: 3 });
    const rule = new PullThroughCacheRule(stack, 'Quay', { upstream: UpstreamRegistry.quay() });
    rule.grantPullToAccounts(['444455556666']);
    const json = synthJson(stack);
    expect(Object.keys(templates(json))).toEqual(['quay']);
    expect(repositoryPolicy(json, 'quay').Statement[0].Sid).toBe('PullThroughCachePull1');
    expect(rule.repositoryTemplate).toBeUndefined();
  });

  test('a standalone template on the prefix that sets tags adds ecr:TagResource to the first pull, also in grantPull', () => {
    const stack = newStack();
    const rule = new PullThroughCacheRule(stack, 'Quay', { upstream: UpstreamRegistry.quay() });
    rule.grantPull('ci');
    // declared after the rule and its grant to a role of this account, before the grant to other accounts
    new PullThroughCacheRepositoryTemplate(stack, 'QuayTemplate', { prefix: 'quay', resourceTags: { team: 'a' } });
    rule.grantPullToOrganization(ORG);
    expect(rule.repositoryTemplate).toBeUndefined();
    const json = synthJson(stack);
    expect(onlyRegistryPolicy(json).policy.Statement[0].Action).toEqual([...FIRST_PULL, 'ecr:TagResource']);
    const inline = JSON.parse(Object.values<any>(resourcesOf(json, 'aws_iam_role_policy')).find((p) => p.role === 'ci').policy);
    expect(inline.Statement.map((st: any) => st.Sid)).toEqual(['EcrAuthorizationToken', 'PullThroughCache', 'TagOnCreate']);
  });

  test("a standalone template in another Region is not the rule's", () => {
    const stack = newStack();
    new PullThroughCacheRepositoryTemplate(stack, 'QuayTemplate', { prefix: 'quay', region: 'eu-west-1' });
    const rule = new PullThroughCacheRule(stack, 'Quay', { upstream: UpstreamRegistry.quay() });
    rule.grantPullToOrganization(ORG);
    const all = Object.values(resourcesOf(synthJson(stack), EcrRepositoryCreationTemplate.tfResourceType));
    expect(all.map((t) => [t.region, t.repository_policy === undefined])).toEqual([['eu-west-1', true], [undefined, false]]);
  });

  test('a ROOT template that the new template overrides is reported', () => {
    const stack = newStack();
    const rootTemplate = new PullThroughCacheRepositoryTemplate(stack, 'Defaults', { prefix: 'ROOT', resourceTags: { team: 'a' } });
    const rule = new PullThroughCacheRule(stack, 'Quay', { upstream: UpstreamRegistry.quay() });
    rule.grantPullToOrganization(ORG);
    synthJson(stack);
    expect(warningsOf(stack)).toContain(errors.grantTemplateShadowsRootWarning('quay', rootTemplate.node.path));
  });

  test('a token repositoryPolicy cannot take the statements: error at the grant', () => {
    const stack = newStack();
    const policy = new TerraformVariable(stack, 'policy', { type: 'string' }).stringValue;
    const rule = new PullThroughCacheRule(stack, 'Quay', { upstream: UpstreamRegistry.quay(), repositoryTemplate: { repositoryPolicy: policy } });
    expect(() => rule.grantPullToOrganization(ORG))
      .toThrow(errors.repositoryPolicyNotMergeable('test/Quay/RepositoryTemplate', 'is a token').message);
  });

  test.each([
    ['[]', 'is not a JSON object'],
    ['"text"', 'is not a JSON object'],
  ])('a repositoryPolicy of %s cannot take the statements', (text, reason) => {
    const rule = new PullThroughCacheRule(newStack(), 'Quay', { upstream: UpstreamRegistry.quay(), repositoryTemplate: { repositoryPolicy: text } });
    expect(() => rule.grantPullToOrganization(ORG)).toThrow(errors.repositoryPolicyNotMergeable('test/Quay/RepositoryTemplate', reason).message);
  });

  test("a statement of the user's with the grant's Sid is an error", () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'PullThroughCachePull1', Effect: 'Deny', Principal: '*', Action: 'ecr:*' }] });
    const rule = new PullThroughCacheRule(newStack(), 'Quay', { upstream: UpstreamRegistry.quay(), repositoryTemplate: { repositoryPolicy: text } });
    expect(() => rule.grantPullToOrganization(ORG)).toThrow(errors.repositoryPolicySid('test/Quay/RepositoryTemplate', 'PullThroughCachePull1').message);
  });

  test('a merged repository policy over the ECR limit fails at synth', () => {
    const stack = newStack();
    const big = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Big', Effect: 'Allow', Principal: '*', Action: 'ecr:DescribeImages', Condition: { StringEquals: { 'aws:SourceVpce': 'x'.repeat(10000) } } }] });
    const rule = new PullThroughCacheRule(stack, 'Quay', { upstream: UpstreamRegistry.quay(), repositoryTemplate: { repositoryPolicy: big } });
    rule.grantPullToOrganization(ORG);
    expect(synthError(stack)).toMatch(/the repository policy of this template, with the statements of the pull grants for other accounts, has \d+ characters, but ECR allows at most 10240/);
  });

  test('a template that sets tags adds ecr:TagResource to the first pull of its rule', () => {
    const stack = newStack();
    const cache = new PullThroughCache(stack, 'Cache');
    cache.addRule('Quay', { upstream: UpstreamRegistry.quay(), repositoryTemplate: { resourceTags: { team: 'platform' } } });
    cache.addRule('K8s', { upstream: UpstreamRegistry.kubernetes() });
    cache.grantPullToOrganization(ORG);
    const statements = onlyRegistryPolicy(synthJson(stack)).policy.Statement;
    expect(statements.map((s: any) => [s.Action, s.Resource])).toEqual([
      [[...FIRST_PULL, 'ecr:TagResource'], [repoArn(REGION_OF_PROVIDER, 'quay')]],
      [FIRST_PULL, [repoArn(REGION_OF_PROVIDER, 'k8s')]],
    ]);
  });
});

describe('consumerPolicyJson', () => {
  test("the identity policy of a consumer role: the token action on '*', pull and first pull on the cache account's repositories", () => {
    const stack = newStack();
    const cache = new PullThroughCache(stack, 'Cache');
    const quay = cache.addRule('Quay', { upstream: UpstreamRegistry.quay() });
    cache.addRule('K8s', { upstream: UpstreamRegistry.kubernetes(), repositoryTemplate: { resourceTags: { a: 'b' } } });
    new TerraformOutput(stack, 'cache', { value: cache.consumerPolicyJson });
    new TerraformOutput(stack, 'rule', { value: quay.consumerPolicyJson });
    const out = synthJson(stack).output;
    expect(JSON.parse(out.cache.value)).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'EcrAuthorizationToken', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
        { Sid: 'PullThroughCache', Effect: 'Allow', Action: [...PULL, ...FIRST_PULL], Resource: [repoArn(REGION_OF_PROVIDER, 'quay'), repoArn(REGION_OF_PROVIDER, 'k8s')] },
        { Sid: 'TagOnCreate', Effect: 'Allow', Action: ['ecr:TagResource'], Resource: [repoArn(REGION_OF_PROVIDER, 'k8s')] },
      ],
    });
    expect(JSON.parse(out.rule.value).Statement[1].Resource).toEqual([repoArn(REGION_OF_PROVIDER, 'quay')]);
  });
});

describe('two stacks: the cache account and a consumer account', () => {
  test("the consumer's policy refers to the cache account's partition, Region and account through the cache stack's outputs", () => {
    const app = Testing.app();
    const cacheStack = new TerraformStack(app, 'registry-cache');
    new AwsProvider(cacheStack, 'aws', { region: 'eu-west-1' });
    const cache = new PullThroughCache(cacheStack, 'Cache');
    cache.addRule('Quay', { upstream: UpstreamRegistry.quay() });
    cache.grantPullToOrganization(ORG);
    const consumer = new TerraformStack(app, 'team-a');
    new AwsProvider(consumer, 'aws', { region: 'eu-west-1' });
    new IamRolePolicy(consumer, 'Pull', { role: 'eks-node-role', policy: cache.consumerPolicyJson });
    app.synth();
    const json = JSON.parse(readFileSync(join(app.outdir, 'stacks', 'team-a', 'cdk.tf.json'), 'utf8'));
    const policy = JSON.parse(Object.values<any>(json.resource.aws_iam_role_policy)[0].policy);
    const remote = (name: string) => `\${data.terraform_remote_state.cross-stack-reference-input-registry-cache.outputs.cross-stack-output-${name}}`;
    expect(policy.Statement[1].Resource).toEqual([
      `arn:${remote('dataaws_partitionEcrPullThroughCachePartitionpartition')}:ecr:${remote('dataaws_regionEcrPullThroughCacheRegionregion')}:` +
      `${remote('dataaws_caller_identityEcrPullThroughCacheCallerIdentityaccount_id')}:repository/quay/*`,
    ]);
    // nothing of the cache stack's own data sources is referred to directly
    expect(JSON.stringify(json)).not.toContain('${data.aws_');
  });
});
