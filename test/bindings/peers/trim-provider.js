#!/usr/bin/env node
// Writes a jsii package for @cdktf/provider-aws that declares only the types our API exposes
// (and AwsProvider, which every program creates), with everything they reference, so that
// jsii-pacmak can generate Go and Java bindings for that subset in seconds instead of the
// whole provider (2,200 submodules). The generated code for a kept type is the same as in the
// full bindings: the runtime still loads the complete, published provider tarball (see provider.sh).
//
//   node trim-provider.js <outdir>
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..', '..');
const outdir = path.resolve(process.argv[2]);
const providerDir = path.dirname(require.resolve('@cdktf/provider-aws/package.json', { paths: [root] }));
const PREFIX = '@cdktf/provider-aws.';
const FQN = /@cdktf\/provider-aws\.[A-Za-z0-9_.]+/g;

const ours = JSON.parse(fs.readFileSync(path.join(root, '.jsii'), 'utf8'));
const provider = JSON.parse(fs.readFileSync(path.join(providerDir, '.jsii'), 'utf8'));

// Roots: every provider type our assembly names, plus the provider configuration class.
const roots = new Set([`${PREFIX}provider.AwsProvider`]);
for (const m of JSON.stringify(ours.types).matchAll(FQN)) if (provider.types[m[0]]) roots.add(m[0]);

const keep = new Set();
const queue = [...roots];
while (queue.length) {
  const fqn = queue.pop();
  if (keep.has(fqn) || !provider.types[fqn]) continue;
  keep.add(fqn);
  for (const m of JSON.stringify(provider.types[fqn]).matchAll(FQN)) if (!keep.has(m[0])) queue.push(m[0]);
}

const types = {};
for (const fqn of [...keep].sort()) types[fqn] = provider.types[fqn];
const submodules = {};
for (const [name, sub] of Object.entries(provider.submodules || {})) {
  if ([...keep].some((fqn) => fqn.startsWith(`${name}.`))) submodules[name] = sub;
}

fs.rmSync(outdir, { recursive: true, force: true });
fs.mkdirSync(outdir, { recursive: true });
fs.writeFileSync(path.join(outdir, '.jsii'), JSON.stringify({ ...provider, types, submodules }));
const pkg = JSON.parse(fs.readFileSync(path.join(providerDir, 'package.json'), 'utf8'));
delete pkg.scripts;
pkg.files = ['.jsii'];
fs.writeFileSync(path.join(outdir, 'package.json'), JSON.stringify(pkg, null, 2));
for (const f of ['LICENSE', 'README.md']) {
  if (fs.existsSync(path.join(providerDir, f))) fs.copyFileSync(path.join(providerDir, f), path.join(outdir, f));
}
console.log(`kept ${keep.size} of ${Object.keys(provider.types).length} types in ${Object.keys(submodules).length} submodules: ${[...roots].join(', ')}`);
