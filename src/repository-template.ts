import { Annotations, TerraformResource, Token } from 'cdktf';
import { Construct } from 'constructs';
import { EcrRepositoryCreationTemplate } from './private/aws/ecr-repository-creation-template';
import { IamRole } from './private/aws/iam-role';
import { IamRolePolicy } from './private/aws/iam-role-policy';
import * as errors from './private/errors';
import { Where } from './private/errors';
import { assumeRolePolicy, ECR_PRINCIPAL, policyDocument, PolicyStatement, repositoryArn } from './private/iam';
import {
  KMS_KEY_ARN_PATTERN,
  LIFECYCLE_POLICY_MAX_LENGTH,
  normalizePrefix,
  REPOSITORY_POLICY_MAX_LENGTH,
  TEMPLATE_DESCRIPTION_MAX_LENGTH,
} from './private/patterns';
import { checkPolicySize, PolicyKind, registerTemplate } from './private/stack-checks';
import { callerIdentityOf, effectiveRegion, partitionOf } from './private/stack-data';
import { isLiteral, validatePrefix, validateRegion } from './private/validate';

/**
 * Whether image tags in cached repositories can be overwritten.
 */
export enum RepositoryTagMutability {
  /** Tags can move to a newer image: what a cache needs to follow its upstream. */
  MUTABLE = 'MUTABLE',
  /** Tags cannot be overwritten. A cached tag such as `latest` then never refreshes. */
  IMMUTABLE = 'IMMUTABLE',
}

/**
 * How cached repositories are encrypted at rest.
 */
export enum RepositoryEncryption {
  /** Amazon S3 managed keys (SSE-S3, AES-256). */
  AES256 = 'AES256',
  /** AWS KMS: the AWS managed `aws/ecr` key, or the customer managed key given as `kmsKey`. */
  KMS = 'KMS',
}

/**
 * The settings ECR applies to each repository it creates on the first pull through a rule.
 *
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-creation-templates.html
 */
export interface RepositoryTemplateOptions {
  /**
   * A description of the template.
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * Tag mutability of cached repositories.
   *
   * `IMMUTABLE` stops the cache from refreshing tags, and is reported as a warning.
   *
   * @default RepositoryTagMutability.MUTABLE
   */
  readonly imageTagMutability?: RepositoryTagMutability;

  /**
   * Expire untagged images this many days after they were pushed into the cache.
   *
   * @default - untagged images do not expire
   */
  readonly untaggedImageExpiryDays?: number;

  /**
   * Keep at most this many images per cached repository, expiring the oldest.
   *
   * @default - no limit
   */
  readonly maxImageCount?: number;

  /**
   * A complete lifecycle policy document (JSON), instead of `untaggedImageExpiryDays` and `maxImageCount`.
   *
   * @default - the policy made from `untaggedImageExpiryDays` and `maxImageCount`, or none
   */
  readonly lifecyclePolicy?: string;

  /**
   * Encryption at rest.
   *
   * @default RepositoryEncryption.AES256
   */
  readonly encryption?: RepositoryEncryption;

  /**
   * The ARN of a customer managed KMS key, with `encryption: KMS`.
   *
   * @default - the AWS managed `aws/ecr` key when encryption is KMS
   */
  readonly kmsKey?: string;

  /**
   * Tags applied to each cached repository.
   *
   * Tags need a template role and `ecr:TagResource` for pulling principals; both are handled for you.
   *
   * @default - no tags
   */
  readonly resourceTags?: { [key: string]: string };

  /**
   * A repository policy (JSON) applied to each cached repository.
   *
   * @default - no repository policy
   */
  readonly repositoryPolicy?: string;
}

/**
 * Properties of a `PullThroughCacheRepositoryTemplate`.
 */
export interface PullThroughCacheRepositoryTemplateProps extends RepositoryTemplateOptions {
  /**
   * The repository namespace prefix the template applies to: the rule's `ecrRepositoryPrefix`, or `ROOT`.
   */
  readonly prefix: string;

  /**
   * The Region of the template (provider v6 per-resource Region).
   *
   * @default - the provider's Region
   */
  readonly region?: string;
}

