import { Token } from 'cdktf';
import { EcrRepositoryCreationTemplate } from '../src/private/aws/ecr-repository-creation-template';
import { IamRole } from '../src/private/aws/iam-role';
import { IamRolePolicy } from '../src/private/aws/iam-role-policy';
import * as errors from '../src/private/errors';
import { PullThroughCacheRepositoryTemplate, PullThroughCacheRule, RepositoryEncryption, RepositoryTagMutability, UpstreamRegistry } from '../src';
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
    [{ description: 'd'.repeat(257) }, errors.templateDescription('test/T', 'd'.repeat(257)).message],
    [{ repositoryPolicy: '{not json' }, errors.policyDocument('test/T', 'repositoryPolicy', 10240, 'is not valid JSON').message],
    [{ lifecyclePolicy: 'x'.repeat(30721) }, errors.policyDocument('test/T', 'lifecyclePolicy', 30720, 'has 30721 characters').message],
    [{ prefix: 'Bad' }, errors.prefixPattern('test/T', 'prefix', 'Bad').message],
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
