/** The local endpoint itself: AWS JSON 1.1, SigV4 presence, the model's constraints and the service errors. */
import { request } from 'node:http';
import {
  CreatePullThroughCacheRuleCommand,
  DeletePullThroughCacheRuleCommand,
  DescribePullThroughCacheRulesCommand,
  ECRClient,
  UpdatePullThroughCacheRuleCommand,
  type CreatePullThroughCacheRuleCommandInput,
} from '@aws-sdk/client-ecr';
import { ACCESS_KEY_ID, ACCOUNT_ID, LocalEcrEndpoint, RULE_QUOTA } from './support/ecr-endpoint';
import { REGION, secretArn } from './support/fixtures';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

let endpoint: LocalEcrEndpoint;
let client: ECRClient;
beforeAll(async () => {
  endpoint = await LocalEcrEndpoint.start();
  client = new ECRClient({
    region: REGION,
    endpoint: endpoint.url,
    credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: 'test-secret' },
    maxAttempts: 1,
  });
});
afterAll(async () => {
  client.destroy();
  await endpoint.close();
});
beforeEach(() => endpoint.reset());

async function errorOf(promise: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (err) {
    const e = err as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

const create = (input: Partial<CreatePullThroughCacheRuleCommandInput>) =>
  client.send(new CreatePullThroughCacheRuleCommand({ ecrRepositoryPrefix: 'quay', upstreamRegistryUrl: 'quay.io', ...input } as CreatePullThroughCacheRuleCommandInput));

function rawPost(headers: Record<string, string>, body: string): Promise<{ status: number; body: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    const req = request(`${endpoint.url}/`, { method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('authentication', () => {
  test('an unsigned request is rejected with MissingAuthenticationTokenException', async () => {
    const res = await rawPost(
      {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AmazonEC2ContainerRegistry_V20150921.DescribePullThroughCacheRules',
      },
      '{}',
    );
    expect(res).toEqual({ status: 403, body: { __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' } });
  });

  test('an unknown access key gets UnrecognizedClientException through the SDK', async () => {
    const other = new ECRClient({ region: REGION, endpoint: endpoint.url, credentials: { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x' }, maxAttempts: 1 });
    expect(await errorOf(other.send(new DescribePullThroughCacheRulesCommand({})))).toEqual({
      name: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
      status: 400,
    });
    other.destroy();
  });
});

describe('model validation', () => {
  test('a pattern violation names the member and the pattern', async () => {
    const e = await errorOf(create({ ecrRepositoryPrefix: 'Docker_Hub' }));
    expect(e.name).toBe('ValidationException');
    expect(e.message).toBe(
      "1 validation error detected: Value 'Docker_Hub' at 'ecrRepositoryPrefix' failed to satisfy constraint: Member must satisfy regular expression pattern: " +
        '^([a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(\\/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*\\/?|ROOT)$',
    );
  });

  test('length limits, integer ranges, list sizes and enums', async () => {
    expect((await errorOf(create({ ecrRepositoryPrefix: 'a'.repeat(31) }))).message).toMatch(
      /at 'ecrRepositoryPrefix' failed to satisfy constraint: Member must have length less than or equal to 30$/,
    );
    expect((await errorOf(client.send(new DescribePullThroughCacheRulesCommand({ maxResults: 1001 }))))).toMatchObject({
      name: 'ValidationException',
      message: expect.stringMatching(/Value '1001' at 'maxResults' .*less than or equal to 1000$/),
    });
    expect((await errorOf(client.send(new DescribePullThroughCacheRulesCommand({ maxResults: 0 })))).message).toMatch(
      /'maxResults' .*greater than or equal to 1$/,
    );
    const tooMany = Array.from({ length: 101 }, (_, i) => `p${i}x`);
    expect((await errorOf(client.send(new DescribePullThroughCacheRulesCommand({ ecrRepositoryPrefixes: tooMany }))))).toMatchObject({
      name: 'ValidationException',
      message: expect.stringMatching(/at 'ecrRepositoryPrefixes' .*length less than or equal to 100$/),
    });
    expect((await errorOf(create({ upstreamRegistry: 'docker' as never })))).toMatchObject({
      name: 'ValidationException',
      message: expect.stringMatching(/at 'upstreamRegistry' .*enum value set: \[ecr, ecr-public, quay/),
    });
  });

  test('required members and several errors at once', async () => {
    const e = await errorOf(create({ upstreamRegistryUrl: undefined, registryId: '12345', credentialArn: 'arn:aws:secretsmanager:short' }));
    expect(e.name).toBe('ValidationException');
    expect(e.message).toMatch(/^4 validation errors detected: /);
    expect(e.message).toContain("Value null at 'upstreamRegistryUrl' failed to satisfy constraint: Member must not be null");
    expect(e.message).toContain("Value '12345' at 'registryId' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9]{12}");
    expect(e.message).toContain("at 'credentialArn' failed to satisfy constraint: Member must have length greater than or equal to 50");
  });
});

describe('service errors', () => {
  test(`LimitExceededException at rule ${RULE_QUOTA + 1}`, async () => {
    for (let i = 0; i < RULE_QUOTA; i++) await create({ ecrRepositoryPrefix: `quay-${i}` });
    expect(endpoint.storedRules()).toHaveLength(RULE_QUOTA);
    expect(await errorOf(create({ ecrRepositoryPrefix: 'one-too-many' }))).toEqual({
      name: 'LimitExceededException',
      message: `The maximum number of pull through cache rules (50) has been reached for the registry with id '${ACCOUNT_ID}'`,
      status: 400,
    });
    // Another registry has its own quota.
    await create({ ecrRepositoryPrefix: 'one-too-many', registryId: '444455556666' });
  });

  test('already exists, not found, unsupported upstream, missing or misplaced arguments', async () => {
    await create({});
    expect((await errorOf(create({}))).name).toBe('PullThroughCacheRuleAlreadyExistsException');
    expect(await errorOf(client.send(new DescribePullThroughCacheRulesCommand({ ecrRepositoryPrefixes: ['quay', 'nope'] })))).toMatchObject({
      name: 'PullThroughCacheRuleNotFoundException',
      message: `The pull through cache rule with prefix 'nope' does not exist in the registry with id '${ACCOUNT_ID}'`,
    });
    expect((await errorOf(create({ ecrRepositoryPrefix: 'dh', upstreamRegistryUrl: 'docker.example.com' }))).name).toBe(
      'UnsupportedUpstreamRegistryException',
    );
    expect(await errorOf(create({ ecrRepositoryPrefix: 'dh', upstreamRegistryUrl: 'registry-1.docker.io' }))).toMatchObject({
      name: 'InvalidParameterException',
      message: "credentialArn is required for upstream registry 'docker-hub'",
    });
    expect((await errorOf(create({ ecrRepositoryPrefix: 'dh', upstreamRegistryUrl: 'registry-1.docker.io', credentialArn: secretArn('x') }))).name).toBe(
      'SecretNotFoundException',
    );
    expect((await errorOf(create({ ecrRepositoryPrefix: 'q2', upstreamRepositoryPrefix: 'team' }))).message).toBe(
      "upstreamRepositoryPrefix is only supported for upstream registry 'ecr'",
    );
    expect((await errorOf(client.send(new DescribePullThroughCacheRulesCommand({ nextToken: 'bogus' })))).name).toBe('InvalidParameterException');
  });

  test('create, describe by prefix, update and delete round-trip through the SDK', async () => {
    endpoint.seedSecret({ arn: secretArn('docker-hub'), username: 'u', accessToken: 't' });
    endpoint.seedSecret({ arn: secretArn('docker-hub', 'XyZ789'), username: 'u', accessToken: 't' });
    const created = await create({ ecrRepositoryPrefix: 'docker-hub', upstreamRegistryUrl: 'registry-1.docker.io', credentialArn: secretArn('docker-hub') });
    expect(created).toMatchObject({ upstreamRegistry: 'docker-hub', registryId: ACCOUNT_ID, createdAt: new Date('2026-01-15T09:31:00Z') });
    await client.send(new UpdatePullThroughCacheRuleCommand({ ecrRepositoryPrefix: 'docker-hub', credentialArn: secretArn('docker-hub', 'XyZ789') }));
    const described = await client.send(new DescribePullThroughCacheRulesCommand({ ecrRepositoryPrefixes: ['docker-hub'] }));
    expect(described.pullThroughCacheRules).toEqual([
      expect.objectContaining({ credentialArn: secretArn('docker-hub', 'XyZ789'), updatedAt: new Date('2026-01-15T09:32:00Z') }),
    ]);
    await client.send(new DeletePullThroughCacheRuleCommand({ ecrRepositoryPrefix: 'docker-hub' }));
    expect(endpoint.storedRules()).toEqual([]);
  });
});

describe('fault injection', () => {
  test('faults affect the next N requests of the chosen operations, then stop', async () => {
    endpoint.inject({ kind: 'throttle', count: 2, operations: ['DescribePullThroughCacheRules'] });
    expect((await errorOf(client.send(new DescribePullThroughCacheRulesCommand({}))))).toMatchObject({ name: 'ThrottlingException', status: 400 });
    expect((await errorOf(client.send(new DescribePullThroughCacheRulesCommand({}))))).toMatchObject({ name: 'ThrottlingException' });
    await client.send(new DescribePullThroughCacheRulesCommand({}));
    endpoint.inject({ kind: 'server-error', count: 1 });
    expect(await errorOf(client.send(new DescribePullThroughCacheRulesCommand({})))).toMatchObject({ name: 'ServerException', status: 500 });
    expect(endpoint.requests.map((r) => [r.status, r.errorType])).toEqual([
      [400, 'ThrottlingException'],
      [400, 'ThrottlingException'],
      [200, undefined],
      [500, 'ServerException'],
    ]);
  });

  test('latency delays the response', async () => {
    endpoint.inject({ kind: 'latency', ms: 120, count: 1 });
    const start = Date.now();
    await client.send(new DescribePullThroughCacheRulesCommand({}));
    expect(Date.now() - start).toBeGreaterThanOrEqual(110);
  });
});
