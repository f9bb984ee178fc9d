import type { ECRClient, ValidatePullThroughCacheRuleResponse } from '@aws-sdk/client-ecr';
import { createEcrClient, millis } from '../client';
import { CliError, describeError, EXIT_ERROR, EXIT_FINDINGS, EXIT_OK } from '../errors';
import { configurationHint, invalidRuleHint, type RuleFacts } from '../hints';
import { formatDuration, formatJson } from '../output';
import { mapWithLimit } from '../pool';
import { isUnresolved, placeRule, type DeclaredRule, type ReferencedRule, type SynthesizedStack } from '../terraform';
import { checkedCount, defaultRegion, stacksToCheck, type SynthContext } from './synth-stacks';
import { liveFacts, validateRule, validationJson, type ValidationFields } from './validate';

/** Environment variable: the first pause in ms between passes of `validate --synth --wait` (default 2000). */
export const WAIT_BASE_DELAY_ENV = 'ECR_PTC_WAIT_BASE_DELAY_MS';
const DEFAULT_WAIT_BASE_DELAY_MS = 2_000;
/** The longest pause, as a multiple of the first (2 s, 4 s, 8 s, 16 s, then 30 s). */
const MAX_DELAY_FACTOR = 15;

/** What `validate --synth` found for a declared rule. */
export type RuleStatus = 'valid' | 'invalid' | 'missing' | 'unchecked';

/** A rule the stack declares, or one it references (a data source: `declared` false), and what is known of it so far. */
interface RuleCheck {
  readonly rule: DeclaredRule | ReferencedRule;
  readonly declared: boolean;
  /** The Region it is checked in; for an unchecked rule, what the stack says, if anything. */
  readonly region?: string;
  status: RuleStatus;
  /** ValidatePullThroughCacheRule passes made for it (each with its own SDK retries). */
  attempts: number;
  result?: ValidatePullThroughCacheRuleResponse;
  /** The failure of a missing or unchecked rule. */
  failure?: string;
  hint?: string;
}

/** `validate --synth` arguments. */
export interface SynthValidateArgs {
  readonly synth: string;
  readonly waitSeconds: number;
  readonly concurrency: number;
  /** `--stack NAME`: one stack of an output directory or manifest. */
  readonly stack?: string;
  /** `--allow-empty`: a stack with no rule to check passes. */
  readonly allowEmpty: boolean;
}

function literal(value: string | undefined): string | undefined {
  return value === undefined || isUnresolved(value) ? undefined : value;
}

/** Decides where each declared or referenced rule is checked, or why it cannot be. */
async function planChecks(ctx: SynthContext, stacks: readonly SynthesizedStack[]): Promise<RuleCheck[]> {
  const targets = stacks.flatMap((s) => [
    ...s.rules.map((rule) => ({ rule, declared: true })),
    ...s.references.map((rule) => ({ rule, declared: false })),
  ]);
  const override = ctx.global.region;
  const needsDefault = override === undefined && targets.some((t) => t.rule.region === undefined);
  const fallback = override ?? (needsDefault ? await defaultRegion(ctx) : undefined);
  return targets.map(({ rule, declared }): RuleCheck => {
    const placed = placeRule(rule, override, fallback);
    if ('failure' in placed) return { rule, declared, region: placed.region, status: 'unchecked', attempts: 0, failure: placed.failure, hint: placed.hint };
    return { rule, declared, region: placed.region, status: 'missing', attempts: 0 };
  });
}

function declaredRule(check: RuleCheck): DeclaredRule | undefined {
  return check.declared ? (check.rule as DeclaredRule) : undefined;
}

/** The rule's declared ARNs that are literals, to check them without calling AWS. */
function declaredFacts(check: RuleCheck, registryId: string | undefined): RuleFacts {
  return {
    region: check.region!,
    registryId,
    credentialArns: [literal(declaredRule(check)?.credentialArn)],
    customRoleArns: [literal(declaredRule(check)?.customRoleArn)],
  };
}

