/**
 * Limits and patterns in one place. Those of the arguments the library writes are read from the argument table
 * (`aws/argument-table.ts`, provider and API side by side); the rest are facts of the API or of image references
 * that no single argument carries.
 */
import { lengthRange, numberRange, regExpOf } from './aws/argument-check';
import {
  ECR_PULL_THROUGH_CACHE_RULE as RULE,
  ECR_REPOSITORY_CREATION_TEMPLATE as TEMPLATE,
  SECRETSMANAGER_SECRET as SECRET,
} from './aws/argument-table';
import { isTokenString } from './tokens';

/** `ecrRepositoryPrefix` and `upstreamRepositoryPrefix` length of a rule. */
export const PREFIX_MIN_LENGTH = lengthRange(RULE.ecr_repository_prefix).min;
export const PREFIX_MAX_LENGTH = lengthRange(RULE.ecr_repository_prefix).max;

/**
 * The Terraform provider's plan-time pattern for both prefixes of a rule.
 *
 * Stricter than the API's own pattern: the API lets `my--prefix` and `a__b` through, Terraform does not.
 */
export const TERRAFORM_PREFIX_PATTERN = regExpOf(RULE.ecr_repository_prefix.provider)!;

/** The prefix that means "no namespace" (cache side) or "any repository" (upstream side). */
export const ROOT_PREFIX = 'ROOT';

/** Credential ARN length (API shape CredentialArn). */
export const CREDENTIAL_ARN_MIN_LENGTH = lengthRange(RULE.credential_arn).min;
export const CREDENTIAL_ARN_MAX_LENGTH = lengthRange(RULE.credential_arn).max;

/** API shape CredentialArn. */
export const CREDENTIAL_ARN_PATTERN = regExpOf(RULE.credential_arn.api)!;

/** Every pull-through cache secret's name starts with this. */
export const SECRET_NAME_PREFIX = 'ecr-pullthroughcache/';

/** Secrets Manager secret names: 1-512 characters of this set. */
export const SECRET_NAME_MAX_LENGTH = lengthRange(SECRET.name).max;
export const SECRET_NAME_PATTERN = regExpOf(SECRET.name.provider)!;

/** API shape CustomRoleArn (max length) and the IAM role ARN form. */
export const ROLE_ARN_MAX_LENGTH = lengthRange(RULE.custom_role_arn).max;
export const ROLE_ARN_PATTERN = regExpOf(RULE.custom_role_arn.library)!;

/** Account IDs (API shape RegistryId). */
export const ACCOUNT_ID_PATTERN = /^\d{12}$/;

/**
 * An SNS topic ARN: topic names have 1-256 letters, digits, '-' or '_', and '.fifo' at the end of a FIFO topic.
 * @see https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html
 */
export const SNS_TOPIC_ARN_PATTERN = /^arn:aws(-[a-z]+)*:sns:[a-z]{2}(-[a-z]+)+-\d{1,2}:\d{12}:[\w-]{1,256}(\.fifo)?$/;

/** AWS region names such as us-east-1, eu-central-2, us-gov-west-1, cn-north-1. */
export const REGION_PATTERN = regExpOf(RULE.region.library)!;

/** Regions whose partitions have no pull-through cache (China and GovCloud). */
export const UNSUPPORTED_REGION_PATTERN = /^(cn-|us-gov-|us-iso|eu-isoe-)/;

/** Azure Container Registry names: 5–50 alphanumerics. */
export const AZURE_REGISTRY_NAME_PATTERN = /^[a-zA-Z0-9]{5,50}$/;

/** KMS key ARN accepted by repository creation templates (API shape KmsKeyForRepositoryCreationTemplate, anchored). */
export const KMS_KEY_ARN_PATTERN = regExpOf(TEMPLATE['encryption_configuration.kms_key'].library)!;

/** Repository creation template description: the provider allows 255, the API 256. */
export const TEMPLATE_DESCRIPTION_MAX_LENGTH = lengthRange(TEMPLATE.description).max;

/** Lifecycle and repository policy text limits of repository creation templates. */
export const LIFECYCLE_POLICY_MAX_LENGTH = lengthRange(TEMPLATE.lifecycle_policy).max;
export const REPOSITORY_POLICY_MAX_LENGTH = lengthRange(TEMPLATE.repository_policy).max;

/**
 * Days an image must stay in the archive storage class before a lifecycle rule may delete it.
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/archive-image.html
 */
export const ARCHIVE_MINIMUM_DAYS = 90;

/** Pull through cache rules per registry and region: a fixed quota, not adjustable. */
export const MAX_RULES_PER_REGION = 50;

/** Secrets Manager recovery window: 0 (force delete) or 7-30 days. */
export const RECOVERY_WINDOW_MIN_DAYS = numberRange(SECRET.recovery_window_in_days).min;
export const RECOVERY_WINDOW_MAX_DAYS = numberRange(SECRET.recovery_window_in_days).max;

// Image tag, digest and repository path forms live in image-reference.ts, which the CLI loads without the core.

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

/** An AWS Organizations ID (the API's pattern). */
export const ORGANIZATION_ID_PATTERN = /^o-[a-z0-9]{10,32}$/;
