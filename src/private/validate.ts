/**
 * Validators shared by the constructs. Each accepts unresolved tokens without looking at them and throws the
 * matching message of errors.ts for a literal that breaks a rule.
 */
import { isTokenString } from './tokens';
import * as errors from './errors';
import { Where } from './errors';
import {
  ACCOUNT_ID_PATTERN,
  CREDENTIAL_ARN_MAX_LENGTH,
  CREDENTIAL_ARN_MIN_LENGTH,
  CREDENTIAL_ARN_PATTERN,
  PREFIX_MAX_LENGTH,
  PREFIX_MIN_LENGTH,
  REGION_PATTERN,
  ROOT_PREFIX,
  ROLE_ARN_MAX_LENGTH,
  ROLE_ARN_PATTERN,
  SECRET_NAME_MAX_LENGTH,
  SECRET_NAME_PATTERN,
  SECRET_NAME_PREFIX,
  TERRAFORM_PREFIX_PATTERN,
} from './patterns';

/** True when the value is a literal this library can check (not a token, not undefined). */
export function isLiteral(value: string | undefined): value is string {
  return value !== undefined && !isTokenString(value);
}

/** Checks an `ecrRepositoryPrefix` or upstream `repositoryPrefix` against length and Terraform's pattern. */
export function validatePrefix(where: Where, prop: string, value: string | undefined): void {
  if (!isLiteral(value)) return;
  if (value.length < PREFIX_MIN_LENGTH || value.length > PREFIX_MAX_LENGTH) {
    throw errors.prefixLength(where, prop, value);
  }
  if (!TERRAFORM_PREFIX_PATTERN.test(value)) {
    throw errors.prefixPattern(where, prop, value);
  }
}

/**
 * An upstream repository prefix other than `ROOT` maps onto a cache namespace, so it needs an `ecrRepositoryPrefix`
 * other than `ROOT` (`ROOT` for both is fine).
 */
export function validatePrefixPair(where: Where, ecrRepositoryPrefix: string, upstreamPrefix: string | undefined): void {
  if (isLiteral(upstreamPrefix) && upstreamPrefix !== ROOT_PREFIX && isLiteral(ecrRepositoryPrefix) && ecrRepositoryPrefix === ROOT_PREFIX) {
    throw errors.upstreamPrefixNeedsCachePrefix(where, upstreamPrefix);
  }
}

export function validateAccountId(where: Where, prop: string, value: string | undefined): void {
  if (isLiteral(value) && !ACCOUNT_ID_PATTERN.test(value)) {
    throw errors.accountId(where, prop, value);
  }
}

export function validateRegion(where: Where, prop: string, value: string | undefined): void {
  if (isLiteral(value) && !REGION_PATTERN.test(value)) {
    throw errors.region(where, prop, value);
  }
}

export function validateRoleArn(where: Where, value: string | undefined): void {
  if (isLiteral(value) && (value.length > ROLE_ARN_MAX_LENGTH || !ROLE_ARN_PATTERN.test(value))) {
    throw errors.roleArn(where, value);
  }
}

export function validateCredentialArn(where: Where, value: string): void {
  if (!isLiteral(value)) return;
  if (value.length < CREDENTIAL_ARN_MIN_LENGTH || value.length > CREDENTIAL_ARN_MAX_LENGTH) {
    throw errors.credentialArnLength(where, value);
  }
  if (!CREDENTIAL_ARN_PATTERN.test(value)) {
    throw errors.credentialArnPattern(where, value);
  }
}

/** Checks a full secret name (with its `ecr-pullthroughcache/` start). */
export function validateFullSecretName(where: Where, fullName: string): void {
  if (!isLiteral(fullName)) return;
  const rest = fullName.slice(SECRET_NAME_PREFIX.length);
  if (rest.length === 0 || fullName.length > SECRET_NAME_MAX_LENGTH || !SECRET_NAME_PATTERN.test(rest)) {
    throw errors.secretName(where, fullName);
  }
}

const IAM_ROLE_NAME_PATTERN = /^[\w+=,.@-]{1,64}$/;

export function validateIamRoleName(where: Where, prop: string, value: string | undefined): void {
  if (isLiteral(value) && !IAM_ROLE_NAME_PATTERN.test(value)) {
    throw errors.iamRoleName(where, prop, value);
  }
}

/** The region of a Secrets Manager or IAM ARN, when the ARN is a literal. */
export function regionOfArn(arn: string | undefined): string | undefined {
  if (!isLiteral(arn)) return undefined;
  const parts = arn.split(':');
  return parts.length > 3 && parts[3] !== '' ? parts[3] : undefined;
}
