import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ACCOUNT_ID, LocalEcrEndpoint } from './support/ecr-endpoint';
import { runCli } from './support/cli';
import { EVERY_KIND, REGION, secretArn, seedEveryKind, UPSTREAM_ROLE_ARN } from './support/fixtures';

let endpoint: LocalEcrEndpoint;
let dir: string;
beforeAll(async () => {
  endpoint = await LocalEcrEndpoint.start();
  dir = mkdtempSync(join(tmpdir(), 'ecr-ptc-diff-'));
});
afterAll(() => endpoint.close());
beforeEach(() => {
  endpoint.reset();
  seedEveryKind(endpoint);
});

type Attributes = Record<string, string>;

/** A stack as cdktf synthesizes it, declaring exactly the seeded rules (secrets by reference where credentialed). */
function matchingRules(): Record<string, Attributes> {
  const rules: Record<string, Attributes> = {};
  for (const rule of EVERY_KIND) {
    const attributes: Attributes = {
      ecr_repository_prefix: rule.ecrRepositoryPrefix,
      upstream_registry_url: rule.upstreamRegistryUrl,
    };
    if (rule.credentialArn) attributes.credential_arn = `\${aws_secretsmanager_secret.${rule.ecrRepositoryPrefix.replace('-', '')}_Secret.arn}`;
    if (rule.customRoleArn) attributes.custom_role_arn = rule.customRoleArn;
    if (rule.upstreamRepositoryPrefix) attributes.upstream_repository_prefix = rule.upstreamRepositoryPrefix;
    rules[`Cache_${rule.ecrRepositoryPrefix.replace('-', '')}_Resource`] = attributes;
  }
  return rules;
}

function secrets(): Record<string, { name: string }> {
  const result: Record<string, { name: string }> = {};
  for (const rule of EVERY_KIND.filter((r) => r.credentialArn)) {
    result[`${rule.ecrRepositoryPrefix.replace('-', '')}_Secret`] = { name: `ecr-pullthroughcache/${rule.ecrRepositoryPrefix}` };
  }
  return result;
}

