/**
 * The cache rules of a synthesized stack as `rewrite` and `warm` use them: for each rule, the hosts an upstream image
 * may carry and where its images live in the cache. The mapping itself is the library's (`src/private/image-mapping`).
 */
import {
  cacheReference,
  CacheTarget,
  chooseRule,
  isDockerHubUrl,
  literalNamespace,
  MappableRule,
  upstreamImageHosts,
  urlHost,
} from '../../private/image-mapping';
import { ImageReference, parseImageReference } from '../../private/image-reference';
import { CliError } from '../errors';
import { isUnresolved, loadSynthesizedStacks, parseTemplate, type DeclaredRule } from '../terraform';

/** What `rewrite` and `warm` read of `--synth`: the rules of its stacks and the default provider's Region. */
export interface StackRules {
  readonly rules: readonly DeclaredRule[];
  /** The Region of the default AWS provider, when the stacks agree on one. */
  readonly providerRegion?: string;
}

/**
 * Reads `--synth` with the reader every `--synth` command shares (a `cdk.tf.json`, an output directory or its
 * `manifest.json`; anything else exits 2), and `--stack` to pick one stack of an output directory.
 */
export async function readStack(cwd: string, path: string, stack?: string): Promise<StackRules> {
  const stacks = await loadSynthesizedStacks(cwd, path, stack);
  const regions = [...new Set(stacks.map((s) => s.providerRegion).filter((r) => r !== undefined))];
  return { rules: stacks.flatMap((s) => s.rules), providerRegion: regions.length === 1 ? regions[0] : undefined };
}

/** A rule of the stack, resolved to literal values. */
export interface CacheRule extends MappableRule {
  /** Terraform address of the rule. */
  readonly address: string;
  readonly ecrRepositoryPrefix: string;
  readonly region: string;
  readonly upstreamRegistryUrl: string;
}

/** What the rules are resolved with. */
export interface RuleOptions {
  /** The cache account. */
  readonly registryId: string;
  /** `--region`: picks among Regions, and stands in for a Region the stack does not set. */
  readonly region?: string;
  /** The Region the stack's default provider sets, if any. */
  readonly providerRegion?: string;
  /** The Region the SDK would use (AWS_REGION, profile), for rules without one. */
  readonly fallbackRegion?: string;
}

/** `<registryId>.dkr.ecr.<region>.amazonaws.com` (pull through cache exists only in the `aws` partition). */
export function cacheHost(registryId: string, region: string): string {
  return `${registryId}.dkr.ecr.${region}.amazonaws.com`;
}

function literalOrFail(rule: DeclaredRule, name: string, value: string): string {
  if (isUnresolved(value)) {
    throw new CliError(`${rule.address}: its ${name} is the Terraform expression ${value}, known only at apply: ` +
      'set it to a literal in the stack, so rewrite and warm know where its images are cached');
  }
  return value;
}

/**
 * The upstream URL with the stack's own account filled in: `UpstreamRegistry.ecr()` without `accountId` writes the
 * account of `aws_caller_identity`, which is the cache account.
 */
function upstreamUrl(rule: DeclaredRule, registryId: string): string {
  const url = rule.upstreamRegistryUrl;
  if (!isUnresolved(url)) return url;
  const parts = parseTemplate(url);
  const expressions = parts.filter((p) => 'expression' in p);
  if (expressions.length === 1 && /aws_caller_identity\b.*\.account_id$/.test((expressions[0] as { expression: string }).expression)) {
    return parts.map((p) => ('literal' in p ? p.literal : registryId)).join('');
  }
  return literalOrFail(rule, 'upstream_registry_url', url);
}

/** Throws `CliError` (exit 2) when the stacks declare no rule: nothing could be mapped, so nothing can pass. */
export function requireRules(stack: StackRules, source: string): void {
  if (stack.rules.length === 0) {
    throw new CliError(`${source} declares no aws_ecr_pull_through_cache_rule: pass the cdk.tf.json of the stack that declares the cache`);
  }
}

