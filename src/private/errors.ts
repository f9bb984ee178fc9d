/**
 * Every message this library throws or warns with, made in one place so tests can assert exact text.
 *
 * Each message names where the problem is (a construct path, or the factory that was called), the value,
 * the rule it broke and how to fix it.
 */
import { IConstruct } from 'constructs';
import { allowedValues, itemRange, lengthRange, mapEntryRange, RuleKind } from './aws/argument-check';
import { ArgumentLimits, Constraint, ECR_PULL_THROUGH_CACHE_RULE, ECR_REPOSITORY_CREATION_TEMPLATE, IAM_ROLE } from './aws/argument-table';
import {
  ARCHIVE_MINIMUM_DAYS,
  CREDENTIAL_ARN_MAX_LENGTH,
  CREDENTIAL_ARN_MIN_LENGTH,
  MAX_RULES_PER_REGION,
  RECOVERY_WINDOW_MAX_DAYS,
  RECOVERY_WINDOW_MIN_DAYS,
  ROLE_ARN_MAX_LENGTH,
  SECRET_NAME_MAX_LENGTH,
  SECRET_NAME_PREFIX,
  TEMPLATE_DESCRIPTION_MAX_LENGTH,
} from './patterns';

/** The error type of every validation failure of this library. */
export class ValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ValidationError';
  }
}

/**
 * Where a problem is: a construct (its path is worked out only when there is a message to write, since most
 * constructs have none) or the name of a factory such as `UpstreamRegistry.ecr()`.
 */
export type Where = string | IConstruct;

function fail(where: Where, text: string): ValidationError {
  return new ValidationError(`${typeof where === 'string' ? where : where.node.path}: ${text}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Prefixes

export function prefixLength(where: Where, prop: string, value: string,
  limits: ArgumentLimits = ECR_PULL_THROUGH_CACHE_RULE.ecr_repository_prefix): ValidationError {
  const { min, max } = lengthRange(limits);
  return fail(where, `${prop} '${value}' has ${value.length} characters, but a ${prefixKind(limits)} must have ${min}-${max}. ` +
    `Use a prefix such as 'docker-hub'${allowsRoot(limits) ? `, or 'ROOT' for no prefix` : ''}.`);
}

export function prefixPattern(where: Where, prop: string, value: string,
  limits: ArgumentLimits = ECR_PULL_THROUGH_CACHE_RULE.ecr_repository_prefix): ValidationError {
  return fail(where, `${prop} '${value}' is not a valid ${prefixKind(limits)}: use ${limits.allowed}. ` +
    `For example 'docker-hub' or 'team/images'.`);
}

function prefixKind(limits: ArgumentLimits): string {
  return limits.api?.shape === 'Prefix' ? 'repository creation template prefix' : 'pull through cache prefix';
}

function allowsRoot(limits: ArgumentLimits): boolean {
  return limits.provider?.pattern?.includes('ROOT') ?? true;
}

export function rootPrefixNotReadable(where: Where): ValidationError {
  return fail(where, `ecrRepositoryPrefix 'ROOT' cannot be referenced with fromEcrRepositoryPrefix(): the provider's data source ` +
    `aws_ecr_pull_through_cache_rule rejects 'ROOT' at plan (only the resource accepts it). Use the PullThroughCacheRule that declares ` +
    `the rule instead: its registryHost, imageUri() and grantPull() work from every stack of the same app. From another app, write ` +
    `image URIs as '<account>.dkr.ecr.<region>.amazonaws.com/<upstream path>' (a ROOT rule adds no prefix).`);
}

export function upstreamPrefixNeedsCachePrefix(where: Where, upstreamPrefix: string): ValidationError {
  return fail(where, `upstream repository prefix '${upstreamPrefix}' needs an ecrRepositoryPrefix other than 'ROOT'. ` +
    `Set ecrRepositoryPrefix (for example 'ecr-mirror'), or use 'ROOT' for both.`);
}

// ---------------------------------------------------------------------------------------------------------------
// Upstream registries

