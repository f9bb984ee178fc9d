/**
 * The README a package ships (npm tarball, and through the jsii assembly the Python, Go and Java packages) is README.md
 * without what only a clone of the repository can run (scripts/package-readme.js); the cdktn package's README is
 * generated from it (scripts/flavor.js). The Quick start blocks are marked so that test/quickstart/run.sh can follow
 * them; this checks the marking and the extraction, run.sh the commands themselves.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const { packageReadme, repositoryOnlyLines, stripBlocks } = require(join(ROOT, 'scripts', 'package-readme.js'));
const { blocks } = require(join(ROOT, 'test', 'quickstart', 'extract.js'));
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const fresh = mkdtempSync(join(tmpdir(), 'package-readme-'));
execFileSync(process.execPath, [join(ROOT, 'scripts', 'flavor.js'), '--out', fresh], { stdio: 'pipe' });
const cdktnReadme = readFileSync(join(fresh, 'README.md'), 'utf8');

describe('README.md in the repository', () => {
  test('is under 400 lines, and its Development pointer shows the two commands of a fresh machine', () => {
    expect(readme.split('\n').length).toBeLessThan(400);
    const development = readme.slice(readme.indexOf('<!-- repository-only -->'), readme.indexOf('<!-- /repository-only -->'));
    expect(development).toContain('## Development');
    expect(development).toContain('npm ci && npm run synth\nnpm test\n');
  });

  test('every relative link points at a file of the repository', () => {
    const links = [...readme.matchAll(/\]\(((?!https?:|#)[^)#\s]+)(#[^)]*)?\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((l) => !existsSync(join(ROOT, l)))).toEqual([]);
  });

  test('the sections the capabilities being added will fill are there', () => {
    for (const heading of ['Workloads: pointing images at the cache', 'Organization-wide cache', 'Keeping the cache small',
      'When a sync fails', 'Security scanners']) {
      expect(readme).toContain(`\n## ${heading}\n`);
    }
  });
});

describe('the READMEs the packages ship', () => {
  test('the cdktf package README has no repository-only text, and links into the repository by address', () => {
    expect(repositoryOnlyLines(readme).length).toBeGreaterThan(0); // what the check finds in the repository's README
    const shipped = packageReadme(readme);
    expect(repositoryOnlyLines(shipped)).toEqual([]);
    expect(shipped).not.toContain('<!-- repository-only -->');
    expect(shipped).not.toMatch(/\]\(docs\//);
    expect(shipped).toContain('](https://github.com/cdktf-ecr-pull-through-cache/cdktf-ecr-pull-through-cache/blob/main/docs/GUIDE.md');
  });

  test('the cdktn package README has no repository-only text and no cdktf-only block', () => {
    expect(repositoryOnlyLines(cdktnReadme)).toEqual([]);
    expect(cdktnReadme).not.toMatch(/cdktf-only|repository-only|On CDK Terrain\*\*/);
  });

  test.each([
    ['cdktf', join(ROOT, '.jsii')],
    ['cdktn', join(ROOT, '.gen', 'cdktn', '.jsii')],
  ])('the %s assembly (Python, Go and Java READMEs) holds the package README', (_flavor, file) => {
    if (!existsSync(file)) return; // built by `npm run build` / scripts/build-cdktn.sh before the suites run
    const markdown: string = JSON.parse(readFileSync(file, 'utf8')).readme.markdown;
    expect(repositoryOnlyLines(markdown)).toEqual([]);
    // The Python Quick start, not the TypeScript one with its npm commands and files.
    expect(markdown).toContain('### Quick start in Python');
    expect(markdown).not.toMatch(/quickstart:typescript|Save this as `main\.ts`|typescript-only/);
  });

  test('a block is removed with its markers and one separating blank line; an unclosed marker is an error', () => {
    expect(stripBlocks('a\n\n<!-- x -->\nb\n<!-- /x -->\n\nc', 'x')).toBe('a\n\nc');
    expect(stripBlocks('a\n\n\nc', 'x')).toBe('a\n\n\nc'); // blank lines elsewhere (Python code) stay
    expect(() => stripBlocks('a\n<!-- x -->\nb', 'x')).toThrow('<!-- x --> is never closed');
  });

  test('the lint of a shipped README fails on repository-only text', () => {
    const file = join(fresh, 'shipped.md');
    writeFileSync(file, '# p\n\nRun `npm run synth`.\n');
    expect(spawnSync(process.execPath, [join(ROOT, 'scripts', 'package-readme.js'), '--lint', file]).status).toBe(1);
    writeFileSync(file, '# p\n\nRun `npx cdktf synth`.\n');
    expect(spawnSync(process.execPath, [join(ROOT, 'scripts', 'package-readme.js'), '--lint', file]).status).toBe(0);
  });
});

describe('the marked Quick start blocks (test/quickstart/extract.js)', () => {
  const extract = (file: string, name: string, pkg: string) =>
    spawnSync(process.execPath, [join(ROOT, 'test', 'quickstart', 'extract.js'), file, name, '--package', pkg, '--artifact', '/artifacts/lib.tgz'], { encoding: 'utf8' });

  test.each([
    ['README.md', 'typescript', 'cdktf-ecr-pull-through-cache', ['cdktf.json', 'tsconfig.json', 'main.ts'], 'npx cdktf synth'],
    ['README.md', 'python', 'cdktf-ecr-pull-through-cache', ['main.py'], 'python main.py'],
    ['cdktn', 'typescript', 'cdktn-ecr-pull-through-cache', ['cdktf.json', 'tsconfig.json', 'main.ts'], 'npx cdktn synth'],
    ['cdktn', 'python', 'cdktn-ecr-pull-through-cache', ['main.py'], 'python main.py'],
  ])('%s, %s: the project files and commands, with the library from the artifact', (which, name, pkg, files, synth) => {
    const text = which === 'cdktn' ? cdktnReadme : readme;
    const list = blocks(text, name);
    expect(list.filter((b: any) => b.kind === 'file').map((b: any) => b.path)).toEqual(files);
    const file = which === 'cdktn' ? join(fresh, 'README.md') : join(ROOT, 'README.md');
    const result = extract(file, name, pkg);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^(npm|pip) install /artifacts/lib\\.tgz `, 'm'));
    expect(result.stdout).not.toMatch(new RegExp(`install .*\\b${pkg}\\b`));
    expect(result.stdout.trimEnd().endsWith(synth)).toBe(true);
  });

  test('a README whose Quick start lost its commands, or no longer installs the library, is refused', () => {
    const broken = join(fresh, 'broken', 'README.md');
    execFileSync('mkdir', ['-p', dirname(broken)]);
    writeFileSync(broken, readme.split('<!-- quickstart:typescript run -->').join(''));
    expect(extract(broken, 'typescript', 'cdktf-ecr-pull-through-cache').status).toBe(2);
    writeFileSync(broken, readme.replace('npm install cdktf-ecr-pull-through-cache cdktf@0.21.0', 'npm install cdktf@0.21.0'));
    const result = extract(broken, 'typescript', 'cdktf-ecr-pull-through-cache');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('is installed 0 times');
  });
});
