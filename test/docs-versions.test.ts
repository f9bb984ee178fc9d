/**
 * docs/VERSIONS.md, "Terraform and provider versions", lists every argument the library writes, with the versions it needs.
 * This test synthesizes stacks that use every feature and checks the table against what they emit, both ways.
 */
import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { WRITE_ONLY_TERRAFORM_VERSION } from '../src/private/terraform-version';
import {
  EcrUpstreamRole,
  PullThroughCache,
  PullThroughCacheRule,
  PullThroughCacheRepositoryTemplate,
  RepositoryEncryption,
  RepositoryTagMutability,
  UpstreamCredential,
  UpstreamCredentialSecret,
  UpstreamRegistry,
} from '../src';
import { ReferenceStack } from '../examples/reference-stack';
import { newStack, SECRET_ARN, synthJson } from './util';

interface Row { kind: 'resource' | 'data'; types: string[]; args: string[]; terraform: string; opentofu: string; aws: string }

function tableRows(): Row[] {
  const doc = fs.readFileSync(path.join(__dirname, '..', 'docs', 'VERSIONS.md'), 'utf8');
  expect(doc).toContain('## Terraform and provider versions');
  const section = doc.slice(doc.indexOf('## Terraform and provider versions'), doc.indexOf('In short:'));
  const rows = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Resource') && !l.startsWith('| ---'));
  return rows.map((line) => {
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    const names = (cell: string) => [...cell.matchAll(/`([a-z_0-9]+)`/g)].map((m) => m[1]);
    return {
      kind: cells[0].startsWith('data ') ? 'data' : 'resource',
      types: names(cells[0]),
      // The words in parentheses explain; only names before them are arguments.
      args: names(cells[1].replace(/\(.*\)/, '')),
      aws: cells[2],
      terraform: cells[3],
      opentofu: cells[4],
    };
  });
}

const META = new Set(['//', 'depends_on', 'lifecycle', 'provider', 'count', 'for_each']);

/** Every (kind, type, argument) that a synthesized document sets. */
function emitted(doc: any): Set<string> {
  const out = new Set<string>();
  for (const kind of ['resource', 'data'] as const) {
    for (const [type, byName] of Object.entries<any>(doc[kind] ?? {})) {
      for (const body of Object.values<any>(byName)) {
        out.add(`${kind} ${type}`);
        for (const arg of Object.keys(body)) if (!META.has(arg)) out.add(`${kind} ${type} ${arg}`);
      }
    }
  }
  return out;
}

/** Stacks that, together, use every feature and every optional argument. */
function everyFeature(): any[] {
  const reference = new ReferenceStack(newStack('app').node.scope as any, 'reference');
  const stack = newStack('features');
  const token = new TerraformVariable(stack, 'token', { type: 'string', sensitive: true }).stringValue;
  new UpstreamCredentialSecret(stack, 'Stored', {
    secretName: 'quay-robot', username: 'u', accessToken: token, writeOnly: false, description: 'd',
    tags: { team: 'platform' }, recoveryWindowInDays: 7, region: 'us-east-1',
  });
  const role = new EcrUpstreamRole(stack, 'Role', { upstreamAccountId: '444455556666', roleName: 'ptc-central', scopeToRules: true });
  const central = new PullThroughCacheRule(stack, 'Central', {
    upstream: UpstreamRegistry.ecr({ region: 'eu-west-1', accountId: '444455556666', roleArn: role.roleArn, repositoryPrefix: 'platform' }),
    ecrRepositoryPrefix: 'central',
    region: 'us-east-1',
    repositoryTemplate: {
      description: 'd', imageTagMutability: RepositoryTagMutability.MUTABLE, lifecyclePolicy: '{"rules":[]}',
      encryption: RepositoryEncryption.KMS, kmsKey: 'arn:aws:kms:us-east-1:111122223333:key/abcd',
      resourceTags: { a: 'b' }, repositoryPolicy: '{"Version":"2012-10-17","Statement":[]}',
    },
  });
  central.grantPullToAccounts(['444455556666']);
  new PullThroughCacheRepositoryTemplate(stack, 'Releases', {
    prefix: 'releases', region: 'us-east-1',
    imageTagMutability: RepositoryTagMutability.IMMUTABLE_WITH_EXCLUSION, imageTagMutabilityExclusionFilters: ['latest'],
  });
  const cache = new PullThroughCache(stack, 'Cache', { region: 'us-east-1' });
  cache.addRule('Hub', { upstream: UpstreamRegistry.dockerHub({ credential: UpstreamCredential.fromSecretArn(SECRET_ARN) }) });
  cache.addFailureNotifications();
  PullThroughCacheRule.fromEcrRepositoryPrefix(stack, 'Elsewhere', 'shared', { region: 'us-east-1' }).grantPull('r');
  // Grants of 3 Regions x 50 rules on one role exceed the inline quota: managed policies attached to the role.
  const large = newStack('large-grants');
  for (const region of ['us-east-1', 'eu-west-1', 'ap-southeast-2']) {
    const many = new PullThroughCache(large, `Cache-${region}`, { region });
    for (let i = 0; i < 50; i++) many.addRule(`Rule${i}`, { upstream: UpstreamRegistry.quay(), ecrRepositoryPrefix: `quay-${i}` });
    many.grantPull('node-role');
  }
  return [synthJson(reference as TerraformStack), synthJson(stack), synthJson(large)];
}

describe('docs/VERSIONS.md: Terraform and provider versions', () => {
  const rows = tableRows();
  const docs = everyFeature();
  const all = new Set(docs.flatMap((d) => [...emitted(d)]));
  const listed = new Set(rows.flatMap((r) => r.types.flatMap((t) => [`${r.kind} ${t}`, ...r.args.map((a) => `${r.kind} ${t} ${a}`)])));

  test('every resource type, data source and argument the library writes is in the table', () => {
    expect([...all].filter((x) => !listed.has(x)).sort()).toEqual([]);
  });

  test('every argument in the table is one the library writes', () => {
    expect([...listed].filter((x) => !all.has(x)).sort()).toEqual([]);
  });

  test('the write-only row asks for the Terraform version the library declares', () => {
    const writeOnly = rows.find((r) => r.args.includes('secret_string_wo'))!;
    expect(`>= ${writeOnly.terraform}.0`).toBe(WRITE_ONLY_TERRAFORM_VERSION);
    expect(writeOnly.opentofu).toBe('1.11');
    // Only write-only arguments need more than Terraform 1.0.
    expect(rows.filter((r) => r.terraform !== '1.0').flatMap((r) => r.args).sort()).toEqual(['secret_string_wo', 'secret_string_wo_version']);
    for (const doc of docs) {
      const usesWriteOnly = Object.values<any>(doc.resource?.aws_secretsmanager_secret_version ?? {}).some((v) => 'secret_string_wo' in v);
      expect(doc.terraform.required_version).toBe(usesWriteOnly ? WRITE_ONLY_TERRAFORM_VERSION : undefined);
    }
  });

  test('every row needs hashicorp/aws 6.0, the version of the per-resource region argument, but the exclusion filters (6.10)', () => {
    expect(rows.filter((r) => r.aws !== '6.0').map((r) => [r.args, r.aws])).toEqual([[['image_tag_mutability_exclusion_filter'], '6.10']]);
    expect(all.has('resource aws_ecr_pull_through_cache_rule region')).toBe(true);
  });
});
