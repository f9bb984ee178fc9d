import { Op, TerraformResource, Token } from 'cdktf';
import { Construct } from 'constructs';
import { EcrRepositoryCreationTemplate } from './private/aws/ecr-repository-creation-template';
import { IamRole } from './private/aws/iam-role';
import { IamRolePolicy } from './private/aws/iam-role-policy';
import { brokenStringRule, itemRange, mapEntryRange } from './private/aws/argument-check';
import { ECR_REPOSITORY_CREATION_TEMPLATE as TEMPLATE } from './private/aws/argument-table';
import { Grantee, granteeKey, recordTemplate, REPOSITORY_SID_PREFIX, repositoryPolicyStatements } from './private/cross-account';
import * as errors from './private/errors';
import { Where } from './private/errors';
import { assumeRolePolicy, ECR_PRINCIPAL, policyDocument, PolicyStatement, repositoryArn } from './private/iam';
import { ARCHIVE_MINIMUM_DAYS, LIFECYCLE_POLICY_MAX_LENGTH, normalizePrefix, REPOSITORY_POLICY_MAX_LENGTH } from './private/patterns';
import { callerIdentityOf, effectiveRegion, partitionOf, providerRegion } from './private/stack-data';
import { isLiteral, regionOfArn, validateArgument, validateCount, validatePrefix, validateRegion } from './private/validate';
import { checkCore } from './private/core';
import { warn } from './private/warnings';
import { checkPolicySize, PolicyKind, registerTemplate } from './private/stack-checks';

/**
 * Whether image tags in cached repositories can be overwritten.
 */
export enum RepositoryTagMutability {
  /** Tags can move to a newer image: what a cache needs to follow its upstream. */
  MUTABLE = 'MUTABLE',
  /** Tags cannot be overwritten. A cached tag such as `latest` then never refreshes. */
  IMMUTABLE = 'IMMUTABLE',
  /**
   * Tags cannot be overwritten, except those matching `imageTagMutabilityExclusionFilters` (e.g. `latest`), which
   * keep following the upstream.
   */
  IMMUTABLE_WITH_EXCLUSION = 'IMMUTABLE_WITH_EXCLUSION',
  /** Tags can be overwritten, except those matching `imageTagMutabilityExclusionFilters`, which never change. */
  MUTABLE_WITH_EXCLUSION = 'MUTABLE_WITH_EXCLUSION',
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
   * The tags excepted from `imageTagMutability`, with `IMMUTABLE_WITH_EXCLUSION` or `MUTABLE_WITH_EXCLUSION` (which
   * need 1-5 of them): wildcard filters of letters, digits and `._-` with at most two `*`, such as `latest` or
   * `release-*` (1-128 characters each). Needs `hashicorp/aws` 6.10 or later (the other arguments need 6.0).
   *
   * @default - none
   * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html
   */
  readonly imageTagMutabilityExclusionFilters?: string[];

  /**
   * Expire untagged images this many days after they were pushed into the cache.
   *
   * @default - untagged images do not expire
   */
  readonly untaggedImageExpiryDays?: number;

  /**
   * Keep at most this many images per cached repository, expiring the oldest.
   *
   * Cannot be combined with `archiveImagesNotPulledForDays`: both are lifecycle rules on every image, and ECR applies
   * only the first rule whose tag selection matches an image.
   *
   * @default - no limit
   */
  readonly maxImageCount?: number;

  /**
   * Move images that have not been pulled for this many days to the archive storage class (a lifecycle rule with
   * `countType: sinceImagePulled` and a `transition` action).
   *
   * An image never pulled counts from its push, that is from when the cache stored it. Archived images cost less to
   * store but cannot be pulled until they are restored; ECR keeps them at least 90 days. Untagged images are left to
   * `untaggedImageExpiryDays` when that is set.
   *
   * @default - images are not archived
   * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/archive-image.html
   */
  readonly archiveImagesNotPulledForDays?: number;

  /**
   * Delete images that have not been pulled for this many days.
   *
   * ECR cannot delete an image by its last pull directly: its `sinceImagePulled` rules only archive. So this needs
   * `archiveImagesNotPulledForDays`, at least 90 days less (the minimum time an image stays in the archive), and
   * becomes a rule that deletes archived images `expireImagesNotPulledForDays - archiveImagesNotPulledForDays` days
   * after they were archived (`countType: sinceImageTransitioned`, `storageClass: archive`).
   *
   * @default - archived images are kept
   * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_examples.html
   */
  readonly expireImagesNotPulledForDays?: number;