export function credentialRequired(factory: string): ValidationError {
  return fail(factory, `this upstream registry requires a credential (a Secrets Manager secret whose name starts with '${SECRET_NAME_PREFIX}'). ` +
    `Pass { credential: UpstreamCredential.fromSecretArn(...) } or the credential of an UpstreamCredentialSecret.`);
}

export function upstreamRequired(where: Where): ValidationError {
  return fail(where, `upstream is missing. Pass one of the UpstreamRegistry presets, for example { upstream: UpstreamRegistry.ecrPublic() }.`);
}

export function azureRegistryName(factory: string, value: string): ValidationError {
  return fail(factory, `registryName '${value}' is not an Azure Container Registry name: it must be 5-50 letters and digits, ` +
    `without the '.azurecr.io' suffix. For example 'contosoimages'.`);
}

export function accountId(where: Where, prop: string, value: string): ValidationError {
  return fail(where, `${prop} '${value}' is not an AWS account ID: it must be exactly 12 digits, for example '111122223333'.`);
}

export function region(where: Where, prop: string, value: string): ValidationError {
  return fail(where, `${prop} '${value}' is not an AWS Region name: use ${ECR_PULL_THROUGH_CACHE_RULE.region.allowed}.`);
}

export function roleArn(where: Where, value: string): ValidationError {
  return fail(where, `roleArn '${value}' is not an IAM role ARN: it must look like 'arn:aws:iam::111122223333:role/name' ` +
    `and be at most ${ROLE_ARN_MAX_LENGTH} characters. Use the roleArn of an EcrUpstreamRole, or the ARN of a role in the cache account.`);
}

export function ecrUpstreamIsItself(where: Where, regionName: string): ValidationError {
  return fail(where, `the 'ecr' upstream points at this registry's own account and Region '${regionName}': ECR to ECR caching needs ` +
    `another Region or another account. Set region or accountId of UpstreamRegistry.ecr() to the upstream registry.`);
}

// ---------------------------------------------------------------------------------------------------------------
// Credentials and secrets

export function credentialArnLength(where: Where, value: string): ValidationError {
  return fail(where, `secret ARN '${value}' has ${value.length} characters, but a pull through cache credential ARN must have ` +
    `${CREDENTIAL_ARN_MIN_LENGTH}-${CREDENTIAL_ARN_MAX_LENGTH}. Pass the full ARN of the secret.`);
}

export function credentialArnPattern(where: Where, value: string): ValidationError {
  return fail(where, `secret ARN '${value}' is not a pull through cache credential: it must be a Secrets Manager secret ARN whose ` +
    `secret name starts with '${SECRET_NAME_PREFIX}' (arn:aws:secretsmanager:<region>:<account>:secret:${SECRET_NAME_PREFIX}<name>). ` +
    `Rename the secret or create it with UpstreamCredentialSecret.`);
}

export function secretNameNotForCache(where: Where, value: string): ValidationError {
  return fail(where, `secret name '${value}' does not start with '${SECRET_NAME_PREFIX}', so ECR cannot use it as a pull through cache credential. ` +
    `Name the secret '${SECRET_NAME_PREFIX}<name>', or create it with UpstreamCredentialSecret.`);
}

export function secretName(where: Where, value: string): ValidationError {
  return fail(where, `secretName '${value}' is not a valid secret name: after '${SECRET_NAME_PREFIX}' use 1 or more letters, digits ` +
    `or '/_+=.@-', at most ${SECRET_NAME_MAX_LENGTH} characters in all. For example 'docker-hub'.`);
}

export function secretCustomerKey(where: Where): ValidationError {
  return fail(where, `the secret is encrypted with a customer managed KMS key, but a pull through cache credential must use the ` +
    `default 'aws/secretsmanager' key. Remove kmsKeyId from the secret.`);
}

export function upstreamPrefixOnlyForEcr(where: Where, type: string): ValidationError {
  return fail(where, `upstreamRepositoryPrefix is set, but upstreamType is '${type}': only an 'ecr' upstream has an upstream repository prefix. ` +
    `Remove upstreamRepositoryPrefix, or set upstreamType to UpstreamRegistryType.ECR.`);
}

