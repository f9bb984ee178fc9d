import { Token } from 'cdktf';
import * as fc from 'fast-check';
import { EcrRepositoryCreationTemplate } from '../src/private/aws/ecr-repository-creation-template';
import { IamRole } from '../src/private/aws/iam-role';
import { IamRolePolicy } from '../src/private/aws/iam-role-policy';
import { ECR_REPOSITORY_CREATION_TEMPLATE as TABLE } from '../src/private/aws/argument-table';
import * as errors from '../src/private/errors';
import { PullThroughCache, PullThroughCacheRepositoryTemplate, PullThroughCacheRule, RepositoryEncryption, RepositoryTagMutability, UpstreamRegistry } from '../src';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { newStack, onlyResource, resourcesOf, synthJson, warningsOf } from './util';

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

function template(props: Partial<ConstructorParameters<typeof PullThroughCacheRepositoryTemplate>[2]> = {}) {
  const stack = newStack();
  const t = new PullThroughCacheRepositoryTemplate(stack, 'T', { prefix: 'docker-hub', ...props });
  return { stack, t, json: () => synthJson(stack) };
}

describe('PullThroughCacheRepositoryTemplate', () => {
  test('applies to PULL_THROUGH_CACHE on the prefix, MUTABLE and AES256 by default, no role', () => {
    const { json } = template();
    const j = json();
    expect(onlyResource(j, EcrRepositoryCreationTemplate.tfResourceType)).toEqual({
      prefix: 'docker-hub',
      applied_for: ['PULL_THROUGH_CACHE'],
      image_tag_mutability: 'MUTABLE',
      encryption_configuration: [{ encryption_type: 'AES256' }],
    });
    expect(resourcesOf(j, IamRole.tfResourceType)).toEqual({});
  });

  test('a trailing / in the prefix is dropped', () => {
    const { t } = template({ prefix: 'team/' });
    expect(t.prefix).toBe('team');
  });

  test('lifecycle knobs make an untagged-expiry rule and a count rule, the "any" rule last', () => {
    const { json } = template({ untaggedImageExpiryDays: 14, maxImageCount: 200 });
    const policy = JSON.parse(onlyResource(json(), EcrRepositoryCreationTemplate.tfResourceType).lifecycle_policy);
    expect(policy).toEqual({
      rules: [
        {
          rulePriority: 1, description: 'Expire untagged images after 14 days',
          selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 },
          action: { type: 'expire' },
        },
        {
          rulePriority: 2, description: 'Keep at most 200 images',
          selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 200 },
          action: { type: 'expire' },
        },
      ],
    });
  });

  test('a raw lifecycle policy is passed as it is', () => {
    const raw = JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 5 }, action: { type: 'expire' } }] });
    const { json } = template({ lifecyclePolicy: raw });
    expect(onlyResource(json(), EcrRepositoryCreationTemplate.tfResourceType).lifecycle_policy).toBe(raw);
  });

  test('tags need a role trusted by ecr.amazonaws.com that may create and tag repositories under the prefix', () => {
    const { json, t } = template({ resourceTags: { team: 'platform' } });
    const j = json();
    expect(t.setsResourceTags).toBe(true);
    const role = onlyResource(j, IamRole.tfResourceType);
    expect(JSON.parse(role.assume_role_policy).Statement[0].Principal).toEqual({ Service: 'ecr.amazonaws.com' });
    const doc = JSON.parse(onlyResource(j, IamRolePolicy.tfResourceType).policy);
    expect(doc.Statement).toEqual([{
      Effect: 'Allow',
      Action: ['ecr:CreateRepository', 'ecr:TagResource'],
      Resource: 'arn:${data.aws_partition.EcrPullThroughCachePartition.partition}:ecr:${data.aws_region.EcrPullThroughCacheRegion.region}:${data.aws_caller_identity.EcrPullThroughCacheCallerIdentity.account_id}:repository/docker-hub/*',
    }]);
    const tpl = onlyResource(j, EcrRepositoryCreationTemplate.tfResourceType);
    expect(tpl.resource_tags).toEqual({ team: 'platform' });
    expect(tpl.custom_role_arn).toMatch(/^\$\{aws_iam_role\.T_Role_[0-9A-F]{8}\.arn\}$/);
  });

  test('a customer managed KMS key needs the role with grant permissions on that key', () => {
    const { json } = template({ encryption: RepositoryEncryption.KMS, kmsKey: KEY });
    const j = json();
    const doc = JSON.parse(onlyResource(j, IamRolePolicy.tfResourceType).policy);
    expect(doc.Statement[1]).toEqual({ Effect: 'Allow', Action: ['kms:CreateGrant', 'kms:RetireGrant', 'kms:DescribeKey'], Resource: KEY });
    expect(onlyResource(j, EcrRepositoryCreationTemplate.tfResourceType).encryption_configuration).toEqual([{ encryption_type: 'KMS', kms_key: KEY }]);
  });

  test('KMS with the AWS managed key needs no role', () => {
    const { json } = template({ encryption: RepositoryEncryption.KMS });
    expect(resourcesOf(json(), IamRole.tfResourceType)).toEqual({});
  });

  test('IMMUTABLE tags warn that the cache cannot refresh', () => {
    const { stack } = template({ imageTagMutability: RepositoryTagMutability.IMMUTABLE });
    expect(warningsOf(stack)).toEqual([errors.immutableTagsWarning()]);
    expect(warningsOf(stack)[0]).toMatch(/^\[ecr-ptc:immutable-tags\] /);
  });

  test.each([
    [{ lifecyclePolicy: '{}', maxImageCount: 3 }, errors.lifecycleConflict('test/T').message],
    [{ maxImageCount: 0 }, errors.positiveWholeNumber('test/T', 'maxImageCount', 0).message],
    [{ untaggedImageExpiryDays: 1.5 }, errors.positiveWholeNumber('test/T', 'untaggedImageExpiryDays', 1.5).message],
    [{ kmsKey: KEY }, errors.kmsKeyWithoutKms('test/T').message],
    [{ encryption: RepositoryEncryption.KMS, kmsKey: 'alias/ecr' }, errors.kmsKeyArn('test/T', 'alias/ecr').message],
    [{ description: 'd'.repeat(256) }, errors.templateDescription('test/T', 'd'.repeat(256)).message],
    [{ repositoryPolicy: '{not json' }, errors.policyDocument('test/T', 'repositoryPolicy', 10240, 'is not valid JSON').message],
    [{ lifecyclePolicy: 'x'.repeat(30721) }, errors.policyDocument('test/T', 'lifecyclePolicy', 30720, 'has 30721 characters').message],
    [{ prefix: 'Bad' }, errors.prefixPattern('test/T', 'prefix', 'Bad', TABLE.prefix).message],
    [{ prefix: 'p'.repeat(257) }, errors.prefixLength('test/T', 'prefix', 'p'.repeat(257), TABLE.prefix).message],
    [{ resourceTags: { ['k'.repeat(129)]: 'v' } }, errors.resourceTag('test/T', 'k'.repeat(129), 'has a key of 129 characters').message],
    [{ resourceTags: { team: 'v'.repeat(257) } }, errors.resourceTag('test/T', 'team', 'has a value of 257 characters').message],
    [{ resourceTags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, 'v'])) }, errors.resourceTag('test/T', 't50', 'is one too many').message],
  ])('refuses %#', (props, message) => {
    expect(() => template(props as any)).toThrow(message);
  });

  test('tokens are accepted', () => {
    const policy = Token.asString({ Ref: 'policy' });
    expect(() => template({ repositoryPolicy: policy, lifecyclePolicy: policy, kmsKey: policy, encryption: RepositoryEncryption.KMS })).not.toThrow();
  });
});

