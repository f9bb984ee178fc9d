/**
 * The argument table (src/private/aws/argument-table.ts) against its sources and against what the constructs accept:
 *
 * - every argument every class writes has an entry, and every entry is used;
 * - every ECR entry agrees with the API model in reference/ (lengths, patterns, enumerations, item counts);
 * - at the boundaries of every limit a user can reach (min-1, min, max, max+1, each enumeration value, pattern
 *   edges, ROOT), a construct accepts exactly what the provider's validator and the API both accept, or refuses with
 *   the library's own documented reason, and each refusal names the construct, the value and the fix;
 * - property-based checks of the prefix, URL and ARN rules.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { ARGUMENTS as EVENT_RULE_ARGUMENTS } from '../../../src/private/aws/cloudwatch-event-rule';
import { ARGUMENTS as EVENT_TARGET_ARGUMENTS } from '../../../src/private/aws/cloudwatch-event-target';
import { ARGUMENTS as TOPIC_ARGUMENTS } from '../../../src/private/aws/sns-topic';
import { ARGUMENTS as TOPIC_POLICY_ARGUMENTS } from '../../../src/private/aws/sns-topic-policy';
import { ARGUMENTS as DATA_RULE_ARGUMENTS } from '../../../src/private/aws/data-aws-ecr-pull-through-cache-rule';
import { ARGUMENTS as RULE_ARGUMENTS } from '../../../src/private/aws/ecr-pull-through-cache-rule';
import { ARGUMENTS as REGISTRY_POLICY_ARGUMENTS } from '../../../src/private/aws/ecr-registry-policy';
import { ARGUMENTS as TEMPLATE_ARGUMENTS } from '../../../src/private/aws/ecr-repository-creation-template';
import { ARGUMENTS as ROLE_POLICY_ARGUMENTS } from '../../../src/private/aws/iam-role-policy';
import { ARGUMENTS as MANAGED_POLICY_ARGUMENTS } from '../../../src/private/aws/iam-policy';
import { ARGUMENTS as ROLE_POLICY_ATTACHMENT_ARGUMENTS } from '../../../src/private/aws/iam-role-policy-attachment';
import { ARGUMENTS as ROLE_ARGUMENTS } from '../../../src/private/aws/iam-role';
import { ARGUMENTS as SECRET_VERSION_ARGUMENTS } from '../../../src/private/aws/secretsmanager-secret-version';
import { ARGUMENTS as SECRET_ARGUMENTS } from '../../../src/private/aws/secretsmanager-secret';
import { brokenStringRule } from '../../../src/private/aws/argument-check';
import { Argument } from '../../../src/private/aws/attributes';
import {
  ApiConstraint,
  ARGUMENT_TABLES,
  ArgumentLimits,
  Constraint,
  DATA_AWS_ECR_PULL_THROUGH_CACHE_RULE as DATA,
  ECR_PULL_THROUGH_CACHE_RULE as RULE,
  ECR_REPOSITORY_CREATION_TEMPLATE as TEMPLATE,
  IAM_ROLE,
  SECRETSMANAGER_SECRET as SECRET,
} from '../../../src/private/aws/argument-table';
import { matchHost } from '../../../src/private/registry-table';
import {
  EcrUpstreamRole,
  PullThroughCacheRepositoryTemplate,
  PullThroughCacheRule,
  RepositoryEncryption,
  RepositoryTagMutability,
  UpstreamCredential,
  UpstreamCredentialSecret,
  UpstreamRegistry,
} from '../../../src';
import { newStack } from '../../util';

// ---------------------------------------------------------------------------------------------------------------
// The sources, read here independently of the library's checker.

const MODEL = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'reference', 'ecr-pull-through-cache-model.json'), 'utf8'));
const SHAPES: Record<string, any> = MODEL.shapes;

/** Whether a value meets one constraint: lengths, pattern (anchored or not, as the source matches), values, wildcards. */
function meets(c: Constraint | undefined, value: string): boolean {
  if (c === undefined) return true;
  if (c.minLength !== undefined && value.length < c.minLength) return false;
  if (c.maxLength !== undefined && value.length > c.maxLength) return false;
  if (c.pattern !== undefined && !new RegExp(c.pattern, c.unicode ? 'u' : '').test(value)) return false;
  if (c.values !== undefined && !c.values.includes(value)) return false;
  if (c.maxWildcards !== undefined && [...value].filter((ch) => ch === '*').length > c.maxWildcards) return false;
  return true;
}