export function notASecret(where: Where, given: string): ValidationError {
  return fail(where, `UpstreamCredential.fromSecret() takes an aws_secretsmanager_secret resource, but was given ${given}. ` +
    `Pass the secret resource itself (for example the provider's SecretsmanagerSecret), or use UpstreamCredential.fromSecretArn().`);
}

export function literalSecretValue(where: Where, prop: string): ValidationError {
  return fail(where, `${prop} is a literal string, so the secret would be written into the synthesized configuration. ` +
    `Pass a Terraform token instead, such as a sensitive TerraformVariable's stringValue.`);
}

export function recoveryWindow(where: Where, value: number): ValidationError {
  return fail(where, `recoveryWindowInDays ${value} is not allowed: use 0 (delete at once) or ${RECOVERY_WINDOW_MIN_DAYS}-${RECOVERY_WINDOW_MAX_DAYS}.`);
}

export function secretVersion(where: Where, value: number): ValidationError {
  return fail(where, `secretStringVersion ${value} is not allowed: use a whole number of 1 or more, and raise it to write new values.`);
}

export function credentialRegionMismatch(where: Where, secretRegion: string, ruleRegion: string): ValidationError {
  return fail(where, `the credential secret is in Region '${secretRegion}', but the rule is in '${ruleRegion}': ECR reads the secret ` +
    `from the rule's own account and Region. Create the secret in '${ruleRegion}'.`);
}

// ---------------------------------------------------------------------------------------------------------------
// Rules across a stack

export function ruleRegionConflict(where: Where, ruleRegion: string, cacheRegion: string): ValidationError {
  return fail(where, `region '${ruleRegion}' differs from its PullThroughCache's region '${cacheRegion}': a PullThroughCache holds the rules ` +
    `of one Region. Make a PullThroughCache per Region.`);
}

// These three are construct validations: cdktf prints them after the construct path, as '[path] message'.

export function duplicatePrefix(prefix: string, regionKey: string, otherPath: string): string {
  return `ecrRepositoryPrefix '${prefix}' is also used by ${otherPath} in ${regionKey}: a registry has one rule per prefix and Region. ` +
    `Give one of the rules another ecrRepositoryPrefix.`;
}

export function overlappingPrefix(prefix: string, other: string, otherPath: string, regionKey: string): string {
  return `ecrRepositoryPrefix '${prefix}' overlaps '${other}' of ${otherPath} in ${regionKey}: a repository name would match both rules. ` +
    `Use prefixes where neither is the start of the other, such as 'docker-hub' and 'quay'.`;
}

export function tooManyRules(regionKey: string, count: number): string {
  return `${count} pull through cache rules in ${regionKey}, but a registry allows ${MAX_RULES_PER_REGION} per Region ` +
    `(a fixed quota that cannot be raised). Move rules to another Region or account.`;
}

// ---------------------------------------------------------------------------------------------------------------
// Across resources (checked at synth; construct validations print '[path] message')

export function duplicateTemplate(prefix: string, regionKey: string, otherPath: string): string {
  return `a repository creation template for prefix '${prefix}' is also made by ${otherPath} in ${regionKey}: a registry has one template ` +
    `per prefix and Region, so the second fails with TemplateAlreadyExistsException. Keep one: drop the rule's repositoryTemplate ` +
    `(it is a template on the rule's prefix) or the PullThroughCacheRepositoryTemplate.`;
}

export function secretInProviderRegion(secretPath: string, providerRegionName: string, ruleRegion: string): string {
  return `the credential secret ${secretPath} sets no region, so it is made in the provider's Region '${providerRegionName}', but this rule ` +
    `is in '${ruleRegion}': ECR reads the secret from the rule's own account and Region. Set the secret's region to '${ruleRegion}' ` +
    `(one secret per Region when rules in several Regions use one credential).`;
}

export function secretRegionUnknownWarning(secretPath: string, ruleRegion: string): string {
  return `[ecr-ptc:secret-region] the credential secret ${secretPath} sets no region, so it is made in the provider's Region, which is ` +
    `not known at synth, and this rule is in '${ruleRegion}': ECR reads the secret from the rule's own Region. Set the secret's region ` +
    `to '${ruleRegion}'.`;
}