/** The lifecycle policy of a template made with these settings, parsed. */
function lifecycleOf(props: Partial<ConstructorParameters<typeof PullThroughCacheRepositoryTemplate>[2]>): any {
  const { json } = template(props);
  return JSON.parse(onlyResource(json(), EcrRepositoryCreationTemplate.tfResourceType).lifecycle_policy);
}

// The rules each setting makes (without rulePriority, which depends on the others).
const untaggedRule = (days: number) => ({
  description: `Expire untagged images after ${days} days`,
  selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: days },
  action: { type: 'expire' },
});
const countRule = (count: number) => ({
  description: `Keep at most ${count} images`,
  selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: count },
  action: { type: 'expire' },
});
const archiveRule = (days: number) => ({
  description: `Archive images not pulled for ${days} days`,
  selection: { tagStatus: 'any', countType: 'sinceImagePulled', countUnit: 'days', countNumber: days },
  action: { type: 'transition', targetStorageClass: 'archive' },
});
const expireArchivedRule = (expire: number, archive: number) => ({
  description: `Expire images not pulled for ${expire} days (${expire - archive} days after they were archived)`,
  selection: { tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: expire - archive },
  action: { type: 'expire' },
});
const prioritized = (...rules: object[]) => ({ rules: rules.map((r, i) => ({ rulePriority: i + 1, ...r })) });

