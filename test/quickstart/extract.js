#!/usr/bin/env node
// Turns a README's Quick start into one bash script, exactly as a reader would follow it. The README marks each block
// that belongs to it with an HTML comment on the line before the fence:
//   <!-- quickstart:<name> run -->         a shell block: its commands, verbatim
//   <!-- quickstart:<name> file=<path> --> a file to save: written where the commands before it left the shell
// Blocks run in the README's order. The one change: in `npm install` / `pip install` commands, the library's package
// name becomes the path of the packed artifact (given as --artifact), so the library under test is installed
// instead of a published version; everything else comes from the registries. Exits 2 when the README has no such
// block, a marker is not followed by a fence, or the package name is not installed exactly once.
//
//   node test/quickstart/extract.js README.md typescript --package cdktf-ecr-pull-through-cache --artifact /x.tgz
'use strict';
const fs = require('fs');

function fail(message) {
  console.error(`quickstart extract: ${message}`);
  process.exit(2);
}

/** The marked blocks of `text` for the Quick start `name`: [{ kind: 'run' | 'file', path?, code }] in order. */
function blocks(text, name) {
  const lines = text.split('\n');
  const out = [];
  const marker = /^<!-- quickstart:([a-z0-9-]+) (run|file=([^\s]+)) -->$/;
  for (let i = 0; i < lines.length; i++) {
    const m = marker.exec(lines[i]);
    if (!m || m[1] !== name) continue;
    const fence = /^(`{3,})\S*/.exec(lines[i + 1] ?? '');
    if (!fence) fail(`line ${i + 1}: the marker is not followed by a code fence`);
    const end = lines.findIndex((l, j) => j > i + 1 && l === fence[1]);
    if (end < 0) fail(`line ${i + 2}: the code fence is not closed`);
    const code = lines.slice(i + 2, end).join('\n');
    out.push(m[2] === 'run' ? { kind: 'run', code } : { kind: 'file', path: m[3], code });
    i = end;
  }
  return out;
}

/** The bash script that follows the blocks, with the library's install replaced by the artifact. */
function script(list, pkg, artifact) {
  let installs = 0;
  const word = new RegExp(`(^|\\s)${pkg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\\s|$)`, 'g');
  const parts = list.map((b) => {
    if (b.kind === 'file') {
      if (b.code.includes('QUICKSTART_EOF')) fail(`${b.path}: contains the heredoc delimiter`);
      return `cat > ${JSON.stringify(b.path)} <<'QUICKSTART_EOF'\n${b.code}\nQUICKSTART_EOF`;
    }
    return b.code.split('\n').map((line) => {
      if (!/^\s*(npm (install|i)|pip3? install)\b/.test(line)) return line;
      return line.replace(word, (_, space) => { installs++; return `${space}${artifact}`; });
    }).join('\n');
  });
  if (installs !== 1) fail(`the package ${pkg} is installed ${installs} times by the Quick start's commands (expected once)`);
  return `set -euo pipefail\n${parts.join('\n')}\n`;
}

module.exports = { blocks, script };

if (require.main === module) {
  const [readme, name, ...rest] = process.argv.slice(2);
  const opt = (flag) => { const i = rest.indexOf(flag); return i >= 0 ? rest[i + 1] : undefined; };
  const pkg = opt('--package');
  const artifact = opt('--artifact');
  if (!readme || !name || !pkg || !artifact) fail('usage: extract.js README NAME --package NAME --artifact PATH');
  const list = blocks(fs.readFileSync(readme, 'utf8'), name);
  if (!list.some((b) => b.kind === 'run')) fail(`${readme}: no "quickstart:${name} run" block`);
  if (!list.some((b) => b.kind === 'file')) fail(`${readme}: no "quickstart:${name} file=..." block`);
  process.stdout.write(script(list, pkg, artifact));
}
