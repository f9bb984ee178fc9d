/**
 * `--synth <path>` fails closed: anything that is not a synthesized stack, an output directory or its manifest ends in
 * exit 2 with two lines (what is wrong with which file, what was expected), for `validate --synth` and `diff --synth`.
 * Real stacks (an output directory with several stacks, referenced rules) are checked against the local endpoint.
 */
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { EcrPullThroughCacheRule } from '@cdktf/provider-aws/lib/ecr-pull-through-cache-rule';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
import * as fc from 'fast-check';
import { PullThroughCacheRule } from '../../src';
import { MAX_SYNTH_BYTES, read } from '../../src/cli/synth-input';
import { LocalEcrEndpoint } from './support/ecr-endpoint';
import { ROOT, runCli, type CliResult } from './support/cli';
import { EVERY_KIND, REGION } from './support/fixtures';

let endpoint: LocalEcrEndpoint;
let dir: string;
beforeAll(async () => {
  endpoint = await LocalEcrEndpoint.start();
  dir = mkdtempSync(join(tmpdir(), 'ecr-ptc-synth-input-'));
});
afterAll(() => endpoint.close());
beforeEach(() => endpoint.reset());

const EXPECTED =
  'expected: a synthesized stack (cdktf.out/stacks/<stack>/cdk.tf.json), the output directory of cdktf or cdktn synth (cdktf.out), or its manifest.json';
const QUAY = EVERY_KIND[5];
const CHAINGUARD = EVERY_KIND[3];

let counter = 0;
function file(content: string | Buffer, name = `input-${counter++}.json`): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const COMMANDS = [
  (path: string, ...extra: string[]) => runCli(['validate', '--synth', path, '--endpoint-url', endpoint.url, ...extra]),
  (path: string, ...extra: string[]) => runCli(['diff', '--synth', path, '--endpoint-url', endpoint.url, ...extra]),
];

/** Exit 2, nothing on stdout, two lines on stderr: the file and what is wrong, then what was expected; no request. */
function expectRejected(r: CliResult, path: string, problem?: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n');
  expect(lines).toHaveLength(3);
  expect(lines[0].startsWith(`ecr-ptc: --synth ${path}`)).toBe(true);
  if (problem) expect(lines[0]).toMatch(problem);
  expect(lines[1]).toBe(EXPECTED);
  expect(lines[2]).toBe('');
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(endpoint.requests).toEqual([]);
}

async function expectBothRejected(path: string, problem?: RegExp): Promise<void> {
  for (const run of COMMANDS) expectRejected(await run(path), path, problem);
}

describe('property: random input never passes', () => {
  test('any JSON value that is not a stack: exit 2 with two lines, for validate and diff', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const path = file(JSON.stringify(value));
        await expectBothRejected(path);
      }),
      { numRuns: 60 },
    );
  });

  test('any text: exit 2 with two lines', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
        const path = file(text);
        expectRejected(await COMMANDS[0](path), path);
      }),
      { numRuns: 60 },
    );
  });

  const SECTIONS = ['terraform', 'provider', 'resource', 'data', 'variable', 'output', 'locals', 'module', 'moved', 'import'];
  const notAnObject = fc.oneof(
    fc.constant(null),
    fc.string(),
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { minLength: 1 }),
  );

  test('a Terraform section of the wrong shape: exit 2 naming the section', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SECTIONS), notAnObject, async (section, value) => {
        const doc = {
          provider: { aws: [{ region: REGION }] },
          resource: { aws_ecr_pull_through_cache_rule: { Quay: { ecr_repository_prefix: 'quay', upstream_registry_url: 'quay.io' } } },
          [section]: value,
        };
        const path = file(JSON.stringify(doc));
        await expectBothRejected(path, new RegExp(`"${section}(\\.aws)?" is `));
      }),
      { numRuns: 40 },
    );
  });

  test('a rule or data source block of the wrong shape, or an argument that is not a string: exit 2 naming it', async () => {
    const where = fc.constantFrom(
      ['resource', 'aws_ecr_pull_through_cache_rule'] as const,
      ['data', 'aws_ecr_pull_through_cache_rule'] as const,
    );
    const broken = fc.oneof(
      notAnObject.map((v) => ({ level: 'type' as const, value: v })),
      notAnObject.map((v) => ({ level: 'body' as const, value: v })),
      fc.tuple(fc.constantFrom('ecr_repository_prefix', 'region', 'provider'), fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.string()), fc.object()))
        .map(([arg, v]) => ({ level: 'argument' as const, arg, value: v })),
      fc.constant({ level: 'no-prefix' as const, value: undefined }),
    );
    await fc.assert(
      fc.asyncProperty(where, broken, async ([section, type], b) => {
        const body: Record<string, unknown> = { ecr_repository_prefix: 'quay', upstream_registry_url: 'quay.io' };
        let blocks: unknown = { Quay: body };
        if (b.level === 'type') blocks = b.value;
        if (b.level === 'body') blocks = { Quay: b.value };
        if (b.level === 'argument') body[b.arg] = b.value;
        if (b.level === 'no-prefix') delete body.ecr_repository_prefix;
        const path = file(JSON.stringify({ provider: { aws: [{ region: REGION }] }, [section]: { [type]: blocks } }));
        const prefix = section === 'data' ? 'data.' : '';
        const problem = {
          'type': new RegExp(`"${section}\\.${type}" is `),
          'body': new RegExp(`"${section}\\.${type}\\.Quay" is `),
          'argument': new RegExp(`${prefix}${type}\\.Quay has \\w+ (an? \\w+|null); expected a string`),
          'no-prefix': new RegExp(`${prefix}${type}\\.Quay has no ecr_repository_prefix`),
        }[b.level];
        await expectBothRejected(path, problem);
      }),
      { numRuns: 40 },
    );
  });
});