/**
 * What ECR's lifecycle policy pages say a policy must satisfy, as far as these settings can touch it. Sources:
 * lifecycle_policy_parameters.html (unique priorities; the 'any' rule last; storageClass 'archive' only with
 * sinceImageTransitioned, which needs it; countUnit 'days' exactly for the day-based count types; positive counts;
 * 'transition' needs targetStorageClass 'archive'), lifecycle_policy_examples.html (sinceImagePulled only with
 * 'transition', sinceImageTransitioned only with 'expire', 90 days in the archive before deletion) and
 * LifecyclePolicies.html#lp_evaluation_rules (one untagged rule per storage class). The 'any' rule is last among the
 * rules of its storage class: AWS's own example puts an archive-class 'any' rule after a standard 'any' rule.
 */
function ecrLifecycleProblems(policy: { rules: any[] }): string[] {
  const out: string[] = [];
  const priorities = policy.rules.map((r) => r.rulePriority);
  if (new Set(priorities).size !== priorities.length) out.push('priorities are not unique');
  for (const storageClass of ['standard', 'archive']) {
    const rules = policy.rules.filter((r) => (r.selection.storageClass ?? 'standard') === storageClass);
    const anyRules = rules.filter((r) => r.selection.tagStatus === 'any');
    if (anyRules.length > 1) out.push(`${storageClass}: more than one 'any' rule`);
    const highest = Math.max(...rules.map((r) => r.rulePriority));
    if (anyRules.some((r) => r.rulePriority !== highest)) out.push(`${storageClass}: the 'any' rule is not last`);
    if (rules.filter((r) => r.selection.tagStatus === 'untagged').length > 1) {
      out.push(`${storageClass}: more than one untagged rule`);
    }
  }
  for (const r of policy.rules) {
    const { countType, countUnit, countNumber, storageClass } = r.selection;
    const dayBased = countType !== 'imageCountMoreThan';
    if (dayBased !== (countUnit === 'days')) out.push(`rule ${r.rulePriority}: countUnit with ${countType}`);
    if (!Number.isInteger(countNumber) || countNumber < 1) out.push(`rule ${r.rulePriority}: countNumber ${countNumber}`);
    if ((storageClass === 'archive') !== (countType === 'sinceImageTransitioned')) out.push(`rule ${r.rulePriority}: storageClass with ${countType}`);
    if (countType === 'sinceImagePulled' && r.action.type !== 'transition') out.push(`rule ${r.rulePriority}: sinceImagePulled must transition`);
    if (countType === 'sinceImageTransitioned' && r.action.type !== 'expire') out.push(`rule ${r.rulePriority}: sinceImageTransitioned must expire`);
    if (countType === 'sinceImageTransitioned' && countNumber < 90) out.push(`rule ${r.rulePriority}: fewer than 90 days in the archive`);
    if (r.action.type === 'transition' && r.action.targetStorageClass !== 'archive') out.push(`rule ${r.rulePriority}: no target storage class`);
  }
  return out;
}