export function upstreamRoleMismatch(rolePath: string, what: string, roleValue: string, upstreamValue: string): string {
  return `the upstream role ${rolePath} reads upstream ${what} '${roleValue}', but this rule's 'ecr' upstream is in ${what} '${upstreamValue}': ` +
    `the first pull would be denied. Give the rule an EcrUpstreamRole made for ${what} '${upstreamValue}', or fix the upstream.`;
}

export function upstreamRolePrefixMismatch(rolePath: string, rolePrefix: string, upstreamPrefix: string): string {
  return `the upstream role ${rolePath} reads only upstream repositories under '${rolePrefix}/', but this rule's 'ecr' upstream pulls ` +
    `repositoryPrefix '${upstreamPrefix}'${upstreamPrefix === 'ROOT' ? ' (the default: every repository)' : ''}: the first pull would be denied. ` +
    `Set the upstream's repositoryPrefix to '${rolePrefix}' (or a prefix under it), or use a role whose upstreamRepositoryPrefix covers it.`;
}

export function policyTooLarge(kind: string, length: number, max: number, fix: string): string {
  return `this ${kind} can reach ${length} characters once Terraform resolves it, but IAM allows ${max} (IAM quotas, whitespace not ` +
    `counted): creating it would fail. ${fix}`;
}

/** What to do about an oversized policy of an EcrUpstreamRole. */
export const UPSTREAM_ROLE_POLICY_FIX = `Pass the role to fewer rules (one EcrUpstreamRole per group of rules), or set scopeToRules: false.`;

/** What to do about an oversized policy of a repository creation template's role. */
export const TEMPLATE_ROLE_POLICY_FIX = `Use a shorter prefix or kmsKey.`;

export function tooManyManagedPolicies(path: string, count: number, max: number): string {
  return `${path}: the pull grants of this role need ${count} managed policies of at most 6144 characters, but IAM attaches at most ${max} ` +
    `to a role by default (an adjustable quota, up to 20, shared with the role's other managed policies). Grant fewer rules to this ` +
    `role, or split the pullers across roles.`;
}

export function grantsAsManagedPolicies(count: number, inlineLength: number): string {
  return `[ecr-ptc:grants-managed] the pull grants of this role would take up to ${inlineLength} characters of inline policy, more than ` +
    `IAM's 10240 per role, so they are written as ${count} customer managed ${count === 1 ? 'policy' : 'policies'} attached to the role.`;
}

// ---------------------------------------------------------------------------------------------------------------
// Images

export function imageReference(where: Where, image: string, reason: string): ValidationError {
  return fail(where, `image '${image}' is not a valid image reference: ${reason}. Write it as after 'docker pull', for example 'nginx:1.27' or 'org/app@sha256:<digest>'.`);
}

export function imageFromOtherRegistry(where: Where, image: string, host: string, expected: string): ValidationError {
  return fail(where, `image '${image}' is on '${host}', but this rule caches '${expected}'. Use the rule for '${host}', or drop the host.`);
}

export function imageOutsideUpstreamPrefix(where: Where, image: string, upstreamPrefix: string): ValidationError {
  return fail(where, `image '${image}' is outside the upstream repository prefix '${upstreamPrefix}' of this rule, so it is not cached. ` +
    `Use an image under '${upstreamPrefix}/'.`);
}

export function imageReferenceIsToken(where: Where): ValidationError {
  return fail(where, `imageUri() of a cache needs a literal image reference to pick the rule for its host, but got a token. ` +
    `Call imageUri() on the rule you mean instead.`);
}

export function imageNoRuleForHost(where: Where, image: string, host: string, cachedHosts: readonly string[], unknownHosts: boolean): ValidationError {
  const cached = cachedHosts.length === 0 ? 'no upstream known at synth' : [...new Set(cachedHosts)].map((h) => `'${h}'`).join(', ');
  const unknown = unknownHosts ? ' (rules whose upstream host is known only at apply are not considered)' : '';
  return fail(where, `image '${image}' is on '${host}', but no rule of this cache caches it (it caches ${cached}${unknown}). ` +
    `Add a rule for '${host}', or call imageUri() on the rule you mean.`);
}

