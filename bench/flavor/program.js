// One side of the flavor comparison: the same work on the cdktf flavor (the repository root) or the cdktn flavor
// (.gen/cdktn), each with its own core.
//
//   node bench/flavor/program.js <cdktf|cdktn> load                 require the core and the library
//   node bench/flavor/program.js <cdktf|cdktn> example [outdir]     synthesize the example stack (examples/)
//   node bench/flavor/program.js <cdktf|cdktn> rules N R [outdir]   synthesize N rules in each of R Regions, one
//                                                                   PullThroughCache per Region
// The example is the compiled examples/reference-stack.ts of each flavor (.gen/examples, .gen/cdktn/.gen/examples).
// Without an outdir the output goes to a fresh temporary directory that is removed afterwards.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const [flavor, what, ...rest] = process.argv.slice(2);
const flavorRoot = { cdktf: ROOT, cdktn: path.join(ROOT, '.gen', 'cdktn') }[flavor];
if (!flavorRoot || !['load', 'example', 'rules'].includes(what)) {
  console.error('usage: program.js <cdktf|cdktn> <load|example|rules N R> [outdir]');
  process.exit(2);
}
const REGIONS = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1',
  'eu-central-2', 'eu-north-1', 'eu-south-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1', 'ap-northeast-2',
  'ap-northeast-3', 'ap-south-1', 'ca-central-1', 'sa-east-1', 'me-central-1'];

const core = require(require.resolve(flavor, { paths: [flavorRoot] }));
const lib = require(path.join(flavorRoot, 'lib'));
if (what === 'load') process.exit(0);

const given = what === 'rules' ? rest[2] : rest[0];
const outdir = given ?? fs.mkdtempSync(path.join(os.tmpdir(), `bench-flavor-${flavor}-`));
fs.mkdirSync(outdir, { recursive: true });
const app = new core.App({ outdir });
if (what === 'example') {
  const { ReferenceStack } = require(path.join(flavorRoot, '.gen', 'examples', 'reference-stack.js'));
  new ReferenceStack(app, 'ecr-pull-through-cache-example');
} else {
  const [perRegion, regions] = rest.slice(0, 2).map(Number);
  const stack = new core.TerraformStack(app, 'rules');
  stack.addOverride('provider.aws', [{ region: 'us-east-1' }]);
  for (const region of REGIONS.slice(0, regions)) {
    const cache = new lib.PullThroughCache(stack, `Cache-${region}`, { region });
    for (let i = 0; i < perRegion; i++) {
      cache.addRule(`Rule${i}`, { upstream: lib.UpstreamRegistry.ecrPublic(), ecrRepositoryPrefix: `ecr-public-${i}` });
    }
  }
}
app.synth();
if (given === undefined) fs.rmSync(outdir, { recursive: true, force: true });
