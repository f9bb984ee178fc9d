#!/usr/bin/env node
// Compares a cdk.tf.json synthesized by a Python, Go or Java program with the TypeScript one,
// block by block (every resource, data source, variable, output, provider and the terraform
// block), and exits 1 with a readable list of differences if they are not identical.
//
//   node test/bindings/tools/compare-synth.js <typescript cdk.tf.json> <other cdk.tf.json> [label]
//
// What is scrubbed before comparing, and why (nothing else is):
//  - "//".metadata.version (top level): the cdktf library version that synthesized the document.
//    Each language loads the same cdktf JavaScript through its jsii runtime, so today it is equal,
//    but it names the tool, not the infrastructure; a patch release of a language package may
//    differ. Everything else in "//" (stack name, backend, output names, and every block's
//    construct path and uniqueId) IS compared: the programs use the same construct ids, and
//    resource names derive from those paths, so a difference there is a real bug.
//  - terraform.backend.local.path: cdktf's default local backend writes the absolute path of the
//    state file under the synthesizing process's working directory, which is each language's
//    test directory. Only its directory is dropped: the file name (from the stack id) is compared.
//  - "provider" and "terraform" in "//".metadata.overrides.stack (top level): cdktf lists there the
//    top-level blocks a program wrote with stack.addOverride. The Go and Java programs configure the
//    AWS provider that way (no provider bindings), the TypeScript one with the prebuilt AwsProvider
//    class; the provider block and required_providers entry themselves are compared like any block.
//    Any other override (on another block, or on a resource) is still compared.
const fs = require('fs');
const path = require('path');

const SCRUB = [['//', 'metadata', 'version']];
// Top-level blocks that a program may write as stack overrides to configure the provider.
const PROVIDER_OVERRIDES = ['provider', 'terraform'];

function scrub(doc) {
  const copy = JSON.parse(JSON.stringify(doc));
  for (const p of SCRUB) {
    let node = copy;
    for (let i = 0; i < p.length - 1 && node; i++) node = node[p[i]];
    if (node && typeof node === 'object') delete node[p[p.length - 1]];
  }
  const overrides = copy['//'] && copy['//'].metadata && copy['//'].metadata.overrides;
  if (overrides && Array.isArray(overrides.stack)) {
    overrides.stack = overrides.stack.filter((block) => !PROVIDER_OVERRIDES.includes(block));
    if (overrides.stack.length === 0) delete overrides.stack;
    if (Object.keys(overrides).length === 0) delete copy['//'].metadata.overrides;
  }
  const local = copy.terraform && copy.terraform.backend && copy.terraform.backend.local;
  if (local && typeof local.path === 'string') local.path = path.basename(local.path);
  return copy;
}

// Splits a document into addressed blocks: "resource.aws_iam_role.X", "output.nginx_image", ...
function blocks(doc) {
  const out = new Map();
  for (const [section, body] of Object.entries(doc)) {
    const nested = section === 'resource' || section === 'data';
    if (nested && body && typeof body === 'object') {
      for (const [type, byName] of Object.entries(body)) {
        for (const [name, block] of Object.entries(byName)) out.set(`${section}.${type}.${name}`, block);
      }
    } else if (['variable', 'output', 'locals', 'module'].includes(section) && body && typeof body === 'object') {
      for (const [name, block] of Object.entries(body)) out.set(`${section}.${name}`, block);
    } else {
      out.set(section, body);
    }
  }
  return out;
}

function diffValues(a, b, where, found) {
  if (found.length >= 20) return;
  if (a === b) return;
  const ta = Array.isArray(a) ? 'array' : typeof a;
  const tb = Array.isArray(b) ? 'array' : typeof b;
  if (ta !== tb || ta !== 'object' && ta !== 'array' || a === null || b === null) {
    found.push(`${where}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`);
    return;
  }
  if (ta === 'array') {
    if (a.length !== b.length) found.push(`${where}: ${a.length} items != ${b.length} items`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) diffValues(a[i], b[i], `${where}[${i}]`, found);
    return;
  }
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!(k in a)) found.push(`${where}.${k}: only in the other document`);
    else if (!(k in b)) found.push(`${where}.${k}: only in TypeScript`);
    else diffValues(a[k], b[k], `${where}.${k}`, found);
  }
}

function compare(tsDoc, otherDoc) {
  const a = blocks(scrub(tsDoc));
  const b = blocks(scrub(otherDoc));
  const problems = [];
  for (const [addr, block] of a) {
    if (!b.has(addr)) problems.push(`${addr}: missing`);
    else {
      const found = [];
      diffValues(block, b.get(addr), addr, found);
      problems.push(...found);
    }
  }
  for (const addr of b.keys()) if (!a.has(addr)) problems.push(`${addr}: not in the TypeScript stack`);
  return { problems, blocks: a.size };
}

module.exports = { compare, scrub, blocks };

if (require.main === module) {
  const [tsPath, otherPath, label = 'other'] = process.argv.slice(2);
  if (!tsPath || !otherPath) {
    console.error('usage: compare-synth.js <typescript cdk.tf.json> <other cdk.tf.json> [label]');
    process.exit(2);
  }
  const { problems, blocks: n } = compare(JSON.parse(fs.readFileSync(tsPath, 'utf8')), JSON.parse(fs.readFileSync(otherPath, 'utf8')));
  if (problems.length) {
    console.error(`${label}: ${problems.length} difference(s) from TypeScript:`);
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  console.log(`${label}: identical to TypeScript (${n} blocks)`);
}