function writeStack(rules: Record<string, Attributes>, extra: Record<string, unknown> = {}): string {
  const path = join(dir, `cdk.tf.${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(
    path,
    JSON.stringify({
      provider: { aws: [{ region: REGION }] },
      resource: { aws_secretsmanager_secret: secrets(), aws_ecr_pull_through_cache_rule: rules },
      ...extra,
    }),
  );
  return path;
}

/** The stack name of a hand-written stack file: the name of its directory. */
const stackOf = () => basename(dir);

const diff = (path: string, ...extra: string[]) =>
  runCli(['diff', '--synth', path, '--region', REGION, '--endpoint-url', endpoint.url, ...extra]);

test('a stack that matches the live rules: no drift, exit 0', async () => {
  const r = await diff(writeStack(matchingRules()));
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe(`no drift (0 missing, 0 extra, 0 changed): ${EVERY_KIND.length} rule(s) compared in ${REGION}\n`);
  expect(r.code).toBe(0);
});

test('upstream_repository_prefix: absent and "ROOT" are equal to live "ROOT" or absent', async () => {
  const rules = matchingRules();
  delete rules.Cache_west2_Resource.upstream_repository_prefix; // live: ROOT
  rules.Cache_quay_Resource.upstream_repository_prefix = 'ROOT'; // live: absent
  expect((await diff(writeStack(rules))).code).toBe(0);
});

test('missing, extra, and changed in place vs replaced', async () => {
  const rules = matchingRules();
  delete rules.Cache_quay_Resource; // live only → extra
  rules.Cache_new_Resource = { ecr_repository_prefix: 'mirror', upstream_registry_url: 'public.ecr.aws' }; // → missing
  rules.Cache_teamimages_Resource.custom_role_arn = `arn:aws:iam::${ACCOUNT_ID}:role/other`; // in place
  rules.Cache_teamimages_Resource.upstream_repository_prefix = 'team-b'; // replace
  rules.Cache_ghcr_Resource.credential_arn = secretArn('ghcr', 'Zz9Zz9'); // literal ARN, different → in place
  const r = await diff(writeStack(rules), '--json');
  expect(r.code).toBe(1);
  const report = JSON.parse(r.stdout);
  expect(report.drift).toBe(true);
  expect(report.missing).toEqual([
    {
      address: 'aws_ecr_pull_through_cache_rule.Cache_new_Resource', stack: stackOf(), ecrRepositoryPrefix: 'mirror',
      upstreamRegistryUrl: 'public.ecr.aws', region: REGION,
    },
  ]);
  expect(report.extra.map((x: { ecrRepositoryPrefix: string }) => x.ecrRepositoryPrefix)).toEqual(['quay']);
  expect(report.extra[0]).toMatchObject({ upstreamRegistryUrl: 'quay.io', upstreamRegistry: 'quay', registryId: ACCOUNT_ID, region: REGION });
  expect(report.changed).toEqual([
    {
      address: 'aws_ecr_pull_through_cache_rule.Cache_ghcr_Resource',
      stack: stackOf(),
      ecrRepositoryPrefix: 'ghcr',
      region: REGION,
      action: 'update-in-place',
      changes: [
        { attribute: 'credential_arn', field: 'credentialArn', declared: secretArn('ghcr', 'Zz9Zz9'), live: secretArn('ghcr'), action: 'update-in-place' },
      ],
    },
    {
      address: 'aws_ecr_pull_through_cache_rule.Cache_teamimages_Resource',
      stack: stackOf(),
      ecrRepositoryPrefix: 'team-images',
      region: REGION,
      action: 'replace',
      changes: [
        { attribute: 'upstream_repository_prefix', field: 'upstreamRepositoryPrefix', declared: 'team-b', live: 'team', action: 'replace' },
        { attribute: 'custom_role_arn', field: 'customRoleArn', declared: `arn:aws:iam::${ACCOUNT_ID}:role/other`, live: UPSTREAM_ROLE_ARN, action: 'update-in-place' },
      ],
    },
  ]);

  const text = await diff(writeStack(rules));
  expect(text.code).toBe(1);
  expect(text.stdout).toContain(`missing (declared, not live):\n  + mirror  ${REGION}  public.ecr.aws  (aws_ecr_pull_through_cache_rule.Cache_new_Resource)\n`);
  expect(text.stdout).toContain(`extra (live, not declared):\n  - quay  ${REGION}  quay.io\n`);
  expect(text.stdout).toContain(`  ~ ghcr  ${REGION}  (update in place; aws_ecr_pull_through_cache_rule.Cache_ghcr_Resource)\n`);
  expect(text.stdout).toContain(`  -/+ team-images  ${REGION}  (replace; aws_ecr_pull_through_cache_rule.Cache_teamimages_Resource)\n`);
  expect(text.stdout).toContain('      upstream_repository_prefix: "team" -> "team-b"  # forces replacement\n');
  expect(text.stdout).toMatch(new RegExp(`\ndrift: 1 missing, 1 extra, 2 changed; ${EVERY_KIND.length} rule\\(s\\) compared in ${REGION}\n$`));
});

test('a changed upstream URL forces replacement', async () => {
  const rules = matchingRules();
  rules.Cache_azure_Resource.upstream_registry_url = 'fabrikam.azurecr.io';
  const report = JSON.parse((await diff(writeStack(rules), '--json')).stdout);
  expect(report.changed).toEqual([expect.objectContaining({ ecrRepositoryPrefix: 'azure', action: 'replace' })]);
});

describe('unresolved Terraform expressions', () => {
  test('a secret reference compares the secret name with the name inside the live ARN', async () => {
    const rules = matchingRules();
    const stackSecrets = secrets();
    stackSecrets.ghcr_Secret = { name: 'ecr-pullthroughcache/github' };
    const path = join(dir, 'renamed-secret.json');
    writeFileSync(
      path,
      JSON.stringify({ provider: { aws: [{ region: REGION }] }, resource: { aws_secretsmanager_secret: stackSecrets, aws_ecr_pull_through_cache_rule: rules } }),
    );
    const report = JSON.parse((await diff(path, '--json')).stdout);
    expect(report.changed).toEqual([
      expect.objectContaining({
        ecrRepositoryPrefix: 'ghcr',
        action: 'update-in-place',
        changes: [expect.objectContaining({ attribute: 'credential_arn', declared: '${aws_secretsmanager_secret.ghcr_Secret.arn}', live: secretArn('ghcr') })],
      }),
    ]);
  });

  test('other expressions compare their literal parts and are reported as unknown until apply, not drift', async () => {
    const rules = matchingRules();
    rules.Cache_west2_Resource.upstream_registry_url = '${data.aws_caller_identity.current.account_id}.dkr.ecr.eu-west-2.amazonaws.com';
    rules.Cache_teamimages_Resource.custom_role_arn = 'arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/ecr-pullthroughcache-upstream';
    const r = await diff(writeStack(rules), '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.drift).toBe(false);
    expect(report.unknown.map((u: { ecrRepositoryPrefix: string; attribute: string }) => [u.ecrRepositoryPrefix, u.attribute])).toEqual([
      ['team-images', 'custom_role_arn'],
      ['west2', 'upstream_registry_url'],
    ]);
    const text = await diff(writeStack(rules));
    expect(text.stdout).toContain(
      `unknown until apply (literal parts match):\n  ? team-images  ${REGION}  custom_role_arn: ` +
        '"arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/ecr-pullthroughcache-upstream" ~ ',
    );
  });

  test('an expression whose literal parts disagree with the live value is drift', async () => {
    const rules = matchingRules();
    rules.Cache_west2_Resource.upstream_registry_url = '${data.aws_caller_identity.current.account_id}.dkr.ecr.us-east-2.amazonaws.com';
    const report = JSON.parse((await diff(writeStack(rules), '--json')).stdout);
    expect(report.changed).toEqual([expect.objectContaining({ ecrRepositoryPrefix: 'west2', action: 'replace' })]);
  });
});

describe('Regions come from the stack, like validate --synth', () => {
  test('each rule is compared in its own Region (region argument, aliased provider), no --region needed', async () => {
    endpoint.reset();
    endpoint.seedRules(
      ...EVERY_KIND.map((r) => ({ ...r, region: REGION })),
      { ...EVERY_KIND[5], ecrRepositoryPrefix: 'quay-us', region: 'us-east-1' },
      { ...EVERY_KIND[6], region: 'ap-northeast-1' },
      { ...EVERY_KIND[7], region: 'ap-northeast-1' },
    );
    const rules = matchingRules();
    rules.Cache_useast_Resource = { ecr_repository_prefix: 'quay-us', upstream_registry_url: 'quay.io', region: 'us-east-1' };
    rules.Cache_aliased_Resource = { ecr_repository_prefix: 'k8s', upstream_registry_url: 'registry.k8s.io', provider: 'aws.tokyo' };
    const path = writeStack(rules, { provider: { aws: [{ region: REGION }, { alias: 'tokyo', region: 'ap-northeast-1' }] } });
    const r = await runCli(['diff', '--synth', path, '--endpoint-url', endpoint.url, '--json']);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.regions).toEqual([REGION, 'us-east-1', 'ap-northeast-1']);
    expect(report.missing).toEqual([]);
    expect(report.changed).toEqual([]);
    // In Tokyo only k8s is declared: the live ecr-public rule there is extra.
    expect(report.extra.map((x: { ecrRepositoryPrefix: string; region: string }) => [x.ecrRepositoryPrefix, x.region])).toEqual([['ecr-public', 'ap-northeast-1']]);
    expect(r.code).toBe(1);
    const regionsAsked = new Set(endpoint.requests.map((q) => q.region));
    expect(regionsAsked).toEqual(new Set([REGION, 'us-east-1', 'ap-northeast-1']));
  });

  test('--region is only the fallback for rules without a Region of their own', async () => {
    endpoint.reset();
    endpoint.seedRules({ ...EVERY_KIND[5], region: 'us-east-1' });
    const path = writeStack({ Cache_q_Resource: { ecr_repository_prefix: 'quay', upstream_registry_url: 'quay.io' } }, { provider: { aws: [{}] } });
    const withRegion = await runCli(['diff', '--synth', path, '--region', 'us-east-1', '--endpoint-url', endpoint.url]);
    expect(withRegion.stdout).toBe('no drift (0 missing, 0 extra, 0 changed): 1 rule(s) compared in us-east-1\n');
    expect(withRegion.code).toBe(0);
    const none = await runCli(['diff', '--synth', path, '--endpoint-url', endpoint.url]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe(
      [
        'not compared:',
        '  quay  -  (aws_ecr_pull_through_cache_rule.Cache_q_Resource): no Region: the rule has no region argument and its provider sets none',
        '      fix: pass --region, set AWS_REGION, or set region in the profile',
        'no drift (0 missing, 0 extra, 0 changed): 0 rule(s) compared, 1 not compared',
        '',
      ].join('\n'),
    );
  });

  test('a Region that is a Terraform expression is not compared without --region: exit 2', async () => {
    const path = writeStack(matchingRules(), { provider: { aws: [{ region: '${var.region}' }] }, variable: { region: { type: 'string' } } });
    const r = await runCli(['diff', '--synth', path, '--endpoint-url', endpoint.url, '--json']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.unchecked).toHaveLength(EVERY_KIND.length);
    expect(report.unchecked[0]).toMatchObject({ region: '${var.region}', failure: 'its Region is the Terraform expression ${var.region}, known only at apply' });
    expect(endpoint.requests).toEqual([]);
    expect((await runCli(['diff', '--synth', path, '--endpoint-url', endpoint.url, '--region', REGION])).code).toBe(0);
  });
});

test('an unreadable or invalid --synth file is an error (exit 2)', async () => {
  const missing = await diff(join(dir, 'nope.json'));
  expect(missing.code).toBe(2);
  expect(missing.stdout).toBe('');
  expect(missing.stderr).toBe(
    `ecr-ptc: --synth ${join(dir, 'nope.json')}: cannot read it (no such file or directory, ENOENT)\n` +
      'expected: a synthesized stack (cdktf.out/stacks/<stack>/cdk.tf.json), the output directory of cdktf or cdktn synth (cdktf.out), or its manifest.json\n',
  );
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{ not json');
  const invalid = await diff(bad);
  expect(invalid.code).toBe(2);
  expect(invalid.stderr).toMatch(/^ecr-ptc: --synth .*bad\.json: not JSON \(/);
  expect(endpoint.requests).toEqual([]);
});

describe('secrets named by prefix or defined elsewhere', () => {
  function stackWithGhcrSecret(secret: Record<string, string> | undefined): string {
    const stackSecrets: Record<string, unknown> = secrets();
    if (secret) stackSecrets.ghcr_Secret = secret;
    else delete stackSecrets.ghcr_Secret;
    const path = join(dir, `secret-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(
      path,
      JSON.stringify({ provider: { aws: [{ region: REGION }] }, resource: { aws_secretsmanager_secret: stackSecrets, aws_ecr_pull_through_cache_rule: matchingRules() } }),
    );
    return path;
  }

  test('a name_prefix that the live secret name starts with is unknown until apply', async () => {
    const r = await diff(stackWithGhcrSecret({ name_prefix: 'ecr-pullthroughcache/gh' }), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).unknown).toEqual([
      expect.objectContaining({ ecrRepositoryPrefix: 'ghcr', attribute: 'credential_arn', note: 'secret name ecr-pullthroughcache/gh${name_prefix} is unknown until apply' }),
    ]);
  });

  test('a name_prefix the live secret does not start with is drift', async () => {
    const r = await diff(stackWithGhcrSecret({ name_prefix: 'ecr-pullthroughcache/github-' }), '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).changed).toEqual([expect.objectContaining({ ecrRepositoryPrefix: 'ghcr', action: 'update-in-place' })]);
  });

  test('a secret that is not in the stack cannot be compared: unknown, not drift', async () => {
    const r = await diff(stackWithGhcrSecret(undefined), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).unknown).toEqual([
      expect.objectContaining({ ecrRepositoryPrefix: 'ghcr', note: 'aws_secretsmanager_secret.ghcr_Secret has no name in this stack' }),
    ]);
  });
});
