/**
 * `ecr-ptc import --core cdktf|cdktn`: the same program for CDK for Terraform or CDK Terrain, differing only in what
 * it imports; by default the core of the package the CLI ships in (cdktf here, cdktn in the CDK Terrain flavor).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transpileModule } from 'typescript';
import { DEFAULT_CORE, parseArgs } from '../../src/cli/args';
import { coreNames, CORES, shippedCore } from '../../src/cli/codegen/core';
import { CORE, newStack, synthJson } from '../util';
import { LocalEcrEndpoint } from './support/ecr-endpoint';
import { runCli } from './support/cli';
import { EVERY_KIND, REGION } from './support/fixtures';

let endpoint: LocalEcrEndpoint;
beforeAll(async () => {
  endpoint = await LocalEcrEndpoint.start();
});
afterAll(() => endpoint.close());
beforeEach(() => {
  endpoint.reset();
  endpoint.seedRules(EVERY_KIND[0], EVERY_KIND[8], EVERY_KIND[5]);
});

const LANGUAGES = [['typescript', 'ts'], ['python', 'py'], ['go', 'go'], ['java', 'java']] as const;
/** test/cli/golden/ holds the cdktf programs, test/cli/golden/cdktn/ the CDK Terrain ones. */
const goldenPath = (core: string, ext: string) => join(__dirname, 'golden', ...(core === 'cdktf' ? [] : [core]), `three-rules.${ext}.txt`);
const importAs = (language: string, ...extra: string[]) =>
  runCli(['import', '--language', language, '--region', REGION, '--endpoint-url', endpoint.url, ...extra]);

describe.each(CORES)('--core %s', (core) => {
  test.each(LANGUAGES)('%s matches its golden program (UPDATE_GOLDEN=1 writes them)', async (language, ext) => {
    const r = await importAs(language, '--core', core);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const file = goldenPath(core, ext);
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, r.stdout);
    }
    expect(r.stdout).toBe(readFileSync(file, 'utf8'));
  });
});

test.each(LANGUAGES)('the %s programs for the two cores differ only in the names of the packages they import', (_language, ext) => {
  const tf = readFileSync(goldenPath('cdktf', ext), 'utf8').split('\n');
  const tn = readFileSync(goldenPath('cdktn', ext), 'utf8').split('\n');
  expect(tn.length).toBe(tf.length);
  const names = (c: 'cdktf' | 'cdktn') => {
    const n = coreNames(c);
    return [n.typescript, n.python, n.go, n.java].flatMap((x) => Object.values(x) as string[]).concat([n.go.corePackage, n.awsProviderVersion, JSON.stringify(n.awsProviderSource)])
      .sort((a, b) => b.length - a.length);
  };
  const normalize = (line: string, c: 'cdktf' | 'cdktn') => names(c).reduce((l, name) => l.split(name).join('NAME'), line);
  const changed = tf.map((line, i) => [line, tn[i]]).filter(([a, b]) => a !== b);
  expect(changed.length).toBeGreaterThan(0);
  for (const [a, b] of changed) expect(normalize(b, 'cdktn')).toBe(normalize(a, 'cdktf'));
});

test('the cdktn TypeScript program compiles as TypeScript and imports cdktn, its provider package and the cdktn flavor', () => {
  const program = readFileSync(goldenPath('cdktn', 'ts'), 'utf8');
  expect(program).toContain("import { App, TerraformStack } from 'cdktn';");
  expect(program).toContain("import { AwsProvider } from '@cdktn/provider-aws/lib/provider';");
  expect(program).toContain("from 'cdktn-ecr-pull-through-cache';");
  expect(transpileModule(program, { reportDiagnostics: true }).diagnostics).toEqual([]);
});

test('the default core is the one this package is built for', () => {
  expect(DEFAULT_CORE).toBe(CORE);
  expect(parseArgs(['import', '--language', 'go'])).toMatchObject({ args: { core: CORE } });
  expect(parseArgs(['import', '--language', 'go', '--core', 'cdktn'])).toMatchObject({ args: { core: 'cdktn' } });
  expect(shippedCore('cdktn-ecr-pull-through-cache')).toBe('cdktn');
  expect(shippedCore('cdktf-ecr-pull-through-cache')).toBe('cdktf');
});

test('an unknown core, or --core on another command, is a usage error', async () => {
  const r = await importAs('typescript', '--core', 'cdk8s');
  expect(r).toEqual({ code: 2, stdout: '', stderr: expect.stringContaining("unknown core 'cdk8s' (expected one of: cdktf, cdktn)") });
  const list = await runCli(['list', '--core', 'cdktn', '--region', REGION, '--endpoint-url', endpoint.url]);
  expect(list.code).toBe(2);
  expect(list.stderr).toContain("--core is not an option of 'list'");
});

test('--help names the option and its default', async () => {
  const r = await runCli(['--help']);
  expect(r.stdout).toContain(`[--core cdktf|cdktn]   for CDK for Terraform or CDK Terrain (default: ${CORE},`);
  expect(existsSync(goldenPath('cdktn', 'ts'))).toBe(true);
});

test(`the provider block written for ${CORE} is the one its prebuilt AwsProvider writes (runs in each flavor)`, () => {
  const { awsProviderSource, awsProviderVersion } = coreNames(CORE as 'cdktf' | 'cdktn');
  expect(synthJson(newStack()).terraform.required_providers.aws).toEqual({ source: awsProviderSource, version: awsProviderVersion });
});
