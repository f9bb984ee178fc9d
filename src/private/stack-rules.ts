/**
 * The pull through cache rules of each stack, whether made by a PullThroughCache or on their own, and the
 * checks across them: one rule per prefix and Region, no overlapping prefixes, at most 50 rules per Region.
 *
 * These run as construct validations at synth, because rules may be added after any one of them is built.
 */
import { Annotations, TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import * as errors from './errors';
import { MAX_RULES_PER_REGION, normalizePrefix, ROOT_PREFIX } from './patterns';

/** What the cross-rule checks need to know of a rule. */
export interface RegisteredRule extends IConstruct {
  /** The ECR repository prefix as given (may be a token). */
  readonly ecrRepositoryPrefix: string;
  /** The rule's own `region` argument, if any (may be a token). */
  readonly _regionArgument?: string;
}

const RULES = new WeakMap<TerraformStack, RegisteredRule[]>();

/** A readable key for the Region of a rule. */
export function regionKey(rule: RegisteredRule): string {
  const r = rule._regionArgument;
  if (r === undefined) return "the provider's Region";
  return Token.isUnresolved(r) ? `Region ${r}` : `Region '${r}'`;
}

/** Adds a rule to its stack's list; the first rule of a stack installs the stack-wide checks. */
export function registerRule(rule: RegisteredRule): void {
  const stack = TerraformStack.of(rule);
  let rules = RULES.get(stack);
  if (rules === undefined) {
    rules = [];
    RULES.set(stack, rules);
    const list = rules;
    stack.node.addValidation({ validate: () => quotaErrors(list) });
  }
  rules.push(rule);
  const all = rules;
  rule.node.addValidation({ validate: () => ruleErrors(rule, all) });
}

function prefixOf(rule: RegisteredRule): string | undefined {
  return Token.isUnresolved(rule.ecrRepositoryPrefix) ? undefined : normalizePrefix(rule.ecrRepositoryPrefix);
}

function sameRegion(a: RegisteredRule, b: RegisteredRule): boolean {
  return regionKey(a) === regionKey(b);
}

function ruleErrors(rule: RegisteredRule, all: RegisteredRule[]): string[] {
  const mine = prefixOf(rule);
  if (mine === undefined) return [];
  const out: string[] = [];
  const rootNeighbours: string[] = [];
  for (const other of all) {
    if (other === rule || !sameRegion(rule, other)) continue;
    const theirs = prefixOf(other);
    if (theirs === undefined) continue;
    if (theirs === mine) {
      out.push(errors.duplicatePrefix(mine, regionKey(rule), other.node.path));
    } else if (mine === ROOT_PREFIX || theirs === ROOT_PREFIX) {
      if (mine === ROOT_PREFIX) rootNeighbours.push(other.node.path);
    } else if (theirs.startsWith(`${mine}/`) || mine.startsWith(`${theirs}/`)) {
      out.push(errors.overlappingPrefix(mine, theirs, other.node.path, regionKey(rule)));
    }
  }
  if (rootNeighbours.length > 0) {
    Annotations.of(rule).addWarning(errors.rootOverlapWarning(rootNeighbours));
  }
  return out;
}

function quotaErrors(all: RegisteredRule[]): string[] {
  const counts = new Map<string, number>();
  for (const rule of all) counts.set(regionKey(rule), (counts.get(regionKey(rule)) ?? 0) + 1);
  const out: string[] = [];
  for (const [key, count] of counts) {
    if (count > MAX_RULES_PER_REGION) out.push(errors.tooManyRules(key, count));
  }
  return out;
}