/** Records the outcome of one ValidatePullThroughCacheRule call. */
function record(check: RuleCheck, result: ValidatePullThroughCacheRuleResponse | undefined, registryId: string | undefined): void {
  check.attempts++;
  check.result = result;
  const declared = declaredFacts(check, registryId);
  if (result === undefined) {
    check.status = 'missing';
    const registry = registryId === undefined ? '' : ` (registry ${registryId})`;
    check.failure = `no pull-through cache rule with prefix '${check.rule.ecrRepositoryPrefix}' in ${check.region}${registry}`;
    check.hint = configurationHint(declared) ?? (check.declared
      ? "run 'cdktf deploy' for this stack first, or check the Region: the rule's region argument, else its provider's region, else --region"
      : 'the stack reads this rule but does not own it: create it where it is owned (another stack, or by hand), or fix the prefix or the Region of fromEcrRepositoryPrefix');
    return;
  }
  check.status = result.isValid ? 'valid' : 'invalid';
  check.failure = result.failure;
  const live = liveFacts(result, check.region!);
  check.hint = result.isValid ? undefined : invalidRuleHint(result.failure, {
    ...live,
    credentialArns: [...live.credentialArns, ...declared.credentialArns],
    customRoleArns: [...live.customRoleArns, ...declared.customRoleArns],
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Validates the pending rules in passes until all are valid or the wait is over. */
async function checkUntilValid(ctx: SynthContext, checks: RuleCheck[], args: SynthValidateArgs): Promise<void> {
  const clients = new Map<string, ECRClient>();
  const clientFor = (region: string) => {
    let client = clients.get(region);
    if (!client) clients.set(region, (client = createEcrClient({ ...ctx.global, region }, ctx.io.env)));
    return client;
  };
  const { registryId, endpointUrl, profile } = ctx.global;
  const base = millis(ctx.io.env, WAIT_BASE_DELAY_ENV, DEFAULT_WAIT_BASE_DELAY_MS);
  const deadline = Date.now() + args.waitSeconds * 1000;
  let pending = checks.filter((c) => c.status !== 'unchecked');
  try {
    for (let pass = 0; pending.length > 0; pass++) {
      await mapWithLimit(pending, args.concurrency, async (check) => {
        const region = check.region!;
        let result: ValidatePullThroughCacheRuleResponse | undefined;
        try {
          result = await validateRule(clientFor(region), check.rule.ecrRepositoryPrefix, registryId);
        } catch (err) {
          throw new CliError(describeError(err, { endpointUrl, region, profile }), EXIT_ERROR, err);
        }
        record(check, result, registryId);
      });
      pending = pending.filter((c) => c.status !== 'valid');
      const left = deadline - Date.now();
      if (pending.length === 0 || left <= 0) break;
      const delay = Math.min(base * 2 ** pass, base * MAX_DELAY_FACTOR, left);
      const which = pending.map((c) => `${c.rule.ecrRepositoryPrefix} (${c.status})`).join(', ');
      ctx.io.stderr(`not valid yet: ${which}; next attempt in ${formatDuration(delay)} (${formatDuration(left)} of --wait left)\n`);
      await sleep(delay);
    }
  } finally {
    for (const client of clients.values()) client.destroy();
  }
}

/** A check as JSON: the API's field names (declared values for a rule not found or not checked), then ours. */
function checkJson(check: RuleCheck, registryId: string | undefined): Record<string, unknown> {
  const { rule } = check;
  const declared = declaredRule(check);
  const fields: ValidationFields = check.result ?? {
    ecrRepositoryPrefix: rule.ecrRepositoryPrefix,
    registryId,
    upstreamRegistryUrl: declared?.upstreamRegistryUrl,
    credentialArn: declared?.credentialArn,
    customRoleArn: declared?.customRoleArn,
    upstreamRepositoryPrefix: declared?.upstreamRepositoryPrefix,
    isValid: false,
    failure: check.failure,
  };
  return {
    ...validationJson(fields, check.hint),
    region: check.region,
    address: rule.address,
    stack: rule.stack,
    status: check.status,
    attempts: check.attempts,
  };
}

const STATUS_LABEL: Readonly<Record<RuleStatus, string>> = {
  valid: 'valid',
  invalid: 'INVALID',
  missing: 'MISSING',
  unchecked: 'UNCHECKED',
};

function formatChecks(stacks: readonly SynthesizedStack[], checks: readonly RuleCheck[], elapsedMs: number, waited: boolean): string {
  const column = (values: string[]) => Math.max(0, ...values.map((v) => v.length));
  const widths = [
    column(Object.values(STATUS_LABEL)),
    column(checks.map((c) => c.rule.ecrRepositoryPrefix)),
    column(checks.map((c) => c.region ?? '-')),
  ];
  const indent = ' '.repeat(widths[0] + 2);
  const lines: string[] = [];
  const listed = stacks.some((s) => s.manifest !== undefined);
  for (const stack of stacks) {
    const own = checks.filter((c) => c.rule.stack === stack.name);
    if (listed) lines.push(`stack ${stack.name} (${stack.file})${own.length === 0 ? ': declares and references no pull-through cache rule' : ':'}`);
    for (const c of own) {
      const attempts = c.attempts > 1 ? `  (${c.attempts} attempts)` : '';
      const cells = [STATUS_LABEL[c.status], c.rule.ecrRepositoryPrefix, c.region ?? '-'].map((v, i) => v.padEnd(widths[i]));
      lines.push(`${cells.join('  ')}  ${c.rule.address}${attempts}`);
      if (c.status === 'valid') continue;
      const label = c.status === 'unchecked' ? 'could not check' : 'failure';
      lines.push(`${indent}${label}: ${c.failure ?? '(no reason given)'}`);
      if (c.hint) lines.push(`${indent}fix: ${c.hint}`);
    }
  }
  const count = (status: RuleStatus) => checks.filter((c) => c.status === status).length;
  const passes = Math.max(0, ...checks.map((c) => c.attempts));
  const timing = waited ? ` after ${passes} attempt(s) in ${formatDuration(elapsedMs)}` : '';
  lines.push(
    `${checkedCount(stacks, checks.filter((c) => !c.declared).length, checks.length)}: ${count('valid')} valid, ${count('invalid')} invalid, ` +
      `${count('missing')} missing, ${count('unchecked')} not checked${timing}`,
  );
  return lines.join('\n') + '\n';
}

/**
 * `ecr-ptc validate --synth <path> [--wait <duration>]`: validates exactly the rules the synthesized stacks declare
 * or reference, each in its own Region, retrying invalid and missing ones until all are valid or the wait is over.
 */
export async function runValidateSynth(ctx: SynthContext, args: SynthValidateArgs): Promise<number> {
  const stacks = await stacksToCheck(ctx.io, ctx.global, args);
  if (stacks.length === 0) return EXIT_OK;
  const started = Date.now();
  const checks = await planChecks(ctx, stacks);
  await checkUntilValid(ctx, checks, args);

  if (ctx.global.json) {
    ctx.io.stdout(formatJson(checks.map((c) => checkJson(c, ctx.global.registryId))));
  } else {
    ctx.io.stdout(formatChecks(stacks, checks, Date.now() - started, args.waitSeconds > 0));
  }
  if (checks.some((c) => c.status === 'invalid' || c.status === 'missing')) return EXIT_FINDINGS;
  return checks.some((c) => c.status === 'unchecked') ? EXIT_ERROR : EXIT_OK;
}
