#!/usr/bin/env node
// Checks what a README Quick start synthesized: the headline stack (Docker Hub, ghcr.io and registry.k8s.io cached,
// the two tokens in Secrets Manager secrets written from variables, the EKS node role allowed to pull).
//
//   node test/quickstart/check.js <project dir> <token>...
// The tokens are the values the run gave as TF_VAR_... variables: none may appear in anything synthesized.
// Prints one line per failed expectation and exits 1; exits 2 when there is no document to check.
'use strict';
const fs = require('fs');
const path = require('path');

const [dir, ...tokens] = process.argv.slice(2);
const out = path.join(dir, 'cdktf.out');
const file = path.join(out, 'stacks', 'image-cache', 'cdk.tf.json');
if (!fs.existsSync(file)) {
  console.error(`quickstart check: ${file} was not written`);
  process.exit(2);
}
const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
const problems = [];
const expect = (ok, what) => { if (!ok) problems.push(what); };
const resources = (type) => Object.values(doc.resource?.[type] ?? {});

// The three rules, by prefix and upstream.
const rules = resources('aws_ecr_pull_through_cache_rule');
const byPrefix = Object.fromEntries(rules.map((r) => [r.ecr_repository_prefix, r]));
expect(rules.length === 3, `3 pull through cache rules, found ${rules.length}`);
for (const [prefix, url] of [['docker-hub', 'registry-1.docker.io'], ['github-container-registry', 'ghcr.io'], ['k8s', 'registry.k8s.io']]) {
  expect(byPrefix[prefix]?.upstream_registry_url === url, `a rule with prefix '${prefix}' caching '${url}'`);
}

// Docker Hub and ghcr.io read their own secret, named for ECR, whose value refers to variables only.
const secrets = Object.entries(doc.resource?.aws_secretsmanager_secret ?? {});
for (const [prefix, name] of [['docker-hub', 'dockerhub'], ['github-container-registry', 'ghcr']]) {
  const secret = secrets.find(([, s]) => s.name === `ecr-pullthroughcache/${name}`);
  expect(secret, `a secret named 'ecr-pullthroughcache/${name}'`);
  if (!secret) continue;
  expect(byPrefix[prefix]?.credential_arn === `\${aws_secretsmanager_secret.${secret[0]}.arn}`, `the '${prefix}' rule reads the secret '${name}'`);
  const value = resources('aws_secretsmanager_secret_version').find((v) => v.secret_id === `\${aws_secretsmanager_secret.${secret[0]}.id}`);
  const written = value?.secret_string_wo ?? value?.secret_string ?? '';
  expect(written.includes(`var.${name}_username`) && written.includes(`var.${name}_access_token`),
    `the value of secret '${name}' is built from var.${name}_username and var.${name}_access_token`);
  expect(doc.variable?.[`${name}_access_token`]?.sensitive === true, `the variable ${name}_access_token is sensitive`);
}
expect(!rules.some((r) => r.ecr_repository_prefix === 'k8s' && r.credential_arn), 'the k8s rule has no credential');

// The node role's grant: the pull actions on each rule's repositories, in the provider's Region.
const grants = resources('aws_iam_role_policy');
expect(grants.length === 1 && grants[0].role === 'my-eks-node-role', `one policy on 'my-eks-node-role', found ${JSON.stringify(grants.map((g) => g.role))}`);
if (grants.length === 1) {
  const policy = JSON.parse(grants[0].policy);
  const pull = policy.Statement.find((s) => s.Sid === 'PullThroughCache') ?? {};
  for (const action of ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchImportUpstreamImage', 'ecr:CreateRepository']) {
    expect((pull.Action ?? []).includes(action), `the grant allows ${action}`);
  }
  const arns = [].concat(pull.Resource ?? []);
  for (const prefix of ['docker-hub', 'github-container-registry', 'k8s']) {
    expect(arns.some((a) => a.endsWith(`:repository/${prefix}/*`)), `the grant covers repository/${prefix}/*`);
  }
  expect(policy.Statement.some((s) => s.Action === 'ecr:GetAuthorizationToken' && s.Resource === '*'), 'the grant allows ecr:GetAuthorizationToken');
}
expect(JSON.stringify(doc.provider?.aws ?? []).includes('"region":"us-east-1"'), 'the AWS provider in us-east-1');

// No token, anywhere in the output.
const walk = (p) => (fs.statSync(p).isDirectory() ? fs.readdirSync(p).flatMap((n) => walk(path.join(p, n))) : [p]);
for (const f of walk(out)) {
  const text = fs.readFileSync(f, 'utf8');
  for (const t of tokens) expect(!text.includes(t), `${path.relative(dir, f)} does not contain a token value`);
}

if (problems.length > 0) {
  for (const p of problems) console.error(`quickstart check: expected ${p}`);
  process.exit(1);
}
console.log(`quickstart check: ${file}: 3 rules, 2 secrets from variables, the node role's grant, no token`);
