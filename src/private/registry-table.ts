/**
 * The upstream registries that Amazon ECR pull-through cache supports, in one table read by both the
 * construct library (`UpstreamRegistry`) and the command-line tool (`ecr-ptc`).
 *
 * This file imports nothing, not even the core: `ecr-ptc` loads it without loading cdktf or constructs.
 *
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache.html
 */

/** The API's `upstreamRegistry` values (the values of `UpstreamRegistryType`). */
export type UpstreamApiType =
  | 'ecr'
  | 'ecr-public'
  | 'quay'
  | 'k8s'
  | 'docker-hub'
  | 'github-container-registry'
  | 'azure-container-registry'
  | 'gitlab-container-registry'
  | 'chainguard';

/** The static factories of `UpstreamRegistry`, by their TypeScript method name. */
export type UpstreamPreset =
  | 'ecr'
  | 'ecrPublic'
  | 'quay'
  | 'kubernetes'
  | 'dockerHub'
  | 'githubContainerRegistry'
  | 'azureContainerRegistry'
  | 'gitlabContainerRegistry'
  | 'chainguard';

/**
 * What a rule for the registry authenticates with: a Secrets Manager secret (`required`), nothing (`none`),
 * or an IAM role that ECR assumes (`role`, ECR to ECR; optional in the same account).
 */
export type CredentialNeed = 'required' | 'none' | 'role';

/** The host of a registry that has one host per registry (Azure) or per account and Region (ECR). */
export interface HostPattern {
  /** The host with `<placeholder>`s, e.g. `<registryName>.azurecr.io`. */
  readonly template: string;
  /** Matches a lower-case host of this form; its named groups are the placeholders. */
  readonly pattern: RegExp;
}

/** One upstream registry type. */
export interface RegistryTableEntry {
  /** The API's `upstreamRegistry` value, e.g. `docker-hub`. */
  readonly apiType: UpstreamApiType;
  /** The `UpstreamRegistry` static factory that makes this upstream. */
  readonly preset: UpstreamPreset;
  /** The `upstream_registry_url`, for registries with one fixed host. */
  readonly host?: string;
  /** The form of `upstream_registry_url`, for registries without a fixed host. */
  readonly hostPattern?: HostPattern;
  /** Other hosts an image reference may carry for this registry, e.g. `docker.io` for Docker Hub. */
  readonly extraImageHosts: readonly string[];
  /** What a rule authenticates with. */
  readonly credential: CredentialNeed;
  /** The ECR repository prefix a rule uses when none is given: the API type. */
  readonly defaultEcrRepositoryPrefix: string;
}

function entry(
  apiType: UpstreamApiType,
  preset: UpstreamPreset,
  credential: CredentialNeed,
  host: string | HostPattern,
  extraImageHosts: readonly string[] = [],
): RegistryTableEntry {
  return {
    apiType,
    preset,
    ...(typeof host === 'string' ? { host } : { hostPattern: host }),
    extraImageHosts,
    credential,
    defaultEcrRepositoryPrefix: apiType,
  };
}

/** Every upstream registry type, in the order of `UpstreamRegistryType`. */
export const REGISTRY_TABLE: readonly RegistryTableEntry[] = [
  entry('ecr', 'ecr', 'role', {
    template: '<accountId>.dkr.ecr.<region>.amazonaws.com',
    pattern: /^(?<accountId>\d{12})\.dkr\.ecr\.(?<region>[a-z]{2}(?:-[a-z]+)+-\d{1,2})\.amazonaws\.com$/,
  }),
  entry('ecr-public', 'ecrPublic', 'none', 'public.ecr.aws'),
  entry('quay', 'quay', 'none', 'quay.io'),
  entry('k8s', 'kubernetes', 'none', 'registry.k8s.io'),
  entry('docker-hub', 'dockerHub', 'required', 'registry-1.docker.io', ['docker.io', 'index.docker.io']),
  entry('github-container-registry', 'githubContainerRegistry', 'required', 'ghcr.io'),
  entry('azure-container-registry', 'azureContainerRegistry', 'required', {
    template: '<registryName>.azurecr.io',
    pattern: /^(?<registryName>[a-z0-9]{5,50})\.azurecr\.io$/,
  }),
  entry('gitlab-container-registry', 'gitlabContainerRegistry', 'required', 'registry.gitlab.com'),
  entry('chainguard', 'chainguard', 'required', 'cgr.dev'),
];

/** The entry of an API type; throws for a type the table does not hold. */
export function registryEntry(apiType: string): RegistryTableEntry {
  const found = REGISTRY_TABLE.find((e) => e.apiType === apiType);
  if (!found) throw new Error(`no upstream registry type '${apiType}' in the registry table`);
  return found;
}

/** The fixed host of an API type; throws for a type whose host has a pattern. */
export function fixedHost(apiType: string): string {
  const { host } = registryEntry(apiType);
  if (host === undefined) throw new Error(`upstream registry type '${apiType}' has no fixed host`);
  return host;
}

/** Every host an image reference may carry for a fixed-host API type, the upstream URL first. */
export function imageHosts(apiType: string): string[] {
  return [fixedHost(apiType), ...registryEntry(apiType).extraImageHosts];
}

/**
 * The host of an API type with a host pattern, its placeholders filled in (values are inserted as given, so
 * unresolved tokens stay intact).
 */
export function patternHost(apiType: string, values: Readonly<Record<string, string>>): string {
  const { hostPattern } = registryEntry(apiType);
  if (hostPattern === undefined) throw new Error(`upstream registry type '${apiType}' has a fixed host`);
  return hostPattern.template.replace(/<(\w+)>/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for <${name}> in ${hostPattern.template}`);
    return value;
  });
}

/** An upstream host matched to its table entry, with the placeholders of a host pattern. */
export interface MatchedHost {
  readonly entry: RegistryTableEntry;
  /** The placeholders of the host pattern (empty for a fixed host). */
  readonly values: Readonly<Record<string, string>>;
}

/** The table entry whose `upstream_registry_url` is this lower-case host, or `undefined`. */
export function matchHost(host: string): MatchedHost | undefined {
  for (const e of REGISTRY_TABLE) {
    if (e.host === host) return { entry: e, values: {} };
    const groups = e.hostPattern?.pattern.exec(host)?.groups;
    if (groups) return { entry: e, values: { ...groups } };
  }
  return undefined;
}
