/** One-line errors and exit codes, in-process. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeError } from '../../src/cli/errors';
import { ACCOUNT_ID, LocalEcrEndpoint } from './support/ecr-endpoint';
import { runCli } from './support/cli';
import { REGION, seedEveryKind } from './support/fixtures';

let endpoint: LocalEcrEndpoint;
beforeAll(async () => {
  endpoint = await LocalEcrEndpoint.start();
});
afterAll(() => endpoint.close());
beforeEach(() => {
  endpoint.reset();
  seedEveryKind(endpoint);
});

const oneLine = (text: string) => text.endsWith('\n') && text.indexOf('\n') === text.length - 1;

test('access denied', async () => {
  endpoint.deniedAccessKeys.add('AKIADENIEDEXAMPLE000');
  const r = await runCli(['list', '--region', REGION, '--endpoint-url', endpoint.url], { env: { AWS_ACCESS_KEY_ID: 'AKIADENIEDEXAMPLE000' } });
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(
    `ecr-ptc: access denied: User: arn:aws:iam::${ACCOUNT_ID}:user/readonly is not authorized to perform: ecr:DescribePullThroughCacheRules ` +
      `on resource: arn:aws:ecr:${REGION}:${ACCOUNT_ID}:registry because no identity-based policy allows the ecr:DescribePullThroughCacheRules action\n`,
  );
  expect(endpoint.requests).toHaveLength(1);
});

test('credentials the service does not recognise', async () => {
  const r = await runCli(['validate', '--region', REGION, '--endpoint-url', endpoint.url], { env: { AWS_ACCESS_KEY_ID: 'AKIAUNKNOWNKEY000000' } });
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(
    'ecr-ptc: AWS rejected the credentials (UnrecognizedClientException): The security token included in the request is invalid.\n',
  );
});

test('missing credentials: one line, no request sent', async () => {
  const r = await runCli(['list', '--region', REGION, '--endpoint-url', endpoint.url], {
    env: { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined },
  });
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(
    "ecr-ptc: no AWS credentials found: set AWS_PROFILE or --profile, run 'aws sso login', or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY\n",
  );
  expect(endpoint.requests).toHaveLength(0);
});

test('missing region', async () => {
  const r = await runCli(['list', '--endpoint-url', endpoint.url]);
  expect(r).toEqual({ code: 2, stdout: '', stderr: 'ecr-ptc: no AWS region: pass --region, set AWS_REGION, or set region in the profile\n' });
  expect(endpoint.requests).toHaveLength(0);
});

test.each([
  [['--region', 'europe'], {}, "ecr-ptc: unknown region 'europe' (expected a name like eu-west-1)\n"],
  [[], { AWS_REGION: 'Frankfurt' }, "ecr-ptc: unknown region 'Frankfurt' (expected a name like eu-west-1)\n"],
  [['--region', 'cn-north-1'], {}, 'ecr-ptc: ECR pull-through cache is not available in cn-north-1 (China and GovCloud regions)\n'],
  [['--region', 'us-gov-west-1'], {}, 'ecr-ptc: ECR pull-through cache is not available in us-gov-west-1 (China and GovCloud regions)\n'],
])('bad region %j %j', async (args, env, message) => {
  const r = await runCli(['list', ...args, '--endpoint-url', endpoint.url], { env });
  expect(r).toEqual({ code: 2, stdout: '', stderr: message });
  expect(endpoint.requests).toHaveLength(0);
});

test('a host that does not resolve', async () => {
  const r = await runCli(['list', '--region', REGION, '--endpoint-url', 'http://ecr.example.invalid', '--max-attempts', '1']);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^ecr-ptc: cannot resolve the host of http:\/\/ecr\.example\.invalid \((ENOTFOUND|EAI_AGAIN)\): check --endpoint-url, DNS and the network\n$/);
});

test.each(['ENOTFOUND', 'EAI_AGAIN'])('a host that does not resolve (%s) without --endpoint-url: the network and DNS, not the Region', (code) => {
  // What the SDK throws offline or behind a proxy it does not use: the Region name is fine, DNS is not.
  const err = Object.assign(new Error(`getaddrinfo ${code} api.ecr.eu-west-1.amazonaws.com`), { code, $metadata: { attempts: 3 } });
  expect(describeError(err, { region: REGION })).toBe(
    `cannot resolve the host of the ECR API in ${REGION} (${code}): check the network and DNS (ecr-ptc connects directly, not through HTTPS_PROXY), or pass --endpoint-url`,
  );
});

test('AWS_REGION is used when --region is absent', async () => {
  const r = await runCli(['list', '--json', '--endpoint-url', endpoint.url], { env: { AWS_REGION: 'us-west-2' } });
  expect(r.code).toBe(0);
  expect(endpoint.requests[0].region).toBe('us-west-2');
});

test('unreachable endpoint: retried, then one line', async () => {
  const closed = await LocalEcrEndpoint.start();
  const url = closed.url;
  await closed.close();
  const r = await runCli(['list', '--region', REGION, '--endpoint-url', url, '--max-attempts', '2']);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(`ecr-ptc: cannot reach ${url} (ECONNREFUSED after 2 attempts): check the network, proxy or --endpoint-url\n`);
});

test('--debug adds the stack trace', async () => {
  endpoint.inject({ kind: 'server-error' });
  const plain = await runCli(['list', '--region', REGION, '--endpoint-url', endpoint.url, '--max-attempts', '1']);
  expect(plain.stderr).toBe('ecr-ptc: ECR server error: We encountered an internal error. Please try again.\n');
  const debug = await runCli(['list', '--region', REGION, '--endpoint-url', endpoint.url, '--max-attempts', '1', '--debug']);
  expect(debug.code).toBe(2);
  expect(debug.stderr.split('\n')[0]).toBe(plain.stderr.trimEnd());
  expect(debug.stderr).toMatch(/\n(ServerException|Error): .*\n\s+at /);
});

test('--profile reads credentials and region from the shared files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ecr-ptc-profile-'));
  writeFileSync(join(dir, 'credentials'), '[ci]\naws_access_key_id = AKIAPROFILEEXAMPLE00\naws_secret_access_key = profile-secret\n');
  writeFileSync(join(dir, 'config'), '[profile ci]\nregion = eu-central-1\n');
  endpoint.accessKeys.add('AKIAPROFILEEXAMPLE00');
  const r = await runCli(['list', '--profile', 'ci', '--endpoint-url', endpoint.url, '--json'], {
    env: {
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
      AWS_CONFIG_FILE: join(dir, 'config'),
    },
  });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(endpoint.requests[0]).toMatchObject({ accessKeyId: 'AKIAPROFILEEXAMPLE00', region: 'eu-central-1' });
});

describe('usage errors exit 2 before any request', () => {
  test.each([
    [[], 'missing command (list, validate, diff, import, rewrite or warm); see --help'],
    [['lst'], "unknown command 'lst' (expected one of: list, validate, diff, import, rewrite, warm)"],
    [['rewrite', '--synth', 'cdk.tf.json', '--concurrency', '2', 'x'], "--concurrency is not an option of 'rewrite'"],
    [['warm', '--synth', 'cdk.tf.json', '--check', 'nginx'], "--check is not an option of 'warm'"],
    [['warm', '--synth', 'cdk.tf.json', '--concurrency', '51', 'nginx'], "--concurrency must be an integer from 1 to 50, got '51'"],
    [['list', '--registry-url', 'http://x'], "--registry-url is not an option of 'list'"],
    [['list', '--colour'], "unknown option '--colour'"],
    [['list', '--concurrency', '3'], "--concurrency is not an option of 'list'"],
    [['validate', '--concurrency', '0'], '--concurrency must be an integer from 1 to 50, got \'0\''],
    [['diff'], 'diff needs --synth <path to cdk.tf.json or cdktf.out>'],
    [['validate', '--stack', 'app'], '--stack needs --synth <path to cdk.tf.json or cdktf.out>'],
    [['validate', '--allow-empty'], '--allow-empty needs --synth <path to cdk.tf.json or cdktf.out>'],
    [['list', '--allow-empty'], "--allow-empty is not an option of 'list'"],
    [['import'], 'import needs --language (typescript, python, go, java)'],
    [['import', '--language', 'rust'], "unknown language 'rust' (expected one of: typescript, python, go, java)"],
    [['list', '--registry-id', '1234'], "--registry-id must be a 12-digit account ID, got '1234'"],
    [['list', '--region'], '--region needs a value'],
    [['list', '--json=yes'], '--json takes no value'],
  ])('%j', async (args, message) => {
    const r = await runCli(args);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `ecr-ptc: ${message}\nrun 'ecr-ptc --help' for usage\n` });
    expect(endpoint.requests).toHaveLength(0);
  });
});

test('--help and --version', async () => {
  const help = await runCli(['--help']);
  expect(help.code).toBe(0);
  expect(help.stdout).toMatch(/^Usage: ecr-ptc <command> \[options\]/);
  const version = await runCli(['--version']);
  expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
});

test('every error above is a single line', async () => {
  const r = await runCli(['list', '--region', REGION, '--endpoint-url', endpoint.url], { env: { AWS_ACCESS_KEY_ID: 'AKIAUNKNOWNKEY000000' } });
  expect(oneLine(r.stderr)).toBe(true);
});

test('a proxy that strips the signature: the service says the request was unsigned', async () => {
  // A forwarding proxy that drops the Authorization header, as some corporate proxies do.
  const proxy = createServer((req, res) => {
    const headers = { ...req.headers };
    delete headers.authorization;
    const upstream = httpRequest(`${endpoint.url}${req.url}`, { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  try {
    const r = await runCli(['list', '--region', REGION, '--endpoint-url', url]);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: `ecr-ptc: the request reached ${url} unsigned (MissingAuthenticationTokenException): a proxy may strip the Authorization header, or the endpoint is not the ECR API\n`,
    });
    expect(endpoint.requests.map((q) => [q.accessKeyId, q.status])).toEqual([[undefined, 403]]);
  } finally {
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
  }
});

test('a stalled endpoint: each attempt times out, then one line', async () => {
  endpoint.inject({ kind: 'latency', ms: 1500 });
  const start = Date.now();
  const r = await runCli(['list', '--region', REGION, '--endpoint-url', endpoint.url, '--max-attempts', '2'], {
    env: { ECR_PTC_REQUEST_TIMEOUT_MS: '150' },
  });
  expect(r).toEqual({
    code: 2,
    stdout: '',
    stderr: `ecr-ptc: cannot reach ${endpoint.url} (ETIMEDOUT after 2 attempts): check the network, proxy or --endpoint-url\n`,
  });
  expect(endpoint.counts()).toEqual({ DescribePullThroughCacheRules: 2 });
  expect(Date.now() - start).toBeLessThan(1400);
});