describe('files that are not a synthesized stack', () => {
  test.each([
    ['a JSON array', '[]', /the file holds an array, not a Terraform JSON configuration/],
    ['null', 'null', /the file holds null, not a Terraform JSON configuration/],
    ['"resource": null', '{"resource": null}', /section "resource" is null; expected an object$/],
    ['an empty object', '{}', /it has no section/],
    ['white space only', '  \n ', /the file holds only white space/],
    ['a manifest without stacks', '{"version": "0.21.0", "stacks": {}}', /the manifest lists no stacks/],
    ['a manifest whose stacks are not objects', '{"version": "0.21.0", "stacks": []}', /"stacks" is an array; expected an object of stacks/],
  ])('%s: exit 2', async (_, content, problem) => {
    await expectBothRejected(file(content), problem);
  });

  test("a project's package.json and cdktf.json: exit 2, not 'no rules'", async () => {
    await expectBothRejected(join(ROOT, 'package.json'), /top-level keys "name", "version", "description", … are not Terraform sections$/);
    // What `cdktf init --template=typescript` writes.
    const cdktfJson = file(JSON.stringify({
      language: 'typescript', app: 'npx ts-node main.ts', projectId: 'b4c5', sendCrashReports: 'false',
      terraformProviders: ['aws@~> 6.0'], terraformModules: [], context: {},
    }), 'cdktf.json');
    await expectBothRejected(cdktfJson, /top-level keys "language", "app", "projectId", … are not Terraform sections$/);
  });

  test('an empty file, and one larger than any stack (without reading it)', async () => {
    await expectBothRejected(file(''), /: the file is empty$/);
    const huge = join(dir, 'huge.json');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, MAX_SYNTH_BYTES + 1); // sparse: no disk used
    closeSync(fd);
    await expectBothRejected(huge, /: the file is 64\.0 MiB, more than the 64 MiB a synthesized stack can be$/);
  });

  test('a large file that is not JSON (5 MiB of text)', async () => {
    await expectBothRejected(file('x'.repeat(5 * 1024 * 1024)), /: not JSON \(/);
  });

  test('a missing file, a directory without manifest.json, a stack directory', async () => {
    await expectBothRejected(join(dir, 'no-such.json'), /: cannot read it \(no such file or directory, ENOENT\)$/);
    const empty = join(dir, 'empty-dir');
    mkdirSync(empty);
    await expectBothRejected(empty, /: a directory without manifest\.json$/);
    const stackDir = join(dir, 'stack-dir');
    mkdirSync(stackDir);
    writeFileSync(join(stackDir, 'cdk.tf.json'), '{}');
    await expectBothRejected(stackDir, new RegExp(`: a directory without manifest\\.json: it holds a stack, pass ${stackDir}/cdk\\.tf\\.json$`));
  });

  // Root reads any file whatever its mode, so the EACCES case can only be shown by another user.
  const isRoot = process.getuid?.() === 0;
  if (isRoot) process.stderr.write('synth-input.test.ts: skipping the unreadable-file test: running as root, chmod 000 does not stop reads\n');
  (isRoot ? test.skip : test)('a file without read permission (skipped when run as root)', async () => {
    const locked = file('{"resource": {}}');
    chmodSync(locked, 0o000);
    try {
      await expectBothRejected(locked, /: cannot read it \(permission denied, EACCES\)$/);
    } finally {
      chmodSync(locked, 0o600);
    }
  });
});