export function imageAmbiguousRules(where: Where, image: string, host: string, rules: readonly string[]): ValidationError {
  return fail(where, `image '${image}' on '${host}' is covered by ${rules.length} rules of this cache (${rules.join(', ')}). ` +
    `Call imageUri() on the rule you mean.`);
}

// ---------------------------------------------------------------------------------------------------------------
// IAM

export function iamRoleName(where: Where, prop: string, value: string): ValidationError {
  const { min, max } = lengthRange(IAM_ROLE.name);
  return fail(where, `${prop} '${value}' is not an IAM role name: use ${min}-${max} ${IAM_ROLE.name.allowed}.`);
}

// ---------------------------------------------------------------------------------------------------------------
// Repository creation templates

export function lifecycleConflict(where: Where): ValidationError {
  return fail(where, `lifecyclePolicy cannot be combined with untaggedImageExpiryDays, maxImageCount, archiveImagesNotPulledForDays ` +
    `or expireImagesNotPulledForDays. Use either the raw lifecycle policy or the simple settings.`);
}

export function countAndArchiveConflict(where: Where): ValidationError {
  return fail(where, `maxImageCount cannot be combined with archiveImagesNotPulledForDays: both are rules on every image in standard ` +
    `storage, and ECR acts on an image only through the first rule whose tag selection matches it (and wants the rule on every ` +
    `image last), so one of the two would never apply. Keep one of them.`);
}

export function expireWithoutArchive(where: Where, expireDays: number): ValidationError {
  return fail(where, `expireImagesNotPulledForDays ${expireDays} needs archiveImagesNotPulledForDays: ECR's last-pull rules can only ` +
    `move images to the archive storage class, and a lifecycle rule deletes an archived image only after ${ARCHIVE_MINIMUM_DAYS} days there. ` +
    `${archiveFix(expireDays)}, or use maxImageCount to delete images instead.`);
}

export function archiveMinimum(where: Where, archiveDays: number, expireDays: number): ValidationError {
  return fail(where, `expireImagesNotPulledForDays ${expireDays} leaves images ${expireDays - archiveDays} days in the archive after ` +
    `archiveImagesNotPulledForDays ${archiveDays}, but ECR deletes an archived image only after ${ARCHIVE_MINIMUM_DAYS} days there. ` +
    `Set expireImagesNotPulledForDays to at least ${archiveDays + ARCHIVE_MINIMUM_DAYS}` +
    (expireDays > ARCHIVE_MINIMUM_DAYS ? `, or archiveImagesNotPulledForDays to at most ${expireDays - ARCHIVE_MINIMUM_DAYS}.` : '.'));
}

/** How to pair an expiry with an archive setting that ECR accepts. */
function archiveFix(expireDays: number): string {
  return expireDays > ARCHIVE_MINIMUM_DAYS
    ? `Set archiveImagesNotPulledForDays to at most ${expireDays - ARCHIVE_MINIMUM_DAYS}`
    : `Set archiveImagesNotPulledForDays, and expireImagesNotPulledForDays at least ${ARCHIVE_MINIMUM_DAYS} days later ` +
      `(for example ${expireDays} and ${expireDays + ARCHIVE_MINIMUM_DAYS})`;
}

export function positiveWholeNumber(where: Where, prop: string, value: number): ValidationError {
  return fail(where, `${prop} ${value} is not allowed: use a whole number of 1 or more.`);
}

export function kmsKeyWithoutKms(where: Where): ValidationError {
  return fail(where, `kmsKey is set but encryption is not KMS. Set encryption to RepositoryEncryption.KMS, or remove kmsKey.`);
}

