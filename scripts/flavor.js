#!/usr/bin/env node
// Generates the CDK Terrain flavor of the library (npm `cdktn-ecr-pull-through-cache`) from this repository's
// sources into .gen/cdktn/. Nothing there is kept by hand: the generated tree is the source with the core swapped.
//
//   node scripts/flavor.js              write .gen/cdktn (files whose content is unchanged keep their mtime)
//   node scripts/flavor.js --out DIR    write DIR instead (the flavor test generates into a temporary directory)
//
// What changes, and nothing else (test/flavor/flavor.test.ts fails on any other difference):
//   - TypeScript (src/, test/, examples/, rosetta/): module specifiers of imports, exports, require(),
//     require.resolve(), import() and jest.mock(): 'cdktf' and 'cdktf/...' become 'cdktn' and 'cdktn/...',
//     '@cdktf/provider-aws' and its deep paths become '@cdktn/provider-aws'. String contents elsewhere (such as the
//     code that `ecr-ptc import` writes) are left alone: only specifiers found by the TypeScript parser change.
//     rosetta/ fixtures also import the library by its package name, which becomes the flavor's name.
//   - package.json: the fields of FLAVOR.package below; `scripts` are dropped (the generated tree is built by
//     scripts/build-cdktn.sh, not by npm scripts).
//   - README.md: the exact replacements of readmeReplacements (title, the Quick start's commands and imports, the
//     examples' imports); each must match, so a README edit that changes a Quick start line fails the generation
//     instead of shipping a cdktf command in the cdktn package. Blocks marked <!-- cdktf-only --> and
//     <!-- repository-only --> are left out (scripts/package-readme.js).
// Left out of the copy: test/bindings/** (run by test/bindings/run.sh; the cdktn programs are generated from
// them by test/bindings/cdktn/generate.js) and test/flavor/** (tests of the flavors themselves, run from the root).
//
// Links made in the output directory: node_modules -> flavors/cdktn/node_modules (cdktn, constructs 10.6,
// @cdktn/provider-aws and the CLI's bundled dependencies, installed by `npm ci --prefix flavors/cdktn`); dist ->
// dist/cdktn (where jsii-pacmak writes, as the package's jsii.outdir says); reference -> reference (read by the
// CLI tests); docs -> docs (read by the documentation tests). Tools (jsii, jest, ts-jest, typescript) resolve from the repository root's node_modules.
'use strict';
const fs = require('fs');
const path = require('path');
const { packageReadme, stripBlocks } = require('./package-readme');

const ROOT = path.resolve(__dirname, '..');

/** The cdktn flavor: what its package is called and which core it is built against. */
const FLAVOR = {
  core: 'cdktn',
  /** Module specifiers swapped in TypeScript: a key matches itself and its deep paths ('cdktf/lib/x'). */
  modules: { 'cdktf': 'cdktn', '@cdktf/provider-aws': '@cdktn/provider-aws' },
  /** The library's own package name, swapped where code imports the published package (rosetta fixtures). */
  packageName: { from: 'cdktf-ecr-pull-through-cache', to: 'cdktn-ecr-pull-through-cache' },
  tooling: 'flavors/cdktn',
  package: {
    name: 'cdktn-ecr-pull-through-cache',
    // cdktn 0.24.0 declares constructs '>=10.6.0 <10.8.0'; the flavor accepts exactly what its core accepts.
    peerDependencies: { cdktn: '^0.24.0', constructs: '>=10.6.0 <10.8.0' },
    engines: { node: '>= 20.0.0' },
    jsiiTargets: {
      python: { distName: 'cdktn-ecr-pull-through-cache', module: 'cdktn_ecr_pull_through_cache' },
      go: {
        moduleName: 'github.com/cdktf-ecr-pull-through-cache/cdktn-ecr-pull-through-cache-go',
        packageName: 'ecrpullthroughcache',
      },
      java: {
        package: 'io.github.cdktn_ecr_pull_through_cache',
        maven: { groupId: 'io.github.cdktf-ecr-pull-through-cache', artifactId: 'cdktn-ecr-pull-through-cache' },
      },
    },
  },
};

/** Copied trees and files, relative to the repository root. */
const TREES = ['src', 'test', 'examples', 'rosetta'];
const FILES = ['tsconfig.json', 'tsconfig.dev.json', 'tsconfig.cli.json', 'tsconfig.examples.json', 'jest.config.js', 'LICENSE'];
const SKIPPED = ['test/bindings', 'test/flavor'];

function readJson(file) {
  return JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
}

/** The published versions the flavor is built and tested against (its tooling manifest). */
function toolingVersions() {
  const tooling = readJson(path.join(FLAVOR.tooling, 'package.json'));
  return { ...tooling.dependencies, ...tooling.devDependencies };
}

function swapSpecifier(spec, table) {
  for (const [from, to] of Object.entries(table)) {
    if (spec === from || spec.startsWith(`${from}/`)) return to + spec.slice(from.length);
  }
  return undefined;
}