describe('read(): the shapes cdktf and cdktn write are accepted', () => {
  const rule = { Quay: { ecr_repository_prefix: 'quay', upstream_registry_url: 'quay.io' } };

  test('import and moved blocks as arrays, terraform as an array, "//" of any kind, one provider block as an object', async () => {
    const doc = {
      '//': 'a comment',
      'terraform': [{ required_providers: { aws: { source: 'aws' } } }],
      'provider': { aws: { region: REGION } },
      'resource': { aws_ecr_pull_through_cache_rule: rule },
      'import': [{ to: 'aws_ecr_pull_through_cache_rule.Quay', id: 'quay' }],
      'moved': [{ from: 'aws_ecr_pull_through_cache_rule.Old', to: 'aws_ecr_pull_through_cache_rule.Quay' }],
      'locals': [{ a: 1 }],
      'check': [],
    };
    const path = file(JSON.stringify(doc), 'shapes.json');
    expect(await read(path)).toEqual([{ name: basename(dir), file: path, document: doc }]);
  });

  test('the stack name comes from the metadata cdktf writes, else from the directory', async () => {
    const named = file(JSON.stringify({ '//': { metadata: { stackName: 'registry-cache' } }, 'resource': {} }));
    expect((await read(named))[0].name).toBe('registry-cache');
    await expect(read(named, { stack: 'other' })).rejects.toThrow(
      `--synth ${named}: this is stack 'registry-cache', not 'other' (--stack picks one stack of an output directory or manifest)`,
    );
    expect(await read(named, { stack: 'registry-cache' })).toHaveLength(1);
  });

  test('a relative path is resolved against cwd; an empty path is a usage error', async () => {
    const path = file(JSON.stringify({ resource: { aws_ecr_pull_through_cache_rule: rule } }), 'relative.json');
    expect((await read('relative.json', { cwd: dir }))[0].file).toBe('relative.json');
    expect((await read('relative.json', { cwd: dir }))[0].document).toEqual(JSON.parse(readFileSync(path, 'utf8')));
    await expect(read('')).rejects.toThrow('--synth needs a path');
  });

  test('a manifest entry name wins over its key; a path listed as absolute is used as is', async () => {
    const stackFile = file(JSON.stringify({ resource: { aws_ecr_pull_through_cache_rule: rule } }), 'abs-stack.json');
    const manifest = file(JSON.stringify({ version: '0.24.0', stacks: { key: { name: 'app', synthesizedStackPath: stackFile } } }), 'abs-manifest.json');
    expect((await read(manifest)).map((s) => [s.name, s.file, s.manifest])).toEqual([['app', stackFile, manifest]]);
  });

  test('edges: one, three and four unknown keys; a key of 40 and 41 characters; only comments; provider blocks', async () => {
    await expectBothRejected(file('{"name": 1}'), /: not a Terraform JSON configuration: top-level key "name" is not a Terraform section$/);
    await expectBothRejected(file('{"a": 1, "b": 2, "c": 3}'), /top-level keys "a", "b", "c" are not Terraform sections$/);
    await expectBothRejected(file('{"a": 1, "b": 2, "c": 3, "d": 4}'), /top-level keys "a", "b", "c", … are not Terraform sections$/);
    await expectBothRejected(file(JSON.stringify({ ['k'.repeat(40)]: 1 })), new RegExp(`top-level key "${'k'.repeat(40)}" is not`));
    await expectBothRejected(file(JSON.stringify({ ['k'.repeat(41)]: 1 })), new RegExp(`top-level key "${'k'.repeat(40)}…" is not`));
    await expectBothRejected(file('{"//": {"metadata": {}}}'), /: not a Terraform JSON configuration: it has no section \(no "terraform", "provider", "resource" or "data"\)$/);
    for (const aws of ['"eu-west-1"', 'null', '[1]', '[{"region": "eu-west-1"}, "x"]']) {
      await expectBothRejected(file(`{"provider": {"aws": ${aws}}, "resource": {}}`), /: "provider\.aws" is (a string|null|an array); expected an object or an array of objects$/);
    }
    await expectBothRejected(file('{"resource": []}'), /: section "resource" is an array; expected an object$/);
    await expectBothRejected(file('{"import": [1]}'), /: section "import" is an array; expected an object or an array of objects$/);
  });

  test('size: exactly the limit is read (and is not JSON here), one byte more is refused unread', async () => {
    const atLimit = join(dir, 'at-limit.json');
    const fd = openSync(atLimit, 'w');
    ftruncateSync(fd, MAX_SYNTH_BYTES);
    closeSync(fd);
    await expectBothRejected(atLimit, /: not JSON \(.{10,}\)$/);
  });

  test('other read errors keep the system message and code; a stack listed by a manifest names it', async () => {
    const notDir = join(file('{}', 'plain.json'), 'cdk.tf.json');
    await expectBothRejected(notDir, /: cannot read it \(ENOTDIR: not a directory, stat '.*', ENOTDIR\)$/);
    const out = mkdtempSync(join(dir, 'listed-'));
    mkdirSync(join(out, 'stacks'));
    writeFileSync(join(out, 'stacks', 'bad.json'), '[]');
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ stacks: { bad: { synthesizedStackPath: 'stacks/bad.json' }, dir: { synthesizedStackPath: 'stacks' } } }));
    await expectBothRejected(out, new RegExp(`^ecr-ptc: --synth ${out}/stacks/bad\\.json: the file holds an array, not a Terraform JSON configuration .* \\(listed in ${out}/manifest\\.json\\)$`));
    const onlyDir = await read(join(out, 'manifest.json'), { stack: 'dir' }).catch((e: Error) => e.message);
    expect(onlyDir).toBe(`--synth ${out}/stacks: a directory`);
  });

  test('a manifest entry without synthesizedStackPath, a device, and a long unknown key are rejected with their own words', async () => {
    const manifest = file(JSON.stringify({ version: '0.21.0', stacks: { app: { name: 'app' } } }));
    await expectBothRejected(manifest, /"stacks\.app" has no synthesizedStackPath; expected a manifest as cdktf and cdktn write it$/);
    await expectBothRejected('/dev/null', /: not a regular file$/);
    const long = 'k'.repeat(60);
    await expectBothRejected(file(JSON.stringify({ [long]: 1 })), new RegExp(`top-level key "${'k'.repeat(40)}…" is not a Terraform section$`));
  });
});

