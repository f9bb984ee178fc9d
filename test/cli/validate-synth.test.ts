/** `ecr-ptc validate --synth <cdk.tf.json> [--wait <duration>]`: the rules a synthesized stack declares, each in its Region. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { EcrPullThroughCacheRule } from '@cdktf/provider-aws/lib/ecr-pull-through-cache-rule';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { ACCOUNT_ID, LocalEcrEndpoint } from './support/ecr-endpoint';
import { runCli } from './support/cli';
import { EVERY_KIND, REGION, secretArn, seedEveryKind, UPSTREAM_ROLE_ARN, writeOperations } from './support/fixtures';

let endpoint: LocalEcrEndpoint;
let dir: string;
beforeAll(async () => {
  endpoint = await LocalEcrEndpoint.start();
  dir = mkdtempSync(join(tmpdir(), 'ecr-ptc-validate-synth-'));
});
afterAll(() => endpoint.close());
beforeEach(() => endpoint.reset());

const DOCKER_HUB = EVERY_KIND[0];
const QUAY = EVERY_KIND[5];
const TEAM_IMAGES = EVERY_KIND[8];
const ADDRESS = {
  dockerHub: 'aws_ecr_pull_through_cache_rule.PullThroughCache_DockerHub_22AC0E43',
  quay: 'aws_ecr_pull_through_cache_rule.PullThroughCache_Quay_DF9E9172',
  teamImages: 'aws_ecr_pull_through_cache_rule.PullThroughCache_TeamImages_BC2395E2',
};

/** Synthesizes a cdktf app with one stack built by `build`; returns the path of its cdk.tf.json. */
function synthesize(build: (stack: TerraformStack, cache: Construct) => void): string {
  const outdir = mkdtempSync(join(dir, 'cdktf.out-'));
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'registry-cache');
  build(stack, new Construct(stack, 'PullThroughCache'));
  app.synth();
  return join(outdir, 'stacks', 'registry-cache', 'cdk.tf.json');
}

/** The usual stack: a Docker Hub rule with its secret, Quay, and an ECR upstream with a role, in eu-west-1. */
function registryCache(stack: TerraformStack, cache: Construct): void {
  new AwsProvider(stack, 'aws', { region: REGION });
  const secret = new SecretsmanagerSecret(stack, 'DockerHubSecret', { name: 'ecr-pullthroughcache/docker-hub' });
  new EcrPullThroughCacheRule(cache, 'DockerHub', {
    ecrRepositoryPrefix: 'docker-hub',
    upstreamRegistryUrl: 'registry-1.docker.io',
    credentialArn: secret.arn,
  });
  new EcrPullThroughCacheRule(cache, 'Quay', { ecrRepositoryPrefix: 'quay', upstreamRegistryUrl: 'quay.io' });
  new EcrPullThroughCacheRule(cache, 'TeamImages', {
    ecrRepositoryPrefix: 'team-images',
    upstreamRegistryUrl: TEAM_IMAGES.upstreamRegistryUrl,
    customRoleArn: UPSTREAM_ROLE_ARN,
    upstreamRepositoryPrefix: 'team',
  });
}

let stackFile: string;
beforeAll(() => {
  stackFile = synthesize(registryCache);
});

