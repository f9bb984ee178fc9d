import { ACCOUNT_ID, LocalEcrEndpoint } from './support/ecr-endpoint';
import { runCli } from './support/cli';
import { EVERY_KIND, REGION, secretArn, seedEveryKind } from './support/fixtures';

let endpoint: LocalEcrEndpoint;
beforeAll(async () => {
  endpoint = await LocalEcrEndpoint.start();
});
afterAll(() => endpoint.close());
beforeEach(() => endpoint.reset());

const list = (...extra: string[]) => runCli(['list', '--region', REGION, '--endpoint-url', endpoint.url, ...extra]);

function seedMany(n: number, registryId = ACCOUNT_ID): void {
  for (let i = 0; i < n; i++) {
    endpoint.seedRules({ ecrRepositoryPrefix: `cache-${String(i).padStart(4, '0')}`, upstreamRegistryUrl: 'quay.io', registryId });
  }
}

describe('paging', () => {
  test.each([
    [0, 1],
    [1, 1],
    [1000, 1],
    [1001, 2],
    [2345, 3],
  ])('%i rules take %i DescribePullThroughCacheRules call(s) of maxResults 1000', async (n, calls) => {
    // More than 50 rules per registry exceeds the AWS quota: these are seeded directly, past the API.
    seedMany(n);
    const r = await list('--json');
    expect(r.code).toBe(0);
    const rules = JSON.parse(r.stdout) as { ecrRepositoryPrefix: string }[];
    expect(rules).toHaveLength(n);
    expect(new Set(rules.map((x) => x.ecrRepositoryPrefix)).size).toBe(n);
    expect(endpoint.counts()).toEqual({ DescribePullThroughCacheRules: calls });
    expect(endpoint.requests.every((q) => (q.body as { maxResults?: number }).maxResults === 1000)).toBe(true);
    expect(endpoint.requests.slice(1).every((q) => typeof (q.body as { nextToken?: string }).nextToken === 'string')).toBe(true);
  });

  test('follows nextToken when the service returns smaller pages than asked for', async () => {
    seedMany(20);
    endpoint.pageSizeOverride = 7;
    const r = await list('--json');
    expect(JSON.parse(r.stdout).map((x: { ecrRepositoryPrefix: string }) => x.ecrRepositoryPrefix)).toEqual(
      Array.from({ length: 20 }, (_, i) => `cache-${String(i).padStart(4, '0')}`),
    );
    expect(endpoint.counts().DescribePullThroughCacheRules).toBe(3);
  });

  test('--registry-id lists that registry only', async () => {
    seedMany(3, '444455556666');
    seedMany(2);
    const r = await list('--json', '--registry-id', '444455556666');
    const rules = JSON.parse(r.stdout) as { registryId: string }[];
    expect(rules).toHaveLength(3);
    expect(rules.every((x) => x.registryId === '444455556666')).toBe(true);
    expect(endpoint.requests[0].body).toEqual({ registryId: '444455556666', maxResults: 1000 });
  });
});

test('--json keeps the API field names, with ISO timestamps', async () => {
  endpoint.seedRules(EVERY_KIND[0], EVERY_KIND[8]);
  const r = await list('--json');
  expect(r.code).toBe(0);
  expect(r.stderr).toBe('');
  expect(JSON.parse(r.stdout)).toEqual([
    {
      ecrRepositoryPrefix: 'docker-hub',
      upstreamRegistryUrl: 'registry-1.docker.io',
      upstreamRegistry: 'docker-hub',
      credentialArn: secretArn('docker-hub'),
      registryId: ACCOUNT_ID,
      createdAt: '2026-01-15T09:31:00.000Z',
    },
    {
      ecrRepositoryPrefix: 'team-images',
      upstreamRegistryUrl: '444455556666.dkr.ecr.us-east-1.amazonaws.com',
      upstreamRegistry: 'ecr',
      upstreamRepositoryPrefix: 'team',
      customRoleArn: `arn:aws:iam::${ACCOUNT_ID}:role/ecr-pullthroughcache-upstream`,
      registryId: ACCOUNT_ID,
      createdAt: '2026-01-15T09:32:00.000Z',
    },
  ]);
});

test('table output has one row per rule and shortens credentials to the secret name', async () => {
  seedEveryKind(endpoint);
  const r = await list();
  expect(r.code).toBe(0);
  const lines = r.stdout.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^PREFIX\s+UPSTREAM\s+TYPE\s+UPSTREAM PREFIX\s+AUTH\s+UPDATED$/);
  expect(lines).toHaveLength(EVERY_KIND.length + 1);
  expect(lines[1]).toMatch(/^docker-hub\s+registry-1\.docker\.io\s+docker-hub\s+ROOT\s+secret ecr-pullthroughcache\/docker-hub\s+2026-01-15T09:31:00Z$/);
  expect(lines.find((l) => l.startsWith('team-images'))).toMatch(/\steam\s+role ecr-pullthroughcache-upstream\s/);
  expect(lines.find((l) => l.startsWith('quay '))).toMatch(/quay\.io\s+quay\s+ROOT\s+-\s/);
});

test('an empty registry says so', async () => {
  const r = await list();
  expect(r).toEqual({ code: 0, stdout: `no pull-through cache rules in ${REGION}\n`, stderr: '' });
});

test('the region and credentials reach the service in the SigV4 scope', async () => {
  await runCli(['list', '--region', 'ap-southeast-2', '--endpoint-url', endpoint.url]);
  expect(endpoint.requests[0]).toMatchObject({ region: 'ap-southeast-2', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', status: 200 });
});
