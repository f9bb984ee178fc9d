// Proves that the constructs side (bench/synth/example.js) and the hand-written L1 side (bench/synth/example-l1.js)
// synthesize the same stack as the golden file test/golden/ecr-pull-through-cache-example.cdk.tf.json: the same
// resources, data sources, variables, outputs, providers and terraform block, block by block and address by
// address. Only the `//` metadata (construct paths, cdktf version) and the default local backend are ignored.
// With `rules`, also checks that bench/synth/rules.js synthesizes the same resources both ways.
// Usage: node bench/synth/check-same.js [rules]
//        node bench/synth/check-same.js docs <typescript cdk.tf.json> <other cdk.tf.json> [label]
'use strict';
const assert = require('assert');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.join(__dirname, '..', '..');
const STACK = 'ecr-pull-through-cache-example';

function strip(value) {
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === 'object') {
    const out = {};
    for (const key of Object.keys(value).sort()) if (key !== '//') out[key] = strip(value[key]);
    return out;
  }
  return value;
}

function synth(script, args = [], stack = STACK) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-check-'));
  try {
    execFileSync(process.execPath, [path.join(__dirname, script), ...args], {
      cwd: root, env: { ...process.env, BENCH_SYNTH_OUT: out }, stdio: ['ignore', 'ignore', 'inherit'],
    });
    return strip(JSON.parse(fs.readFileSync(path.join(out, 'stacks', stack, 'cdk.tf.json'), 'utf8')));
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

function compareBlocks(label, actual, expected) {
  const blocks = new Set([...Object.keys(actual), ...Object.keys(expected)]);
  let count = 0;
  for (const block of blocks) {
    const a = actual[block] ?? {};
    const e = expected[block] ?? {};
    if (block === 'resource' || block === 'data') {
      const types = new Set([...Object.keys(a), ...Object.keys(e)]);
      for (const type of types) {
        const names = new Set([...Object.keys(a[type] ?? {}), ...Object.keys(e[type] ?? {})]);
        for (const name of names) {
          assert.deepStrictEqual((a[type] ?? {})[name], (e[type] ?? {})[name], `${label}: ${block}.${type}.${name} differs`);
          count++;
        }
      }
    } else {
      assert.deepStrictEqual(a, e, `${label}: block '${block}' differs`);
      count += Object.keys(a).length;
    }
  }
  return count;
}

// docs mode: two cdk.tf.json files of the reference stack (TypeScript's and another language's) are the same,
// "//" metadata included, except the cdktf version, the list of top-level blocks written as stack overrides (a
// program without provider bindings writes its provider block that way) and the directory of the local state file.
if (process.argv[2] === 'docs') {
  const [a, b, label = 'other'] = process.argv.slice(3);
  const load = (file) => {
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    const meta = doc['//'] && doc['//'].metadata;
    if (meta) { delete meta.version; delete meta.overrides; }
    const local = doc.terraform && doc.terraform.backend && doc.terraform.backend.local;
    if (local && typeof local.path === 'string') local.path = path.basename(local.path);
    return doc;
  };
  const ts = load(a);
  const other = load(b);
  const n = compareBlocks(`${label} vs TypeScript`, other, ts);
  assert.deepStrictEqual(other, ts, `${label} vs TypeScript: the documents differ`);
  console.log(`check-same: ${label} synthesizes TypeScript's document (${n} entries)`);
  process.exit(0);
}

const golden = strip(JSON.parse(fs.readFileSync(path.join(root, 'test', 'golden', `${STACK}.cdk.tf.json`), 'utf8')));
const constructs = synth('example.js');
const l1 = synth('example-l1.js');
// `cdktf synth` adds the default local backend (a path on this machine) that the golden file, made with
// Testing.synth, does not hold: both sides must have the same one; it is then left out of the golden comparison.
assert.deepStrictEqual(constructs.terraform.backend, l1.terraform.backend, 'the two sides differ in terraform.backend');
for (const doc of [constructs, l1]) if (!golden.terraform.backend) delete doc.terraform.backend;
const n1 = compareBlocks('constructs (example.js) vs golden', constructs, golden);
const n2 = compareBlocks('hand-written L1 (example-l1.js) vs golden', l1, golden);
assert.deepStrictEqual(constructs, l1);
const count = (doc, block) => Object.values(doc[block] ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
console.log(`check-same: example.js and example-l1.js both match the golden stack (${n1}/${n2} entries: ` +
  `${count(golden, 'resource')} resources, ${count(golden, 'data')} data sources, ` +
  `${Object.keys(golden.variable ?? {}).length} variables, ${Object.keys(golden.output ?? {}).length} outputs)`);

if (process.argv[2] === 'rules') {
  for (const layout of ['cache', 'standalone']) {
    const args = (mode) => [mode, '50', '20', layout];
    const a = synth('rules.js', args('constructs'), 'bench');
    const b = synth('rules.js', args('l1'), 'bench');
    compareBlocks(`rules.js 50x20 ${layout}: constructs vs l1`, a, b);
    assert.deepStrictEqual(a, b, `rules.js 50x20 ${layout}: the two sides differ`);
    console.log(`check-same: rules.js 50 rules x 20 Regions (${layout}): constructs and l1 synthesize the same ` +
      `${count(a, 'resource')} resources and ${count(a, 'data')} data sources`);
  }
}