/** Resolves the stack's rules; throws `CliError` (exit 2) for a stack without rules or an ambiguous Region. */
export function cacheRules(stack: StackRules, source: string, options: RuleOptions): CacheRule[] {
  requireRules(stack, source);
  const all = stack.rules.map((rule): CacheRule => {
    let region = rule.region;
    if (region === undefined || isUnresolved(region)) {
      region = options.region ?? options.fallbackRegion;
      if (region === undefined) {
        throw new CliError(`${rule.address}: no Region: the rule has no region argument and its provider sets none: pass --region`);
      }
    }
    const prefix = literalOrFail(rule, 'ecr_repository_prefix', rule.ecrRepositoryPrefix);
    const upstreamPrefix = rule.upstreamRepositoryPrefix === undefined
      ? undefined
      : literalOrFail(rule, 'upstream_repository_prefix', rule.upstreamRepositoryPrefix);
    const url = upstreamUrl(rule, options.registryId);
    const target: CacheTarget = {
      registryHost: cacheHost(options.registryId, region),
      cacheNamespace: literalNamespace(prefix),
      dockerHub: isDockerHubUrl(url),
      upstreamNamespace: literalNamespace(upstreamPrefix),
    };
    return { address: rule.address, ecrRepositoryPrefix: prefix, region, upstreamRegistryUrl: url, upstreamHosts: upstreamImageHosts(url), target };
  });
  return pickRegions(all, options);
}

/** One Region per upstream (host and upstream prefix): `--region`, else the provider's, else the only one. */
function pickRegions(rules: readonly CacheRule[], options: RuleOptions): CacheRule[] {
  const byUpstream = new Map<string, CacheRule[]>();
  for (const rule of rules) {
    const key = `${urlHost(rule.upstreamRegistryUrl)} ${rule.target.upstreamNamespace ?? ''}`;
    byUpstream.set(key, [...(byUpstream.get(key) ?? []), rule]);
  }
  const picked: CacheRule[] = [];
  for (const group of byUpstream.values()) {
    const regions = [...new Set(group.map((r) => r.region))];
    let chosen = group;
    if (regions.length > 1) {
      const want = options.region ?? options.providerRegion;
      chosen = want === undefined ? [] : group.filter((r) => r.region === want);
      if (chosen.length === 0) {
        const upstream = urlHost(group[0].upstreamRegistryUrl);
        throw new CliError(`ambiguous Region: rules for ${upstream} exist in ${regions.join(', ')}` +
          `${want === undefined ? '' : ` but not in ${want}`}: pass --region with the Region your workloads pull from`);
      }
    }
    if (chosen.length > 1) {
      throw new CliError(`rules ${chosen.map((r) => r.address).join(' and ')} both cache ${urlHost(chosen[0].upstreamRegistryUrl)} ` +
        `in ${chosen[0].region}: keep one rule per upstream and Region, or pass --region`);
    }
    picked.push(...chosen);
  }
  return picked;
}

/** What a reference in a file or on the command line is, for the cache. */
export type Classified =
  /** Not an image reference (a template, a variable). */
  | { readonly kind: 'not-a-reference' }
  /** No rule caches its upstream. */
  | { readonly kind: 'not-covered'; readonly ref: ImageReference }
  /** Already pulled through the cache. */
  | { readonly kind: 'cached'; readonly ref: ImageReference; readonly rule?: CacheRule }
  /** Bypasses the cache although a rule covers it. */
  | { readonly kind: 'bypass'; readonly ref: ImageReference; readonly rule: CacheRule; readonly to: string };

/** Classifies a reference as written (Docker's rules: implicit `docker.io`, `library/`). */
export function classify(rules: readonly CacheRule[], raw: string): Classified {
  let ref: ImageReference;
  try {
    ref = parseImageReference(raw);
  } catch {
    return { kind: 'not-a-reference' };
  }
  const host = ref.host?.toLowerCase();
  const cacheRulesOnHost = rules.filter((r) => r.target.registryHost === host);
  if (cacheRulesOnHost.length > 0) {
    const rule = cacheRulesOnHost.find((r) => r.target.cacheNamespace === undefined || ref.path.startsWith(`${r.target.cacheNamespace}/`));
    return { kind: 'cached', ref, rule };
  }
  const choice = chooseRule(rules, ref);
  if (choice.kind !== 'rule') return { kind: 'not-covered', ref };
  return { kind: 'bypass', ref, rule: choice.rule, to: cacheReference(choice.rule.target, ref) };
}
