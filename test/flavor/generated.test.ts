/**
 * The cdktn flavor is generated, never kept by hand: scripts/flavor.js writes it from the sources, and this test
 * fails when the generated tree differs from the sources in anything but the documented substitutions (the core's
 * module names, the package manifest's names and targets, the README's install lines). It checks the generator's
 * output with its own reading of the files (the TypeScript scanner, token by token), not with the generator's code.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
const GEN = join(ROOT, '.gen', 'cdktn');
const TREES = ['src', 'test', 'examples', 'rosetta'];
const NOT_COPIED = ['test/bindings', 'test/flavor'];
const TOOL_FILES = ['compare-synth.js', 'constants.js', 'ts-error.js', 'ts-reference.js', 'ts-program.js'];
const COPIED_FILES = ['tsconfig.json', 'tsconfig.dev.json', 'tsconfig.cli.json', 'tsconfig.examples.json', 'jest.config.js', 'LICENSE'];

/** Module names that may change, and to what: the whole substitution for TypeScript. */
const MODULES: [RegExp, string][] = [
  [/^cdktf(\/|$)/, 'cdktn$1'],
  [/^@cdktf\/provider-aws(\/|$)/, '@cdktn/provider-aws$1'],
];
/** rosetta/ fixtures import the library by its published name. */
const ROSETTA_MODULES: [RegExp, string][] = [...MODULES, [/^cdktf-ecr-pull-through-cache$/, 'cdktn-ecr-pull-through-cache']];

function filesUnder(dir: string, rel = ''): string[] {
  const abs = join(dir, rel);
  if (!existsSync(abs)) return [];
  if (!statSync(abs).isDirectory()) return [rel];
  return readdirSync(abs).sort().flatMap((name) => filesUnder(dir, rel ? `${rel}/${name}` : name));
}

const fresh = mkdtempSync(join(tmpdir(), 'flavor-cdktn-'));
execFileSync(process.execPath, [join(ROOT, 'scripts', 'flavor.js'), '--out', fresh], { stdio: 'pipe' });

const sourceFiles = TREES.flatMap((t) => filesUnder(ROOT, t)).filter((f) => !NOT_COPIED.some((n) => f.startsWith(`${n}/`)));
const tsFiles = sourceFiles.filter((f) => /\.ts(-fixture)?$/.test(f));

/**
 * The tokens of a file: kind, text and the text before it (comments and whitespace), in order. The parse tree's leaves,
 * so that template literals and regular expressions are single tokens as the compiler reads them.
 */
function tokens(text: string): { kind: ts.SyntaxKind; text: string; before: string }[] {
  const sf = ts.createSourceFile('file.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: { kind: ts.SyntaxKind; text: string; before: string }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJSDoc(node)) return; // comments: part of the next token's trivia
    const children = node.getChildren(sf);
    if (children.length === 0 || ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) {
      out.push({ kind: node.kind, text: node.getText(sf), before: text.slice(node.getFullStart(), node.getStart(sf)) });
      return;
    }
    children.forEach(visit);
  };
  visit(sf);
  return out;
}

/** The tokens that introduce a module name: `from`, `import`, `require(`, `require.resolve(`, `jest.mock(`. */
function inModulePosition(prev: string[]): boolean {
  const [a, b, c, d] = prev.slice(-4).reverse();
  if (a === 'from' || a === 'import') return true;
  if (a !== '(') return false;
  return b === 'require' || b === 'import' || (c === '.' && ((d === 'require' && b === 'resolve') || (d === 'jest' && ['mock', 'requireActual', 'doMock'].includes(b))));
}

