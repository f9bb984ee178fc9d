#!/usr/bin/env node
// Runs a TypeScript cdktf program as written for users (importing 'cdktf-ecr-pull-through-cache'),
// such as the golden output of `ecr-ptc import --language typescript`, against this repository's
// lib/, with its working directory in <workdir>, and prints the path of the cdk.tf.json of <stack id>.
//
//   node test/bindings/tools/ts-program.js <program.ts> <workdir> <stack id>
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const root = path.resolve(__dirname, '..', '..', '..');
const [program, workdir, stackId] = process.argv.slice(2);
const ts = require(require.resolve('typescript', { paths: [root] }));
const lib = path.join(root, 'lib', 'index.js');
const source = fs.readFileSync(program, 'utf8');
const rewritten = source.replace("from 'cdktf-ecr-pull-through-cache'", `from ${JSON.stringify(lib)}`);
if (rewritten === source) {
  console.error(`${program} does not import 'cdktf-ecr-pull-through-cache'`);
  process.exit(2);
}
const js = ts.transpileModule(rewritten, {
  compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
});
fs.mkdirSync(workdir, { recursive: true });
fs.writeFileSync(path.join(workdir, 'main.js'), js.outputText);
execFileSync(process.execPath, ['main.js'], {
  cwd: workdir,
  env: { ...process.env, NODE_PATH: path.join(root, 'node_modules'), CHECKPOINT_DISABLE: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
console.log(path.join(workdir, 'cdktf.out', 'stacks', stackId, 'cdk.tf.json'));
