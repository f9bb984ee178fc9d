/**
 * What the built library loads: the core and constructs, never a provider package. Runs lib/ (the jsii output that
 * users get) in a child process that builds a stack with every construct and synthesizes it.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CORE } from './util';

const root = path.resolve(__dirname, '..');
const lib = path.join(root, 'lib', 'index.js');

const PROGRAM = `
const Module = require('module');
const loaded = new Set();
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (!request.startsWith('.') && !request.startsWith('node:') && !Module.builtinModules.includes(request)) loaded.add(request);
  return load.apply(this, arguments);
};
const { App, TerraformStack, TerraformVariable } = require(process.env.CORE);
const ptc = require(process.env.LIB);
const app = new App({ outdir: process.env.OUTDIR });
const stack = new TerraformStack(app, 'loading');
const token = new TerraformVariable(stack, 'token', { type: 'string', sensitive: true }).stringValue;
const secret = new ptc.UpstreamCredentialSecret(stack, 'Secret', { secretName: 'docker-hub', username: 'u', accessToken: token });
const role = new ptc.EcrUpstreamRole(stack, 'Role', { upstreamAccountId: '444455556666', scopeToRules: true });
const cache = new ptc.PullThroughCache(stack, 'Cache', { region: 'us-east-1', repositoryTemplate: { resourceTags: { a: 'b' }, maxImageCount: 5 } });
const hub = cache.addRule('Hub', { upstream: ptc.UpstreamRegistry.dockerHub({ credential: secret.credential }) });
cache.addRule('Central', { upstream: ptc.UpstreamRegistry.ecr({ region: 'eu-west-1', accountId: '444455556666', roleArn: role.roleArn }), ecrRepositoryPrefix: 'central' });
cache.grantPull('nodes');
const other = ptc.PullThroughCacheRule.fromEcrRepositoryPrefix(stack, 'Other', 'quay', { region: 'us-east-1' });
other.grantPull('nodes');
hub.imageUri('nginx:1.27'); other.imageUri('prometheus/node-exporter:v1');
app.synth();
const files = Object.keys(require.cache).filter((f) => f.includes('node_modules'));
const libFiles = Object.keys(require.cache).filter((f) => f.startsWith(require('path').dirname(process.env.LIB)));
process.stdout.write(JSON.stringify({ requests: [...loaded].sort(), files, libFiles }));
`;

test(`loading and synthesizing every construct loads ${CORE} and constructs only, no provider package`, () => {
  expect(fs.existsSync(lib)).toBe(true); // `npm run build` first
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'loading-'));
  const out = execFileSync(process.execPath, ['-e', PROGRAM], {
    cwd: root,
    env: { ...process.env, LIB: lib, OUTDIR: outdir, CORE, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20' },
    encoding: 'utf8',
  });
  const { requests, files, libFiles } = JSON.parse(out) as { requests: string[]; files: string[]; libFiles: string[] };
  // lib/index.js is one bundle of the library's modules (scripts/bundle-lib.js): one file to resolve, read and compile.
  expect(libFiles).toEqual([lib]);
  // Package names required by anything outside node_modules' own internals: the library asks for these only.
  const packages = new Set(files.map((f) => {
    const rest = f.slice(f.lastIndexOf('node_modules/') + 'node_modules/'.length);
    return rest.startsWith('@') ? rest.split('/').slice(0, 2).join('/') : rest.split('/')[0];
  }));
  expect([...packages].filter((p) => p.includes('provider'))).toEqual([]);
  expect(files.some((f) => f.includes(`${path.sep}${CORE}${path.sep}`))).toBe(true);
  // One core only: the other flavor's core is never loaded next to it.
  expect(files.filter((f) => f.includes(`${path.sep}${CORE === 'cdktf' ? 'cdktn' : 'cdktf'}${path.sep}`))).toEqual([]);
  expect(requests.filter((r) => r.startsWith('@cdktf/') || r.startsWith('@cdktn/'))).toEqual([]);
  // The stack really was synthesized.
  const doc = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'loading', 'cdk.tf.json'), 'utf8'));
  expect(Object.keys(doc.resource)).toEqual(expect.arrayContaining(['aws_ecr_pull_through_cache_rule', 'aws_iam_role_policy']));
  expect(Object.keys(doc.data)).toContain('aws_ecr_pull_through_cache_rule');
});

test('no file of the built library names a provider package (the CLI only writes such imports into programs it generates)', () => {
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) { if (p !== path.join(root, 'lib', 'cli')) walk(p); }
      else if (entry.name.endsWith('.js') || entry.name.endsWith('.d.ts')) {
        if (/@cdktf\/provider-aws|@cdktn\/provider-aws/.test(fs.readFileSync(p, 'utf8'))) offenders.push(path.relative(root, p));
      }
    }
  };
  walk(path.join(root, 'lib'));
  expect(offenders).toEqual([]);
});