/**
 * A repository creation template applied to repositories that pull through cache creates
 * (`aws_ecr_repository_creation_template` with `applied_for = ["PULL_THROUGH_CACHE"]`).
 *
 * A role trusted by `ecr.amazonaws.com` is created only when the template sets resource tags or a customer managed
 * KMS key, the two settings that need one.
 *
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-creation-templates.html
 */
export class PullThroughCacheRepositoryTemplate extends Construct {
  /**
   * The underlying `aws_ecr_repository_creation_template` (construct id `Resource`): the escape hatch.
   */
  public readonly resource: TerraformResource;

  /**
   * The `aws_iam_role` ECR uses to apply tags or KMS encryption (construct id `Role`).
   *
   * @default - none, when the template sets neither
   */
  public readonly role?: TerraformResource;

  /**
   * The prefix the template applies to, without a trailing `/`.
   */
  public readonly prefix: string;

  /**
   * Whether the template tags cached repositories (pulling principals then need `ecr:TagResource`).
   */
  public readonly setsResourceTags: boolean;

  /**
   * The template's own `region` argument, if any.
   *
   * @internal
   */
  public readonly _regionArgument?: string;

  /**
   * @param scope the construct this one belongs to, e.g. the stack.
   * @param id the construct id, part of the Terraform addresses of what it makes: never change it once deployed.
   * @param props the prefix and the settings of the repositories the template applies to.
   */
  constructor(scope: Construct, id: string, props: PullThroughCacheRepositoryTemplateProps) {
    super(scope, id);
    const where = this;
    validatePrefix(where, 'prefix', props.prefix);
    validateRegion(where, 'region', props.region);
    this.prefix = normalizePrefix(props.prefix);
    this._regionArgument = props.region;

    if (isLiteral(props.description) && props.description.length > TEMPLATE_DESCRIPTION_MAX_LENGTH) {
      throw errors.templateDescription(where, props.description);
    }
    if (props.kmsKey !== undefined && props.encryption !== RepositoryEncryption.KMS) {
      throw errors.kmsKeyWithoutKms(where);
    }
    if (isLiteral(props.kmsKey) && !KMS_KEY_ARN_PATTERN.test(props.kmsKey)) {
      throw errors.kmsKeyArn(where, props.kmsKey);
    }
    checkPolicy(where, 'repositoryPolicy', props.repositoryPolicy, REPOSITORY_POLICY_MAX_LENGTH);
    const lifecyclePolicy = lifecyclePolicyOf(where, props);

    if (props.imageTagMutability === RepositoryTagMutability.IMMUTABLE) {
      Annotations.of(this).addWarning(errors.immutableTagsWarning());
    }

    const tags = props.resourceTags ?? {};
    checkTags(where, tags);
    this.setsResourceTags = Object.keys(tags).length > 0;
    const customerKey = props.encryption === RepositoryEncryption.KMS && props.kmsKey !== undefined;
    let role: { role: IamRole; policy: IamRolePolicy } | undefined;
    if (this.setsResourceTags || customerKey) {
      role = this.makeRole(props, customerKey);
      this.role = role.role;
    }

    this.resource = new EcrRepositoryCreationTemplate(this, 'Resource', {
      prefix: this.prefix,
      appliedFor: ['PULL_THROUGH_CACHE'],
      description: props.description,
      imageTagMutability: props.imageTagMutability ?? RepositoryTagMutability.MUTABLE,
      lifecyclePolicy,
      repositoryPolicy: props.repositoryPolicy,
      resourceTags: this.setsResourceTags ? tags : undefined,
      customRoleArn: role?.role.arn,
      encryptionType: props.encryption ?? RepositoryEncryption.AES256,
      kmsKey: props.kmsKey,
      region: props.region,
      // IAM is eventually consistent: ECR checks the role when the template is made, so wait for its policy too.
      dependsOn: role ? [role.policy] : undefined,
    });
    // Checked at synth against the other templates of its prefix and Region, and read by grants.
    registerTemplate(this);
  }

