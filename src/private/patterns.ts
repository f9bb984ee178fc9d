/**
 * Limits and patterns of the ECR API and of the Terraform AWS provider, in one place.
 *
 * Sources: reference/ecr-pull-through-cache-model.json (the ECR API model) and the
 * plan-time validation of `aws_ecr_pull_through_cache_rule` in the Terraform AWS provider.
 */
import { isTokenString } from './tokens';

/** `ecrRepositoryPrefix` and `upstreamRepositoryPrefix` length (API shape PullThroughCacheRuleRepositoryPrefix). */
export const PREFIX_MIN_LENGTH = 2;
export const PREFIX_MAX_LENGTH = 30;

/**
 * The Terraform provider's plan-time pattern for both prefixes.
 *
 * Stricter than the API's own pattern: the API lets `my--prefix` and `a__b` through, Terraform does not.
 */
export const TERRAFORM_PREFIX_PATTERN =
  /^((?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*\/?|ROOT)$/;

/** The prefix that means "no namespace" (cache side) or "any repository" (upstream side). */
export const ROOT_PREFIX = 'ROOT';

/** Credential ARN length (API shape CredentialArn). */
export const CREDENTIAL_ARN_MIN_LENGTH = 50;
export const CREDENTIAL_ARN_MAX_LENGTH = 612;

/** API shape CredentialArn. */
export const CREDENTIAL_ARN_PATTERN =
  /^arn:aws(-\w+)*:secretsmanager:[a-zA-Z0-9-:]+:secret:ecr\-pullthroughcache\/[a-zA-Z0-9\/_+=.@-]+$/;

/** Every pull-through cache secret's name starts with this. */
export const SECRET_NAME_PREFIX = 'ecr-pullthroughcache/';

/** Secrets Manager secret names: 1–512 characters of this set. */
export const SECRET_NAME_MAX_LENGTH = 512;
export const SECRET_NAME_PATTERN = /^[a-zA-Z0-9\/_+=.@-]+$/;

/** API shape CustomRoleArn (max length) and the IAM role ARN form. */
export const ROLE_ARN_MAX_LENGTH = 2048;
export const ROLE_ARN_PATTERN = /^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@\/-]{1,512}$/;

/** Account IDs (API shape RegistryId). */
export const ACCOUNT_ID_PATTERN = /^\d{12}$/;

/** AWS region names such as us-east-1, eu-central-2, us-gov-west-1, cn-north-1. */
/**
 * An SNS topic ARN: topic names have 1-256 letters, digits, '-' or '_', and '.fifo' at the end of a FIFO topic.
 * @see https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html
 */
export const SNS_TOPIC_ARN_PATTERN = /^arn:aws(-[a-z]+)*:sns:[a-z]{2}(-[a-z]+)+-\d{1,2}:\d{12}:[\w-]{1,256}(\.fifo)?$/;

export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** Regions whose partitions have no pull-through cache (China and GovCloud). */
export const UNSUPPORTED_REGION_PATTERN = /^(cn-|us-gov-|us-iso|eu-isoe-)/;

/** Azure Container Registry names: 5–50 alphanumerics. */
export const AZURE_REGISTRY_NAME_PATTERN = /^[a-zA-Z0-9]{5,50}$/;

/** KMS key ARN accepted by repository creation templates (API shape KmsKeyForRepositoryCreationTemplate). */
export const KMS_KEY_ARN_PATTERN = /^arn:aws[a-z0-9-]*:kms:[a-z0-9-]+:[0-9]{12}:key\/[a-z0-9-]+$/;

/** Repository creation template description (API shape RepositoryTemplateDescription). */
export const TEMPLATE_DESCRIPTION_MAX_LENGTH = 256;

/** Lifecycle and repository policy text limits of repository creation templates. */
export const LIFECYCLE_POLICY_MAX_LENGTH = 30720;

/**
 * Days an image must stay in the archive storage class before a lifecycle rule may delete it.
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/archive-image.html
 */
export const ARCHIVE_MINIMUM_DAYS = 90;
export const REPOSITORY_POLICY_MAX_LENGTH = 10240;

/** Pull through cache rules per registry and region: a fixed quota, not adjustable. */
export const MAX_RULES_PER_REGION = 50;

/** Secrets Manager recovery window: 0 (force delete) or 7–30 days. */
export const RECOVERY_WINDOW_MIN_DAYS = 7;
export const RECOVERY_WINDOW_MAX_DAYS = 30;

/** Image tag and digest forms (OCI distribution spec). */
export const IMAGE_TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
export const IMAGE_DIGEST_PATTERN = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
export const REPOSITORY_PATH_COMPONENT_PATTERN = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

/**
 * Removes one trailing `/`: ECR always assumes one after a prefix, so `a/` and `a` name the same namespace.
 * A token is returned as it is.
 */
export function normalizePrefix(prefix: string): string {
  return prefix.endsWith('/') && !isTokenString(prefix) ? prefix.slice(0, -1) : prefix;
}

/** The repository namespace a prefix names, without trailing `/`; `undefined` for `ROOT` (no namespace). */
export function namespaceOf(prefix: string): string | undefined {
  const normalized = normalizePrefix(prefix);
  return normalized === ROOT_PREFIX ? undefined : normalized;
}