/** Differences between a source file and its generated copy that the substitution does not explain. */
function unexplained(source: string, generated: string, modules: [RegExp, string][]): { swaps: string[]; problems: string[] } {
  const a = tokens(source);
  const b = tokens(generated);
  const swaps: string[] = [];
  const problems: string[] = [];
  if (a.length !== b.length) return { swaps, problems: [`${a.length} tokens, generated ${b.length}`] };
  for (let i = 0; i < a.length; i++) {
    if (a[i].before !== b[i].before) problems.push(`token ${i}: comments or whitespace differ before ${a[i].text}`);
    if (a[i].text === b[i].text) {
      if (a[i].kind === ts.SyntaxKind.StringLiteral && inModulePosition(a.slice(0, i).map((t) => t.text))
        && modules.some(([re]) => re.test(a[i].text.slice(1, -1)))) {
        problems.push(`token ${i}: module ${a[i].text} was not swapped`);
      }
      continue;
    }
    const name = a[i].text.slice(1, -1);
    const rule = modules.find(([re]) => re.test(name));
    const quote = a[i].text[0];
    if (a[i].kind !== ts.SyntaxKind.StringLiteral || !rule || !inModulePosition(a.slice(0, i).map((t) => t.text))) {
      problems.push(`token ${i}: ${a[i].text} became ${b[i].text}`);
    } else if (b[i].text !== `${quote}${name.replace(rule[0], rule[1])}${quote}`) {
      problems.push(`token ${i}: module ${a[i].text} became ${b[i].text}`);
    } else {
      swaps.push(`${a[i].text} -> ${b[i].text}`);
    }
  }
  return { swaps, problems };
}