export function kmsKeyArn(where: Where, value: string): ValidationError {
  return fail(where, `kmsKey '${value}' is not a KMS key ARN: use ${ECR_REPOSITORY_CREATION_TEMPLATE['encryption_configuration.kms_key'].allowed}. ` +
    `Pass the key's ARN, for example the arn of a KmsKey resource.`);
}

export function templateDescription(where: Where, value: string): ValidationError {
  return fail(where, `description has ${value.length} characters, but a repository creation template allows at most ${TEMPLATE_DESCRIPTION_MAX_LENGTH} ` +
    `(the Terraform provider's limit; the ECR API would take 256). Shorten it.`);
}

export function kmsKeyRegion(where: Where, kmsKey: string, keyRegion: string, templateRegion: string): ValidationError {
  return fail(where, `kmsKey '${kmsKey}' is in Region '${keyRegion}', but the template is in '${templateRegion}': ECR encrypts each ` +
    `repository it creates with a key of the repository's own Region. Use a key in '${templateRegion}' (a multi-Region replica key there works too).`);
}

export function exclusionFiltersNeedExclusionMode(where: Where, mutability: string): ValidationError {
  return fail(where, `imageTagMutabilityExclusionFilters is set, but imageTagMutability is '${mutability}': the filters apply only to ` +
    `IMMUTABLE_WITH_EXCLUSION and MUTABLE_WITH_EXCLUSION. Set one of those, or remove the filters.`);
}

export function exclusionModeNeedsFilters(where: Where, mutability: string): ValidationError {
  return fail(where, `imageTagMutability is '${mutability}', which needs imageTagMutabilityExclusionFilters: 1-5 tag filters such as ` +
    `'latest' or 'release-*'. Add them, or use MUTABLE or IMMUTABLE.`);
}

export function resourceTag(where: Where, key: string, reason: string): ValidationError {
  const { minKey, maxKey, maxValue } = mapEntryRange(ECR_REPOSITORY_CREATION_TEMPLATE.resource_tags);
  const { max } = itemRange(ECR_REPOSITORY_CREATION_TEMPLATE.resource_tags);
  return fail(where, `resource tag '${key}' ${reason}: tag keys have ${minKey}-${maxKey} characters, values at most ${maxValue}, ` +
    `and a repository at most ${max} tags. Shorten or drop it.`);
}

export function policyDocument(where: Where, prop: string, max: number, reason: string): ValidationError {
  return fail(where, `${prop} ${reason}: it must be a JSON document of at most ${max} characters. Check the document.`);
}

// ---------------------------------------------------------------------------------------------------------------
// Cores

/** What a user of each core installs, per language (the names in package.json and scripts/flavor.js). */
export const PACKAGES: { readonly [core: string]: { readonly title: string; readonly npm: string; readonly python: string; readonly go: string; readonly maven: string } } = {
  cdktf: {
    title: 'CDK for Terraform (cdktf)',
    npm: 'cdktf-ecr-pull-through-cache',
    python: 'cdktf-ecr-pull-through-cache (module cdktf_ecr_pull_through_cache)',
    go: 'github.com/cdktf-ecr-pull-through-cache/cdktf-ecr-pull-through-cache-go/ecrpullthroughcache',
    maven: 'io.github.cdktf-ecr-pull-through-cache:cdktf-ecr-pull-through-cache',
  },
  cdktn: {
    title: 'CDK Terrain (cdktn)',
    npm: 'cdktn-ecr-pull-through-cache',
    python: 'cdktn-ecr-pull-through-cache (module cdktn_ecr_pull_through_cache)',
    go: 'github.com/cdktf-ecr-pull-through-cache/cdktn-ecr-pull-through-cache-go/ecrpullthroughcache',
    maven: 'io.github.cdktf-ecr-pull-through-cache:cdktn-ecr-pull-through-cache',
  },
};

export function otherCore(where: Where, stackCore: string, libraryCore: string): ValidationError {
  const stack = PACKAGES[stackCore];
  const library = PACKAGES[libraryCore];
  return fail(where, `the stack is a ${stack.title} stack, but this construct comes from ${library.npm}, the package built for ` +
    `${library.title}; one stack cannot mix the two cores. Use the package built for ${stack.title} instead: npm ${stack.npm}, ` +
    `PyPI ${stack.python}, Go ${stack.go}, Maven ${stack.maven}.`);
}