  /**
   * A complete lifecycle policy document (JSON), instead of the simple settings (`untaggedImageExpiryDays`,
   * `maxImageCount`, `archiveImagesNotPulledForDays`, `expireImagesNotPulledForDays`).
   *
   * @default - the policy made from the simple settings, or none
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
   *
   * 2-256 lowercase letters and digits separated by `.`, `_`, `__`, `-` or `/`, as the provider and the API accept.
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

  private readonly repositoryPolicy?: string;
  private readonly grantees: Grantee[] = [];

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
    checkCore(this);
    const where = this;
    validatePrefix(where, 'prefix', props.prefix, TEMPLATE.prefix);
    validateRegion(where, 'region', props.region);
    this.prefix = normalizePrefix(props.prefix);
    this._regionArgument = props.region;

    if (isLiteral(props.description) && brokenStringRule(TEMPLATE.description, props.description) !== undefined) {
      throw errors.templateDescription(where, props.description);
    }
    if (props.kmsKey !== undefined && props.encryption !== RepositoryEncryption.KMS) {
      throw errors.kmsKeyWithoutKms(where);
    }
    checkKmsKey(this, props.kmsKey, props.region);
    checkPolicy(where, 'repositoryPolicy', props.repositoryPolicy, REPOSITORY_POLICY_MAX_LENGTH);
    const lifecyclePolicy = lifecyclePolicyOf(where, props);
    const exclusionFilters = exclusionFiltersOf(where, props);

    if (props.imageTagMutability === RepositoryTagMutability.IMMUTABLE) {
      warn(this, errors.immutableTagsWarning());
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

    this.repositoryPolicy = props.repositoryPolicy;
    const template = this;
    this.resource = new EcrRepositoryCreationTemplate(this, 'Resource', {
      prefix: this.prefix,
      appliedFor: ['PULL_THROUGH_CACHE'],
      description: props.description,
      imageTagMutability: props.imageTagMutability ?? RepositoryTagMutability.MUTABLE,
      imageTagMutabilityExclusionFilters: exclusionFilters,
      lifecyclePolicy,
      // Read at synth: pull grants for other accounts add their statements after construction.
      get repositoryPolicy() {
        return template.repositoryPolicyText();
      },
      resourceTags: this.setsResourceTags ? tags : undefined,
      customRoleArn: role?.role.arn,
      encryptionType: props.encryption ?? RepositoryEncryption.AES256,
      kmsKey: props.kmsKey,
      region: props.region,
      // IAM is eventually consistent: ECR checks the role when the template is made, so wait for its policy too.
      dependsOn: role ? [role.policy] : undefined,
    });
    recordTemplate(this, props.region);
    // Checked at synth against the other templates of its prefix and Region, and read by grants.
    registerTemplate(this);
  }

  /**
   * Lets principals of other accounts pull from every repository the template creates (its repository policy).
   *
   * @internal
   */
  public _grantPull(grantee: Grantee): void {
    const key = granteeKey(grantee);
    if (this.grantees.some((g) => granteeKey(g) === key)) return;
    if (this.grantees.length === 0) {
      this.userStatements();
      // The policy is produced at synth; the data source it refers to must exist before then.
      partitionOf(this);
      this.node.addValidation({ validate: () => this.policyLengthErrors() });
    }
    this.grantees.push(grantee);
  }

  /** The repository policy: the one given, with the statements of the pull grants for other accounts. */
  private repositoryPolicyText(partition?: string): string | undefined {
    if (this.grantees.length === 0) return this.repositoryPolicy;
    const base = this.repositoryPolicy === undefined ? { Version: '2012-10-17' } : JSON.parse(this.repositoryPolicy);
    const ours = repositoryPolicyStatements(this.grantees, partition ?? partitionOf(this).partition);
    return JSON.stringify({ ...base, Statement: [...this.userStatements(), ...ours] });
  }