  private makeRole(props: PullThroughCacheRepositoryTemplateProps, customerKey: boolean): { role: IamRole; policy: IamRolePolicy } {
    const partition = partitionOf(this).partition;
    const account = callerIdentityOf(this).accountId;
    const region = effectiveRegion(this, props.region);
    const statements: PolicyStatement[] = [{
      Effect: 'Allow',
      Action: this.setsResourceTags ? ['ecr:CreateRepository', 'ecr:TagResource'] : ['ecr:CreateRepository'],
      Resource: repositoryArn(partition, region, account, this.prefix),
    }];
    if (customerKey) {
      statements.push({ Effect: 'Allow', Action: ['kms:CreateGrant', 'kms:RetireGrant', 'kms:DescribeKey'], Resource: props.kmsKey! });
    }
    const trust = assumeRolePolicy(ECR_PRINCIPAL);
    const role = new IamRole(this, 'Role', {
      description: `Applies the repository creation template for '${this.prefix}' to pull through cache repositories`,
      assumeRolePolicy: trust,
    });
    checkPolicySize(role, PolicyKind.TRUST, trust, errors.TEMPLATE_ROLE_POLICY_FIX);
    const document = policyDocument(statements);
    const policy = new IamRolePolicy(this, 'RolePolicy', { role: role.name, policy: document });
    checkPolicySize(policy, PolicyKind.INLINE, document, errors.TEMPLATE_ROLE_POLICY_FIX);
    return { role, policy };
  }
}

function checkPolicy(where: Where, prop: string, text: string | undefined, max: number): void {
  if (!isLiteral(text)) return;
  if (text.length > max) throw errors.policyDocument(where, prop, max, `has ${text.length} characters`);
  try {
    JSON.parse(text);
  } catch {
    throw errors.policyDocument(where, prop, max, 'is not valid JSON');
  }
}

function lifecyclePolicyOf(where: Where, props: RepositoryTemplateOptions): string | undefined {
  const knobs = props.untaggedImageExpiryDays !== undefined || props.maxImageCount !== undefined;
  if (props.lifecyclePolicy !== undefined) {
    if (knobs) throw errors.lifecycleConflict(where);
    checkPolicy(where, 'lifecyclePolicy', props.lifecyclePolicy, LIFECYCLE_POLICY_MAX_LENGTH);
    return props.lifecyclePolicy;
  }
  if (!knobs) return undefined;
  const rules: object[] = [];
  if (props.untaggedImageExpiryDays !== undefined) {
    checkWholeNumber(where, 'untaggedImageExpiryDays', props.untaggedImageExpiryDays);
    rules.push({
      rulePriority: rules.length + 1,
      description: `Expire untagged images after ${props.untaggedImageExpiryDays} days`,
      selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: props.untaggedImageExpiryDays },
      action: { type: 'expire' },
    });
  }
  if (props.maxImageCount !== undefined) {
    checkWholeNumber(where, 'maxImageCount', props.maxImageCount);
    // A rule with tagStatus 'any' must have the lowest priority (highest number), so it comes last.
    rules.push({
      rulePriority: rules.length + 1,
      description: `Keep at most ${props.maxImageCount} images`,
      selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: props.maxImageCount },
      action: { type: 'expire' },
    });
  }
  return JSON.stringify({ rules });
}

function checkTags(where: Where, tags: { [key: string]: string }): void {
  const keys = Object.keys(tags);
  if (keys.length > 50) throw errors.resourceTag(where, keys[50], 'is one too many');
  for (const key of keys) {
    if (Token.isUnresolved(key)) continue;
    if (key.length < 1 || key.length > 128) throw errors.resourceTag(where, key, `has a key of ${key.length} characters`);
    const value = tags[key];
    if (isLiteral(value) && value.length > 256) throw errors.resourceTag(where, key, `has a value of ${value.length} characters`);
  }
}

function checkWholeNumber(where: Where, prop: string, value: number): void {
  if (Token.isUnresolved(value)) return;
  if (!Number.isInteger(value) || value < 1) throw errors.positiveWholeNumber(where, prop, value);
}
