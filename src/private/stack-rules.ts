/**
 * The pull through cache rules of each stack, whether made by a PullThroughCache or on their own, and the
 * checks across them: one rule per prefix and Region, no overlapping prefixes, at most 50 rules per Region.
 *
 * These run as construct validations at synth, because rules may be added after any one of them is built.
 * The rules of a stack are indexed once per validation pass, so the checks stay linear in the number of rules.
 */
import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import * as errors from './errors';
import { MAX_RULES_PER_REGION, normalizePrefix, ROOT_PREFIX } from './patterns';
import { defaultAwsProvider, providerRegion, stackState } from './stack-data';
import { isTokenString } from './tokens';
import { warn } from './warnings';

/** What the cross-rule checks need to know of a rule. */
export interface RegisteredRule extends IConstruct {
  /** The ECR repository prefix as given (may be a token). */
  readonly ecrRepositoryPrefix: string;
  /** The rule's own `region` argument, if any (may be a token). */
  readonly _regionArgument?: string;
}

/** Rules of one Region: by exact prefix, and by every proper ancestor of a prefix ('a' and 'a/b' for 'a/b/c'). */
interface RegionIndex {
  readonly byPrefix: Map<string, RegisteredRule[]>;
  readonly byAncestor: Map<string, RegisteredRule[]>;
  readonly prefixed: RegisteredRule[];
  count: number;
}

/** Where the index put a rule: its Region key and its prefix (undefined for a token prefix). */
interface Placement {
  readonly key: string;
  readonly prefix?: string;
}

interface StackRules {
  readonly stack: TerraformStack;
  readonly rules: RegisteredRule[];
  index?: { readonly size: number; readonly regions: Map<string, RegionIndex>; readonly placed: Map<RegisteredRule, Placement> };
}

type Index = NonNullable<StackRules['index']>;

// Kept on the stack itself: a WeakMap whose values hold their own key (and every rule) made each garbage collection
// revisit them, a measurable share of construction time for stacks of many rules.
const RULES_OF_STACK = Symbol.for('cdktf-ecr-pull-through-cache.rules');

/**
 * A readable key for the Region of a rule. A rule without a `region` argument is in the provider's Region: when the
 * stack's default AWS provider names a literal Region, that Region is the key, so `region: 'us-east-1'` and a rule
 * relying on a us-east-1 provider are seen as the same Region.
 */
export function regionKey(rule: { readonly _regionArgument?: string }, defaultRegion?: string): string {
  return regionKeyOf(rule._regionArgument, defaultRegion);
}

/** A readable key for a Region: a resource's own `region` argument, else the provider's literal Region. */
export function regionKeyOf(regionArgument: string | undefined, defaultRegion: string | undefined): string {
  const r = regionArgument ?? defaultRegion;
  if (r === undefined) return "the provider's Region";
  return isTokenString(r) ? `Region ${r}` : `Region '${r}'`;
}

/** Adds a rule to its stack's list; the first rule of a stack installs the stack-wide quota check. */
export function registerRule(rule: RegisteredRule): void {
  const stack = TerraformStack.of(rule);
  const entry = stackState(stack, RULES_OF_STACK, () => {
    const created: StackRules = { stack, rules: [] };
    stack.node.addValidation({
      validate: () => {
        warnWithoutProvider(created);
        return quotaErrors(indexOf(created));
      },
    });
    return created;
  });
  entry.rules.push(rule);
  rule.node.addValidation({ validate: () => ruleErrors(rule, indexOf(entry)) });
}

function prefixOf(rule: RegisteredRule): string | undefined {
  return isTokenString(rule.ecrRepositoryPrefix) ? undefined : normalizePrefix(rule.ecrRepositoryPrefix);
}

/** The proper ancestors of a prefix: 'a' and 'a/b' for 'a/b/c'. */
export function ancestorsOf(prefix: string): string[] {
  if (!prefix.includes('/')) return [];
  const parts = prefix.split('/');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Builds (or reuses, while no rule was added) the index of a stack's rules. */
function indexOf(entry: StackRules): Index {
  if (entry.index !== undefined && entry.index.size === entry.rules.length) return entry.index;
  const regions = new Map<string, RegionIndex>();
  const placed = new Map<RegisteredRule, Placement>();
  const defaultRegion = providerRegion(entry.stack);
  for (const rule of entry.rules) {
    const key = regionKey(rule, defaultRegion);
    const prefix = prefixOf(rule);
    placed.set(rule, { key, prefix });
    let region = regions.get(key);
    if (region === undefined) {
      region = { byPrefix: new Map(), byAncestor: new Map(), prefixed: [], count: 0 };
      regions.set(key, region);
    }
    region.count++;
    if (prefix === undefined) continue;
    push(region.byPrefix, prefix, rule);
    if (prefix === ROOT_PREFIX) continue;
    region.prefixed.push(rule);
    for (const ancestor of ancestorsOf(prefix)) push(region.byAncestor, ancestor, rule);
  }
  entry.index = { size: entry.rules.length, regions, placed };
  return entry.index;
}

function ruleErrors(rule: RegisteredRule, index: Index): string[] {
  const { key, prefix: mine } = index.placed.get(rule)!;
  if (mine === undefined) return [];
  const region = index.regions.get(key)!;
  const out: string[] = [];
  for (const other of region.byPrefix.get(mine) ?? []) {
    if (other !== rule) out.push(errors.duplicatePrefix(mine, key, other.node.path));
  }
  if (mine === ROOT_PREFIX) {
    const others = region.prefixed.map((r) => r.node.path);
    if (others.length > 0) warn(rule, errors.rootOverlapWarning(others));
    return out;
  }
  // Rules whose prefix lies under mine, then rules whose prefix is one of my ancestors.
  for (const other of region.byAncestor.get(mine) ?? []) {
    out.push(errors.overlappingPrefix(mine, index.placed.get(other)!.prefix!, other.node.path, key));
  }
  for (const ancestor of ancestorsOf(mine)) {
    for (const other of region.byPrefix.get(ancestor) ?? []) {
      out.push(errors.overlappingPrefix(mine, ancestor, other.node.path, key));
    }
  }
  return out;
}

/**
 * Without an `aws` provider construct (a provider block written by hand, or none: Terraform then configures the
 * provider from the environment), rules without their own `region` are in a Region unknown at synth: checks that
 * compare Regions skip them, and the user is told so.
 */
function warnWithoutProvider(entry: StackRules): void {
  if (defaultAwsProvider(entry.stack) !== undefined) return;
  const unplaced = entry.rules.filter((r) => r._regionArgument === undefined).map((r) => r.node.path);
  if (unplaced.length > 0) warn(entry.stack, errors.noProviderWarning(unplaced));
}

function quotaErrors(index: Index): string[] {
  const out: string[] = [];
  for (const [key, region] of index.regions) {
    if (region.count > MAX_RULES_PER_REGION) out.push(errors.tooManyRules(key, region.count));
  }
  return out;
}