describe('lifecycle settings', () => {
  test.each([
    ['untagged expiry', { untaggedImageExpiryDays: 14 }, prioritized(untaggedRule(14))],
    ['image count', { maxImageCount: 200 }, prioritized(countRule(200))],
    ['archive by last pull', { archiveImagesNotPulledForDays: 60 }, prioritized(archiveRule(60))],
    ['untagged expiry and image count', { untaggedImageExpiryDays: 14, maxImageCount: 200 }, prioritized(untaggedRule(14), countRule(200))],
    ['untagged expiry and archive', { untaggedImageExpiryDays: 7, archiveImagesNotPulledForDays: 60 }, prioritized(untaggedRule(7), archiveRule(60))],
    ['archive and expiry by last pull', { archiveImagesNotPulledForDays: 30, expireImagesNotPulledForDays: 120 },
      prioritized(archiveRule(30), expireArchivedRule(120, 30))],
    ['all three that combine', { untaggedImageExpiryDays: 3, archiveImagesNotPulledForDays: 90, expireImagesNotPulledForDays: 365 },
      prioritized(untaggedRule(3), archiveRule(90), expireArchivedRule(365, 90))],
  ])('%s: the rules in their priority order', (_name, props, expected) => {
    const policy = lifecycleOf(props);
    expect(policy).toEqual(expected);
    expect(ecrLifecycleProblems(policy)).toEqual([]);
  });

  test('the checker above finds what it is for', () => {
    expect(ecrLifecycleProblems(prioritized(countRule(5), archiveRule(30)))).toEqual(["standard: more than one 'any' rule", "standard: the 'any' rule is not last"]);
    expect(ecrLifecycleProblems(prioritized(countRule(5), untaggedRule(3)))).toEqual(["standard: the 'any' rule is not last"]);
    expect(ecrLifecycleProblems(prioritized(untaggedRule(5), untaggedRule(3)))).toEqual(['standard: more than one untagged rule']);
    expect(ecrLifecycleProblems(prioritized(expireArchivedRule(100, 30)))).toEqual(['rule 1: fewer than 90 days in the archive']);
    expect(ecrLifecycleProblems({ rules: [{ ...archiveRule(5), rulePriority: 1, action: { type: 'expire' } }] })).toEqual(['rule 1: sinceImagePulled must transition']);
  });

  test('any mix of settings either makes a policy ECR accepts or is refused with a ValidationError', () => {
    const days = fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined });
    fc.assert(fc.property(days, days, days, days, (untagged, count, archive, expire) => {
      const props = { untaggedImageExpiryDays: untagged, maxImageCount: count, archiveImagesNotPulledForDays: archive, expireImagesNotPulledForDays: expire };
      const refused = (count !== undefined && archive !== undefined) || (expire !== undefined && (archive === undefined || expire - archive < 90));
      if (refused) {
        expect(() => template(props)).toThrow(errors.ValidationError);
      } else if ([untagged, count, archive, expire].some((v) => v !== undefined)) {
        expect(ecrLifecycleProblems(lifecycleOf(props))).toEqual([]);
      }
    }), { numRuns: 60 });
  });

  test('exactly 90 days in the archive is allowed', () => {
    expect(lifecycleOf({ archiveImagesNotPulledForDays: 30, expireImagesNotPulledForDays: 120 }).rules[1].selection.countNumber).toBe(90);
    expect(() => template({ archiveImagesNotPulledForDays: 31, expireImagesNotPulledForDays: 120 }))
      .toThrow(errors.archiveMinimum('test/T', 31, 120).message);
  });

  test.each([
    [{ maxImageCount: 100, archiveImagesNotPulledForDays: 30 }, errors.countAndArchiveConflict('test/T').message],
    [{ expireImagesNotPulledForDays: 180 }, errors.expireWithoutArchive('test/T', 180).message],
    [{ expireImagesNotPulledForDays: 30 }, errors.expireWithoutArchive('test/T', 30).message],
    [{ archiveImagesNotPulledForDays: 60, expireImagesNotPulledForDays: 100 }, errors.archiveMinimum('test/T', 60, 100).message],
    [{ archiveImagesNotPulledForDays: 60, expireImagesNotPulledForDays: 30 }, errors.archiveMinimum('test/T', 60, 30).message],
    [{ archiveImagesNotPulledForDays: 0 }, errors.positiveWholeNumber('test/T', 'archiveImagesNotPulledForDays', 0).message],
    [{ archiveImagesNotPulledForDays: 30, expireImagesNotPulledForDays: 200.5 },
      errors.positiveWholeNumber('test/T', 'expireImagesNotPulledForDays', 200.5).message],
    [{ lifecyclePolicy: '{}', archiveImagesNotPulledForDays: 30 }, errors.lifecycleConflict('test/T').message],
    [{ lifecyclePolicy: '{}', expireImagesNotPulledForDays: 300 }, errors.lifecycleConflict('test/T').message],
  ])('refuses %j', (props, message) => {
    expect(() => template(props)).toThrow(message);
  });

  test('the messages say what ECR allows and how to fix the settings', () => {
    expect(errors.expireWithoutArchive('test/T', 180).message).toBe(
      "test/T: expireImagesNotPulledForDays 180 needs archiveImagesNotPulledForDays: ECR's last-pull rules can only move images to the " +
      'archive storage class, and a lifecycle rule deletes an archived image only after 90 days there. Set archiveImagesNotPulledForDays ' +
      'to at most 90, or use maxImageCount to delete images instead.');
    expect(errors.expireWithoutArchive('test/T', 30).message).toContain(
      'Set archiveImagesNotPulledForDays, and expireImagesNotPulledForDays at least 90 days later (for example 30 and 120), or use maxImageCount');
    expect(errors.archiveMinimum('test/T', 60, 100).message).toBe(
      'test/T: expireImagesNotPulledForDays 100 leaves images 40 days in the archive after archiveImagesNotPulledForDays 60, but ECR ' +
      'deletes an archived image only after 90 days there. Set expireImagesNotPulledForDays to at least 150, or ' +
      'archiveImagesNotPulledForDays to at most 10.');
    expect(errors.archiveMinimum('test/T', 60, 30).message).toMatch(/Set expireImagesNotPulledForDays to at least 150\.$/);
  });

  test('number tokens become Terraform expressions where the numbers go, and are not checked', () => {
    const stack = newStack();
    const archive = new TerraformVariable(stack, 'archive', { type: 'number' }).numberValue;
    const expire = new TerraformVariable(stack, 'expire', { type: 'number' }).numberValue;
    const count = new TerraformVariable(stack, 'count', { type: 'number' }).numberValue;
    new PullThroughCacheRepositoryTemplate(stack, 'T', { prefix: 'quay', archiveImagesNotPulledForDays: archive, expireImagesNotPulledForDays: expire });
    new PullThroughCacheRepositoryTemplate(stack, 'U', { prefix: 'k8s', untaggedImageExpiryDays: count });
    const templates = resourcesOf(synthJson(stack), EcrRepositoryCreationTemplate.tfResourceType);
    const [t, u] = Object.keys(templates).sort().map((k) => templates[k].lifecycle_policy);
    expect(t).toBe(
      '{"rules":[{"rulePriority":1,"description":"Archive images not pulled for ${var.archive} days","selection":{"tagStatus":"any",' +
      '"countType":"sinceImagePulled","countUnit":"days","countNumber":${var.archive}},"action":{"type":"transition","targetStorageClass":"archive"}},' +
      '{"rulePriority":2,"description":"Expire images not pulled for ${var.expire} days (${(var.expire - var.archive)} days after they were archived)",' +
      '"selection":{"tagStatus":"any","storageClass":"archive","countType":"sinceImageTransitioned","countUnit":"days",' +
      '"countNumber":${(var.expire - var.archive)}},"action":{"type":"expire"}}]}');
    expect(u).toContain('"countNumber":${var.count}}');
    // With the variables' values put in, the document is JSON.
    expect(JSON.parse(t.replace(/\$\{\(var\.expire - var\.archive\)\}/g, '275').replace(/\$\{var\.\w+\}/g, '90')).rules[1].selection.countNumber).toBe(275);
  });
});

