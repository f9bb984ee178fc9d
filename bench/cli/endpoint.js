// Shared by the CLI benchmarks: the local ECR API endpoint of the CLI tests (test/cli/support/ecr-endpoint.ts,
// compiled by bench/run.sh with bench/tsconfig.cli-support.json into .gen/bench/), seeded with N valid rules, and a
// runner for the compiled CLI (lib/cli/main.js) as a child process with fake static credentials.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..', '..');
const compiled = path.join(root, '.gen', 'bench', 'test', 'cli', 'support', 'ecr-endpoint.js');
const BIN = path.join(root, 'lib', 'cli', 'main.js');
const REGION = 'eu-west-1';

function load() {
  if (!fs.existsSync(compiled)) {
    throw new Error(`${compiled} is missing: run 'npx tsc -p bench/tsconfig.cli-support.json' (bench/run.sh does)`);
  }
  if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run 'npm run build:cli'`);
  return require(compiled);
}

/** Valid rules without credentials (no secret or role is needed for them to validate): quay, k8s, ecr-public. */
function seedRules(endpoint, count, registryId) {
  const upstreams = ['quay.io', 'registry.k8s.io', 'public.ecr.aws'];
  const rules = [];
  for (let i = 0; i < count; i++) {
    rules.push({ ecrRepositoryPrefix: `cache-${String(i).padStart(5, '0')}`, upstreamRegistryUrl: upstreams[i % 3], registryId });
  }
  endpoint.seedRules(...rules);
}

/** Runs `node lib/cli/main.js ...args` against the endpoint; resolves { code, stdout, stderr, ms }. */
function runCli(endpoint, args, accessKeyId) {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^AWS_/.test(k)) delete env[k];
  Object.assign(env, {
    AWS_ACCESS_KEY_ID: accessKeyId,
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_CONFIG_FILE: path.join(root, '.gen', 'bench', 'no-such-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(root, '.gen', 'bench', 'no-such-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args, '--region', REGION, '--endpoint-url', endpoint.url], {
      env, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
  });
}

module.exports = { load, seedRules, runCli, REGION };
