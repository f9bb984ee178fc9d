/**
 * How an upstream image reference maps to its pull through cache reference: one implementation for the library
 * (`imageUri` of a rule and of a `PullThroughCache`) and for `ecr-ptc rewrite` and `ecr-ptc warm`.
 *
 * Only literal values reach this file (the library keeps Terraform tokens to itself), and it imports nothing that
 * loads the core: `ecr-ptc` loads it without cdktf or constructs.
 *
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache-working-pulling.html
 */
import { ImageReference, referenceSuffix } from './image-reference';
import { imageHosts, matchHost } from './registry-table';

/** The registry host Docker assumes for a reference that names none. */
export const DEFAULT_IMAGE_HOST = 'docker.io';

/** A rule as the mapping sees it: literal values only. */
export interface CacheTarget {
  /** `<registryId>.dkr.ecr.<region>.amazonaws.com`. */
  readonly registryHost: string;
  /** The namespace of the rule's `ecrRepositoryPrefix` without trailing `/`; `undefined` for `ROOT`. */
  readonly cacheNamespace?: string;
  /** Docker Hub: official images (one path segment) are cached under `library/`. */
  readonly dockerHub: boolean;
  /** The namespace of an ECR upstream's repository prefix; `undefined` for `ROOT` or an upstream without one. */
  readonly upstreamNamespace?: string;
}

/** An image whose path does not lie under the rule's upstream repository prefix. */
export class OutsideUpstreamPrefixError extends Error {
  constructor(readonly upstreamNamespace: string) {
    super(`outside the upstream repository prefix '${upstreamNamespace}'`);
  }
}

/** The namespace a literal prefix names, without one trailing `/`; `undefined` for `ROOT`. */
export function literalNamespace(prefix: string | undefined): string | undefined {
  if (prefix === undefined || prefix === '') return undefined;
  const normalized = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  return normalized === 'ROOT' ? undefined : normalized;
}

/**
 * The upstream path as the upstream registry stores it: Docker Hub official images gain `library/`, as Docker
 * itself does (`nginx` is `library/nginx`).
 */
export function upstreamPath(dockerHub: boolean, path: string): string {
  return dockerHub && !path.includes('/') ? `library/${path}` : path;
}

/**
 * The repository path in the cache: the upstream path (with `library/` for Docker Hub official images), the upstream
 * prefix replaced by the cache prefix; no segment for a `ROOT` cache prefix.
 *
 * @throws OutsideUpstreamPrefixError when the path is not under the upstream prefix
 */
export function cachePath(target: CacheTarget, path: string): string {
  let cached = upstreamPath(target.dockerHub, path);
  const up = target.upstreamNamespace;
  if (up !== undefined) {
    if (!cached.startsWith(`${up}/`)) throw new OutsideUpstreamPrefixError(up);
    cached = cached.slice(up.length + 1);
  }
  return target.cacheNamespace === undefined ? cached : `${target.cacheNamespace}/${cached}`;
}

/** `<registryHost>/<cache path>[:tag][@digest]`, the tag and digest kept as written. */
export function cacheReference(target: CacheTarget, ref: ImageReference): string {
  return `${target.registryHost}/${cachePath(target, ref.path)}${referenceSuffix(ref)}`;
}

/** The host of an `upstream_registry_url` (scheme and path dropped, lower case). */
export function urlHost(url: string): string {
  return url.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '').toLowerCase();
}

/**
 * Every host an image reference may carry for an upstream URL: for Docker Hub `registry-1.docker.io`, `docker.io`
 * and `index.docker.io`; for the others the URL's host.
 */
export function upstreamImageHosts(url: string): string[] {
  const host = urlHost(url);
  const matched = matchHost(host);
  return matched?.entry.host === undefined ? [host] : imageHosts(matched.entry.apiType);
}

/** Whether an upstream URL is Docker Hub. */
export function isDockerHubUrl(url: string): boolean {
  return matchHost(urlHost(url))?.entry.apiType === 'docker-hub';
}

/** The host of a reference as Docker reads it: lower case, `docker.io` when it names none. */
export function referenceHost(ref: ImageReference): string {
  return (ref.host ?? DEFAULT_IMAGE_HOST).toLowerCase();
}

/** A rule a reference can be mapped through. */
export interface MappableRule {
  /** Every host an image reference may carry for the rule's upstream (lower case). */
  readonly upstreamHosts: readonly string[];
  readonly target: CacheTarget;
}

/** Which rule covers a reference. */
export type RuleChoice<R extends MappableRule> =
  /** The one rule for the reference's host whose upstream prefix covers it (the longest, for ECR upstreams). */
  | { readonly kind: 'rule'; readonly rule: R }
  /** No rule caches the reference's host. */
  | { readonly kind: 'no-rule' }
  /** Rules cache the host, but none has the reference under its upstream prefix. */
  | { readonly kind: 'outside-prefix'; readonly rules: readonly R[] }
  /** More than one rule covers the reference equally well. */
  | { readonly kind: 'ambiguous'; readonly rules: readonly R[] };

/**
 * Picks the rule for a reference's host. Among the rules of an ECR upstream host, the one with the longest upstream
 * prefix that covers the path wins, as a prefix match does in ECR.
 */
export function chooseRule<R extends MappableRule>(rules: readonly R[], ref: ImageReference): RuleChoice<R> {
  const host = referenceHost(ref);
  const forHost = rules.filter((r) => r.upstreamHosts.includes(host));
  if (forHost.length === 0) return { kind: 'no-rule' };
  let best: R[] = [];
  let bestLength = -1;
  for (const rule of forHost) {
    const up = rule.target.upstreamNamespace;
    const path = upstreamPath(rule.target.dockerHub, ref.path);
    if (up !== undefined && !path.startsWith(`${up}/`)) continue;
    const length = up?.length ?? 0;
    if (length > bestLength) {
      best = [rule];
      bestLength = length;
    } else if (length === bestLength) {
      best.push(rule);
    }
  }
  if (best.length === 0) return { kind: 'outside-prefix', rules: forHost };
  return best.length === 1 ? { kind: 'rule', rule: best[0] } : { kind: 'ambiguous', rules: best };
}
