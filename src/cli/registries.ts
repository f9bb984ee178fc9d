/**
 * Recognition of upstream registry URLs. The hosts come from the registry table, which imports nothing, so
 * the CLI does not load the construct library or its core at run time.
 */
import { matchHost, type UpstreamPreset } from '../private/registry-table';

export type { UpstreamPreset } from '../private/registry-table';

/** An upstream registry URL matched to a preset. */
export interface RecognisedUpstream {
  /** The preset that produces this URL. */
  readonly preset: UpstreamPreset;
  /** The API's `upstreamRegistry` value for the preset, e.g. `docker-hub`. */
  readonly apiType: string;
  /** Whether the preset takes a Secrets Manager credential. */
  readonly credentialed: boolean;
  /** Azure Container Registry name (the host's first label). */
  readonly registryName?: string;
  /** ECR upstream account. */
  readonly accountId?: string;
  /** ECR upstream region. */
  readonly region?: string;
}

/** Reduces a URL to its lower-case host (no scheme, path or trailing slash). */
export function upstreamHost(url: string): string {
  return url.trim().replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '').toLowerCase();
}

/** Matches an upstream registry URL to the preset that produces it, or `undefined`. */
export function recogniseUpstream(url: string): RecognisedUpstream | undefined {
  const matched = matchHost(upstreamHost(url));
  if (!matched) return undefined;
  const { entry, values } = matched;
  return {
    preset: entry.preset,
    apiType: entry.apiType,
    credentialed: entry.credential === 'required',
    ...(values.registryName !== undefined && { registryName: values.registryName }),
    ...(values.accountId !== undefined && { accountId: values.accountId, region: values.region }),
  };
}

/** `ROOT` and an absent upstream prefix mean the same thing: any upstream repository. */
export function normaliseUpstreamPrefix(prefix: string | undefined): string {
  return prefix === undefined || prefix === '' ? 'ROOT' : prefix;
}

/**
 * The secret name inside a Secrets Manager ARN, without the six random characters that
 * Secrets Manager appends (`…:secret:<name>-AbCdEf`).
 */
export function secretNameFromArn(arn: string): string | undefined {
  const m = /:secret:(.+)-[A-Za-z0-9]{6}$/.exec(arn);
  return m ? m[1] : undefined;
}
