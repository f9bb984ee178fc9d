/**
 * Validators shared by the constructs. Each accepts unresolved tokens without looking at them and throws the
 * matching message of errors.ts for a literal that breaks a rule.
 */
import { brokenCountRule, brokenStringRule } from './aws/argument-check';
import { ArgumentLimits, ECR_PULL_THROUGH_CACHE_RULE as RULE, IAM_ROLE, SECRETSMANAGER_SECRET } from './aws/argument-table';
import { isTokenString } from './tokens';
import * as errors from './errors';
import { Where } from './errors';
import { ACCOUNT_ID_PATTERN, ROOT_PREFIX } from './patterns';

/** True when the value is a literal this library can check (not a token, not undefined). */
export function isLiteral(value: string | undefined): value is string {
  return value !== undefined && !isTokenString(value);
}

/**
 * Checks a repository prefix against the limits of the argument it is written to: by default a rule's
 * `ecr_repository_prefix` (also the rule's upstream prefix); the data source's and the template's differ.
 */
export function validatePrefix(where: Where, prop: string, value: string | undefined, limits: ArgumentLimits = RULE.ecr_repository_prefix): void {
  if (!isLiteral(value)) return;
  const broken = brokenStringRule(limits, value);
  if (broken === undefined) return;
  if (broken === 'length') throw errors.prefixLength(where, prop, value, limits);
  // Only the data source's pattern lacks ROOT.
  if (value === ROOT_PREFIX) throw errors.rootPrefixNotReadable(where);
  throw errors.prefixPattern(where, prop, value, limits);
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
  if (isLiteral(value) && brokenStringRule(RULE.region, value) !== undefined) {
    throw errors.region(where, prop, value);
  }
}

export function validateRoleArn(where: Where, value: string | undefined): void {
  if (isLiteral(value) && brokenStringRule(RULE.custom_role_arn, value) !== undefined) {
    throw errors.roleArn(where, value);
  }
}

export function validateCredentialArn(where: Where, value: string): void {
  if (!isLiteral(value)) return;
  const broken = brokenStringRule(RULE.credential_arn, value);
  if (broken === 'length') throw errors.credentialArnLength(where, value);
  if (broken !== undefined) throw errors.credentialArnPattern(where, value);
}

/** Checks a full secret name (with its `ecr-pullthroughcache/` start). */
export function validateFullSecretName(where: Where, fullName: string): void {
  if (isLiteral(fullName) && brokenStringRule(SECRETSMANAGER_SECRET.name, fullName) !== undefined) {
    throw errors.secretName(where, fullName);
  }
}

export function validateIamRoleName(where: Where, prop: string, value: string | undefined): void {
  if (isLiteral(value) && brokenStringRule(IAM_ROLE.name, value) !== undefined) {
    throw errors.iamRoleName(where, prop, value);
  }
}

/**
 * Checks a literal string of any other argument against its limits, with the table's generic message (the argument,
 * the value, the rule broken and what is allowed).
 */
export function validateArgument(where: Where, prop: string, value: string | undefined, limits: ArgumentLimits): void {
  if (!isLiteral(value)) return;
  const broken = brokenStringRule(limits, value);
  if (broken !== undefined) throw errors.argumentRule(where, prop, value, broken, limits);
}

/** Checks the number of blocks or entries of an argument. */
export function validateCount(where: Where, prop: string, count: number, limits: ArgumentLimits): void {
  if (brokenCountRule(limits, count) !== undefined) throw errors.argumentCount(where, prop, count, limits);
}

/** The region of a Secrets Manager or IAM ARN, when the ARN is a literal. */
export function regionOfArn(arn: string | undefined): string | undefined {
  if (!isLiteral(arn)) return undefined;
  const parts = arn.split(':');
  return parts.length > 3 && parts[3] !== '' ? parts[3] : undefined;
}