  /** The statements of the given repository policy; throws when the grants cannot add theirs to it. */
  private userStatements(): unknown[] {
    const text = this.repositoryPolicy;
    if (text === undefined) return [];
    if (!isLiteral(text)) throw errors.repositoryPolicyNotMergeable(this, 'is a token');
    const doc = JSON.parse(text);
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw errors.repositoryPolicyNotMergeable(this, 'is not a JSON object');
    const statements: unknown[] = doc.Statement === undefined ? [] : Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
    for (const st of statements) {
      const sid = (st as { Sid?: unknown } | null)?.Sid;
      if (typeof sid === 'string' && new RegExp(`^${REPOSITORY_SID_PREFIX}\\d+$`).test(sid)) throw errors.repositoryPolicySid(this, sid);
    }
    return statements;
  }

  private policyLengthErrors(): string[] {
    // The partition is a token here: count its longest literal value.
    const length = this.repositoryPolicyText('aws-us-gov')!.length;
    return length > REPOSITORY_POLICY_MAX_LENGTH ? [errors.mergedRepositoryPolicyLength(length, REPOSITORY_POLICY_MAX_LENGTH)] : [];
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

/** A literal key ARN must be a whole key ARN of the template's Region (its own, else the provider's, when known). */
function checkKmsKey(template: Construct, kmsKey: string | undefined, region: string | undefined): void {
  if (!isLiteral(kmsKey)) return;
  if (brokenStringRule(TEMPLATE['encryption_configuration.kms_key'], kmsKey) !== undefined) throw errors.kmsKeyArn(template, kmsKey);
  const keyRegion = regionOfArn(kmsKey)!;
  const templateRegion = region ?? providerRegion(template);
  if (isLiteral(templateRegion) && keyRegion !== templateRegion) throw errors.kmsKeyRegion(template, kmsKey, keyRegion, templateRegion);
}

const EXCLUSION_MODES: readonly string[] = [RepositoryTagMutability.IMMUTABLE_WITH_EXCLUSION, RepositoryTagMutability.MUTABLE_WITH_EXCLUSION];

/** The exclusion filter blocks: only with a `*_WITH_EXCLUSION` mode, which needs them. */
function exclusionFiltersOf(where: Where, props: RepositoryTemplateOptions): Array<{ filter: string; filterType: string }> | undefined {
  const mutability = props.imageTagMutability ?? RepositoryTagMutability.MUTABLE;
  const filters = props.imageTagMutabilityExclusionFilters;
  const exclusionMode = EXCLUSION_MODES.includes(mutability);
  if (filters === undefined || filters.length === 0) {
    if (exclusionMode) throw errors.exclusionModeNeedsFilters(where, mutability);
    return undefined;
  }
  if (!exclusionMode) throw errors.exclusionFiltersNeedExclusionMode(where, mutability);
  validateCount(where, 'imageTagMutabilityExclusionFilters', filters.length, TEMPLATE.image_tag_mutability_exclusion_filter);
  return filters.map((filter) => {
    validateArgument(where, 'imageTagMutabilityExclusionFilters', filter, TEMPLATE['image_tag_mutability_exclusion_filter.filter']);
    return { filter, filterType: 'WILDCARD' };
  });
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

/** A rule of an ECR lifecycle policy, as the lifecycle policy properties page names its fields. */
interface LifecycleRule {
  readonly rulePriority: number;
  readonly description: string;
  readonly selection: {
    readonly tagStatus: 'untagged' | 'any';
    readonly storageClass?: 'archive';
    readonly countType: 'sinceImagePushed' | 'imageCountMoreThan' | 'sinceImagePulled' | 'sinceImageTransitioned';
    readonly countUnit?: 'days';
    readonly countNumber: number | string;
  };
  readonly action: { readonly type: 'expire' } | { readonly type: 'transition'; readonly targetStorageClass: 'archive' };
}

type Selection = LifecycleRule['selection'];
type Action = LifecycleRule['action'];

/**
 * The lifecycle policy of a template: the raw one, or the rules made from the simple settings.
 *
 * The rules, in priority order (ECR applies an image's first matching rule and wants the rule on every image of a
 * storage class last; rules on archived images select `storageClass: archive`, so they come after):
 *   1. untagged images, by push age (`untaggedImageExpiryDays`);
 *   2. every image in standard storage: by count (`maxImageCount`) or, instead, archived by last pull
 *      (`archiveImagesNotPulledForDays`);
 *   3. every archived image, deleted after its time in the archive (`expireImagesNotPulledForDays`).
 *
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html#lp_evaluation_rules
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_parameters.html
 */
function lifecyclePolicyOf(where: Where, props: RepositoryTemplateOptions): string | undefined {
  const untagged = props.untaggedImageExpiryDays;
  const count = props.maxImageCount;
  const archive = props.archiveImagesNotPulledForDays;
  const expire = props.expireImagesNotPulledForDays;
  const knobs = untagged !== undefined || count !== undefined || archive !== undefined || expire !== undefined;
  if (props.lifecyclePolicy !== undefined) {
    if (knobs) throw errors.lifecycleConflict(where);
    checkPolicy(where, 'lifecyclePolicy', props.lifecyclePolicy, LIFECYCLE_POLICY_MAX_LENGTH);
    return props.lifecyclePolicy;
  }
  if (!knobs) return undefined;
  checkWholeNumber(where, 'untaggedImageExpiryDays', untagged);
  checkWholeNumber(where, 'maxImageCount', count);
  checkWholeNumber(where, 'archiveImagesNotPulledForDays', archive);
  checkWholeNumber(where, 'expireImagesNotPulledForDays', expire);
  if (count !== undefined && archive !== undefined) throw errors.countAndArchiveConflict(where);
  if (expire !== undefined && archive === undefined) throw errors.expireWithoutArchive(where, expire);
  if (expire !== undefined && isLiteralNumber(expire) && isLiteralNumber(archive!) && expire - archive! < ARCHIVE_MINIMUM_DAYS) {
    throw errors.archiveMinimum(where, archive!, expire);
  }

  const rules: LifecycleRule[] = [];
  const add = (description: string, selection: Selection, action: Action) => {
    rules.push({ rulePriority: rules.length + 1, description, selection, action });
  };
  const expireAction: Action = { type: 'expire' };
  if (untagged !== undefined) {
    add(`Expire untagged images after ${text(untagged)} days`,
      { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: untagged }, expireAction);
  }
  if (count !== undefined) {
    add(`Keep at most ${text(count)} images`, { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: count }, expireAction);
  }
  if (archive !== undefined) {
    add(`Archive images not pulled for ${text(archive)} days`,
      { tagStatus: 'any', countType: 'sinceImagePulled', countUnit: 'days', countNumber: archive },
      { type: 'transition', targetStorageClass: 'archive' });
  }
  if (expire !== undefined) {
    const inArchive = isLiteralNumber(expire) && isLiteralNumber(archive!) ? expire - archive! : Token.asString(Op.sub(expire, archive!));
    add(`Expire images not pulled for ${text(expire)} days (${text(inArchive)} days after they were archived)`,
      { tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: inArchive },
      expireAction);
  }
  return policyText(rules);
}

function isLiteralNumber(value: number): boolean {
  return !Token.isUnresolved(value);
}

/** A number as text in a description: its Terraform expression when it is a token. */
function text(value: number | string): string {
  return typeof value === 'number' && Token.isUnresolved(value) ? Token.asString(value) : String(value);
}

/**
 * The policy document. A count that is a token (a number token, or the string token of a difference) is written as a
 * bare Terraform interpolation where the number goes, so the resolved document holds a JSON number.
 */
function policyText(rules: LifecycleRule[]): string {
  const tokens: string[] = [];
  const json = JSON.stringify({ rules }, (key, value) => {
    if (key !== 'countNumber' || !Token.isUnresolved(value)) return value;
    tokens.push(typeof value === 'number' ? Token.asString(value) : value);
    return `@countNumber${tokens.length - 1}@`;
  });
  return json.replace(/"@countNumber(\d+)@"/g, (_match, index: string) => tokens[Number(index)]);
}

function checkTags(where: Where, tags: { [key: string]: string }): void {
  const keys = Object.keys(tags);
  const count = itemRange(TEMPLATE.resource_tags).max;
  if (keys.length > count) throw errors.resourceTag(where, keys[count], 'is one too many');
  const { minKey, maxKey, maxValue } = mapEntryRange(TEMPLATE.resource_tags);
  for (const key of keys) {
    if (Token.isUnresolved(key)) continue;
    if (key.length < minKey || key.length > maxKey) throw errors.resourceTag(where, key, `has a key of ${key.length} characters`);
    const value = tags[key];
    if (isLiteral(value) && value.length > maxValue) throw errors.resourceTag(where, key, `has a value of ${value.length} characters`);
  }
}

function checkWholeNumber(where: Where, prop: string, value: number | undefined): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  if (!Number.isInteger(value) || value < 1) throw errors.positiveWholeNumber(where, prop, value);
}