/**
 * The string literals of a TypeScript file that name a module: import/export declarations, `import x = require()`,
 * require(), require.resolve(), import() and jest.mock()/jest.requireActual(). Returns [{ start, end, text }], where
 * start/end delimit the literal's content (without quotes).
 */
function moduleSpecifiers(fileName, text) {
  const ts = require(require.resolve('typescript', { paths: [ROOT] }));
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found = [];
  const add = (lit) => {
    if (lit && ts.isStringLiteralLike(lit)) found.push({ start: lit.getStart(sf) + 1, end: lit.getEnd() - 1, text: lit.text });
  };
  const isCallTo = (expr) => {
    if (expr.kind === ts.SyntaxKind.ImportKeyword) return true;
    if (ts.isIdentifier(expr)) return expr.text === 'require';
    if (ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.expression)) {
      const owner = expr.expression.text;
      const name = expr.name.text;
      return (owner === 'require' && name === 'resolve') || (owner === 'jest' && ['mock', 'requireActual', 'doMock'].includes(name));
    }
    return false;
  };
  const visit = (node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal);
    else if (ts.isCallExpression(node) && node.arguments.length > 0 && isCallTo(node.expression)) add(node.arguments[0]);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found.sort((a, b) => a.start - b.start);
}

/** A TypeScript file with its module specifiers swapped by `table`. */
function swapModules(fileName, text, table) {
  let out = '';
  let at = 0;
  for (const s of moduleSpecifiers(fileName, text)) {
    const swapped = swapSpecifier(s.text, table);
    if (swapped === undefined) continue;
    out += text.slice(at, s.start) + swapped;
    at = s.end;
  }
  return out + text.slice(at);
}

const OPTIONAL = 'optional';

/**
 * Exact replacements in README.md for the cdktn package: the title, and the Quick start's commands and imports, which
 * a reader of the cdktn package follows as written (test/quickstart/run.sh runs them on CDK Terrain). Each `from`
 * must occur at least once unless marked OPTIONAL (the code examples' imports, which come and go with the examples).
 * The install table lists both cores' packages and is left as it is.
 */
function readmeReplacements(rootPkg) {
  const v = toolingVersions();
  const cdktfProvider = rootPkg.devDependencies['@cdktf/provider-aws'];
  const cdktf = rootPkg.devDependencies.cdktf;
  const constructs = rootPkg.devDependencies.constructs;
  return [
    ['# cdktf-ecr-pull-through-cache\n', '# cdktn-ecr-pull-through-cache\n\n' +
      '> The CDK Terrain (`cdktn`) flavor of `cdktf-ecr-pull-through-cache`, built from the same source. The install ' +
      'table below lists which package goes with which core.\n'],
    ['Constructs for CDK for Terraform that', 'Constructs for CDK Terrain that'],
    // The Quick start, on CDK Terrain.
    ['It needs Node.js 20 or 22 and no AWS credentials', 'It needs Node.js 22.19 or later and no AWS credentials'],
    [`npm install cdktf-ecr-pull-through-cache cdktf@${cdktf} constructs@${constructs} @cdktf/provider-aws@${cdktfProvider}`,
      `npm install cdktn-ecr-pull-through-cache cdktn@${v.cdktn} constructs@${v.constructs} @cdktn/provider-aws@${v['@cdktn/provider-aws']}`],
    [`cdktf-cli@${rootPkg.devDependencies['cdktf-cli']}`, `cdktn-cli@${v.cdktn}`],
    ['which tells `cdktf` how to run the app', 'which tells `cdktn` how to run the app'],
    ['npx cdktf synth', 'npx cdktn synth'],
    ['npx cdktf deploy', 'npx cdktn deploy'],
    ['`cdktf deploy`', '`cdktn deploy`'],
    ['`cdktf` command line', '`cdktn` command line'],
    [`pip install cdktf-ecr-pull-through-cache cdktf==${cdktf}`, `pip install cdktn-ecr-pull-through-cache cdktn==${v.cdktn}`],
    ["from 'cdktf-ecr-pull-through-cache';", "from 'cdktn-ecr-pull-through-cache';"],
    ["from 'cdktf';", "from 'cdktn';"],
    ["from '@cdktf/provider-aws/lib/", "from '@cdktn/provider-aws/lib/"],
    ['from cdktf import', 'from cdktn import'],
    ['from cdktf_ecr_pull_through_cache import', 'from cdktn_ecr_pull_through_cache import'],
  ];
}

/**
 * The cdktn package README: the replacements above, without the blocks written for cdktf readers only
 * (`<!-- cdktf-only -->`) and, as for every package, without the repository-only ones (scripts/package-readme.js).
 */
