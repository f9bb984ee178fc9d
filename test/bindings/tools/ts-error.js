#!/usr/bin/env node
// Prints, as JSON, the error the TypeScript library (lib/) raises for a bad input, so the Python,
// Go and Java tests compare their exception's message with it without writing the text twice.
// Every language builds exactly this: stack "bad-input", cache "Cache", rule "Bad" from Quay with
// ecrRepositoryPrefix "Bad Prefix!".
//
//   node test/bindings/tools/ts-error.js   ->   {"message": "...", "name": "ValidationError", "string": "ValidationError: ..."}
//
// jsii runtimes carry the error as "<name>: <message>" (what String(error) gives in JavaScript).
'use strict';
const path = require('path');

const root = path.resolve(__dirname, '..', '..', '..');
const { App, TerraformStack } = require(require.resolve('cdktf', { paths: [root] }));
const lib = require(path.join(root, 'lib'));
const { BAD_PREFIX } = require('./constants');

const app = new App({ outdir: path.join(require('os').tmpdir(), 'ecr-ptc-bad-input') });
const stack = new TerraformStack(app, 'bad-input');
const cache = new lib.PullThroughCache(stack, 'Cache');
try {
  cache.addRule('Bad', { upstream: lib.UpstreamRegistry.quay(), ecrRepositoryPrefix: BAD_PREFIX });
} catch (e) {
  process.stdout.write(JSON.stringify({ message: e.message, name: e.name, string: String(e) }) + '\n');
  process.exit(0);
}
console.error(`expected ecrRepositoryPrefix ${JSON.stringify(BAD_PREFIX)} to be rejected`);
process.exit(1);
