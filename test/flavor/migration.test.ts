/**
 * Moving a stack between cdktf and CDK Terrain replaces nothing: the same program, built with each flavor (the root's
 * lib/ on cdktf 0.21, .gen/cdktn/lib on cdktn 0.24), synthesizes the same Terraform addresses with the same
 * arguments. The only differences are the ones docs/CDKTN.md lists under "CDKTF or CDK Terrain", and this test fails
 * when there is any other.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { FLAVOR, swapModules } = require(join(ROOT, 'scripts', 'flavor.js'));

interface Flavor { readonly core: 'cdktf' | 'cdktn'; readonly root: string }
const CDKTF: Flavor = { core: 'cdktf', root: ROOT };
const CDKTN: Flavor = { core: 'cdktn', root: join(ROOT, '.gen', 'cdktn') };
const work = mkdtempSync(join(tmpdir(), 'flavor-migration-'));

/**
 * Compiles a program of this repository for a flavor (core swapped for cdktn, the library's sources replaced by the
 * flavor's built lib/) into <flavor root>/.gen/flavor-programs, so that it resolves that flavor's core.
 */
function compile(flavor: Flavor, file: string): string {
  let source = readFileSync(join(ROOT, file), 'utf8');
  if (flavor.core === 'cdktn') source = swapModules(file, source, FLAVOR.modules);
  const lib = join(flavor.root, 'lib', 'index.js');
  source = source.replace(/from '(\.\.\/)+src'/g, () => `from ${JSON.stringify(lib)}`);
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
  const out = join(flavor.root, '.gen', 'flavor-programs', basename(file).replace(/\.ts$/, '.js'));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, js.outputText);
  return out;
}

/** Synthesizes `new <exported>(app, stackId)` of a program with a flavor, in its own process; returns cdk.tf.json. */
function synth(flavor: Flavor, file: string, exported: string, stackId: string): any {
  const program = compile(flavor, file);
  const core = require.resolve(flavor.core, { paths: [flavor.root] });
  const outdir = join(work, flavor.core, basename(file, '.ts'));
  mkdirSync(outdir, { recursive: true });
  execFileSync(process.execPath, ['-e', `
    const [core, program, exported, stackId, outdir] = process.argv.slice(1);
    const app = new (require(core).App)({ outdir });
    new (require(program)[exported])(app, stackId);
    app.synth();`, core, program, exported, stackId, outdir], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
  return JSON.parse(readFileSync(join(outdir, 'stacks', stackId, 'cdk.tf.json'), 'utf8'));
}

/** Terraform addresses of a document: resource.TYPE.NAME, data.TYPE.NAME, output.NAME, variable.NAME. */
function addresses(doc: any): string[] {
  const out: string[] = [];
  for (const kind of ['resource', 'data']) {
    for (const [type, byName] of Object.entries<any>(doc[kind] ?? {})) for (const name of Object.keys(byName)) out.push(`${kind}.${type}.${name}`);
  }
  for (const kind of ['output', 'variable']) for (const name of Object.keys(doc[kind] ?? {})) out.push(`${kind}.${name}`);
  return out.sort();
}

/** Every leaf that differs, as a path ('terraform.required_providers.aws.version') with both values. */
function differences(a: any, b: any, at = ''): { path: string; cdktf: unknown; cdktn: unknown }[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap((k) => differences(a[k], b[k], at ? `${at}.${k}` : k));
  }
  return [{ path: at, cdktf: a, cdktn: b }];
}

/** A provider source as Terraform reads it: a bare name means the hashicorp namespace of the public registry. */
const providerAddress = (source: string) => `registry.terraform.io/${source.includes('/') ? source : `hashicorp/${source}`}`;

/**
 * The differences docs/CDKTN.md lists: the core's version in the metadata, and what each flavor's prebuilt provider
 * package writes into required_providers (only when the program uses its AwsProvider class).
 */
const DOCUMENTED = ['//.metadata.version', 'terraform.required_providers.aws.source', 'terraform.required_providers.aws.version'];

describe.each([
  ['the reference stack (examples/reference-stack.ts)', 'examples/reference-stack.ts', 'ReferenceStack'],
  ['every other construct (test/flavor/programs/every-construct.ts)', 'test/flavor/programs/every-construct.ts', 'EveryConstructStack'],
])('%s on cdktf and on cdktn', (_name, file, exported) => {
  const stackId = 'migrated';
  const tf = synth(CDKTF, file, exported, stackId);
  const tn = synth(CDKTN, file, exported, stackId);

  test('declares the same Terraform addresses, so moving it replaces nothing', () => {
    expect(addresses(tf).length).toBeGreaterThan(10);
    expect(addresses(tn)).toEqual(addresses(tf));
  });

  test('every resource and data source has the same construct path, unique id and arguments', () => {
    for (const kind of ['resource', 'data']) expect(tn[kind]).toEqual(tf[kind]);
    expect(tn.output).toEqual(tf.output);
    expect(tn.variable).toEqual(tf.variable);
  });

  test('differs only where docs/CDKTN.md says', () => {
    const found = differences(tf, tn);
    expect(found.map((d) => d.path).filter((p) => !DOCUMENTED.includes(p))).toEqual([]);
    const byPath = Object.fromEntries(found.map((d) => [d.path, d]));
    expect(byPath['//.metadata.version']).toEqual({
      path: '//.metadata.version',
      cdktf: require(require.resolve('cdktf/package.json', { paths: [CDKTF.root] })).version,
      cdktn: require(require.resolve('cdktn/package.json', { paths: [CDKTN.root] })).version,
    });
    // The provider is the same one, hashicorp/aws, however each package spells its source.
    const aws = (doc: any) => doc.terraform.required_providers.aws;
    expect(providerAddress(aws(tn).source)).toBe(providerAddress(aws(tf).source));
    expect(aws(tf).version).toBe(require(require.resolve('@cdktf/provider-aws/package.json', { paths: [CDKTF.root] })).cdktf.provider.version);
    expect(aws(tn).version).toBe(require(require.resolve('@cdktn/provider-aws/package.json', { paths: [CDKTN.root] })).cdktf.provider.version);
  });
});

describe('docs/CDKTN.md, "CDKTF or CDK Terrain"', () => {
  const readme = readFileSync(join(ROOT, 'docs', 'CDKTN.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## CDKTF or CDK Terrain'));

  test('lists each difference this test allows', () => {
    expect(readme.includes('## CDKTF or CDK Terrain')).toBe(true);
    for (const p of DOCUMENTED) expect(section).toContain(`\`${p}\``);
  });
});
