/**
 * Checks a value against the limits of its argument (`argument-table.ts`): every constraint of the provider, the API
 * and the library must hold. Loads nothing, like the table.
 */
import { ArgumentLimits, Constraint } from './argument-table';

/** Which kind of rule a value broke. */
export type RuleKind = 'length' | 'pattern' | 'values' | 'range' | 'items' | 'wildcards' | 'json';

/** The constraints of an argument, strictest last: provider, API, library. */
function constraintsOf(limits: ArgumentLimits): Constraint[] {
  const out: Constraint[] = [];
  if (limits.provider !== undefined) out.push(limits.provider);
  if (limits.api !== undefined) out.push(limits.api);
  if (limits.library !== undefined) out.push(limits.library);
  return out;
}

const compiled = new Map<string, RegExp>();

/** The pattern of a constraint as a RegExp, compiled once. */
export function regExpOf(c: Constraint): RegExp | undefined {
  if (c.pattern === undefined) return undefined;
  const key = `${c.unicode ? 'u' : ''}/${c.pattern}`;
  let re = compiled.get(key);
  if (re === undefined) {
    re = new RegExp(c.pattern, c.unicode ? 'u' : '');
    compiled.set(key, re);
  }
  return re;
}

/** The range of one kind every constraint allows: the largest minimum and the smallest maximum. */
function rangeOf(limits: ArgumentLimits, minOf: (c: Constraint) => number | undefined,
  maxOf: (c: Constraint) => number | undefined): { readonly min: number; readonly max: number } {
  let min = 0;
  let max = Infinity;
  for (const c of constraintsOf(limits)) {
    const low = minOf(c);
    const high = maxOf(c);
    if (low !== undefined && low > min) min = low;
    if (high !== undefined && high < max) max = high;
  }
  return { min, max };
}

/** The string length range every constraint allows. */
export function lengthRange(limits: ArgumentLimits): { readonly min: number; readonly max: number } {
  return rangeOf(limits, (c) => c.minLength, (c) => c.maxLength);
}

/** The item count range every constraint allows. */
export function itemRange(limits: ArgumentLimits): { readonly min: number; readonly max: number } {
  return rangeOf(limits, (c) => c.minItems, (c) => c.maxItems);
}

/** The key length range and the largest value length of a map (tags) every constraint allows. */
export function mapEntryRange(limits: ArgumentLimits): { readonly minKey: number; readonly maxKey: number; readonly maxValue: number } {
  const keys = rangeOf(limits, (c) => c.minKeyLength, (c) => c.maxKeyLength);
  return { minKey: keys.min, maxKey: keys.max, maxValue: rangeOf(limits, () => undefined, (c) => c.maxValueLength).max };
}

/** The whole-number range every constraint allows, and the extra values all of them allow. */
export function numberRange(limits: ArgumentLimits): { readonly min: number; readonly max: number; readonly also: readonly number[] } {
  let min = -Infinity;
  let max = Infinity;
  let also: readonly number[] | undefined;
  for (const c of constraintsOf(limits)) {
    if (c.min !== undefined && c.min > min) min = c.min;
    if (c.max !== undefined && c.max < max) max = c.max;
    if (c.alsoAllowed !== undefined) also = also === undefined ? c.alsoAllowed : also.filter((v) => c.alsoAllowed!.includes(v));
  }
  return { min, max, also: also ?? [] };
}

/** The values every constraint allows, for an enumeration; `undefined` when none restricts the values. */
export function allowedValues(limits: ArgumentLimits): readonly string[] | undefined {
  let values: readonly string[] | undefined;
  for (const c of constraintsOf(limits)) {
    if (c.values !== undefined) values = values === undefined ? c.values : values.filter((v) => c.values!.includes(v));
  }
  return values;
}

function isJson(value: string): boolean {
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
}

/** An argument's string constraints, merged once per argument: synth checks the same arguments thousands of times. */
interface StringCheck {
  readonly min: number;
  readonly max: number;
  readonly patterns: readonly RegExp[];
  readonly values: readonly string[] | undefined;
  readonly maxWildcards: number;
  readonly json: boolean;
}

const stringChecks = new WeakMap<ArgumentLimits, StringCheck>();

function stringCheckOf(limits: ArgumentLimits): StringCheck {
  let check = stringChecks.get(limits);
  if (check === undefined) {
    const constraints = constraintsOf(limits);
    const length = lengthRange(limits);
    const patterns: RegExp[] = [];
    let maxWildcards = Infinity;
    for (const c of constraints) {
      const re = regExpOf(c);
      if (re !== undefined) patterns.push(re);
      if (c.maxWildcards !== undefined && c.maxWildcards < maxWildcards) maxWildcards = c.maxWildcards;
    }
    check = {
      min: length.min,
      max: length.max,
      patterns,
      values: allowedValues(limits),
      maxWildcards,
      json: constraints.some((c) => c.json === true),
    };
    stringChecks.set(limits, check);
  }
  return check;
}

/** The first rule a literal string breaks (length, then pattern, values, wildcards, JSON), or `undefined`. */
export function brokenStringRule(limits: ArgumentLimits, value: string): RuleKind | undefined {
  const check = stringCheckOf(limits);
  if (value.length < check.min || value.length > check.max) return 'length';
  for (const re of check.patterns) if (!re.test(value)) return 'pattern';
  if (check.values !== undefined && !check.values.includes(value)) return 'values';
  if (check.maxWildcards !== Infinity && value.split('*').length - 1 > check.maxWildcards) return 'wildcards';
  if (check.json && !isJson(value)) return 'json';
  return undefined;
}

/** Whether a literal number is allowed: a whole number in range, or one of the extra values. */
export function brokenNumberRule(limits: ArgumentLimits, value: number): RuleKind | undefined {
  const range = numberRange(limits);
  if (range.also.includes(value)) return undefined;
  return Number.isInteger(value) && value >= range.min && value <= range.max ? undefined : 'range';
}

/** Whether a number of blocks or entries is allowed. */
export function brokenCountRule(limits: ArgumentLimits, count: number): RuleKind | undefined {
  const range = itemRange(limits);
  return count < range.min || count > range.max ? 'items' : undefined;
}