/** The API's constraint: for ECR straight from the model, else the table's (IAM and Secrets Manager docs). */
function apiAccepts(api: ApiConstraint | undefined, value: string): boolean {
  if (api === undefined) return true;
  if (api.source !== 'ecr-model') return meets(api, value);
  const shape = SHAPES[api.shape];
  return meets({ minLength: shape.min, maxLength: shape.max, pattern: shape.pattern, values: shape.enum }, value);
}

/** What provider and API both accept, and the library's own stricter rule on top. */
function expected(limits: ArgumentLimits, value: string): { provider: boolean; api: boolean; library: boolean } {
  return { provider: meets(limits.provider, value), api: apiAccepts(limits.api, value), library: meets(limits.library, value) };
}

// ---------------------------------------------------------------------------------------------------------------
// Coverage: the table and the classes' ARGUMENTS name the same arguments.

const CLASSES: Array<[string, readonly Argument<any>[]]> = [
  ['aws_ecr_pull_through_cache_rule', RULE_ARGUMENTS],
  ['data.aws_ecr_pull_through_cache_rule', DATA_RULE_ARGUMENTS],
  ['aws_ecr_repository_creation_template', TEMPLATE_ARGUMENTS],
  ['aws_secretsmanager_secret', SECRET_ARGUMENTS],
  ['aws_secretsmanager_secret_version', SECRET_VERSION_ARGUMENTS],
  ['aws_iam_role', ROLE_ARGUMENTS],
  ['aws_iam_role_policy', ROLE_POLICY_ARGUMENTS],
  ['aws_iam_policy', MANAGED_POLICY_ARGUMENTS],
  ['aws_iam_role_policy_attachment', ROLE_POLICY_ATTACHMENT_ARGUMENTS],
  ['aws_ecr_registry_policy', REGISTRY_POLICY_ARGUMENTS],
  ['aws_cloudwatch_event_rule', EVENT_RULE_ARGUMENTS],
  ['aws_cloudwatch_event_target', EVENT_TARGET_ARGUMENTS],
  ['aws_sns_topic', TOPIC_ARGUMENTS],
  ['aws_sns_topic_policy', TOPIC_POLICY_ARGUMENTS],
];

function flatten(args: readonly Argument<any>[], parent = ''): Array<[string, Argument<any>]> {
  const out: Array<[string, Argument<any>]> = [];
  for (const arg of args) {
    const name = parent === '' ? arg.name : `${parent}.${arg.name}`;
    out.push([name, arg]);
    if (arg.block !== undefined) out.push(...flatten(arg.block, name));
  }
  return out;
}

