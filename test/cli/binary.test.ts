/** The compiled `ecr-ptc` binary in a child process, and the tool's read-only guarantee. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LocalEcrEndpoint } from './support/ecr-endpoint';
import { BIN, ensureBinary, REGISTRY_TABLE, ROOT, runBinary, runCli, runNode, SHARED_WITH_CLI } from './support/cli';
import { EVERY_KIND, REGION, secretArn, seedEveryKind, writeOperations } from './support/fixtures';
import { CACHE_HOST, copyWorkloads, GOLDEN, snapshot, STACK, WORKLOADS } from './support/workloads';

let endpoint: LocalEcrEndpoint;
beforeAll(async () => {
  ensureBinary();
  endpoint = await LocalEcrEndpoint.start();
});
afterAll(() => endpoint.close());
beforeEach(() => {
  endpoint.reset();
  seedEveryKind(endpoint);
});

const at = () => ['--region', REGION, '--endpoint-url', endpoint.url];

test('the bin is a node script', () => {
  expect(readFileSync(BIN, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  expect(join(ROOT, pkg.bin['ecr-ptc'])).toBe(BIN);
});

test('--help', async () => {
  const r = await runBinary(['--help']);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('Usage: ecr-ptc <command> [options]');
  expect(r.stderr).toBe('');
});

test('list --json: the rules, nothing on stderr (no SDK notices)', async () => {
  const r = await runBinary(['list', '--json', ...at()]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).map((x: { ecrRepositoryPrefix: string }) => x.ecrRepositoryPrefix)).toEqual(
    EVERY_KIND.map((x) => x.ecrRepositoryPrefix),
  );
});

test('validate exits 1 when a rule is invalid', async () => {
  endpoint.seedSecret({ arn: secretArn('gitlab'), username: 'gitlab-bot', accessToken: 'expired' });
  const r = await runBinary(['validate', ...at()]);
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/^INVALID {2}gitlab\s+registry\.gitlab\.com\n {9}failure: Authentication with the upstream registry registry\.gitlab\.com failed/m);
});

test('errors: exit 2 and exactly one line on stderr', async () => {
  const noRegion = await runBinary(['list', '--endpoint-url', endpoint.url]);
  expect(noRegion).toEqual({ code: 2, stdout: '', stderr: 'ecr-ptc: no AWS region: pass --region, set AWS_REGION, or set region in the profile\n' });
  const noCredentials = await runBinary(['list', ...at()], { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined });
  expect(noCredentials.code).toBe(2);
  expect(noCredentials.stderr).toMatch(/^ecr-ptc: no AWS credentials found: [^\n]*\n$/);
});

test('a --synth path that is not a stack: exit 2 and two lines, no stack trace, for validate and diff', async () => {
  for (const command of ['validate', 'diff']) {
    const r = await runBinary([command, '--synth', 'package.json', ...at()]);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'ecr-ptc: --synth package.json: not a Terraform JSON configuration: top-level keys "name", "version", "description", … are not Terraform sections\n' +
        'expected: a synthesized stack (cdktf.out/stacks/<stack>/cdk.tf.json), the output directory of cdktf or cdktn synth (cdktf.out), or its manifest.json\n',
    });
  }
  expect(endpoint.requests).toEqual([]);
});

test('persistent throttling through the real process: exit 2 after the configured attempts', async () => {
  endpoint.inject({ kind: 'throttle' });
  const r = await runBinary(['list', '--max-attempts', '4', ...at()]);
  expect(r).toEqual({ code: 2, stdout: '', stderr: 'ecr-ptc: throttled by ECR after 4 attempts: retry later or lower --concurrency\n' });
  expect(endpoint.counts()).toEqual({ DescribePullThroughCacheRules: 4 });
});

describe('read-only', () => {
  test('list, validate, diff and import call only Describe and Validate', async () => {
    const stack = join(ROOT, 'test', 'cli', 'golden', 'one-rule-stack.json');
    await runCli(['list', ...at()]);
    await runCli(['validate', ...at()]);
    await runBinary(['diff', '--synth', stack, ...at()]);
    for (const language of ['typescript', 'python', 'go', 'java']) await runCli(['import', '--language', language, ...at()]);
    expect(writeOperations(endpoint)).toEqual([]);
    expect(Object.keys(endpoint.counts()).sort()).toEqual(['DescribePullThroughCacheRules', 'ValidatePullThroughCacheRule']);
    expect(endpoint.requests.length).toBeGreaterThan(EVERY_KIND.length);
  });

  test('the CLI source sends no write command', () => {
    const commands = sourceFiles(join(ROOT, 'src', 'cli')).flatMap((f) => readFileSync(f, 'utf8').match(/\b[A-Z]\w+Command\b/g) ?? []);
    // GetAuthorizationToken (rewrite and warm) and GetRegistryPolicy (diff) read; they change nothing.
    expect([...new Set(commands)].sort()).toEqual(['GetAuthorizationTokenCommand', 'GetRegistryPolicyCommand', 'ValidatePullThroughCacheRuleCommand']);
  });
});

test('rewrite and rewrite --check through the real process', async () => {
  const dir = copyWorkloads();
  const check = await runBinary(['rewrite', '--synth', STACK, '--check', ...at(), '.'], {}, dir);
  expect(check.code).toBe(1);
  expect(check.stdout).toContain(`manifests/workloads.yaml:11: nginx -> ${CACHE_HOST}/docker-hub/library/nginx\n`);
  expect(snapshot(dir)).toEqual(snapshot(WORKLOADS));
  const write = await runBinary(['rewrite', '--synth', STACK, '--registry-id', '111122223333', '.'], {}, dir);
  expect(write).toEqual({ code: 0, stdout: expect.any(String), stderr: 'rewrote 23 reference(s) in 5 of 5 file(s)\n' });
  expect(snapshot(dir)).toEqual(snapshot(GOLDEN));
});

describe('module boundaries', () => {
  const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^import [^;]*? from '([^']+)';$/gms)].map((m) => m[1]);

  test('only src/cli imports the AWS SDK', () => {
    const outside = sourceFiles(join(ROOT, 'src')).filter((f) => !f.includes(`${join('src', 'cli')}`));
    expect(outside.length).toBeGreaterThan(0);
    expect(outside.filter((f) => importsOf(f).some((m) => m.startsWith('@aws-sdk/') || m.startsWith('@smithy/')))).toEqual([]);
  });

  test('src/cli imports nothing from the library outside src/cli but the registry table and the image mapping (not part of the jsii API)', () => {
    const escaping = sourceFiles(join(ROOT, 'src', 'cli')).flatMap((f) =>
      importsOf(f)
        .filter((m) => m.startsWith('.'))
        .map((m) => join(f, '..', m))
        .filter((m) => !m.startsWith(join(ROOT, 'src', 'cli'))),
    );
    expect([...new Set(escaping)].sort()).toEqual(SHARED_WITH_CLI.map((f) => f.replace(/\.ts$/, '')).sort());
  });

  test('the files shared with the CLI import nothing but each other', () => {
    for (const file of SHARED_WITH_CLI) {
      const text = readFileSync(file, 'utf8');
      const outside = importsOf(file).map((m) => join(file, '..', m)).filter((m) => !SHARED_WITH_CLI.includes(`${m}.ts`));
      expect({ file, outside }).toEqual({ file, outside: [] });
      expect(text).not.toMatch(/\brequire\s*\(|\bimport\s*\(/);
    }
  });

  test('the registry table imports nothing at all', () => {
    const text = readFileSync(REGISTRY_TABLE, 'utf8');
    expect(importsOf(REGISTRY_TABLE)).toEqual([]);
    expect(text).not.toMatch(/\brequire\s*\(|\bimport\s*\(/);
  });

  test('running the compiled CLI loads neither cdktf nor constructs', async () => {
    const stack = join(ROOT, 'test', 'cli', 'golden', 'one-rule-stack.json');
    // A fresh process records every module request and every file it loads while it runs commands.
    const script = `
      const Module = require('node:module');
      const requested = new Set();
      const load = Module._load;
      Module._load = function (request, ...rest) { requested.add(request); return load.call(this, request, ...rest); };
      const { main } = require(${JSON.stringify(BIN)});
      const quiet = { stdout: () => {}, stderr: () => {} };
      (async () => {
        const at = ['--region', ${JSON.stringify(REGION)}, '--endpoint-url', process.argv[1]];
        const codes = [
          await main(['list', ...at], quiet),
          await main(['validate', ...at], quiet),
          await main(['validate', '--synth', ${JSON.stringify(stack)}, ...at], quiet),
          await main(['diff', '--synth', ${JSON.stringify(stack)}, ...at], quiet),
          await main(['import', '--language', 'typescript', ...at], quiet),
          await main(['rewrite', '--synth', ${JSON.stringify(STACK)}, '--check', ...at, ${JSON.stringify(WORKLOADS)}], quiet),
        ];
        process.stdout.write(JSON.stringify({ codes, requested: [...requested], files: Object.keys(require.cache) }));
      })();
    `;
    const r = await runNode(['-e', script, endpoint.url]);
    expect(r.stderr).toBe('');
    const { codes, requested, files } = JSON.parse(r.stdout) as { codes: number[]; requested: string[]; files: string[] };
    expect(codes).toEqual([0, 0, 0, 1, 0, 1]);
    expect(files).toContain(join(ROOT, 'lib', 'private', 'registry-table.js'));
    expect(files.some((f) => f.includes(`${join('node_modules', 'yaml')}`))).toBe(true);
    expect(files.some((f) => f.includes(`${join('node_modules', '@aws-sdk', 'client-ecr')}`))).toBe(true);
    const core = /^(cdktf|constructs|cdktn)(\/|$)/;
    expect(requested.filter((m) => core.test(m))).toEqual([]);
    expect(files.filter((f) => /[\\/]node_modules[\\/](cdktf|constructs|cdktn)[\\/]/.test(f))).toEqual([]);
    expect(files.filter((f) => f.startsWith(join(ROOT, 'lib')) && !f.startsWith(join(ROOT, 'lib', 'cli'))).sort()).toEqual(
      SHARED_WITH_CLI.map((f) => f.replace(join(ROOT, 'src'), join(ROOT, 'lib')).replace(/\.ts$/, '.js')).sort(),
    );
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}
