#!/usr/bin/env node
// Synthesizes the TypeScript reference stack (examples/reference-stack.ts, compiled by
// `npx tsc -p tsconfig.examples.json` into .gen/) into the given output directory and prints
// the path of its cdk.tf.json. The Python, Go and Java programs build the same stack under the
// same stack id, and their cdk.tf.json is compared with this one.
//
//   node test/bindings/tools/ts-reference.js <outdir>
'use strict';
const path = require('path');
const fs = require('fs');

const root = path.resolve(__dirname, '..', '..', '..');
const { STACK_ID } = require('./constants');
const outdir = path.resolve(process.argv[2] || path.join(root, '.tmp', 'bindings', 'ts'));
const compiled = path.join(root, '.gen', 'examples', 'reference-stack.js');
if (!fs.existsSync(compiled)) {
  console.error(`missing ${compiled}: run "npx tsc -p tsconfig.examples.json" first`);
  process.exit(2);
}
const { App } = require(require.resolve('cdktf', { paths: [root] }));
const { ReferenceStack } = require(compiled);

fs.rmSync(outdir, { recursive: true, force: true });
const app = new App({ outdir });
new ReferenceStack(app, STACK_ID);
app.synth();
console.log(path.join(outdir, 'stacks', STACK_ID, 'cdk.tf.json'));
