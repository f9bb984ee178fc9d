/**
 * Recognition of upstream registry URLs, kept inside the CLI so that it does not depend on the
 * construct library at run time.
 */

/** The presets of `UpstreamRegistry`, by their TypeScript method name. */
export type UpstreamPreset =
  | 'dockerHub'
  | 'githubContainerRegistry'
  | 'gitlabContainerRegistry'
  | 'chainguard'
  | 'azureContainerRegistry'
  | 'quay'
  | 'kubernetes'
  | 'ecrPublic'
  | 'ecr';

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

interface FixedHost {
  readonly host: string;
  readonly preset: UpstreamPreset;
  readonly apiType: string;
  readonly credentialed: boolean;
}

const FIXED_HOSTS: readonly FixedHost[] = [
  { host: 'registry-1.docker.io', preset: 'dockerHub', apiType: 'docker-hub', credentialed: true },
  { host: 'ghcr.io', preset: 'githubContainerRegistry', apiType: 'github-container-registry', credentialed: true },
  { host: 'registry.gitlab.com', preset: 'gitlabContainerRegistry', apiType: 'gitlab-container-registry', credentialed: true },
  { host: 'cgr.dev', preset: 'chainguard', apiType: 'chainguard', credentialed: true },
  { host: 'quay.io', preset: 'quay', apiType: 'quay', credentialed: false },
  { host: 'registry.k8s.io', preset: 'kubernetes', apiType: 'k8s', credentialed: false },
  { host: 'public.ecr.aws', preset: 'ecrPublic', apiType: 'ecr-public', credentialed: false },
];

const AZURE_HOST = /^([a-z0-9]{5,50})\.azurecr\.io$/;
const ECR_HOST = /^(\d{12})\.dkr\.ecr\.([a-z]{2}(?:-[a-z]+)+-\d{1,2})\.amazonaws\.com$/;

/** Reduces a URL to its lower-case host (no scheme, path or trailing slash). */
export function upstreamHost(url: string): string {
  return url.trim().replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '').toLowerCase();
}

/** Matches an upstream registry URL to the preset that produces it, or `undefined`. */
export function recogniseUpstream(url: string): RecognisedUpstream | undefined {
  const host = upstreamHost(url);
  const fixed = FIXED_HOSTS.find((h) => h.host === host);
  if (fixed) {
    return { preset: fixed.preset, apiType: fixed.apiType, credentialed: fixed.credentialed };
  }
  const azure = AZURE_HOST.exec(host);
  if (azure) {
    return { preset: 'azureContainerRegistry', apiType: 'azure-container-registry', credentialed: true, registryName: azure[1] };
  }
  const ecr = ECR_HOST.exec(host);
  if (ecr) {
    return { preset: 'ecr', apiType: 'ecr', credentialed: false, accountId: ecr[1], region: ecr[2] };
  }
  return undefined;
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