describe('the table covers every argument the classes write', () => {
  test.each(CLASSES)('%s: each argument points at its own entry, and each entry is used', (type, args) => {
    const table = ARGUMENT_TABLES[type];
    const written = flatten(args);
    for (const [name, arg] of written) {
      expect([name, arg.limits]).toEqual([name, table[name]]);
      expect(arg.limits).toBe(table[name]);
    }
    expect(Object.keys(table).sort()).toEqual(written.map(([name]) => name).sort());
  });

  test('every entry says what is allowed, and every library rule says why it is stricter', () => {
    for (const [type, table] of Object.entries(ARGUMENT_TABLES)) {
      for (const [name, limits] of Object.entries(table)) {
        expect([type, name, limits.allowed.length > 0]).toEqual([type, name, true]);
        if (limits.library !== undefined) expect([type, name, limits.library.reason.length > 10]).toEqual([type, name, true]);
        if (limits.provider !== undefined) expect(limits.provider.file).toMatch(/^internal\/(service|provider)\/[a-z0-9/_]+\.go$/);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Agreement with the ECR API model.

const ECR_ENTRIES = Object.entries(ARGUMENT_TABLES).flatMap(([type, table]) =>
  Object.entries(table).filter(([, l]) => l.api?.source === 'ecr-model').map(([name, l]) => [`${type} ${name}`, l.api!] as const));

/** The limits of an entry and of its model shape that differ (lengths or item counts, pattern, enumeration). */
function disagreements(api: ApiConstraint): string[] {
  const shape = SHAPES[api.shape];
  if (shape === undefined) return [`shape ${api.shape} is not in the model`];
  const list = shape.type === 'list';
  const ours: Record<string, unknown> = {
    min: list ? api.minItems : api.minLength,
    max: list ? api.maxItems : api.maxLength,
    pattern: api.pattern,
    enum: api.values,
  };
  const theirs: Record<string, unknown> = shape.type === 'list' || shape.type === 'string'
    ? { min: shape.min, max: shape.max, pattern: shape.pattern, enum: shape.enum }
    : { min: undefined, max: undefined, pattern: undefined, enum: undefined };
  return Object.keys(ours).filter((k) => JSON.stringify(ours[k]) !== JSON.stringify(theirs[k]))
    .map((k) => `${k}: table ${JSON.stringify(ours[k])}, model ${JSON.stringify(theirs[k])}`);
}

describe('the ECR entries agree with reference/ecr-pull-through-cache-model.json', () => {
  test.each(ECR_ENTRIES)('%s', (_name, api) => {
    expect(disagreements(api)).toEqual([]);
  });

  test('a changed limit, pattern or enumeration is reported', () => {
    const description = TEMPLATE.description.api;
    expect(disagreements({ ...description, maxLength: 255 })).toEqual(['max: table 255, model 256']);
    expect(disagreements({ ...RULE.ecr_repository_prefix.api, pattern: '^ROOT$' })).toHaveLength(1);
    expect(disagreements({ ...TEMPLATE.image_tag_mutability.api, values: ['MUTABLE', 'IMMUTABLE'] })).toHaveLength(1);
    expect(disagreements({ ...TEMPLATE.image_tag_mutability_exclusion_filter.api, maxItems: 6 })).toEqual(['max: table 6, model 5']);
    expect(disagreements({ ...description, shape: 'NoSuchShape' })).toEqual(['shape NoSuchShape is not in the model']);
  });

  test('the public enumerations offer only values the provider and the API accept', () => {
    for (const value of Object.values(RepositoryTagMutability)) {
      expect(expected(TEMPLATE.image_tag_mutability, value)).toEqual({ provider: true, api: true, library: true });
    }
    for (const value of Object.values(RepositoryEncryption)) {
      expect(expected(TEMPLATE['encryption_configuration.encryption_type'], value)).toEqual({ provider: true, api: true, library: true });
    }
    // Every value of the API's ImageTagMutability is offered.
    expect(Object.values(RepositoryTagMutability).sort()).toEqual([...SHAPES.ImageTagMutability.enum].sort());
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Boundaries through the constructs users write.

interface Reachable {
  /** The table entry. */
  readonly limits: ArgumentLimits;
  /** Sets the value the way a user does; throws the library's error when refused. */
  readonly set: (scope: Construct, value: string) => void;
  /** What the error names as where the problem is. */
  readonly where: string;
  /** The property name the error names. */
  readonly prop: string;
  /** Values at the edges of the limits. */
  readonly values: readonly string[];
  /** The error shows a description by its length only. */
  readonly lengthOnly?: boolean;
}

const ROLE_ARN = 'arn:aws:iam::111122223333:role/pull';
const tokenIn = (scope: Construct) => new TerraformVariable(scope, 'token', { type: 'string', sensitive: true }).stringValue;
const arnOfSecret = (name: string) => `arn:aws:secretsmanager:us-east-1:111122223333:secret:${name}`;

/** Strings of the given length made of prefix components, e.g. `aaaa/aaaa/aa`. */
function prefixOfLength(n: number): string {
  let s = '';
  while (s.length < n) s += s.length === 0 ? 'a' : s.length % 10 === 9 ? '/' : 'a';
  return s.endsWith('/') ? `${s.slice(0, -1)}b` : s;
}

const PREFIX_EDGES = [
  'ROOT', 'Root', 'root', 'a', 'ab', prefixOfLength(30), prefixOfLength(31), prefixOfLength(255), prefixOfLength(256), prefixOfLength(257),
  'a.b', 'a_b', 'a-b', 'a__b', 'a--b', 'a___b', 'a..b', 'a/b', 'a//b', 'ab/', 'ab//', '/ab', '-ab', 'ab-', 'Ab', 'a b', 'ROOT/x',
];

const REACHABLE: Record<string, Reachable> = {
  'rule ecr_repository_prefix': {
    limits: RULE.ecr_repository_prefix,
    set: (s, v) => new PullThroughCacheRule(s, 'Rule', { upstream: UpstreamRegistry.quay(), ecrRepositoryPrefix: v }),
    where: 'test/Rule', prop: 'ecrRepositoryPrefix', values: PREFIX_EDGES,
  },
  'rule upstream_repository_prefix': {
    limits: RULE.upstream_repository_prefix,
    set: (_s, v) => UpstreamRegistry.ecr({ region: 'eu-west-1', accountId: '444455556666', roleArn: ROLE_ARN, repositoryPrefix: v }),
    where: 'UpstreamRegistry.ecr()', prop: 'repositoryPrefix', values: PREFIX_EDGES,
  },
  'data source ecr_repository_prefix': {
    limits: DATA.ecr_repository_prefix,
    set: (s, v) => PullThroughCacheRule.fromEcrRepositoryPrefix(s, 'Existing', v),
    where: 'test/Existing', prop: 'ecrRepositoryPrefix', values: PREFIX_EDGES,
  },
  'template prefix': {
    limits: TEMPLATE.prefix,
    set: (s, v) => new PullThroughCacheRepositoryTemplate(s, 'Template', { prefix: v }),
    where: 'test/Template', prop: 'prefix', values: PREFIX_EDGES,
  },
  'template description': {
    limits: TEMPLATE.description,
    set: (s, v) => new PullThroughCacheRepositoryTemplate(s, 'Template', { prefix: 'quay', description: v }),
    where: 'test/Template', prop: 'description', values: ['', 'd', 'd'.repeat(254), 'd'.repeat(255), 'd'.repeat(256), 'd'.repeat(257)], lengthOnly: true,
  },
  'template kms_key': {
    limits: TEMPLATE['encryption_configuration.kms_key'],
    set: (s, v) => new PullThroughCacheRepositoryTemplate(s, 'Template', { prefix: 'quay', encryption: RepositoryEncryption.KMS, kmsKey: v }),
    where: 'test/Template', prop: 'kmsKey',
    values: [
      'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab', 'alias/ecr', '1234abcd-12ab',
      'arn:aws:kms:us-east-1:111122223333:alias/ecr', 'xarn:aws:kms:us-east-1:111122223333:key/k', 'arn:aws:kms:us-east-1:111122223333:key/k/extra',
      'arn:aws:kms:us-east-1:11112222333:key/k',
    ],
  },
  'template exclusion filter': {
    limits: TEMPLATE['image_tag_mutability_exclusion_filter.filter'],
    set: (s, v) => new PullThroughCacheRepositoryTemplate(s, 'Template', {
      prefix: 'quay', imageTagMutability: RepositoryTagMutability.IMMUTABLE_WITH_EXCLUSION, imageTagMutabilityExclusionFilters: [v],
    }),
    where: 'test/Template', prop: 'imageTagMutabilityExclusionFilters',
    values: ['l', 'latest', 'x'.repeat(128), 'x'.repeat(129), '*', '**', '***', 'a*b*c', 'a*b*c*', 'v1.2_3-rc', 'a/b', 'a b', 'ä'],
  },
  'rule credential_arn': {
    limits: RULE.credential_arn,
    set: (_s, v) => UpstreamCredential.fromSecretArn(v),
    where: 'UpstreamCredential.fromSecretArn()', prop: 'secret ARN',
    values: [
      arnOfSecret('ecr-pullthroughcache/d'), arnOfSecret('ecr-pullthroughcache/' + 'd'.repeat(540)),
      arnOfSecret('ecr-pullthroughcache/'), arnOfSecret('docker-hub'), arnOfSecret('ecr-pullthroughcache/a b'),
      'arn:aws-cn:secretsmanager:cn-north-1:111122223333:secret:ecr-pullthroughcache/hub-AbCdEf',
      arnOfSecret('ecr-pullthroughcache/' + 'd'.repeat(560)), arnOfSecret('ecr-pullthroughcache/' + 'd'.repeat(559)),
    ],
  },
  'rule custom_role_arn': {
    limits: RULE.custom_role_arn,
    set: (_s, v) => UpstreamRegistry.ecr({ region: 'eu-west-1', accountId: '444455556666', roleArn: v }),
    where: 'UpstreamRegistry.ecr()', prop: 'roleArn',
    values: [ROLE_ARN, 'arn:aws:iam::111122223333:role/path/to/r', 'arn:aws:iam::111122223333:user/u', 'arn:aws:s3:::bucket', 'pull',
      `arn:aws:iam::111122223333:role/${'r'.repeat(512)}`, `arn:aws:iam::111122223333:role/${'r'.repeat(513)}`],
  },
  'secret name': {
    limits: SECRET.name,
    set: (s, v) => new UpstreamCredentialSecret(s, 'Secret', { secretName: v, username: 'u', accessToken: tokenIn(s) }),
    where: 'test/Secret', prop: 'secretName',
    values: ['ecr-pullthroughcache/a', `ecr-pullthroughcache/${'a'.repeat(491)}`, `ecr-pullthroughcache/${'a'.repeat(492)}`,
      'ecr-pullthroughcache/a b', 'ecr-pullthroughcache/a+b=c.d@e-f/g_h', 'ecr-pullthroughcache/ä'],
  },
  'iam role name': {
    limits: IAM_ROLE.name,
    set: (s, v) => new EcrUpstreamRole(s, 'Role', { roleName: v }),
    where: 'test/Role', prop: 'roleName',
    values: ['r', 'r'.repeat(64), 'r'.repeat(65), 'a+b=c,d.e@f_g-h', 'a/b', 'a b', 'arn:aws:iam::111122223333:role/r'],
  },
  'rule region': {
    limits: RULE.region,
    set: (s, v) => new PullThroughCacheRule(s, 'Rule', { upstream: UpstreamRegistry.quay(), region: v }),
    where: 'test/Rule', prop: 'region',
    values: ['us-east-1', 'eu-central-2', 'ap-southeast-12', 'us-east', 'US-EAST-1', 'us-east-123', 'useast1'],
  },
};
const CASES = Object.entries(REACHABLE).flatMap(([name, r]) => r.values.map((v) => [name, v.length > 40 ? `${v.slice(0, 30)}...(${v.length})` : v, r, v] as const));

describe('at the edges, a construct accepts exactly what provider and API accept, less its own documented rules', () => {
  test.each(CASES)('%s %s', (_name, _shown, r, value) => {
    const stack: TerraformStack = newStack();
    const want = expected(r.limits, value);
    let error: Error | undefined;
    try {
      r.set(stack, value);
    } catch (e) {
      error = e as Error;
    }
    if (want.provider && want.api && want.library) {
      expect(error).toBeUndefined();
      return;
    }
    // Refused: the library's own rule only when provider and API both accept, and it says why in the table.
    expect(error).toBeDefined();
    if (want.provider && want.api) expect(r.limits.library?.reason).toBeDefined();
    expect(error!.name).toBe('ValidationError');
    // The construct (or factory), the property, the value (a long description by its length), and a way out.
    expect(error!.message.startsWith(`${r.where}: `)).toBe(true);
    expect(error!.message).toContain(r.prop);
    if (r.lengthOnly) expect(error!.message).toContain(`${value.length} characters`);
    else expect(error!.message).toContain(value.length > 64 ? value.slice(0, 40) : `'${value}'`);
    expect(error!.message).toMatch(/(Use|use|Shorten|Rename|Pass|Lengthen|Set|Add|Remove|Write|write)\b/);
  });

  test('ROOT: the resource accepts it, the data source does not, templates do', () => {
    expect(expected(RULE.ecr_repository_prefix, 'ROOT')).toEqual({ provider: true, api: true, library: true });
    expect(expected(DATA.ecr_repository_prefix, 'ROOT').provider).toBe(false);
    expect(expected(TEMPLATE.prefix, 'ROOT')).toEqual({ provider: true, api: true, library: true });
  });

  test('resource tags: keys 1-128, values up to 256, 50 tags, as the ECR API allows', () => {
    const make = (tags: Record<string, string>) => accepts(() => new PullThroughCacheRepositoryTemplate(newStack(), 'T', { prefix: 'quay', resourceTags: tags }));
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`t${i}`, 'v']));
    expect([
      make({ ['k'.repeat(128)]: 'v' }), make({ ['k'.repeat(129)]: 'v' }), make({ k: 'v'.repeat(256) }), make({ k: 'v'.repeat(257) }),
      make({ '': 'v' }), make(fifty), make({ ...fifty, t50: 'v' }),
    ]).toEqual([true, false, true, false, false, true, false]);
    expect(TEMPLATE.resource_tags.api).toMatchObject({ minKeyLength: 1, maxKeyLength: 128, maxValueLength: 256, maxItems: 50 });
  });

  test('recovery window: 0 and 7-30, as provider and API accept', () => {
    const accepted = [-1, 0, 1, 6, 7, 8, 29, 30, 31, 7.5].filter((days) => {
      try {
        const stack = newStack();
        new UpstreamCredentialSecret(stack, 'S', { secretName: 'hub', username: 'u', accessToken: tokenIn(stack), recoveryWindowInDays: days });
        return true;
      } catch {
        return false;
      }
    });
    expect(accepted).toEqual([0, 7, 8, 29, 30]);
    expect(SECRET.recovery_window_in_days.provider).toMatchObject({ min: 7, max: 30, alsoAllowed: [0] });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties

const lower = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split(''));
const word = fc.array(lower, { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
const separatedWord = fc.tuple(word, fc.array(fc.tuple(fc.constantFrom('.', '_', '-'), word), { maxLength: 2 }))
  .map(([first, rest]) => first + rest.map(([s, w]) => s + w).join(''));
const validPrefix = fc.array(separatedWord, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));
const anyText = fc.string({ unit: fc.constantFrom(...'abAZ09._-/ *'.split('')), maxLength: 40 });

const API_PREFIX = new RegExp(SHAPES.PullThroughCacheRuleRepositoryPrefix.pattern);
const API_TEMPLATE_PREFIX = new RegExp(SHAPES.Prefix.pattern);
const API_CREDENTIAL = new RegExp(SHAPES.CredentialArn.pattern);

function accepts(make: () => unknown): boolean {
  try {
    make();
    return true;
  } catch {
    return false;
  }
}

describe('properties', () => {
  test('prefix: components of lowercase words are accepted by rules when 2-30 characters long, and by templates when 2-256', () => {
    fc.assert(fc.property(validPrefix, (prefix) => {
      const rule = accepts(() => new PullThroughCacheRule(newStack(), 'R', { upstream: UpstreamRegistry.quay(), ecrRepositoryPrefix: prefix }));
      const template = accepts(() => new PullThroughCacheRepositoryTemplate(newStack(), 'T', { prefix }));
      expect(rule).toBe(prefix.length >= 2 && prefix.length <= 30);
      expect(template).toBe(prefix.length >= 2);
    }), { numRuns: 150 });
  });

  test('prefix: whatever a rule accepts, the API model and the provider accept (and the data source too, but for ROOT)', () => {
    fc.assert(fc.property(fc.oneof(validPrefix, anyText, fc.constant('ROOT')), (prefix) => {
      if (!accepts(() => new PullThroughCacheRule(newStack(), 'R', { upstream: UpstreamRegistry.quay(), ecrRepositoryPrefix: prefix }))) return;
      expect(API_PREFIX.test(prefix)).toBe(true);
      expect(prefix.length >= 2 && prefix.length <= 30).toBe(true);
      expect(accepts(() => PullThroughCacheRule.fromEcrRepositoryPrefix(newStack(), 'E', prefix))).toBe(prefix !== 'ROOT');
    }), { numRuns: 200 });
  });

  test('template prefix: accepted exactly when the API model and the provider accept', () => {
    const provider = new RegExp(TEMPLATE.prefix.provider.pattern);
    fc.assert(fc.property(fc.oneof(validPrefix, anyText), (prefix) => {
      const both = API_TEMPLATE_PREFIX.test(prefix) && provider.test(prefix) && prefix.length >= 2 && prefix.length <= 256;
      expect(accepts(() => new PullThroughCacheRepositoryTemplate(newStack(), 'T', { prefix }))).toBe(both);
    }), { numRuns: 200 });
  });

  test('URL: an ECR upstream URL names its account and Region and is recognized as ECR; an Azure one as Azure', () => {
    const account = fc.array(fc.constantFrom(...'0123456789'.split('')), { minLength: 12, maxLength: 12 }).map((a) => a.join(''));
    const region = fc.tuple(fc.constantFrom('us', 'eu', 'ap', 'sa', 'me', 'af', 'ca', 'il', 'mx'),
      fc.constantFrom('east', 'west', 'central', 'south', 'north', 'southeast', 'northeast'), fc.integer({ min: 1, max: 9 }))
      .map(([a, b, n]) => `${a}-${b}-${n}`);
    fc.assert(fc.property(account, region, (accountId, r) => {
      const upstream = UpstreamRegistry.ecr({ region: r, accountId, roleArn: ROLE_ARN });
      expect(upstream.url).toBe(`${accountId}.dkr.ecr.${r}.amazonaws.com`);
      expect(matchHost(upstream.url)?.values).toEqual({ accountId, region: r });
    }), { numRuns: 100 });
    const azureName = fc.array(fc.constantFrom(...'abcXYZ0189'.split('')), { minLength: 5, maxLength: 50 }).map((a) => a.join(''));
    fc.assert(fc.property(azureName, (name) => {
      const secret = UpstreamCredential.fromSecretArn(arnOfSecret('ecr-pullthroughcache/azure'));
      const upstream = UpstreamRegistry.azureContainerRegistry({ registryName: name, credential: secret });
      expect(upstream.url).toBe(`${name.toLowerCase()}.azurecr.io`);
      expect(matchHost(upstream.url)?.entry.apiType).toBe('azure-container-registry');
    }), { numRuns: 100 });
  });

  test('ARN: a credential ARN is accepted exactly when the API model accepts it (50-612 characters and its pattern)', () => {
    const name = fc.string({ unit: fc.constantFrom(...'aZ09/_+=.@- '.split('')), maxLength: 30 });
    const arn = fc.tuple(fc.constantFrom('aws', 'aws-cn', 'aws-us-gov', 'awz'), fc.constantFrom('us-east-1', 'eu-west-1', ''),
      fc.constantFrom('111122223333', ''), fc.constantFrom('ecr-pullthroughcache/', 'ecr-pullthroughcache', 'other/', ''), name)
      .map(([p, r, a, start, n]) => `arn:${p}:secretsmanager:${r}:${a}:secret:${start}${n}`);
    fc.assert(fc.property(arn, (value) => {
      const model = API_CREDENTIAL.test(value) && value.length >= SHAPES.CredentialArn.min && value.length <= SHAPES.CredentialArn.max;
      expect(accepts(() => UpstreamCredential.fromSecretArn(value))).toBe(model);
    }), { numRuns: 300 });
  });

  test('ARN: a KMS key ARN is accepted for a template of its own Region only', () => {
    const region = fc.constantFrom('us-east-1', 'eu-west-1', 'ap-south-2');
    const keyId = fc.array(fc.constantFrom(...'abcdef0123456789-'.split('')), { minLength: 1, maxLength: 36 }).map((a) => a.join(''));
    fc.assert(fc.property(region, region, keyId, (keyRegion, templateRegion, id) => {
      const kmsKey = `arn:aws:kms:${keyRegion}:111122223333:key/${id}`;
      const ok = accepts(() => new PullThroughCacheRepositoryTemplate(newStack(), 'T', {
        prefix: 'quay', region: templateRegion, encryption: RepositoryEncryption.KMS, kmsKey,
      }));
      expect(ok).toBe(keyRegion === templateRegion);
    }), { numRuns: 100 });
  });
});

describe('argument checks merged once per argument', () => {
  // The check of an argument is merged from its constraints once and reused for every value (a stack repeats the
  // same arguments); the answer for a value must not depend on what was asked before.

  test('the same value gets the same answer every time, broken or not, long or short', () => {
    const values = ['docker-hub', 'Docker-Hub', 'x', 'quay', 'x'.repeat(2000), 'docker-hub', 'x'.repeat(2000)];
    const first = values.map((v) => brokenStringRule(RULE.ecr_repository_prefix, v));
    const again = values.map((v) => brokenStringRule(RULE.ecr_repository_prefix, v));
    expect(again).toEqual(first);
    expect(first).toEqual([undefined, 'pattern', 'length', undefined, 'length', undefined, 'length']);
  });

  test('each kind of rule is checked on its own argument: enumeration, wildcards, JSON', () => {
    expect(brokenStringRule(TEMPLATE.image_tag_mutability, 'MUTABLE')).toBeUndefined();
    expect(brokenStringRule(TEMPLATE.image_tag_mutability, 'IMMUTABLE_WITH_EXCLUSION')).toBeUndefined();
    expect(brokenStringRule(TEMPLATE.image_tag_mutability, 'SOMETIMES')).toBe('values');
    const filter = TEMPLATE['image_tag_mutability_exclusion_filter.filter'];
    expect(brokenStringRule(filter, 'release-*-*')).toBeUndefined();
    expect(brokenStringRule(filter, 'a*b*c*')).toBe('wildcards');
    expect(brokenStringRule(TEMPLATE.lifecycle_policy, '{"rules":[]}')).toBeUndefined();
    expect(brokenStringRule(TEMPLATE.lifecycle_policy, '{"rules":')).toBe('json');
    // An argument without those rules never reports them.
    expect(brokenStringRule(RULE.ecr_repository_prefix, 'a*b*c*d')).toBe('pattern');
    expect(brokenStringRule(TEMPLATE.description, '{not json')).toBeUndefined();
  });

  test('answers of one argument are not given for another', () => {
    expect(brokenStringRule(RULE.ecr_repository_prefix, 'ROOT')).toBeUndefined();
    expect(brokenStringRule(RULE.region, 'ROOT')).toBe('pattern');
    expect(brokenStringRule(RULE.region, 'us-east-1')).toBeUndefined();
    expect(brokenStringRule(RULE.ecr_repository_prefix, 'us-east-1')).toBeUndefined();
  });
});