// ---------------------------------------------------------------------------------------------------------------
// Pulls from other accounts

export function organizationId(where: Where, value: string): ValidationError {
  return fail(where, `organizationId '${value}' is not an AWS Organizations ID: it must be 'o-' followed by 10-32 lowercase letters or digits, ` +
    `for example 'o-a1b2c3d4e5'. Find it with 'aws organizations describe-organization'.`);
}

export function noAccountIds(where: Where): ValidationError {
  return fail(where, `accountIds is empty: give the 12-digit IDs of the accounts whose principals may pull, for example ['111122223333'].`);
}

export function accountIdsToken(where: Where): ValidationError {
  return fail(where, `accountIds is a token list, whose length is unknown until Terraform runs: give a list of strings ` +
    `(each may be a token), for example [consumerAccountId].`);
}

export function repositoryPolicyNotMergeable(where: Where, reason: string): ValidationError {
  return fail(where, `the repositoryPolicy of the rule's creation template ${reason}, so the pull grant for other accounts cannot add its ` +
    `statements to it. Give repositoryPolicy as a literal JSON document with a 'Statement' list, or leave it out.`);
}

export function repositoryPolicySid(where: Where, sid: string): ValidationError {
  return fail(where, `the repositoryPolicy of the rule's creation template already has a statement with Sid '${sid}', which the pull grant ` +
    `for other accounts uses. Rename that statement.`);
}

export function mergedRepositoryPolicyLength(length: number, max: number): string {
  return `the repository policy of this template, with the statements of the pull grants for other accounts, has ${length} characters, ` +
    `but ECR allows at most ${max}. Grant an organization instead of many accounts, or shorten your own statements.`;
}

export function registryPolicyOwnership(regionKey: string, managed: string[], unmanaged: string[]): string {
  return `the grants in ${regionKey} disagree about who owns the registry policy: manageRegistryPolicy is true for ` +
    `${managed.join(', ')} and false for ${unmanaged.join(', ')}. A registry has one policy per Region: set the same value on all of them.`;
}

// ---------------------------------------------------------------------------------------------------------------
// Failure notifications

export function topicRegionMismatch(where: Where, value: string, ruleRegion: string): ValidationError {
  return fail(where, `topicArn '${value}' is in another Region than this rule ('${ruleRegion}'): an EventBridge rule sends to SNS topics ` +
    `of its own Region only. Pass a topic in '${ruleRegion}', or leave topicArn out to get a new topic in each Region of the rules.`);
}

export function failureNotificationsTwice(where: Where): ValidationError {
  return fail(where, `addFailureNotifications() was already called here: failed syncs already go to one topic per Region. ` +
    `Subscribe more endpoints to that topic (failureTopicArn) instead of calling it again.`);
}

// A construct validation: cdktf prints it after the construct path.
export function notificationsWithoutRules(region: string | undefined): string {
  return `failure notifications for ${region === undefined ? "the provider's Region" : `Region '${region}'`} cover no pull through cache rule, ` +
    `so their EventBridge rule would match nothing. Add a rule in that Region, or do not call addFailureNotifications().`;
}

// ---------------------------------------------------------------------------------------------------------------
// Any argument of the table (argument-table.ts): the rule and what is allowed come from its entry.

function sourceOf(limits: ArgumentLimits, has: (c: Constraint) => boolean): string {
  const names: string[] = [];
  if (limits.provider !== undefined && has(limits.provider)) names.push('the Terraform provider');
  if (limits.api !== undefined && has(limits.api)) names.push('the AWS API');
  if (limits.library !== undefined && has(limits.library)) names.push(`this library (${limits.library.reason})`);
  return names.join(' and ');
}

function shown(value: string): string {
  return value.length > 64 ? `${value.slice(0, 61)}...` : value;
}