describe("a rule's repositoryTemplate", () => {
  test('is a template on the rule prefix and Region, child RepositoryTemplate', () => {
    const stack = newStack();
    const rule = new PullThroughCacheRule(stack, 'Rule', {
      upstream: UpstreamRegistry.quay(), ecrRepositoryPrefix: 'quay-cache', region: 'eu-west-1',
      repositoryTemplate: { description: 'cached from quay' },
    });
    expect(rule.node.findChild('RepositoryTemplate')).toBe(rule.repositoryTemplate);
    const tpl = onlyResource(synthJson(stack), EcrRepositoryCreationTemplate.tfResourceType);
    expect([tpl.prefix, tpl.region, tpl.description]).toEqual(['quay-cache', 'eu-west-1', 'cached from quay']);
  });
});

describe('limits read from the provider and the API (issue 13)', () => {
  test('description: 255 characters is the most, since the provider allows 0-255 though the API allows 256', () => {
    expect(() => template({ description: 'd'.repeat(255) })).not.toThrow();
    expect(() => template({ description: 'd'.repeat(256) })).toThrow(
      'test/T: description has 256 characters, but a repository creation template allows at most 255 ' +
      "(the Terraform provider's limit; the ECR API would take 256). Shorten it.");
  });

  test('prefix: up to 256 characters and the API separators (__, --), which provider and API both accept', () => {
    const long = `${'team/'.repeat(50)}images`; // 256 characters
    expect(long).toHaveLength(256);
    for (const prefix of [long, 'a__b', 'a--b', 'x'.repeat(31), 'ab']) {
      const { json } = template({ prefix });
      expect(onlyResource(json(), EcrRepositoryCreationTemplate.tfResourceType).prefix).toBe(prefix);
    }
    expect(() => template({ prefix: 'a' })).toThrow(
      "test/T: prefix 'a' has 1 characters, but a repository creation template prefix must have 2-256. " +
      "Use a prefix such as 'docker-hub', or 'ROOT' for no prefix.");
    expect(() => template({ prefix: 'a___b' })).toThrow(
      "test/T: prefix 'a___b' is not a valid repository creation template prefix: use lowercase letters and digits, separated by " +
      "'.', '_', '__', '-' or '/' (no leading or trailing separator; one trailing '/' is allowed), or 'ROOT'. For example 'docker-hub' or 'team/images'.");
  });

  describe('kmsKey must be in the Region of the template', () => {
    const keyIn = (region: string) => `arn:aws:kms:${region}:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

    test("a key of another Region than the template's own region is refused", () => {
      expect(() => template({ region: 'eu-west-1', encryption: RepositoryEncryption.KMS, kmsKey: keyIn('us-east-1') })).toThrow(
        `test/T: kmsKey '${keyIn('us-east-1')}' is in Region 'us-east-1', but the template is in 'eu-west-1': ECR encrypts each ` +
        "repository it creates with a key of the repository's own Region. Use a key in 'eu-west-1' (a multi-Region replica key there works too).");
    });

    test("without a region of its own, the template is in the provider's Region", () => {
      expect(() => template({ encryption: RepositoryEncryption.KMS, kmsKey: keyIn('eu-west-1') }))
        .toThrow(errors.kmsKeyRegion('test/T', keyIn('eu-west-1'), 'eu-west-1', 'us-east-1').message);
      expect(() => template({ encryption: RepositoryEncryption.KMS, kmsKey: keyIn('us-east-1') })).not.toThrow();
      expect(() => template({ region: 'eu-west-1', encryption: RepositoryEncryption.KMS, kmsKey: keyIn('eu-west-1') })).not.toThrow();
    });

    test('a rule in another Region with a template of a key elsewhere is refused too', () => {
      const stack = newStack();
      expect(() => new PullThroughCacheRule(stack, 'Quay', {
        upstream: UpstreamRegistry.quay(),
        region: 'eu-central-1',
        repositoryTemplate: { encryption: RepositoryEncryption.KMS, kmsKey: keyIn('us-east-1') },
      })).toThrow(errors.kmsKeyRegion('test/Quay/RepositoryTemplate', keyIn('us-east-1'), 'us-east-1', 'eu-central-1').message);
    });

    test('no provider Region known: nothing to compare, accepted', () => {
      const stack = new TerraformStack(Testing.app(), 'bare');
      expect(() => new PullThroughCacheRepositoryTemplate(stack, 'T', {
        prefix: 'quay', encryption: RepositoryEncryption.KMS, kmsKey: keyIn('ap-south-1'),
      })).not.toThrow();
    });
  });

  describe('image tag mutability with exclusion filters', () => {
    test.each([
      [RepositoryTagMutability.IMMUTABLE_WITH_EXCLUSION, ['latest', 'release-*']],
      [RepositoryTagMutability.MUTABLE_WITH_EXCLUSION, ['v*.*']],
    ])('%s writes one image_tag_mutability_exclusion_filter block per filter', (mutability, filters) => {
      const { json, stack } = template({ imageTagMutability: mutability, imageTagMutabilityExclusionFilters: filters });
      const resource = onlyResource(json(), EcrRepositoryCreationTemplate.tfResourceType);
      expect(resource.image_tag_mutability).toBe(mutability);
      expect(resource.image_tag_mutability_exclusion_filter).toEqual(filters.map((filter) => ({ filter, filter_type: 'WILDCARD' })));
      // Exceptions chosen by the user: no warning that the cache cannot refresh.
      expect(warningsOf(stack)).toEqual([]);
    });

    test('five filters are the most', () => {
      const five = ['a', 'b', 'c', 'd', 'e'];
      expect(() => template({ imageTagMutability: RepositoryTagMutability.IMMUTABLE_WITH_EXCLUSION, imageTagMutabilityExclusionFilters: five })).not.toThrow();
      expect(() => template({ imageTagMutability: RepositoryTagMutability.IMMUTABLE_WITH_EXCLUSION, imageTagMutabilityExclusionFilters: [...five, 'f'] }))
        .toThrow('test/T: imageTagMutabilityExclusionFilters has 6 entries, but 1-5 are allowed, as set by the Terraform provider and the AWS API. ' +
          'Use between 1 and 5 filters, with IMMUTABLE_WITH_EXCLUSION or MUTABLE_WITH_EXCLUSION only.');
    });

    test.each([
      ['x'.repeat(129), "test/T: imageTagMutabilityExclusionFilters '" + 'x'.repeat(61) + "...' has 129 characters, but 1-128 are allowed, " +
        'as set by the Terraform provider and the AWS API. Shorten it.'],
      ['a/b', "test/T: imageTagMutabilityExclusionFilters 'a/b' is not allowed: use letters, digits and '._-', with at most 2 '*' wildcards."],
      ['*a*b*', "test/T: imageTagMutabilityExclusionFilters '*a*b*' is not allowed: use letters, digits and '._-', with at most 2 '*' wildcards."],
    ])('refuses the filter %s', (filter, message) => {
      expect(() => template({ imageTagMutability: RepositoryTagMutability.MUTABLE_WITH_EXCLUSION, imageTagMutabilityExclusionFilters: [filter] }))
        .toThrow(message);
    });

    test('filters need an exclusion mode, and an exclusion mode needs filters', () => {
      expect(() => template({ imageTagMutabilityExclusionFilters: ['latest'] })).toThrow(
        "test/T: imageTagMutabilityExclusionFilters is set, but imageTagMutability is 'MUTABLE': the filters apply only to " +
        'IMMUTABLE_WITH_EXCLUSION and MUTABLE_WITH_EXCLUSION. Set one of those, or remove the filters.');
      expect(() => template({ imageTagMutability: RepositoryTagMutability.IMMUTABLE_WITH_EXCLUSION })).toThrow(
        "test/T: imageTagMutability is 'IMMUTABLE_WITH_EXCLUSION', which needs imageTagMutabilityExclusionFilters: 1-5 tag filters such as " +
        "'latest' or 'release-*'. Add them, or use MUTABLE or IMMUTABLE.");
      expect(() => template({ imageTagMutability: RepositoryTagMutability.MUTABLE_WITH_EXCLUSION, imageTagMutabilityExclusionFilters: [] }))
        .toThrow(errors.exclusionModeNeedsFilters('test/T', 'MUTABLE_WITH_EXCLUSION').message);
    });

    test('the README example: a cache whose rules keep release tags fixed but refresh latest', () => {
      const stack = newStack();
      const cache = new PullThroughCache(stack, 'Cache', {
        repositoryTemplate: {
          imageTagMutability: RepositoryTagMutability.IMMUTABLE_WITH_EXCLUSION,
          imageTagMutabilityExclusionFilters: ['latest', 'nightly-*'],
        },
      });
      cache.addRule('Quay', { upstream: UpstreamRegistry.quay() });
      expect(onlyResource(synthJson(stack), EcrRepositoryCreationTemplate.tfResourceType)).toMatchObject({
        prefix: 'quay',
        image_tag_mutability: 'IMMUTABLE_WITH_EXCLUSION',
        image_tag_mutability_exclusion_filter: [{ filter: 'latest', filter_type: 'WILDCARD' }, { filter: 'nightly-*', filter_type: 'WILDCARD' }],
      });
      expect(warningsOf(stack)).toEqual([]);
    });

    test('a token filter is written as it is', () => {
      const stack = newStack();
      const filter = new TerraformVariable(stack, 'filter', { type: 'string' }).stringValue;
      new PullThroughCacheRepositoryTemplate(stack, 'T', {
        prefix: 'quay', imageTagMutability: RepositoryTagMutability.IMMUTABLE_WITH_EXCLUSION, imageTagMutabilityExclusionFilters: [filter],
      });
      expect(onlyResource(synthJson(stack), EcrRepositoryCreationTemplate.tfResourceType).image_tag_mutability_exclusion_filter)
        .toEqual([{ filter: '${var.filter}', filter_type: 'WILDCARD' }]);
    });
  });
});
