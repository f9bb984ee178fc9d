import { ECRClient } from '@aws-sdk/client-ecr';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import type { GlobalOptions } from './args';
import { CliError } from './errors';

/** Environment variable: base delay in ms of the retry backoff (default 100). */
export const RETRY_BASE_DELAY_ENV = 'ECR_PTC_RETRY_BASE_DELAY_MS';
/** Environment variable: time in ms one attempt may take before it is abandoned and retried (default 30000). */
export const REQUEST_TIMEOUT_ENV = 'ECR_PTC_REQUEST_TIMEOUT_MS';

const MAX_BACKOFF_MS = 20_000;

/**
 * Exponential backoff with full jitter: attempt n waits a random time up to base * 2^n
 * (capped at 20 s), as the SDK's standard mode does, with a configurable base.
 */
export function backoff(baseDelayMs: number): (attempt: number) => number {
  return (attempt) => Math.floor(Math.random() * Math.min(MAX_BACKOFF_MS, baseDelayMs * 2 ** attempt));
}

type Env = Readonly<Record<string, string | undefined>>;

/** A duration in ms from the environment variable `name`, or `fallback` when it is unset or not a number >= 0. */
export function millis(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  const value = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

/**
 * An ECR client for the global options: the default credential chain (with `--profile`),
 * standard retry mode with `--max-attempts` attempts, per-attempt timeouts, and an optional endpoint override.
 */
export function createEcrClient(options: GlobalOptions, env: Env): ECRClient {
  const timeout = millis(env, REQUEST_TIMEOUT_ENV, 30_000);
  return new ECRClient({
    region: options.region,
    profile: options.profile,
    endpoint: options.endpointUrl,
    retryStrategy: new ConfiguredRetryStrategy(options.maxAttempts, backoff(millis(env, RETRY_BASE_DELAY_ENV, 100))),
    requestHandler: { connectionTimeout: Math.min(timeout, 5_000), requestTimeout: timeout, throwOnRequestTimeout: true },
  });
}

/** The shape of an AWS region name, e.g. `eu-west-1`, `us-gov-west-1`, `ap-southeast-5`. */
export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** Throws `CliError` for a malformed region name or one where ECR pull-through cache does not exist. */
export function checkRegion(region: string): void {
  if (!REGION_PATTERN.test(region)) {
    throw new CliError(`unknown region '${region}' (expected a name like eu-west-1)`);
  }
  if (/^(cn-|us-gov-)/.test(region)) {
    throw new CliError(`ECR pull-through cache is not available in ${region} (China and GovCloud regions)`);
  }
}

/** The region the client resolved (flag, environment or profile), checked; throws if there is none. */
export async function resolvedRegion(client: ECRClient): Promise<string> {
  const region = await client.config.region();
  checkRegion(region);
  return region;
}