describe('the generated cdktn flavor (scripts/flavor.js)', () => {
  test('holds every source, test and example file of the cdktf flavor, and nothing else', () => {
    const generated = TREES.flatMap((t) => filesUnder(fresh, t));
    expect(generated).toEqual(sourceFiles);
    expect(sourceFiles.filter((f) => f.startsWith('test/') && f.endsWith('.test.ts')).length).toBeGreaterThan(15);
    for (const f of COPIED_FILES) expect(readFileSync(join(fresh, f))).toEqual(readFileSync(join(ROOT, f)));
  });

  test.each(tsFiles)('%s differs only by the core\'s module names', (file) => {
    const modules = file.startsWith('rosetta/') ? ROSETTA_MODULES : MODULES;
    const { problems } = unexplained(readFileSync(join(ROOT, file), 'utf8'), readFileSync(join(fresh, file), 'utf8'), modules);
    expect(problems).toEqual([]);
  });

  test('every library file that uses the core imports cdktn, and none names cdktf or a provider package', () => {
    const swapped = tsFiles.filter((f) => f.startsWith('src/') && !f.startsWith('src/cli/'))
      .map((f) => ({ f, ...unexplained(readFileSync(join(ROOT, f), 'utf8'), readFileSync(join(fresh, f), 'utf8'), MODULES) }))
      .filter((r) => r.swaps.length > 0);
    expect(swapped.length).toBeGreaterThan(10);
    for (const { f, swaps } of swapped) expect([f, swaps.filter((s) => s !== "'cdktf' -> 'cdktn'")]).toEqual([f, []]);
  });

  test('other files are copied byte for byte', () => {
    for (const f of sourceFiles.filter((x) => !tsFiles.includes(x))) {
      expect([f, readFileSync(join(fresh, f)).equals(readFileSync(join(ROOT, f)))]).toEqual([f, true]);
    }
  });

  test('package.json: the flavor\'s names, peers, engines and jsii targets; everything else as the root', () => {
    const rootPkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const pkg = JSON.parse(readFileSync(join(fresh, 'package.json'), 'utf8'));
    const changed = Object.keys({ ...rootPkg, ...pkg }).filter((k) => JSON.stringify(rootPkg[k]) !== JSON.stringify(pkg[k])).sort();
    // engines is the flavor's own (today equal to the root's: both are tested on Node 20, 22 and 24).
    expect(changed.filter((k) => k !== 'engines')).toEqual(['description', 'devDependencies', 'jsii', 'keywords', 'name', 'peerDependencies', 'scripts'].sort());
    expect(pkg.engines).toEqual({ node: '>= 20.0.0' });
    expect(pkg.scripts).toBeUndefined();
    expect(pkg.name).toBe('cdktn-ecr-pull-through-cache');
    expect(pkg.description).toBe(rootPkg.description.replace(/^CDK for Terraform /, 'CDK Terrain (cdktn) '));
    // The names of DESIGN.md, "Packages and names".
    expect(pkg.jsii).toEqual({
      ...rootPkg.jsii,
      targets: {
        python: { distName: 'cdktn-ecr-pull-through-cache', module: 'cdktn_ecr_pull_through_cache' },
        go: { moduleName: 'github.com/cdktf-ecr-pull-through-cache/cdktn-ecr-pull-through-cache-go', packageName: 'ecrpullthroughcache' },
        java: {
          package: 'io.github.cdktn_ecr_pull_through_cache',
          maven: { groupId: 'io.github.cdktf-ecr-pull-through-cache', artifactId: 'cdktn-ecr-pull-through-cache' },
        },
      },
    });
    // Peers: cdktn by caret, constructs exactly the range cdktn itself declares.
    const tooling = JSON.parse(readFileSync(join(ROOT, 'flavors', 'cdktn', 'package.json'), 'utf8'));
    const cdktnPkg = JSON.parse(readFileSync(join(ROOT, 'flavors', 'cdktn', 'node_modules', 'cdktn', 'package.json'), 'utf8'));
    expect(pkg.peerDependencies).toEqual({ cdktn: `^${tooling.devDependencies.cdktn}`, constructs: cdktnPkg.peerDependencies.constructs });
    expect(cdktnPkg.version).toBe(tooling.devDependencies.cdktn);
    // jsii wants the constructs devDependency at the peer minimum.
    expect(pkg.devDependencies.constructs).toBe(cdktnPkg.peerDependencies.constructs.match(/^>=(\S+)/)![1]);
    // The CLI's bundled dependencies: the same pins in both flavors.
    expect(tooling.dependencies).toEqual(rootPkg.dependencies);
    expect(pkg.keywords).toEqual(expect.arrayContaining(['cdktn', 'cdk-terrain']));
    expect(pkg.keywords).not.toContain('cdktf');
  });

  test('README.md: the Quick start and the examples name the cdktn packages; other lines change only by names', () => {
    const { packageReadme, stripBlocks } = require(join(ROOT, 'scripts', 'package-readme.js'));
    // What the cdktn package leaves out: blocks for cdktf readers and for clones of the repository.
    const source: string[] = packageReadme(stripBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8'), 'cdktf-only')).split('\n');
    const generated = readFileSync(join(fresh, 'README.md'), 'utf8').split('\n');
    // The banner under the title is the only addition.
    const banner = generated.findIndex((l) => l.startsWith('> The CDK Terrain (`cdktn`) flavor'));
    expect(banner).toBe(2);
    generated.splice(1, 2);
    expect(generated.length).toBe(source.length);
    // Names and versions that may change on a line, and nothing else.
    const normalize = (line: string) => line
      .replace(/CDK for Terraform|CDK Terrain/g, 'CORE')
      .replace(/Node\.js 20 or 22|Node\.js 22\.19 or later/g, 'NODE')
      .replace(/\d+\.\d+\.\d+/g, 'V')
      .replace(/cdkt[fn]/g, 'CDKT');
    const changed = source.map((l, i) => [l, generated[i]]).filter(([a, b]) => a !== b);
    expect(changed.length).toBeGreaterThan(5);
    for (const [a, b] of changed) expect(normalize(b)).toBe(normalize(a));
    const text = generated.join('\n');
    for (const line of ['npm install cdktn-ecr-pull-through-cache cdktn@0.24.0 constructs@10.6.0 @cdktn/provider-aws@25.7.0',
      'npm install --save-dev cdktn-cli@0.24.0', 'npx cdktn synth', "from 'cdktn';", "from 'cdktn-ecr-pull-through-cache';",
      'pip install cdktn-ecr-pull-through-cache cdktn==0.24.0', 'from cdktn_ecr_pull_through_cache import']) {
      expect(text).toContain(line);
    }
    // A cdktn reader is never told to run cdktf, import its provider package or install the cdktf flavor.
    expect(text).not.toMatch(/cdktf synth|cdktf deploy|npx cdktf|@cdktf\/provider-aws\/lib\/provider|from 'cdktf|from cdktf|cdktf-cli|cdktf-only|repository-only/);
  });

  test('.gen/cdktn, where the flavor is built and tested, is what the current sources generate', () => {
    expect(existsSync(GEN)).toBe(true);
    for (const f of [...sourceFiles, ...COPIED_FILES, 'package.json', 'README.md']) {
      expect([f, readFileSync(join(GEN, f)).equals(readFileSync(join(fresh, f)))]).toEqual([f, true]);
    }
    // test/bindings/ there is written by test/bindings/cdktn/generate.js (checked below).
    const stale = TREES.flatMap((t) => filesUnder(GEN, t)).filter((f) => !sourceFiles.includes(f) && !f.startsWith('test/bindings/'));
    expect(stale).toEqual([]);
    expect(relative(ROOT, GEN)).toBe(join('.gen', 'cdktn'));
  });
});

describe('the cdktn binding programs (test/bindings/cdktn/generate.js)', () => {
  const out = mkdtempSync(join(tmpdir(), 'bindings-cdktn-'));
  execFileSync(process.execPath, [join(ROOT, 'test', 'bindings', 'cdktn', 'generate.js'), '--out', out], { stdio: 'pipe' });
  const generated = filesUnder(out);
  /** Each language's cdktf names and their cdktn counterparts, as one placeholder each. */
  const normalize = (line: string) => line
    .replace(/(,| \/) "cdktn"(?=\)|$)/g, '') // the cdktn goldens' directory, test/cli/golden/cdktn
    .replace(/github\.com\/hashicorp\/terraform-cdk-go\/cdktf|github\.com\/open-constructs\/cdk-terrain-go\/cdktn/g, 'CORE_GO')
    .replace(/com\.hashicorp\.cdktf\.providers\.aws|io\.cdktn\.providers\.aws/g, 'PROVIDER_JAVA')
    .replace(/github\.com\/cdktf\/cdktf-provider-aws-go|github\.com\/cdktn-io\/cdktn-provider-aws-go/g, 'PROVIDER_GO')
    .replace(/com\.hashicorp\.cdktf\.|io\.cdktn\.cdktn\./g, 'CORE_JAVA.')
    .replace(/<groupId>com\.hashicorp<\/groupId>|<groupId>io\.cdktn<\/groupId>/g, 'CORE_GROUP')
    .replace(/cdktf_cdktf_provider_aws|cdktn_provider_aws/g, 'PROVIDER_PY')
    .replace(/"(hashicorp\/)?aws"/g, 'AWS_SOURCE')
    .replace(/@cdkt[fn]\/provider-aws/g, 'PROVIDER_NPM')
    .replace(/v?\d+\.\d+\.\d+/g, 'V')
    .replace(/cdkt[fn]/g, 'CDKT');

  test('one generated file for each cdktf program, test and tool it derives from', () => {
    expect(generated.length).toBeGreaterThanOrEqual(17);
    for (const f of generated) expect([f, existsSync(join(ROOT, 'test', 'bindings', f.replace(/cdktn_ecr/g, 'cdktf_ecr')))]).toEqual([f, true]);
  });

  test.each(filesUnder(out).filter((f) => !f.startsWith('tools/')))('%s differs from its cdktf program only by names and versions', (f) => {
    const source = readFileSync(join(ROOT, 'test', 'bindings', f.replace(/cdktn_ecr/g, 'cdktf_ecr')), 'utf8').split('\n');
    let lines = readFileSync(join(out, f), 'utf8').split('\n');
    if (f === 'go/go.mod') {
      // The one addition: the cdktn core's Go module, built locally.
      const at = lines.findIndex((l) => l.startsWith('replace github.com/open-constructs/cdk-terrain-go/cdktn => '));
      expect(at).toBeGreaterThan(0);
      lines = [...lines.slice(0, at - 2), ...lines.slice(at + 1)];
    }
    expect(lines.length).toBe(source.length);
    const changed = source.map((l, i) => [l, lines[i]]).filter(([a, b]) => a !== b);
    expect(changed.length).toBeGreaterThan(0);
    for (const [a, b] of changed) expect(normalize(b)).toBe(normalize(a));
  });

  test.each(TOOL_FILES)('tools/%s differs only by the core\'s module names (and ts-program.js by the library\'s)', (name) => {
    let generatedTool = readFileSync(join(out, 'tools', name), 'utf8');
    if (name === 'ts-program.js') generatedTool = generatedTool.split("'cdktn-ecr-pull-through-cache'").join("'cdktf-ecr-pull-through-cache'");
    const { problems } = unexplained(readFileSync(join(ROOT, 'test', 'bindings', 'tools', name), 'utf8'), generatedTool, MODULES);
    expect(problems).toEqual([]);
  });
});