export function argumentRule(where: Where, prop: string, value: string, rule: RuleKind, limits: ArgumentLimits): ValidationError {
  if (rule === 'length') {
    const { min, max } = lengthRange(limits);
    const range = max === Infinity ? `at least ${min}` : `${min}-${max}`;
    return fail(where, `${prop} '${shown(value)}' has ${value.length} characters, but ${range} are allowed, as set by ` +
      `${sourceOf(limits, (c) => c.minLength !== undefined || c.maxLength !== undefined)}. ${value.length > max ? 'Shorten' : 'Lengthen'} it.`);
  }
  const values = allowedValues(limits);
  const list = rule === 'values' && values !== undefined ? ` (${values.map((v) => `'${v}'`).join(', ')})` : '';
  return fail(where, `${prop} '${shown(value)}' is not allowed: use ${limits.allowed}${list}.`);
}

export function argumentCount(where: Where, prop: string, count: number, limits: ArgumentLimits): ValidationError {
  const { min, max } = itemRange(limits);
  return fail(where, `${prop} has ${count} entries, but ${min}-${max} are allowed, as set by ` +
    `${sourceOf(limits, (c) => c.minItems !== undefined || c.maxItems !== undefined)}. Use ${limits.allowed}.`);
}

// ---------------------------------------------------------------------------------------------------------------
// Warnings: deployable but suspicious.

export function immutableTagsWarning(): string {
  return `[ecr-ptc:immutable-tags] cached repositories with IMMUTABLE tags cannot be refreshed: ECR cannot update a cached tag ` +
    `such as 'latest' when the upstream image changes. Use MUTABLE unless you pull by digest only.`;
}

export function unsupportedPartitionWarning(regionName: string): string {
  return `[ecr-ptc:unsupported-partition] Region '${regionName}' is in a partition without pull through cache (China and GovCloud have none). ` +
    `Deployment there will fail; use a Region of the aws partition.`;
}

export function crossAccountWithoutRoleWarning(upstreamAccountId: string): string {
  return `[ecr-ptc:cross-account-role] the 'ecr' upstream is in account '${upstreamAccountId}' and no roleArn is set. ` +
    `If that is not this stack's account, ECR needs a role to pull: pass the roleArn of an EcrUpstreamRole.`;
}

export function rootOverlapWarning(otherPaths: string[]): string {
  return `[ecr-ptc:root-overlap] this rule uses the 'ROOT' prefix beside prefixed rules (${otherPaths.join(', ')}): repositories under those ` +
    `prefixes go to their own rules, all other names to this one. Check that this is intended.`;
}

export function noProviderWarning(rulePaths: string[]): string {
  return `[ecr-ptc:no-provider] the stack declares no 'aws' provider construct, and these rules set no region: ${rulePaths.join(', ')}. ` +
    `Their Region is known only when Terraform runs (from the provider configuration or AWS_REGION), so the checks that compare ` +
    `Regions (the secret's Region, an 'ecr' upstream in the rule's own Region, duplicate prefixes) treat them as one unknown Region. ` +
    `Add an AwsProvider with a region, or set region on each rule.`;
}

export function registryPolicyWarning(regionKey: string): string {
  return `[ecr-ptc:registry-policy] this stack owns the registry permissions policy of ${regionKey} (aws_ecr_registry_policy): ` +
    `deploying replaces the whole document, and any statement made elsewhere (for example for replication) is lost. ` +
    `Run 'ecr-ptc diff --synth' first to see what would be dropped, or set manageRegistryPolicy: false and merge registryPolicyJson ` +
    `into the policy you own.`;
}

export function grantWithoutRulesWarning(): string {
  return `[ecr-ptc:grant-without-rules] this cache grants pulls to other accounts but has no rules, so the grant allows nothing. ` +
    `Add a rule with addRule(), or remove the grant.`;
}

export function grantTemplateShadowsRootWarning(prefix: string, rootTemplatePath: string): string {
  return `[ecr-ptc:grant-template] the pull grant for other accounts adds a repository creation template for '${prefix}', which now ` +
    `applies to its new repositories instead of the 'ROOT' template ${rootTemplatePath}. Give the rule a repositoryTemplate with the ` +
    `settings you need.`;
}
