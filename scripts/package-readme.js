#!/usr/bin/env node
// The README that ships in the packages (npm tarball, and through the jsii assembly the Python, Go and Java
// packages): README.md without the parts that only make sense in a clone of the repository. Those parts are
// marked in README.md:
//   <!-- repository-only --> ... <!-- /repository-only -->   (the Development pointer: npm run synth, npm test)
// The markers' lines go too. Nothing else changes. scripts/flavor.js applies the same function to the cdktn README.
//
//   node scripts/package-readme.js --check README.md  print the package README; exit 1 if repository-only text remains
//   node scripts/package-readme.js --lint FILE        exit 1 if FILE, a shipped README as it is, has repository-only text
//   node scripts/package-readme.js --assembly .jsii   the assembly's readme := the package README without the TypeScript
//                                                     Quick start (after jsii: `npm run build`, scripts/build-cdktn.sh)
//   node scripts/package-readme.js --tarball X.tgz    the npm tarball's README.md := the package README (scripts/package.sh,
//                                                     after jsii-pacmak's `npm pack`; README.md itself is never touched)
'use strict';
const fs = require('fs');
const path = require('path');

/** Text a package README must not contain: commands and paths that exist only in a clone of the repository. */
const REPOSITORY_ONLY = [/npm run \w/, /npm ci\b/, /\bnpm test\b/, /\]\((\.\/)?(examples|scripts|test|src)\//, /`examples\//, /\bscripts\/\w/];

/** The blocks between `<!-- NAME -->` and `<!-- /NAME -->` lines removed, markers included. */
function stripBlocks(text, name) {
  const lines = text.split('\n');
  const out = [];
  let inside = false;
  let closed = false;
  for (const line of lines) {
    if (line === `<!-- ${name} -->`) {
      if (inside) throw new Error(`README: nested <!-- ${name} -->`);
      inside = true;
    } else if (line === `<!-- /${name} -->`) {
      if (!inside) throw new Error(`README: <!-- /${name} --> without its opening marker`);
      inside = false;
      closed = true;
    } else if (!inside) {
      // The blank line that separated the block from the text before it goes with the block.
      if (!(closed && line === '' && out[out.length - 1] === '')) out.push(line);
      closed = false;
    }
  }
  if (inside) throw new Error(`README: <!-- ${name} --> is never closed`);
  return out.join('\n');
}

/** Lines of `text` that a package README must not have. */
function repositoryOnlyLines(text) {
  return text.split('\n').filter((l) => REPOSITORY_ONLY.some((re) => re.test(l)));
}

/** The repository's web address, from package.json: relative links of the README point there in the packages. */
function repositoryUrl() {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
  return pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
}

/** The package README made from the repository's README.md: no repository-only block, links that work off GitHub. */
function packageReadme(text) {
  const base = `${repositoryUrl()}/blob/main/`;
  return stripBlocks(text, 'repository-only').replace(/\]\((docs\/[^)\s]+|LICENSE)\)/g, (_, target) => `](${base}${target})`);
}

/** Writes `file` through a temporary file in its directory and a rename. */
function writeAtomic(file, content) {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
}

/**
 * The README of the jsii assembly, which jsii-pacmak turns into the Python, Go and Java packages' READMEs: the package
 * README without the TypeScript Quick start (`<!-- typescript-only -->`), whose commands and files are npm's.
 */
function assemblyReadme(text) {
  return packageReadme(stripBlocks(text, 'typescript-only'));
}

module.exports = { assemblyReadme, packageReadme, stripBlocks, repositoryOnlyLines, REPOSITORY_ONLY };

if (require.main === module) {
  const [mode, arg] = process.argv.slice(2);
  if (mode === '--check') {
    const text = packageReadme(fs.readFileSync(arg, 'utf8'));
    const bad = repositoryOnlyLines(text);
    process.stdout.write(text);
    if (bad.length > 0) {
      console.error(`${arg}: repository-only text outside <!-- repository-only --> blocks:\n${bad.join('\n')}`);
      process.exit(1);
    }
  } else if (mode === '--lint') {
    const bad = repositoryOnlyLines(fs.readFileSync(arg, 'utf8'));
    if (bad.length > 0) {
      console.error(`${arg}: repository-only text in a package README:\n${bad.join('\n')}`);
      process.exit(1);
    }
  } else if (mode === '--assembly') {
    const assembly = JSON.parse(fs.readFileSync(arg, 'utf8'));
    if (assembly.schema !== 'jsii/0.10.0' || !assembly.readme) throw new Error(`${arg}: not a jsii assembly with a readme`);
    assembly.readme.markdown = assemblyReadme(assembly.readme.markdown);
    writeAtomic(arg, `${JSON.stringify(assembly, null, 2)}\n`);
  } else if (mode === '--tarball') {
    // The npm tarball (what `npm pack` made) with its README.md replaced by the package README, rewritten through a
    // temporary file and a rename. Entries keep npm's fixed owner and time.
    const { execFileSync } = require('child_process');
    const os = require('os');
    const tgz = path.resolve(arg);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'package-readme-'));
    try {
      execFileSync('tar', ['-xzf', tgz, '-C', dir]);
      const file = path.join(dir, 'package', 'README.md');
      fs.writeFileSync(file, packageReadme(fs.readFileSync(file, 'utf8')));
      // Files only, as npm writes them (no directory entries).
      const files = (rel) => (fs.statSync(path.join(dir, rel)).isDirectory()
        ? fs.readdirSync(path.join(dir, rel)).sort().flatMap((n) => files(path.posix.join(rel, n))) : [rel]);
      const list = path.join(dir, 'files.txt');
      fs.writeFileSync(list, `${files('package').join('\n')}\n`);
      const tmp = path.join(path.dirname(tgz), `.${path.basename(tgz)}.${process.pid}.tmp`);
      execFileSync('tar', ['-czf', tmp, '--owner=0', '--group=0', '--numeric-owner', '--mtime=1985-10-26 08:15:00 UTC',
        '--no-recursion', '-C', dir, '-T', list]);
      fs.renameSync(tmp, tgz);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } else {
    console.error('usage: package-readme.js --check README.md | --lint FILE | --assembly .jsii | --tarball FILE.tgz');
    process.exit(2);
  }
}
