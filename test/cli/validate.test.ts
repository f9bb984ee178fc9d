import { LocalEcrEndpoint } from './support/ecr-endpoint';
import { runCli } from './support/cli';
import { EVERY_KIND, REGION, secretArn, seedEveryKind, UPSTREAM_ROLE_ARN } from './support/fixtures';

let endpoint: LocalEcrEndpoint;
beforeAll(async () => {
  endpoint = await LocalEcrEndpoint.start();
});
afterAll(() => endpoint.close());
beforeEach(() => endpoint.reset());

const validate = (...extra: string[]) =>
  runCli(['validate', '--region', REGION, '--endpoint-url', endpoint.url, ...extra]);

interface Result {
  ecrRepositoryPrefix: string;
  isValid: boolean;
  failure?: string;
  hint?: string;
}

test('all rules valid: exit 0, one ValidatePullThroughCacheRule call per rule', async () => {
  seedEveryKind(endpoint);
  const r = await validate();
  expect(r.code).toBe(0);
  expect(r.stdout).toContain(`${EVERY_KIND.length} rule(s): ${EVERY_KIND.length} valid, 0 invalid`);
  expect(r.stdout).toMatch(/^valid {4}docker-hub\s+registry-1\.docker\.io$/m);
  expect(endpoint.counts()).toEqual({ DescribePullThroughCacheRules: 1, ValidatePullThroughCacheRule: EVERY_KIND.length });
});

describe('failures carry the AWS reason and a fix', () => {
  const cases: [string, (e: LocalEcrEndpoint) => void, RegExp, RegExp][] = [
    [
      'secret not found',
      (e) => e.seedRules({ ecrRepositoryPrefix: 'docker-hub', upstreamRegistryUrl: 'registry-1.docker.io', credentialArn: secretArn('gone') }),
      /Secret not found/,
      /create it \(name starting 'ecr-pullthroughcache\/'/,
    ],
    [
      'secret denies ECR',
      (e) => {
        e.seedRules(EVERY_KIND[0]);
        e.seedSecret({ arn: secretArn('docker-hub'), username: 'u', accessToken: 't', deniesEcr: true });
      },
      /Access denied: Amazon ECR is not authorized/,
      /ECR cannot read the secret/,
    ],
    [
      'customer managed KMS key',
      (e) => {
        e.seedRules(EVERY_KIND[0]);
        e.seedSecret({ arn: secretArn('docker-hub'), username: 'u', accessToken: 't', customKmsKey: true });
      },
      /Unable to decrypt/,
      /aws\/secretsmanager key/,
    ],
    [
      'wrong username or token',
      (e) => {
        e.seedRules(EVERY_KIND[0]);
        e.seedSecret({ arn: secretArn('docker-hub'), username: 'bot', accessToken: 'old-token' });
        e.seedUpstreamLogin('registry-1.docker.io', 'bot', 'new-token');
      },
      /401 Unauthorized/,
      /rejected the username\/accessToken/,
    ],
    [
      'malformed secret',
      (e) => {
        e.seedRules(EVERY_KIND[0]);
        e.seedSecret({ arn: secretArn('docker-hub'), malformed: true });
      },
      /not valid JSON/,
      /must be JSON with the keys "username" and "accessToken"/,
    ],
    [
      'role trusts the wrong service',
      (e) => {
        e.seedRules(EVERY_KIND[8]);
        e.seedRole(UPSTREAM_ROLE_ARN, 'ecr.amazonaws.com');
      },
      /Unable to assume role/,
      /trust pullthroughcache\.ecr\.amazonaws\.com/,
    ],
    ['role does not exist', (e) => e.seedRules(EVERY_KIND[8]), /the role does not exist/, /cannot assume customRoleArn/],
  ];

  test.each(cases)('%s', async (_name, seed, failure, hint) => {
    seed(endpoint);
    const text = await validate();
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^INVALID {2}\S+/m);
    expect(text.stdout).toMatch(new RegExp(`^ {9}failure: .*${failure.source}`, 'm'));
    expect(text.stdout).toMatch(new RegExp(`^ {9}fix: .*${hint.source}`, 'm'));
    expect(text.stdout).toContain('1 rule(s): 0 valid, 1 invalid');

    const json = await validate('--json');
    expect(json.code).toBe(1);
    const [result] = JSON.parse(json.stdout) as Result[];
    expect(result.isValid).toBe(false);
    expect(result.failure).toMatch(failure);
    expect(result.hint).toMatch(hint);
  });
});