describe('output directories and manifests', () => {
  /** A cdktf app with three stacks: one owns Quay, one only references Chainguard (in us-east-1), one has no rule. */
  function synthesizeApp(): string {
    const outdir = mkdtempSync(join(dir, 'cdktf.out-'));
    const app = new App({ outdir });
    const owner = new TerraformStack(app, 'cache');
    new AwsProvider(owner, 'aws', { region: REGION });
    new EcrPullThroughCacheRule(owner, 'Quay', { ecrRepositoryPrefix: 'quay', upstreamRegistryUrl: 'quay.io' });
    const consumer = new TerraformStack(app, 'consumer');
    new AwsProvider(consumer, 'aws', { region: REGION });
    PullThroughCacheRule.fromEcrRepositoryPrefix(consumer, 'Shared', 'chainguard', { region: 'us-east-1' });
    const network = new TerraformStack(app, 'network');
    new AwsProvider(network, 'aws', { region: REGION });
    app.synth();
    return outdir;
  }

  let outdir: string;
  beforeAll(() => {
    outdir = synthesizeApp();
  });

  test('read() gives every stack the manifest lists, with its name and file', async () => {
    const stacks = await read(outdir);
    expect(stacks.map((s) => [s.name, s.file, s.manifest])).toEqual([
      ['cache', join(outdir, 'stacks', 'cache', 'cdk.tf.json'), join(outdir, 'manifest.json')],
      ['consumer', join(outdir, 'stacks', 'consumer', 'cdk.tf.json'), join(outdir, 'manifest.json')],
      ['network', join(outdir, 'stacks', 'network', 'cdk.tf.json'), join(outdir, 'manifest.json')],
    ]);
    expect(await read(join(outdir, 'manifest.json'), { stack: 'consumer' })).toEqual([stacks[1]]);
    const one = await read(join(outdir, 'stacks', 'cache', 'cdk.tf.json'));
    expect(one).toEqual([{ name: 'cache', file: join(outdir, 'stacks', 'cache', 'cdk.tf.json'), document: stacks[0].document }]);
  });

  test('validate --synth <dir>: every stack, each named, owned and referenced rules in their Regions', async () => {
    for (const path of [outdir, join(outdir, 'manifest.json')]) {
      endpoint.reset();
      endpoint.seedRules({ ...QUAY, region: REGION }, { ...CHAINGUARD, region: 'us-east-1', credentialArn: undefined });
      const r = await runCli(['validate', '--synth', path, '--endpoint-url', endpoint.url]);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(
        new RegExp(
          [
            `^stack cache \\(${outdir}/stacks/cache/cdk\\.tf\\.json\\):`,
            'valid {6}quay {8}eu-west-1  aws_ecr_pull_through_cache_rule\\.Quay',
            `stack consumer \\(${outdir}/stacks/consumer/cdk\\.tf\\.json\\):`,
            'valid {6}chainguard  us-east-1  data\\.aws_ecr_pull_through_cache_rule\\.Shared_\\w+',
            `stack network \\(${outdir}/stacks/network/cdk\\.tf\\.json\\): declares and references no pull-through cache rule`,
            '2 rule\\(s\\) \\(1 referenced\\) in 3 stacks: 2 valid, 0 invalid, 0 missing, 0 not checked',
            '$',
          ].join('\\n'),
        ),
      );
      expect(r.code).toBe(0);
      expect(endpoint.requests.map((q) => [(q.body as { ecrRepositoryPrefix: string }).ecrRepositoryPrefix, q.region]).sort()).toEqual([
        ['chainguard', 'us-east-1'],
        ['quay', REGION],
      ]);
    }
  });

  test('--allow-empty: a stack with nothing to check passes, saying so', async () => {
    const r = await runCli(['validate', '--synth', outdir, '--stack', 'network', '--allow-empty', '--endpoint-url', endpoint.url]);
    expect(r).toEqual({
      code: 0,
      stdout: `nothing to check (--allow-empty): stack network (${outdir}/stacks/network/cdk.tf.json) declares and references no pull-through cache rule\n`,
      stderr: '',
    });
    expect(endpoint.requests).toEqual([]);
  });

  test('--stack picks one stack; an unknown one is exit 2 listing the names; a stack without rules is exit 2', async () => {
    endpoint.seedRules({ ...QUAY, region: REGION });
    const cache = await runCli(['validate', '--synth', outdir, '--stack', 'cache', '--endpoint-url', endpoint.url, '--json']);
    expect(cache.code).toBe(0);
    expect(JSON.parse(cache.stdout).map((c: { stack: string; status: string }) => [c.stack, c.status])).toEqual([['cache', 'valid']]);

    const unknown = await runCli(['validate', '--synth', outdir, '--stack', 'app', '--endpoint-url', endpoint.url]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(`ecr-ptc: --synth ${join(outdir, 'manifest.json')}: no stack named 'app' (it lists: cache, consumer, network)\n${EXPECTED}\n`);

    const network = await runCli(['diff', '--synth', outdir, '--stack', 'network', '--endpoint-url', endpoint.url]);
    expect(network.code).toBe(2);
    expect(network.stderr).toMatch(/^ecr-ptc: --synth .*: stack 'network' neither declares an aws_ecr_pull_through_cache_rule nor references one/);
    expect(endpoint.requests.filter((q) => q.operation === 'DescribePullThroughCacheRules')).toEqual([]);
  });

  test('a manifest that lists a stack file that is gone: exit 2 naming both', async () => {
    const copy = mkdtempSync(join(dir, 'broken-out-'));
    writeFileSync(join(copy, 'manifest.json'), readFileSync(join(outdir, 'manifest.json')));
    const r = await COMMANDS[0](copy);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`ecr-ptc: --synth ${join(copy, 'stacks', 'cache', 'cdk.tf.json')}: cannot read it (no such file or directory, ENOENT)\n${EXPECTED}\n`);
  });

  test('diff --synth <dir>: lists the stacks, compares owned rules and referenced ones in their Regions', async () => {
    endpoint.seedRules({ ...QUAY, region: REGION }, { ...EVERY_KIND[6], region: REGION });
    const r = await runCli(['diff', '--synth', outdir, '--endpoint-url', endpoint.url]);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      `stack cache (${outdir}/stacks/cache/cdk.tf.json): 1 rule(s), 0 referenced`,
      `stack consumer (${outdir}/stacks/consumer/cdk.tf.json): 0 rule(s), 1 referenced`,
      `stack network (${outdir}/stacks/network/cdk.tf.json): 0 rule(s), 0 referenced`,
      'extra (live, not declared):',
      '  - k8s  eu-west-1  registry.k8s.io',
      'referenced, not live (the stack reads these rules; its plan fails without them):',
    ]);
    expect(lines[6]).toMatch(/^ {2}! chainguard {2}us-east-1 {2}\(consumer: data\.aws_ecr_pull_through_cache_rule\.Shared_\w+\)$/);
    expect(lines.slice(7)).toEqual([
      'drift: 0 missing, 1 extra, 0 changed, 1 referenced not live; 2 rule(s) (1 referenced) in 3 stacks compared in eu-west-1, us-east-1',
      '',
    ]);
    expect(r.code).toBe(1);
  });
});

