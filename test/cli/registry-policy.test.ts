import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Testing, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { PullThroughCache, UpstreamRegistry } from '../../src';
import { droppedStatements, partitionOfRegion } from '../../src/cli/registry-policy';
import { ACCOUNT_ID, LocalEcrEndpoint } from './support/ecr-endpoint';
import { runCli } from './support/cli';
import { REGION } from './support/fixtures';

const ORG = 'o-a1b2c3d4e5';

let endpoint: LocalEcrEndpoint;
let dir: string;
beforeAll(async () => {
  endpoint = await LocalEcrEndpoint.start();
  dir = mkdtempSync(join(tmpdir(), 'ecr-ptc-registry-policy-'));
});
afterAll(() => endpoint.close());
beforeEach(() => {
  endpoint.reset();
  endpoint.seedRules({ ecrRepositoryPrefix: 'quay', upstreamRegistryUrl: 'quay.io' });
});

/** A stack with one quay rule granted to an organization, synthesized by the library itself. */
function synthesizedStack(region = REGION): string {
  const stack = new TerraformStack(Testing.app(), 'cache');
  new AwsProvider(stack, 'aws', { region });
  const cache = new PullThroughCache(stack, 'Cache');
  cache.addRule('Quay', { upstream: UpstreamRegistry.quay() });
  cache.grantPullToOrganization(ORG);
  const path = join(dir, `cdk.tf.${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, Testing.synth(stack, true));
  return path;
}

/** The statement the stack above declares, as ECR returns it once deployed (values resolved). */
const OURS = {
  Sid: 'PullThroughCacheFirstPull1',
  Effect: 'Allow',
  Principal: { AWS: '*' },
  Action: ['ecr:BatchImportUpstreamImage', 'ecr:CreateRepository'],
  Resource: [`arn:aws:ecr:${REGION}:${ACCOUNT_ID}:repository/quay/*`],
  Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } },
};

const REPLICATION = {
  Sid: 'ReplicationAccessCrossAccount',
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::444455556666:root' },
  Action: ['ecr:CreateRepository', 'ecr:ReplicateImage'],
  Resource: `arn:aws:ecr:${REGION}:${ACCOUNT_ID}:repository/*`,
};

const doc = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

const diff = (path: string, ...extra: string[]) =>
  runCli(['diff', '--synth', path, '--region', REGION, '--endpoint-url', endpoint.url, ...extra]);

describe('diff --synth and the registry policy', () => {
  test('a live statement the stack does not declare is reported as dropped: exit 1', async () => {
    endpoint.seedRegistryPolicy(doc(REPLICATION, OURS), REGION);
    const r = await diff(synthesizedStack());
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(
      'registry policy (aws_ecr_registry_policy.EcrPullThroughCacheRegistryPolicy-eu-west-1) replaces the live one and drops 1 live statement:\n' +
      `  - ReplicationAccessCrossAccount: ${JSON.stringify(REPLICATION)}\n`,
    );
    expect(r.code).toBe(1);
    expect(endpoint.counts().GetRegistryPolicy).toBe(1);
  });

  test('a live policy that holds only what the stack declares (in another form) drops nothing: exit 0', async () => {
    // ECR may return single values as strings, lists in another order, and no Sid
    const { Sid: _sid, ...rest } = OURS;
    endpoint.seedRegistryPolicy(doc({ ...rest, Action: ['ecr:CreateRepository', 'ecr:BatchImportUpstreamImage'], Resource: rest.Resource[0] }), REGION);
    const r = await diff(synthesizedStack());
    expect(r.stdout).toContain('registry policy (aws_ecr_registry_policy.EcrPullThroughCacheRegistryPolicy-eu-west-1): keeps every live statement\n');
    expect(r.code).toBe(0);
  });

  test('no live policy (RegistryPolicyNotFoundException): nothing to drop', async () => {
    const r = await diff(synthesizedStack());
    expect(r.stdout).toContain('registry policy (aws_ecr_registry_policy.EcrPullThroughCacheRegistryPolicy-eu-west-1): no live policy to replace\n');
    expect(r.code).toBe(0);
    expect(endpoint.requests.find((q) => q.operation === 'GetRegistryPolicy')?.errorType).toBe('RegistryPolicyNotFoundException');
  });

  test('the live policy of another Region is not this one', async () => {
    endpoint.seedRegistryPolicy(doc(REPLICATION), 'us-east-1');
    expect((await diff(synthesizedStack())).code).toBe(0);
  });

  test('--json lists the dropped statements', async () => {
    endpoint.seedRegistryPolicy(doc(REPLICATION), REGION);
    const r = await diff(synthesizedStack(), '--json');
    expect(JSON.parse(r.stdout).registryPolicies).toEqual([{
      address: 'aws_ecr_registry_policy.EcrPullThroughCacheRegistryPolicy-eu-west-1',
      live: true,
      dropped: [REPLICATION],
    }]);
    expect(r.code).toBe(1);
  });

  test('a stack without a registry policy does not read the live one', async () => {
    endpoint.seedRegistryPolicy(doc(REPLICATION), REGION);
    const path = join(dir, 'no-policy.json');
    writeFileSync(path, JSON.stringify({
      provider: { aws: [{ region: REGION }] },
      resource: { aws_ecr_pull_through_cache_rule: { q: { ecr_repository_prefix: 'quay', upstream_registry_url: 'quay.io' } } },
    }));
    const r = await diff(path);
    expect(r.stdout).toBe('no drift (0 missing, 0 extra, 0 changed): 1 rule(s) compared in eu-west-1\n');
    expect(r.code).toBe(0);
    expect(endpoint.counts().GetRegistryPolicy).toBeUndefined();
  });

  test('a policy that is a Terraform expression cannot be compared: exit 2', async () => {
    endpoint.seedRegistryPolicy(doc(REPLICATION), REGION);
    const path = join(dir, 'expression.json');
    writeFileSync(path, JSON.stringify({
      provider: { aws: [{ region: REGION }] },
      resource: {
        aws_ecr_pull_through_cache_rule: { q: { ecr_repository_prefix: 'quay', upstream_registry_url: 'quay.io' } },
        aws_ecr_registry_policy: { p: { policy: '${data.aws_iam_policy_document.merged.json}' } },
      },
    }));
    const r = await diff(path);
    expect(r.stderr).toContain('cannot compare the policy of aws_ecr_registry_policy.p: it is not a JSON document');
    expect(r.code).toBe(2);
  });

  test('a service error other than not-found is an error: exit 2', async () => {
    endpoint.inject({ kind: 'server-error', operations: ['GetRegistryPolicy'] });
    const r = await diff(synthesizedStack());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ECR server error');
  });
});

describe('droppedStatements', () => {
  const declared = (statements: object[]) => ({ address: 'aws_ecr_registry_policy.p', policy: doc(...statements) });

  test('an account ID principal equals its root ARN; the partition follows the Region', () => {
    const ours = { Effect: 'Allow', Principal: { AWS: 'arn:${data.aws_partition.p.partition}:iam::444455556666:root' }, Action: 'ecr:CreateRepository', Resource: '*' };
    const live = { Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: 'ecr:CreateRepository', Resource: '*' };
    expect(droppedStatements(declared([ours]), doc(live), { region: 'eu-west-1' })).toEqual([]);
    const liveCn = { ...live, Principal: { AWS: 'arn:aws:iam::444455556666:root' } };
    expect(droppedStatements(declared([ours]), doc(liveCn), { region: 'cn-north-1' })).toEqual([liveCn]);
  });

  test('a statement that differs in one action, resource, principal or condition is dropped', () => {
    const variants = [
      { ...OURS, Action: ['ecr:BatchImportUpstreamImage'] },
      { ...OURS, Resource: [`arn:aws:ecr:${REGION}:${ACCOUNT_ID}:repository/k8s/*`] },
      { ...OURS, Principal: { AWS: 'arn:aws:iam::444455556666:root' } },
      { ...OURS, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-zzzzzzzzzz' } } },
      { ...OURS, Effect: 'Deny' },
    ];
    const ours = { ...OURS, Resource: ['arn:${data.aws_partition.p.partition}:ecr:${data.aws_region.r.region}:${data.aws_caller_identity.c.account_id}:repository/quay/*'] };
    for (const v of variants) {
      expect(droppedStatements(declared([ours]), doc(v), { region: REGION, accountId: ACCOUNT_ID })).toEqual([v]);
    }
    expect(droppedStatements(declared([ours]), doc(OURS), { region: REGION, accountId: ACCOUNT_ID })).toEqual([]);
  });

  test('partitions of Regions', () => {
    expect([partitionOfRegion('us-east-1'), partitionOfRegion('cn-north-1'), partitionOfRegion('us-gov-west-1')]).toEqual(['aws', 'aws-cn', 'aws-us-gov']);
  });
});
