// Synthesizes the reference stack (examples/reference-stack.ts) with this library's constructs, as a user's
// program does: the example compiled by `tsc -p tsconfig.examples.json` into .gen/, with its `../src` import
// served by the jsii build in lib/ (what the npm package ships).
// Usage: node bench/synth/example.js   (BENCH_SYNTH_OUT=dir keeps the output there; BENCH_EXAMPLE_SRC=gen uses .gen/src)
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.join(__dirname, '..', '..');
const compiled = path.join(root, '.gen', 'examples', 'reference-stack.js');
if (!fs.existsSync(compiled)) {
  throw new Error(`${compiled} is missing: run 'npx tsc -p tsconfig.examples.json' (bench/run.sh does)`);
}
if (process.env.BENCH_EXAMPLE_SRC !== 'gen') {
  // The example imports '../src'; resolve that to lib/ by seeding the module cache.
  const genIndex = path.join(root, '.gen', 'src', 'index.js');
  const lib = require('../../lib');
  require.cache[genIndex] = { id: genIndex, filename: genIndex, loaded: true, exports: lib, children: [], paths: [] };
}
const { App } = require('cdktf');
const { ReferenceStack } = require(compiled);

const keep = process.env.BENCH_SYNTH_OUT;
const outdir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-example-'));
const app = new App({ outdir });
new ReferenceStack(app, 'ecr-pull-through-cache-example');
app.synth();
if (!keep) fs.rmSync(outdir, { recursive: true, force: true });