describe('referenced rules (data.aws_ecr_pull_through_cache_rule)', () => {
  /** A stack that owns no rule and reads two: one in the provider's Region, one with its own region argument. */
  function consumerStack(): string {
    const outdir = mkdtempSync(join(dir, 'consumer-'));
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'consumer');
    new AwsProvider(stack, 'aws', { region: REGION });
    PullThroughCacheRule.fromEcrRepositoryPrefix(stack, 'Quay', 'quay');
    PullThroughCacheRule.fromEcrRepositoryPrefix(stack, 'Chainguard', 'chainguard', { region: 'us-east-1' });
    app.synth();
    return join(outdir, 'stacks', 'consumer', 'cdk.tf.json');
  }

  let path: string;
  beforeAll(() => {
    path = consumerStack();
  });

  test('each referenced rule is validated where it lives: exit 0 when all are valid', async () => {
    endpoint.seedRules({ ...QUAY, region: REGION }, { ...CHAINGUARD, region: 'us-east-1', credentialArn: undefined });
    const r = await runCli(['validate', '--synth', path, '--endpoint-url', endpoint.url, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((c: Record<string, unknown>) => [c.ecrRepositoryPrefix, c.region, c.status, c.address])).toEqual([
      ['chainguard', 'us-east-1', 'valid', expect.stringMatching(/^data\.aws_ecr_pull_through_cache_rule\.Chainguard_\w+$/)],
      ['quay', REGION, 'valid', expect.stringMatching(/^data\.aws_ecr_pull_through_cache_rule\.Quay_\w+$/)],
    ]);
  });

  test('a referenced rule that does not exist: exit 1, with a fix that says the stack does not own it', async () => {
    endpoint.seedRules({ ...QUAY, region: REGION });
    const r = await runCli(['validate', '--synth', path, '--endpoint-url', endpoint.url]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^MISSING {4}chainguard {2}us-east-1 {2}data\.aws_ecr_pull_through_cache_rule\.Chainguard_\w+\n {11}failure: no pull-through cache rule with prefix 'chainguard' in us-east-1\n {11}fix: the stack reads this rule but does not own it: create it where it is owned \(another stack, or by hand\), or fix the prefix or the Region of fromEcrRepositoryPrefix\n/,
    );
    expect(r.stdout).toMatch(/\n2 rule\(s\) \(2 referenced\): 1 valid, 0 invalid, 1 missing, 0 not checked\n$/);
  });

  test('an invalid referenced rule is a failure, and --wait waits for it like for an owned one', async () => {
    endpoint.seedRules({ ...QUAY, region: REGION });
    endpoint.deployLater({ ...CHAINGUARD, region: 'us-east-1', credentialArn: undefined }, 2);
    endpoint.failValidation('quay', 1, 'Unable to reach the upstream registry quay.io: connection timed out');
    const r = await runCli(['validate', '--synth', path, '--endpoint-url', endpoint.url, '--wait', '1m', '--json']);
    expect(r.code).toBe(0);
    const checks = Object.fromEntries(JSON.parse(r.stdout).map((c: { ecrRepositoryPrefix: string; attempts: number; status: string }) => [c.ecrRepositoryPrefix, [c.status, c.attempts]]));
    expect(checks).toEqual({ chainguard: ['valid', 3], quay: ['valid', 2] });
  });
});