/** A hand-written cdk.tf.json in the form cdktf writes. */
function writeStack(doc: Record<string, unknown>): string {
  const path = join(dir, `cdk.tf.${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(doc, null, 2));
  return path;
}

const at = () => ['--endpoint-url', endpoint.url];
const validateSynth = (path: string, ...extra: string[]) => runCli(['validate', '--synth', path, ...at(), ...extra]);

interface Check {
  ecrRepositoryPrefix: string;
  registryId?: string;
  upstreamRegistryUrl?: string;
  credentialArn?: string;
  customRoleArn?: string;
  upstreamRepositoryPrefix?: string;
  isValid: boolean;
  failure?: string;
  hint?: string;
  region?: string;
  address: string;
  status: 'valid' | 'invalid' | 'missing' | 'unchecked';
  attempts: number;
}

const json = (stdout: string) => JSON.parse(stdout) as Check[];
const byPrefix = (checks: Check[]) => Object.fromEntries(checks.map((c) => [c.ecrRepositoryPrefix, c]));

test('the synthesized stack is what the tests expect', () => {
  const doc = JSON.parse(readFileSync(stackFile, 'utf8'));
  expect(Object.keys(doc.resource.aws_ecr_pull_through_cache_rule).map((name) => `aws_ecr_pull_through_cache_rule.${name}`)).toEqual([
    ADDRESS.dockerHub,
    ADDRESS.quay,
    ADDRESS.teamImages,
  ]);
});

test('all declared rules valid: exit 0, one call per declared rule, in the provider Region, nothing written', async () => {
  seedEveryKind(endpoint);
  const r = await validateSynth(stackFile);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toBe(
    [
      `valid      docker-hub   eu-west-1  ${ADDRESS.dockerHub}`,
      `valid      quay         eu-west-1  ${ADDRESS.quay}`,
      `valid      team-images  eu-west-1  ${ADDRESS.teamImages}`,
      '3 rule(s): 3 valid, 0 invalid, 0 missing, 0 not checked',
      '',
    ].join('\n'),
  );
  // Only the declared rules: the other live rules are not validated.
  expect(endpoint.counts()).toEqual({ ValidatePullThroughCacheRule: 3 });
  expect(endpoint.requests.map((q) => q.region)).toEqual([REGION, REGION, REGION]);
  expect(writeOperations(endpoint)).toEqual([]);
});

test('one invalid rule: exit 1, the failure and its fix', async () => {
  seedEveryKind(endpoint);
  endpoint.seedSecret({ arn: secretArn('docker-hub'), username: 'docker-hub-bot', accessToken: 'revoked' });
  const r = await validateSynth(stackFile);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain(
    [
      `INVALID    docker-hub   eu-west-1  ${ADDRESS.dockerHub}`,
      '           failure: Authentication with the upstream registry registry-1.docker.io failed: invalid username or access token (401 Unauthorized)',
      '           fix: the upstream registry rejected the username/accessToken in the secret: store a valid token (JSON {"username","accessToken"})',
      `valid      quay`,
    ].join('\n'),
  );
  expect(r.stdout).toMatch(/\n3 rule\(s\): 2 valid, 1 invalid, 0 missing, 0 not checked\n$/);
});

test('a declared rule that does not exist is missing: exit 1, with the deploy hint', async () => {
  seedEveryKind(endpoint);
  const path = synthesize((stack, cache) => {
    registryCache(stack, cache);
    new EcrPullThroughCacheRule(cache, 'K8s', { ecrRepositoryPrefix: 'kubernetes', upstreamRegistryUrl: 'registry.k8s.io' });
  });
  const r = await validateSynth(path);
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(
    new RegExp(
      '^MISSING    kubernetes   eu-west-1  aws_ecr_pull_through_cache_rule\\.PullThroughCache_K8s_\\w+\\n' +
        " {11}failure: no pull-through cache rule with prefix 'kubernetes' in eu-west-1\\n" +
        " {11}fix: run 'cdktf deploy' for this stack first, or check the Region: the rule's region argument, else its provider's region, else --region\\n",
      'm',
    ),
  );
  expect(r.stdout).toMatch(/4 rule\(s\): 3 valid, 0 invalid, 1 missing, 0 not checked\n$/);
  // Without --wait there is one pass only.
  expect(endpoint.counts()).toEqual({ ValidatePullThroughCacheRule: 4 });
});

describe('--wait', () => {
  test('a rule that turns valid and one that appears after a few attempts: exit 0, attempts > 1', async () => {
    endpoint.seedRules(DOCKER_HUB, TEAM_IMAGES);
    endpoint.seedSecret({ arn: secretArn('docker-hub'), username: 'bot', accessToken: 't' });
    endpoint.seedUpstreamLogin('registry-1.docker.io', 'bot', 't');
    endpoint.seedRole(UPSTREAM_ROLE_ARN);
    // IAM is eventually consistent: the role is not assumable for the first two validations.
    endpoint.failValidation('team-images', 2, `Unable to assume role ${UPSTREAM_ROLE_ARN}: the role does not exist`);
    // The deploy creates the Quay rule while validate runs.
    endpoint.deployLater(QUAY, 3);

    const r = await validateSynth(stackFile, '--wait', '1m', '--json');
    expect(r.code).toBe(0);
    const checks = byPrefix(json(r.stdout));
    expect(checks['docker-hub']).toMatchObject({ status: 'valid', attempts: 1 });
    expect(checks['team-images']).toMatchObject({ status: 'valid', isValid: true, attempts: 3 });
    expect(checks.quay).toMatchObject({ status: 'valid', isValid: true, attempts: 4 });
    expect(endpoint.counts()).toEqual({ ValidatePullThroughCacheRule: 1 + 3 + 4 });
    // Each pause is announced on stderr, growing exponentially (5 ms base in the tests).
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^not valid yet: quay \(missing\), team-images \(invalid\); next attempt in 5ms \((\d+m)?(\d+s)? of --wait left\)$/),
      expect.stringMatching(/^not valid yet: quay \(missing\), team-images \(invalid\); next attempt in 10ms /),
      expect.stringMatching(/^not valid yet: quay \(missing\); next attempt in 20ms /),
    ]);

    endpoint.failValidation('team-images', 1, `Unable to assume role ${UPSTREAM_ROLE_ARN}: the role does not exist`);
    const text = await validateSynth(stackFile, '--wait', '90s');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`valid      team-images  eu-west-1  ${ADDRESS.teamImages}  (2 attempts)\n`);
    expect(text.stdout).toMatch(/\n3 rule\(s\): 3 valid, 0 invalid, 0 missing, 0 not checked after 2 attempt\(s\) in \d+ms\n$/);
  });

  test('a wait that runs out: exit 1 after several attempts, not before the wait is over', async () => {
    seedEveryKind(endpoint);
    endpoint.failValidation('quay', 1000, 'Unable to reach the upstream registry quay.io: connection timed out');
    const started = Date.now();
    const r = await validateSynth(stackFile, '--wait', '1', '--json');
    const elapsed = Date.now() - started;
    expect(r.code).toBe(1);
    expect(elapsed).toBeGreaterThanOrEqual(1000);
    expect(elapsed).toBeLessThan(5000);
    const quay = byPrefix(json(r.stdout)).quay;
    expect(quay).toMatchObject({
      status: 'invalid',
      isValid: false,
      failure: 'Unable to reach the upstream registry quay.io: connection timed out',
      hint: 'ECR could not reach the upstream registry: check the upstream URL and its status',
    });
    // 5, 10, 20, 40, then every 75 ms (15 x the base) until the second is over, and one last pass.
    expect(quay.attempts).toBeGreaterThan(8);
    expect(endpoint.counts().ValidatePullThroughCacheRule).toBe(2 + quay.attempts);
  });

  test('a rule still missing when the wait is over is reported as missing', async () => {
    endpoint.seedRules(QUAY, TEAM_IMAGES);
    endpoint.seedRole(UPSTREAM_ROLE_ARN);
    const path = synthesize((stack, cache) => {
      new AwsProvider(stack, 'aws', { region: REGION });
      new EcrPullThroughCacheRule(cache, 'Quay', { ecrRepositoryPrefix: 'quay', upstreamRegistryUrl: 'quay.io' });
      new EcrPullThroughCacheRule(cache, 'Public', { ecrRepositoryPrefix: 'ecr-public', upstreamRegistryUrl: 'public.ecr.aws' });
    });
    const r = await validateSynth(path, '--wait', '1s');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^MISSING {4}ecr-public {2}eu-west-1 {2}aws_ecr_pull_through_cache_rule\.PullThroughCache_Public_\w+ {2}\(\d+ attempts\)$/m);
    expect(r.stdout).toMatch(/\n2 rule\(s\): 1 valid, 0 invalid, 1 missing, 0 not checked after \d+ attempt\(s\) in 1s\n$/);
  });
});

describe('Regions', () => {
  /** Rules in three Regions: the default provider's, an aliased provider's, and a region argument. */
  const threeRegions = () =>
    synthesize((stack, cache) => {
      new AwsProvider(stack, 'aws', { region: REGION });
      const west = new AwsProvider(stack, 'west', { region: 'us-west-2', alias: 'west' });
      new EcrPullThroughCacheRule(cache, 'Quay', { ecrRepositoryPrefix: 'quay', upstreamRegistryUrl: 'quay.io' });
      new EcrPullThroughCacheRule(cache, 'K8s', { ecrRepositoryPrefix: 'k8s', upstreamRegistryUrl: 'registry.k8s.io', provider: west });
      new EcrPullThroughCacheRule(cache, 'Public', { ecrRepositoryPrefix: 'ecr-public', upstreamRegistryUrl: 'public.ecr.aws', region: 'us-east-1' });
    });

  test('each rule is validated in its own Region: region argument, aliased provider, default provider', async () => {
    endpoint.seedRules(
      { ...QUAY, region: REGION },
      { ...EVERY_KIND[6], region: 'us-west-2' },
      { ...EVERY_KIND[7], region: 'us-east-1' },
    );
    const path = threeRegions();
    expect(JSON.parse(readFileSync(path, 'utf8')).resource.aws_ecr_pull_through_cache_rule).toMatchObject({
      PullThroughCache_K8s_D94931B4: expect.objectContaining({ provider: 'aws.west' }),
    });
    const r = await validateSynth(path, '--json');
    expect(r.code).toBe(0);
    // In the order of the stack file (cdktf sorts resources by name).
    expect(json(r.stdout).map((c) => [c.ecrRepositoryPrefix, c.region, c.status])).toEqual([
      ['k8s', 'us-west-2', 'valid'],
      ['ecr-public', 'us-east-1', 'valid'],
      ['quay', REGION, 'valid'],
    ]);
    const regionOf = Object.fromEntries(
      endpoint.requests.map((q) => [(q.body as { ecrRepositoryPrefix: string }).ecrRepositoryPrefix, q.region]),
    );
    expect(regionOf).toEqual({ 'quay': REGION, 'k8s': 'us-west-2', 'ecr-public': 'us-east-1' });
    // --region does not override a Region the stack states.
    expect((await validateSynth(path, '--region', 'ap-south-1')).code).toBe(0);
  });

  test('a rule that exists only in another Region than the one declared is missing there', async () => {
    endpoint.seedRules({ ...QUAY, region: REGION }, { ...EVERY_KIND[6], region: REGION }, { ...EVERY_KIND[7], region: 'us-east-1' });
    const r = await validateSynth(threeRegions(), '--json');
    expect(r.code).toBe(1);
    expect(byPrefix(json(r.stdout)).k8s).toMatchObject({
      status: 'missing',
      region: 'us-west-2',
      isValid: false,
      failure: "no pull-through cache rule with prefix 'k8s' in us-west-2",
    });
  });

  describe('a Region that is a Terraform expression', () => {
    const tokenRegion = () =>
      synthesize((stack, cache) => {
        const region = new TerraformVariable(stack, 'region', { type: 'string' });
        new AwsProvider(stack, 'aws', { region: region.stringValue });
        new EcrPullThroughCacheRule(cache, 'Quay', { ecrRepositoryPrefix: 'quay', upstreamRegistryUrl: 'quay.io' });
        new EcrPullThroughCacheRule(cache, 'Public', { ecrRepositoryPrefix: 'ecr-public', upstreamRegistryUrl: 'public.ecr.aws', region: 'us-east-1' });
      });

    test('without --region: the rule could not be checked, exit 2; the others are checked', async () => {
      endpoint.seedRules(QUAY, EVERY_KIND[7]);
      const r = await validateSynth(tokenRegion(), '--json');
      expect(r.code).toBe(2);
      const checks = byPrefix(json(r.stdout));
      expect(checks.quay).toMatchObject({
        status: 'unchecked',
        region: '${var.region}',
        attempts: 0,
        isValid: false,
        failure: 'its Region is the Terraform expression ${var.region}, known only at apply',
        hint: 'pass --region with the Region the stack deploys it to',
      });
      expect(checks['ecr-public']).toMatchObject({ status: 'valid', region: 'us-east-1' });
      expect(endpoint.counts()).toEqual({ ValidatePullThroughCacheRule: 1 });

      const text = await validateSynth(tokenRegion());
      expect(text.stdout).toMatch(
        /^UNCHECKED {2}quay {8}\$\{var\.region\} {2}aws_ecr_pull_through_cache_rule\.PullThroughCache_Quay_\w+\n {11}could not check: its Region is the Terraform expression \$\{var\.region\}, known only at apply\n {11}fix: pass --region with the Region the stack deploys it to\n/m,
      );
      expect(text.stdout).toMatch(/2 rule\(s\): 1 valid, 0 invalid, 0 missing, 1 not checked\n$/);
    });

    test('an invalid or missing rule wins over one not checked: exit 1', async () => {
      endpoint.seedRules(QUAY);
      expect((await validateSynth(tokenRegion())).code).toBe(1);
    });

    test('with --region: checked in that Region', async () => {
      endpoint.seedRules({ ...QUAY, region: 'eu-central-1' }, EVERY_KIND[7]);
      const r = await validateSynth(tokenRegion(), '--region', 'eu-central-1', '--json');
      expect(r.code).toBe(0);
      expect(byPrefix(json(r.stdout)).quay).toMatchObject({ status: 'valid', region: 'eu-central-1' });
    });
  });

  test('no Region anywhere: AWS_REGION is used; without it the rules could not be checked', async () => {
    endpoint.seedRules({ ...QUAY, region: 'ca-central-1' });
    const path = writeStack({
      provider: { aws: [{}] },
      resource: { aws_ecr_pull_through_cache_rule: { Quay: { ecr_repository_prefix: 'quay', upstream_registry_url: 'quay.io' } } },
    });
    const withEnv = await runCli(['validate', '--synth', path, ...at(), '--json'], { env: { AWS_REGION: 'ca-central-1' } });
    expect(withEnv.code).toBe(0);
    expect(json(withEnv.stdout)[0]).toMatchObject({ region: 'ca-central-1', status: 'valid' });

    const none = await validateSynth(path);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe(
      [
        'UNCHECKED  quay  -  aws_ecr_pull_through_cache_rule.Quay',
        '           could not check: no Region: the rule has no region argument and its provider sets none',
        '           fix: pass --region, set AWS_REGION, or set region in the profile',
        '1 rule(s): 0 valid, 0 invalid, 0 missing, 1 not checked',
        '',
      ].join('\n'),
    );
  });

  test('a Region where pull-through cache does not exist could not be checked', async () => {
    const path = writeStack({
      provider: { aws: [{ region: 'cn-north-1' }] },
      resource: { aws_ecr_pull_through_cache_rule: { Quay: { ecr_repository_prefix: 'quay', upstream_registry_url: 'quay.io' } } },
    });
    const r = await validateSynth(path, '--json');
    expect(r.code).toBe(2);
    expect(json(r.stdout)[0]).toMatchObject({
      status: 'unchecked',
      region: 'cn-north-1',
      failure: 'ECR pull-through cache is not available in cn-north-1 (China and GovCloud regions)',
    });
    expect(endpoint.requests).toEqual([]);
  });
});

test('an ecr_repository_prefix that is a Terraform expression could not be checked', async () => {
  endpoint.seedRules(QUAY);
  const path = writeStack({
    provider: { aws: [{ region: REGION }] },
    variable: { team: { type: 'string' } },
    resource: {
      aws_ecr_pull_through_cache_rule: {
        Quay: { ecr_repository_prefix: 'quay', upstream_registry_url: 'quay.io' },
        Team: { ecr_repository_prefix: '${var.team}-quay', upstream_registry_url: 'quay.io' },
      },
    },
  });
  const r = await validateSynth(path, '--json');
  expect(r.code).toBe(2);
  expect(byPrefix(json(r.stdout))['${var.team}-quay']).toMatchObject({
    status: 'unchecked',
    region: REGION,
    failure: 'its ecr_repository_prefix is the Terraform expression ${var.team}-quay, known only at apply',
    hint: "validate it after deploy with 'ecr-ptc validate --prefix <prefix> --region eu-west-1'",
  });
});

test('--json keeps the API field names and adds region, address, status and attempts', async () => {
  seedEveryKind(endpoint);
  endpoint.seedRole(UPSTREAM_ROLE_ARN, 'ecr.amazonaws.com');
  const r = await validateSynth(stackFile, '--json', '--registry-id', ACCOUNT_ID);
  expect(r.code).toBe(1);
  const checks = json(r.stdout);
  expect(checks.map((c) => Object.keys(c))).toEqual([
    ['ecrRepositoryPrefix', 'registryId', 'upstreamRegistryUrl', 'credentialArn', 'isValid', 'region', 'address', 'stack', 'status', 'attempts'],
    ['ecrRepositoryPrefix', 'registryId', 'upstreamRegistryUrl', 'isValid', 'region', 'address', 'stack', 'status', 'attempts'],
    [
      'ecrRepositoryPrefix', 'registryId', 'upstreamRegistryUrl', 'customRoleArn', 'upstreamRepositoryPrefix',
      'isValid', 'failure', 'hint', 'region', 'address', 'stack', 'status', 'attempts',
    ],
  ]);
  expect(checks[2]).toEqual({
    ecrRepositoryPrefix: 'team-images',
    registryId: ACCOUNT_ID,
    upstreamRegistryUrl: TEAM_IMAGES.upstreamRegistryUrl,
    customRoleArn: UPSTREAM_ROLE_ARN,
    upstreamRepositoryPrefix: 'team',
    isValid: false,
    failure: `Unable to assume role ${UPSTREAM_ROLE_ARN}: its trust policy does not allow pullthroughcache.ecr.amazonaws.com`,
    hint: 'ECR cannot assume customRoleArn: its trust policy must trust pullthroughcache.ecr.amazonaws.com (not ecr.amazonaws.com); EcrUpstreamRole makes such a role',
    region: REGION,
    address: ADDRESS.teamImages,
    stack: 'registry-cache',
    status: 'invalid',
    attempts: 1,
  });
  expect(endpoint.requests.every((q) => (q.body as { registryId?: string }).registryId === ACCOUNT_ID)).toBe(true);
});

describe('fixes found in the rule ARNs', () => {
  /** One Docker Hub rule whose credential_arn is a literal. */
  const literalSecret = (arn: string) =>
    writeStack({
      provider: { aws: [{ region: REGION }] },
      resource: {
        aws_ecr_pull_through_cache_rule: {
          DockerHub: { ecr_repository_prefix: 'docker-hub', upstream_registry_url: 'registry-1.docker.io', credential_arn: arn },
        },
      },
    });

  test('a secret in another Region than the rule', async () => {
    const arn = secretArn('docker-hub').replace(`:${REGION}:`, ':us-east-1:');
    endpoint.seedRules({ ...DOCKER_HUB, credentialArn: arn });
    endpoint.seedSecret({ arn, username: 'bot', accessToken: 't' });
    const r = await validateSynth(literalSecret(arn), '--json');
    expect(r.code).toBe(1);
    expect(json(r.stdout)[0]).toMatchObject({
      status: 'invalid',
      failure: `Secret not found: the Secrets Manager secret ${arn} does not exist`,
      hint:
        "the secret is in us-east-1 but the rule is in eu-west-1: ECR reads the secret only in the rule's own Region; " +
        'create the secret in eu-west-1 and point credential_arn at it',
    });
  });

  test('a declared secret whose name does not start with ecr-pullthroughcache/ (the rule could not be created)', async () => {
    const arn = `arn:aws:secretsmanager:${REGION}:${ACCOUNT_ID}:secret:dockerhub-credentials-AbC123`;
    const r = await validateSynth(literalSecret(arn));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "           fix: the secret dockerhub-credentials-AbC123 is not named 'ecr-pullthroughcache/...': ECR uses only secrets " +
        "whose name starts with 'ecr-pullthroughcache/'; store the credential in a secret named so and point credential_arn at it\n",
    );
  });

  test('a secret of another account', async () => {
    const arn = secretArn('docker-hub').replace(`:${ACCOUNT_ID}:`, ':444455556666:');
    endpoint.seedRules({ ...DOCKER_HUB, credentialArn: arn });
    const r = await validateSynth(literalSecret(arn), '--json');
    expect(json(r.stdout)[0].hint).toBe(
      `the secret is in account 444455556666 but the rule is in registry ${ACCOUNT_ID}: the secret must be in the same account as the rule`,
    );
  });

  test('a role of another account', async () => {
    const role = UPSTREAM_ROLE_ARN.replace(ACCOUNT_ID, '444455556666');
    endpoint.seedRules({ ...TEAM_IMAGES, customRoleArn: role });
    const path = writeStack({
      provider: { aws: [{ region: REGION }] },
      resource: {
        aws_ecr_pull_through_cache_rule: {
          TeamImages: { ecr_repository_prefix: 'team-images', upstream_registry_url: TEAM_IMAGES.upstreamRegistryUrl, custom_role_arn: role },
        },
      },
    });
    const r = await validateSynth(path, '--json');
    expect(json(r.stdout)[0]).toMatchObject({
      failure: `Unable to assume role ${role}: the role does not exist`,
      hint:
        `customRoleArn is a role of account 444455556666 but the rule is in registry ${ACCOUNT_ID}: ` +
        'the role must live in the cache account and trust pullthroughcache.ecr.amazonaws.com',
    });
  });
});

describe('service errors use the per-call retries', () => {
  test('throttling within --max-attempts is retried inside the pass', async () => {
    seedEveryKind(endpoint);
    endpoint.inject({ kind: 'throttle', count: 2, operations: ['ValidatePullThroughCacheRule'] });
    const r = await validateSynth(stackFile, '--json');
    expect(r.code).toBe(0);
    expect(json(r.stdout).map((c) => c.attempts)).toEqual([1, 1, 1]);
    expect(endpoint.counts().ValidatePullThroughCacheRule).toBe(5);
  });

  test('persistent server errors: exit 2 with one line naming the cause, even with --wait', async () => {
    seedEveryKind(endpoint);
    endpoint.inject({ kind: 'server-error', operations: ['ValidatePullThroughCacheRule'] });
    const r = await validateSynth(stackFile, '--max-attempts', '2', '--concurrency', '1', '--wait', '5m');
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'ecr-ptc: ECR server error after 2 attempts: We encountered an internal error. Please try again.\n',
    });
  });

  test('rejected credentials: exit 2', async () => {
    seedEveryKind(endpoint);
    const r = await runCli(['validate', '--synth', stackFile, ...at()], { env: { AWS_ACCESS_KEY_ID: 'AKIAUNKNOWNKEY000000' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ecr-ptc: AWS rejected the credentials (UnrecognizedClientException): The security token included in the request is invalid.\n');
  });
});

describe('the --synth file', () => {
  const EXPECTED =
    'expected: a synthesized stack (cdktf.out/stacks/<stack>/cdk.tf.json), the output directory of cdktf or cdktn synth (cdktf.out), or its manifest.json\n';

  test('missing: exit 2, the file and what was expected, no request', async () => {
    const missing = join(dir, 'nope.json');
    expect(await validateSynth(missing)).toEqual({
      code: 2,
      stdout: '',
      stderr: `ecr-ptc: --synth ${missing}: cannot read it (no such file or directory, ENOENT)\n${EXPECTED}`,
    });
    expect(endpoint.requests).toEqual([]);
  });

  test('not JSON: exit 2', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "resource": ');
    const r = await validateSynth(bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ecr-ptc: --synth .*bad\.json: not JSON \(.*\)\nexpected: /);
  });

  test('a relative path is read from the working directory', async () => {
    seedEveryKind(endpoint);
    const r = await runCli(['validate', '--synth', 'cdk.tf.json', ...at()], { cwd: join(stackFile, '..') });
    expect(r.code).toBe(0);
  });

  test('a stack without rules or references: exit 2 unless --allow-empty', async () => {
    const path = writeStack({ provider: { aws: [{ region: REGION }] }, resource: {} });
    const stack = basename(dirname(path));
    expect(await validateSynth(path)).toEqual({
      code: 2,
      stdout: '',
      stderr:
        `ecr-ptc: --synth ${path}: stack '${stack}' neither declares an aws_ecr_pull_through_cache_rule nor references one ` +
        '(data.aws_ecr_pull_through_cache_rule): nothing to check\n' +
        'pass the stack that has the rules (of an output directory: --stack NAME), or --allow-empty when a stack without rules is expected\n',
    });
    const allowed = await validateSynth(path, '--allow-empty');
    expect(allowed).toEqual({
      code: 0,
      stdout: `nothing to check (--allow-empty): stack ${stack} (${path}) declares and references no pull-through cache rule\n`,
      stderr: '',
    });
    expect((await validateSynth(path, '--allow-empty', '--json')).stdout).toBe('[]\n');
    expect(endpoint.requests).toEqual([]);
  });
});

test('--help describes validate --synth and --wait', async () => {
  const r = await runCli(['--help']);
  expect(r.stdout).toContain('validate --synth <path>');
  expect(r.stdout).toContain('[--wait DURATION]');
  expect(r.stdout).toContain('--stack NAME');
  expect(r.stdout).toContain('--allow-empty');
});
