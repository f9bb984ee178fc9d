#!/usr/bin/env node
// The package's entry point as one file. jsii compiles every source file to its own module under lib/; loading the
// library then costs one module resolution, file read and compile per file (about 50), which a stack of a few rules
// pays in full. After jsii, this replaces lib/index.js (the package's "main") with a bundle of the modules it reaches,
// made by esbuild; the core, constructs and every other package stay external `require`s. The other files of lib/
// stay as they are: their .d.ts files are the package's types, and the ecr-ptc bin (lib/cli) requires the few
// core-free modules it shares with the library.
//
//   node scripts/bundle-lib.js [DIR]   DIR: the package directory (default: the repository root; the cdktn flavor
//                                      passes .gen/cdktn)
//
// The bundle is written to a temporary file and renamed over lib/index.js. Bundling twice is harmless: a bundle has
// no relative `require` left, so the second run wraps the same code again.
'use strict';
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const dir = path.resolve(process.argv[2] ?? path.join(__dirname, '..'));
const entry = path.join(dir, 'lib', 'index.js');
if (!fs.existsSync(entry)) throw new Error(`${entry}: not found (run jsii first)`);
const tmp = path.join(dir, 'lib', `.index.js.${process.pid}.tmp`);

try {
  const result = esbuild.buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Packages (cdktf or cdktn, constructs) are the user's own copies: never inlined.
    packages: 'external',
    outfile: tmp,
    // Keep class and function names (errors, stack traces and jsii's type lookups read them).
    keepNames: true,
    legalComments: 'none',
    logLevel: 'silent',
    metafile: true,
  });
  const inputs = Object.keys(result.metafile.inputs);
  fs.renameSync(tmp, entry);
  console.log(`bundle-lib: ${path.relative(process.cwd(), entry) || entry} now holds ${inputs.length} modules of lib/`);
} catch (err) {
  fs.rmSync(tmp, { force: true });
  throw err;
}