test('--json output uses isValid/failure and lists every rule', async () => {
  seedEveryKind(endpoint);
  endpoint.seedSecret({ arn: secretArn('ghcr'), username: 'ghcr-bot', accessToken: 'revoked' });
  const r = await validate('--json');
  expect(r.code).toBe(1);
  const results = JSON.parse(r.stdout) as Result[];
  expect(results.map((x) => x.ecrRepositoryPrefix)).toEqual(EVERY_KIND.map((x) => x.ecrRepositoryPrefix));
  expect(results.filter((x) => !x.isValid).map((x) => x.ecrRepositoryPrefix)).toEqual(['ghcr']);
  expect(Object.keys(results[0])).toEqual(expect.arrayContaining(['ecrRepositoryPrefix', 'registryId', 'upstreamRegistryUrl', 'isValid']));
});

test('--prefix validates only the given rules, without listing', async () => {
  seedEveryKind(endpoint);
  const r = await validate('--prefix', 'quay', '--prefix', 'ghcr', '--json');
  expect(r.code).toBe(0);
  expect((JSON.parse(r.stdout) as Result[]).map((x) => x.ecrRepositoryPrefix)).toEqual(['quay', 'ghcr']);
  expect(endpoint.counts()).toEqual({ ValidatePullThroughCacheRule: 2 });
});

test('--prefix of a rule that does not exist is an error (exit 2)', async () => {
  seedEveryKind(endpoint);
  const r = await validate('--prefix', 'nope');
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(`ecr-ptc: no pull-through cache rule with prefix 'nope' in ${REGION}\n`);
});

describe('concurrency', () => {
  function seedValid(n: number): void {
    for (let i = 0; i < n; i++) endpoint.seedRules({ ecrRepositoryPrefix: `q${String(i).padStart(2, '0')}`, upstreamRegistryUrl: 'quay.io' });
  }

  test.each([1, 3, 5])('never more than --concurrency %i calls in flight, and uses all of them', async (limit) => {
    seedValid(12);
    endpoint.inject({ kind: 'latency', ms: 60, operations: ['ValidatePullThroughCacheRule'] });
    const r = await validate('--concurrency', String(limit), '--json');
    expect(r.code).toBe(0);
    expect(endpoint.counts().ValidatePullThroughCacheRule).toBe(12);
    expect(endpoint.maxInFlight).toBe(limit);
  });

  test('default is 5', async () => {
    seedValid(12);
    endpoint.inject({ kind: 'latency', ms: 60, operations: ['ValidatePullThroughCacheRule'] });
    await validate('--json');
    expect(endpoint.maxInFlight).toBe(5);
  });
});

describe('retries', () => {
  beforeEach(() => seedEveryKind(endpoint));

  test.each([
    ['throttling', 'throttle' as const],
    ['transient 500s', 'server-error' as const],
    ['dropped connections', 'drop' as const],
  ])('gets through %s', async (_name, kind) => {
    endpoint.inject({ kind, count: 6, operations: ['ValidatePullThroughCacheRule'] });
    const r = await validate('--json', '--concurrency', '2');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(EVERY_KIND.length);
    expect(endpoint.counts().ValidatePullThroughCacheRule).toBe(EVERY_KIND.length + 6);
  });

  test.each([
    ['throttling', 'throttle' as const, /^ecr-ptc: throttled by ECR after 3 attempts: retry later or lower --concurrency\n$/],
    ['500s', 'server-error' as const, /^ecr-ptc: ECR server error after 3 attempts: We encountered an internal error\. Please try again\.\n$/],
    ['dropped connections', 'drop' as const, /^ecr-ptc: cannot reach http:\/\/127\.0\.0\.1:\d+ \(ECONNRESET after 3 attempts\): check the network, proxy or --endpoint-url\n$/],
  ])('persistent %s: exit 2 with one line, after --max-attempts', async (_name, kind, message) => {
    endpoint.inject({ kind, operations: ['ValidatePullThroughCacheRule'] });
    const r = await validate('--max-attempts', '3', '--concurrency', '1');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(endpoint.counts().ValidatePullThroughCacheRule).toBe(3);
  });
});

test('progress goes to stderr only when it is a terminal', async () => {
  seedEveryKind(endpoint);
  const tty = await runCli(['validate', '--region', REGION, '--endpoint-url', endpoint.url], { tty: true });
  expect(tty.stderr).toContain(`\rvalidating ${EVERY_KIND.length}/${EVERY_KIND.length}`);
  expect(tty.stdout).not.toContain('validating');
  const pipe = await validate();
  expect(pipe.stderr).toBe('');
});