function transformReadme(text, rootPkg) {
  let out = text;
  for (const [from, to, optional] of readmeReplacements(rootPkg)) {
    if (!out.includes(from) && optional !== OPTIONAL) throw new Error(`README.md: expected text not found (scripts/flavor.js README replacements): ${JSON.stringify(from)}`);
    out = out.split(from).join(to);
  }
  return packageReadme(stripBlocks(out, 'cdktf-only'));
}

/** The cdktn package manifest: the root one with the flavor's names, peers and targets. */
function flavorManifest(rootPkg) {
  const v = toolingVersions();
  const f = FLAVOR.package;
  const { scripts: _scripts, ...pkg } = JSON.parse(JSON.stringify(rootPkg));
  pkg.name = f.name;
  if (!pkg.description.startsWith('CDK for Terraform ')) throw new Error('package.json: description no longer starts with "CDK for Terraform "');
  pkg.description = `CDK Terrain (cdktn) ${pkg.description.slice('CDK for Terraform '.length)}`;
  pkg.keywords = pkg.keywords.map((k) => (k === 'cdktf' ? 'cdktn' : k));
  if (!pkg.keywords.includes('cdk-terrain')) pkg.keywords.splice(1, 0, 'cdk-terrain');
  pkg.engines = f.engines;
  pkg.peerDependencies = f.peerDependencies;
  // jsii checks peers against devDependencies; the constructs devDependency stays at the peer minimum.
  pkg.devDependencies = { '@cdktn/provider-aws': v['@cdktn/provider-aws'], cdktn: v.cdktn, constructs: v.constructs };
  pkg.jsii = { ...pkg.jsii, targets: f.jsiiTargets };
  return pkg;
}

/** Every generated file: { relative path: content }. */
function generate() {
  const rootPkg = readJson('package.json');
  const files = new Map();
  const walk = (rel) => {
    if (SKIPPED.includes(rel)) return;
    const abs = path.join(ROOT, rel);
    const st = fs.statSync(abs);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(abs).sort()) walk(path.posix.join(rel, name));
      return;
    }
    let content = fs.readFileSync(abs);
    if (/\.ts(-fixture)?$/.test(rel)) {
      const table = rel.startsWith('rosetta/')
        ? { ...FLAVOR.modules, [FLAVOR.packageName.from]: FLAVOR.packageName.to }
        : FLAVOR.modules;
      content = Buffer.from(swapModules(rel, content.toString('utf8'), table));
    }
    files.set(rel, content);
  };
  for (const t of TREES) walk(t);
  for (const f of FILES) files.set(f, fs.readFileSync(path.join(ROOT, f)));
  files.set('README.md', Buffer.from(transformReadme(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'), rootPkg)));
  files.set('package.json', Buffer.from(`${JSON.stringify(flavorManifest(rootPkg), null, 2)}\n`));
  return files;
}

/** Writes the generated files into out; stale generated files are removed, build outputs are kept. */
function write(out, files) {
  fs.mkdirSync(out, { recursive: true });
  for (const [rel, content] of files) {
    const dest = path.join(out, rel);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    if (fs.existsSync(dest) && fs.readFileSync(dest).equals(content)) continue;
    fs.writeFileSync(dest, content);
  }
  // Remove files of the copied trees that the sources no longer have.
  for (const tree of TREES) {
    const walk = (rel) => {
      const abs = path.join(out, rel);
      if (!fs.existsSync(abs)) return;
      if (fs.lstatSync(abs).isDirectory()) {
        for (const name of fs.readdirSync(abs)) walk(path.posix.join(rel, name));
        if (fs.readdirSync(abs).length === 0) fs.rmdirSync(abs);
      } else if (!files.has(rel) && !rel.startsWith('test/bindings/')) {
        fs.rmSync(abs);
      }
    };
    walk(tree);
  }
  const link = (name, target) => {
    const at = path.join(out, name);
    const rel = path.relative(out, target);
    try {
      if (fs.readlinkSync(at) === rel) return;
      fs.rmSync(at, { force: true });
    } catch {
      // not a link yet
    }
    fs.symlinkSync(rel, at);
  };
  link('node_modules', path.join(ROOT, FLAVOR.tooling, 'node_modules'));
  fs.mkdirSync(path.join(ROOT, 'dist', FLAVOR.core), { recursive: true });
  link('dist', path.join(ROOT, 'dist', FLAVOR.core));
  link('reference', path.join(ROOT, 'reference'));
  link('docs', path.join(ROOT, 'docs'));
}

module.exports = { FLAVOR, TREES, FILES, SKIPPED, generate, write, swapModules, moduleSpecifiers, readmeReplacements, flavorManifest };

if (require.main === module) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--out');
  const out = i >= 0 ? path.resolve(args[i + 1]) : path.join(ROOT, '.gen', FLAVOR.core);
  const files = generate();
  write(out, files);
  console.log(`[flavor] ${FLAVOR.core}: ${files.size} files in ${path.relative(process.cwd(), out) || '.'}`);
}
