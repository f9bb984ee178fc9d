/**
 * Cache URIs of a pull through cache rule, for rules of this stack and rules that exist already: one place, so both
 * give the same URI for the same image.
 *
 * What the URI needs of the upstream (Docker Hub's `library/`, the part an ECR upstream prefix matches) is either
 * known at synth (a rule of this stack; an existing rule whose upstream the user named) or derived in Terraform from
 * the `aws_ecr_pull_through_cache_rule` data source (an existing rule whose upstream is not named).
 */
import { Fn, Op, Token } from 'cdktf';
import * as errors from './errors';
import { Where } from './errors';
import { CacheTarget, cachePath, chooseRule, MappableRule, OutsideUpstreamPrefixError, referenceHost } from './image-mapping';
import { ImageReference, ImageReferenceError, parseImageReference, referenceSuffix } from './image-reference';
import { namespaceOf, ROOT_PREFIX } from './patterns';
import { imageHosts, registryEntry } from './registry-table';
import { isLiteral } from './validate';

/** What a URI needs of a rule's upstream. */
export type UpstreamView =
  /** Known at synth. */
  | {
    readonly known: true;
    /** Docker Hub: single-segment paths gain `library/`. */
    readonly dockerHub: boolean;
    /** Hosts an image reference may name; a token among them accepts any host. Empty: any host. */
    readonly hosts: string[];
    /** The upstream repository prefix (ECR upstream), literal or token; `undefined` or `ROOT`: none. */
    readonly repositoryPrefix?: string;
  }
  /** Known only in Terraform: attributes of the rule's data source. */
  | {
    readonly known: false;
    /** `upstream_registry_url`. */
    readonly urlAttribute: string;
    /** `upstream_repository_prefix` (empty or unset for upstreams other than ECR). */
    readonly repositoryPrefixAttribute: string;
  };

/** A rule as its URIs see it. */
export interface RuleView {
  /** The construct path, for messages. */
  readonly where: Where;
  readonly ecrRepositoryPrefix: string;
  readonly registryHost: string;
  readonly upstream: UpstreamView;
}

const DOCKER_HUB_URL = imageHosts('docker-hub')[0];

/** The hosts an image of an upstream type may name; empty (any host) for types whose host varies (Azure, ECR). */
export function imageHostsOfType(type: string): string[] {
  return registryEntry(type).host === undefined ? [] : imageHosts(type);
}

/** `<registryHost>/<prefix>/<path>[:tag|@digest]`. */
export function imageUriOf(rule: RuleView, image: string): string {
  if (Token.isUnresolved(image)) return `${rule.registryHost}/${prefixSegment(rule)}${image}`;
  const ref = parse(rule, image);
  return `${rule.registryHost}/${cachedPath(rule, image, ref)}${referenceSuffix(ref)}`;
}

/** `<registryHost>/<prefix>/<path>`. */
export function repositoryUriOf(rule: RuleView, upstreamRepository: string): string {
  if (Token.isUnresolved(upstreamRepository)) return `${rule.registryHost}/${prefixSegment(rule)}${upstreamRepository}`;
  const ref = parse(rule, upstreamRepository);
  return `${rule.registryHost}/${cachedPath(rule, upstreamRepository, ref)}`;
}

function parse(rule: RuleView, image: string): ImageReference {
  const ref = parseOrThrow(rule.where, image);
  const upstream = rule.upstream;
  if (ref.host !== undefined && upstream.known && upstream.hosts.length > 0
    && !upstream.hosts.some((h) => Token.isUnresolved(h) || h === ref.host)) {
    throw errors.imageFromOtherRegistry(rule.where, image, ref.host, upstream.hosts[0]);
  }
  return ref;
}

function parseOrThrow(where: Where, image: string): ImageReference {
  try {
    return parseImageReference(image);
  } catch (e) {
    if (e instanceof ImageReferenceError) throw errors.imageReference(where, image, e.message);
    throw e;
  }
}

/**
 * The cache URI of a full reference through the one rule among `rules` that caches its host (`docker.io` when it
 * names none); for ECR upstreams, the rule with the longest upstream prefix that covers it.
 */
export function imageUriByHost(where: Where, rules: readonly RuleView[], reference: string): string {
  if (Token.isUnresolved(reference)) throw errors.imageReferenceIsToken(where);
  const ref = parseOrThrow(where, reference);
  const mappable = rules.flatMap((rule): (MappableRule & { view: RuleView })[] => {
    const upstream = rule.upstream;
    if (!upstream.known) return [];
    const upstreamHosts = upstream.hosts.filter((h) => !Token.isUnresolved(h)).map((h) => h.toLowerCase());
    return [{ upstreamHosts, target: targetOf(rule, upstream), view: rule }];
  });
  const choice = chooseRule(mappable, ref);
  const paths = (list: readonly { view: RuleView }[]) => list.map((r) => pathOf(r.view.where));
  switch (choice.kind) {
    case 'rule':
      return imageUriOf(choice.rule.view, reference);
    case 'outside-prefix':
      return imageUriOf(choice.rules[0].view, reference);
    case 'ambiguous':
      throw errors.imageAmbiguousRules(where, reference, referenceHost(ref), paths(choice.rules));
    case 'no-rule':
      throw errors.imageNoRuleForHost(where, reference, referenceHost(ref),
        mappable.flatMap((r) => r.upstreamHosts.slice(0, 1)), rules.length > mappable.length || mappable.some((r) => r.upstreamHosts.length === 0));
  }
}

function pathOf(where: Where): string {
  return typeof where === 'string' ? where : where.node.path;
}

/** `<prefix>/` or nothing for ROOT. */
function prefixSegment(rule: RuleView): string {
  const namespace = namespaceOf(rule.ecrRepositoryPrefix);
  return namespace === undefined ? '' : `${namespace}/`;
}

function targetOf(rule: RuleView, upstream: Extract<UpstreamView, { known: true }>): CacheTarget {
  return {
    registryHost: rule.registryHost,
    cacheNamespace: namespaceOf(rule.ecrRepositoryPrefix),
    dockerHub: upstream.dockerHub,
    upstreamNamespace: isLiteral(upstream.repositoryPrefix) ? namespaceOf(upstream.repositoryPrefix) : undefined,
  };
}

function cachedPath(rule: RuleView, image: string, ref: ImageReference): string {
  const upstream = rule.upstream;
  if (!upstream.known) return `${prefixSegment(rule)}${derivedPath(upstream, ref.path)}`;
  try {
    return cachePath(targetOf(rule, upstream), ref.path);
  } catch (e) {
    if (e instanceof OutsideUpstreamPrefixError) throw errors.imageOutsideUpstreamPrefix(rule.where, image, e.upstreamNamespace);
    throw e;
  }
}

/**
 * The cached path when the upstream is known only to Terraform: `library/` when the rule's upstream is Docker Hub
 * and the path has one segment; the upstream prefix (when there is one) taken off the front.
 */
function derivedPath(upstream: Extract<UpstreamView, { known: false }>, path: string): string {
  if (!path.includes('/')) {
    // A single segment cannot lie under an upstream prefix; only Docker Hub changes it.
    const library = Token.asString(Fn.conditional(Op.eq(upstream.urlAttribute, DOCKER_HUB_URL), 'library/', ''));
    return `${library}${path}`;
  }
  const upstreamPrefix = Fn.coalesce([upstream.repositoryPrefixAttribute, ROOT_PREFIX]);
  return Fn.trimprefix(path, `${upstreamPrefix}/`);
}
