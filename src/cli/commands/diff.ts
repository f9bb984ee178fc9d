import type { PullThroughCacheRule } from '@aws-sdk/client-ecr';
import { createEcrClient } from '../client';
import { CliError, describeError, EXIT_ERROR, EXIT_FINDINGS, EXIT_OK } from '../errors';
import { formatJson } from '../output';
import { normaliseUpstreamPrefix, secretNameFromArn } from '../registries';
import {
  isUnresolved, parseTemplate, placeRule, templatePattern, type DeclaredRule, type ReferencedRule, type SynthesizedStack,
} from '../terraform';
import { fetchRules, ruleJson } from './list';
import { checkedCount, defaultRegion, stacksToCheck, type SynthContext } from './synth-stacks';

/** How Terraform applies a change to an attribute. */
export type ChangeAction = 'update-in-place' | 'replace';

interface FieldSpec {
  readonly attribute: keyof typeof ATTRIBUTE_FIELDS;
  readonly action: ChangeAction;
}

const ATTRIBUTE_FIELDS = {
  ecr_repository_prefix: 'ecrRepositoryPrefix',
  upstream_registry_url: 'upstreamRegistryUrl',
  upstream_repository_prefix: 'upstreamRepositoryPrefix',
  credential_arn: 'credentialArn',
  custom_role_arn: 'customRoleArn',
} as const;

/** The compared attributes; the first three force replacement (see the Terraform provider's schema). */
const FIELDS: readonly FieldSpec[] = [
  { attribute: 'ecr_repository_prefix', action: 'replace' },
  { attribute: 'upstream_registry_url', action: 'replace' },
  { attribute: 'upstream_repository_prefix', action: 'replace' },
  { attribute: 'credential_arn', action: 'update-in-place' },
  { attribute: 'custom_role_arn', action: 'update-in-place' },
];

/** One attribute that differs, or cannot be known before apply. */
export interface FieldDifference {
  readonly attribute: string;
  readonly field: string;
  readonly declared?: string;
  readonly live?: string;
  readonly action: ChangeAction;
  readonly note?: string;
}

/** Where a rule of the report was declared and compared. */
interface Place {
  readonly address: string;
  readonly stack: string;
  readonly ecrRepositoryPrefix: string;
  readonly region: string;
}

/** A declared rule that exists live with different attributes. */
export interface ChangedRule extends Place {
  /** `replace` if any replacing attribute changed. */
  readonly action: ChangeAction;
  readonly changes: readonly FieldDifference[];
}

/** A rule the stack reads (data source) and whether it exists live. */
export interface ReferenceState extends Place {
  readonly live: boolean;
}

/** A rule that could not be compared, and why. */
export interface UncheckedRule {
  readonly address: string;
  readonly stack: string;
  readonly ecrRepositoryPrefix: string;
  readonly region?: string;
  readonly failure: string;
  readonly hint?: string;
}

/** The result of comparing stacks with the live rules of the Regions they use. */
export interface DiffReport {
  /** The Regions compared. */
  readonly regions: readonly string[];
  readonly drift: boolean;
  readonly missing: readonly (DeclaredRule & { readonly region: string })[];
  readonly extra: readonly (PullThroughCacheRule & { readonly region: string })[];
  readonly changed: readonly ChangedRule[];
  /** Attributes that hold expressions whose literal parts agree with the live value. */
  readonly unknown: readonly (FieldDifference & Place)[];
  /** Rules the stacks read but do not own; one that is not live fails their plan, and counts as drift. */
  readonly referenced: readonly ReferenceState[];
  /** Rules that could not be compared (a Region known only at apply, or none at all). */
  readonly unchecked: readonly UncheckedRule[];
}

type Comparison = { readonly kind: 'equal' } | { readonly kind: 'changed' } | { readonly kind: 'unknown'; readonly note: string };

const SECRET_ARN_REF = /^((?:data\.)?aws_secretsmanager_secret\.[^.]+)\.arn$/;

function compareSecretReference(declared: string, live: string | undefined, secretNames: ReadonlyMap<string, string>): Comparison | undefined {
  const parts = parseTemplate(declared);
  const ref = parts.length === 1 && 'expression' in parts[0] ? SECRET_ARN_REF.exec(parts[0].expression) : null;
  if (!ref) return undefined;
  const name = secretNames.get(ref[1]);
  const liveName = live === undefined ? undefined : secretNameFromArn(live);
  if (liveName === undefined) return { kind: 'changed' };
  if (name === undefined) return { kind: 'unknown', note: `${ref[1]} has no name in this stack` };
  if (!isUnresolved(name)) return name === liveName ? { kind: 'equal' } : { kind: 'changed' };
  return templatePattern(name).test(liveName)
    ? { kind: 'unknown', note: `secret name ${name} is unknown until apply` }
    : { kind: 'changed' };
}

function compareValues(spec: FieldSpec, declared: string | undefined, live: string | undefined, secretNames: ReadonlyMap<string, string>): Comparison {
  if (spec.attribute === 'upstream_repository_prefix') {
    declared = normaliseUpstreamPrefix(declared);
    live = normaliseUpstreamPrefix(live);
  }
  if (declared === undefined || !isUnresolved(declared)) {
    return declared === live ? { kind: 'equal' } : { kind: 'changed' };
  }
  if (spec.attribute === 'credential_arn') {
    const secret = compareSecretReference(declared, live, secretNames);
    if (secret) return secret;
  }
  return live !== undefined && templatePattern(declared).test(live)
    ? { kind: 'unknown', note: 'unknown until apply' }
    : { kind: 'changed' };
}

function declaredValue(rule: DeclaredRule, attribute: FieldSpec['attribute']): string | undefined {
  return rule[ATTRIBUTE_FIELDS[attribute]];
}

/** What one Region holds: the rules placed there, and the live ones. */
export interface RegionInput {
  readonly rules: readonly DeclaredRule[];
  readonly references: readonly ReferencedRule[];
  readonly live: readonly PullThroughCacheRule[];
}

/** Compares declared and referenced rules with the live ones, Region by Region (one registry). */
export function diffRules(stacks: readonly SynthesizedStack[], regions: ReadonlyMap<string, RegionInput>,
  unchecked: readonly UncheckedRule[] = []): DiffReport {
  const secretsOf = new Map(stacks.map((s) => [s.name, s.secretNames]));
  const missing: DiffReport['missing'][number][] = [];
  const extra: DiffReport['extra'][number][] = [];
  const changed: ChangedRule[] = [];
  const unknown: DiffReport['unknown'][number][] = [];
  const referenced: ReferenceState[] = [];

  for (const [region, input] of regions) {
    const unmatched = new Map(input.live.map((r) => [r.ecrRepositoryPrefix ?? '', r]));
    const pairs: [DeclaredRule, PullThroughCacheRule][] = [];
    // Literal prefixes first, so that expressions only match what is left.
    const ordered = [...input.rules].sort((a, b) => Number(isUnresolved(a.ecrRepositoryPrefix)) - Number(isUnresolved(b.ecrRepositoryPrefix)));
    for (const rule of ordered) {
      let match = unmatched.get(rule.ecrRepositoryPrefix);
      if (!match && isUnresolved(rule.ecrRepositoryPrefix)) {
        const pattern = templatePattern(rule.ecrRepositoryPrefix);
        const candidates = [...unmatched.values()].filter((r) => pattern.test(r.ecrRepositoryPrefix ?? ''));
        if (candidates.length === 1) match = candidates[0];
      }
      if (!match) {
        missing.push({ ...rule, region });
        continue;
      }
      unmatched.delete(match.ecrRepositoryPrefix ?? '');
      pairs.push([rule, match]);
    }
    // A rule the stack reads is owned elsewhere: not extra, and missing when it is not live.
    const liveByPrefix = new Map(input.live.map((r) => [r.ecrRepositoryPrefix ?? '', r]));
    for (const ref of input.references) {
      const { address, stack, ecrRepositoryPrefix } = ref;
      referenced.push({ address, stack, ecrRepositoryPrefix, region, live: liveByPrefix.has(ecrRepositoryPrefix) });
      unmatched.delete(ecrRepositoryPrefix);
    }

    for (const [rule, liveRule] of pairs) {
      const place: Place = { address: rule.address, stack: rule.stack, ecrRepositoryPrefix: rule.ecrRepositoryPrefix, region };
      const changes: FieldDifference[] = [];
      for (const spec of FIELDS) {
        const field = ATTRIBUTE_FIELDS[spec.attribute];
        const declared = declaredValue(rule, spec.attribute);
        const liveValue = liveRule[field];
        const result = compareValues(spec, declared, liveValue, secretsOf.get(rule.stack) ?? new Map());
        const difference = { attribute: spec.attribute, field, declared, live: liveValue, action: spec.action };
        if (result.kind === 'changed') changes.push(difference);
        if (result.kind === 'unknown') unknown.push({ ...difference, note: result.note, ...place });
      }
      if (changes.length > 0) {
        changed.push({
          ...place,
          ecrRepositoryPrefix: liveRule.ecrRepositoryPrefix ?? rule.ecrRepositoryPrefix,
          action: changes.some((c) => c.action === 'replace') ? 'replace' : 'update-in-place',
          changes,
        });
      }
    }
    extra.push(...[...unmatched.values()].map((r) => ({ ...r, region })));
  }
  const absent = referenced.filter((r) => !r.live).length;
  return {
    regions: [...regions.keys()],
    drift: missing.length + extra.length + changed.length + absent > 0,
    missing,
    extra,
    changed,
    unknown,
    referenced,
    unchecked,
  };
}

function show(value: string | undefined): string {
  return value === undefined ? '(unset)' : JSON.stringify(value);
}

/** The report as text; `stacks` name where each rule comes from when they were listed by a manifest. */
export function formatDiff(report: DiffReport, stacks: readonly SynthesizedStack[]): string {
  const lines: string[] = [];
  const listed = stacks.some((s) => s.manifest !== undefined);
  if (listed) {
    for (const s of stacks) {
      lines.push(`stack ${s.name} (${s.file}): ${s.rules.length} rule(s), ${s.references.length} referenced`);
    }
  }
  const at = (p: { address: string; stack: string }) => (listed ? `${p.stack}: ${p.address}` : p.address);
  const section = (title: string, items: string[]) => {
    if (items.length > 0) lines.push(title, ...items);
  };
  section(
    'missing (declared, not live):',
    report.missing.map((r) => `  + ${r.ecrRepositoryPrefix}  ${r.region}  ${r.upstreamRegistryUrl}  (${at(r)})`),
  );
  section(
    'extra (live, not declared):',
    report.extra.map((r) => `  - ${r.ecrRepositoryPrefix}  ${r.region}  ${r.upstreamRegistryUrl}`),
  );
  section(
    'changed:',
    report.changed.flatMap((c) => [
      `  ${c.action === 'replace' ? '-/+' : '~'} ${c.ecrRepositoryPrefix}  ${c.region}  (${c.action === 'replace' ? 'replace' : 'update in place'}; ${at(c)})`,
      ...c.changes.map(
        (f) => `      ${f.attribute}: ${show(f.live)} -> ${show(f.declared)}${f.action === 'replace' ? '  # forces replacement' : ''}`,
      ),
    ]),
  );
  section(
    'unknown until apply (literal parts match):',
    report.unknown.map((u) => `  ? ${u.ecrRepositoryPrefix}  ${u.region}  ${u.attribute}: ${show(u.declared)} ~ ${show(u.live)}`),
  );
  section(
    'referenced, not live (the stack reads these rules; its plan fails without them):',
    report.referenced.filter((r) => !r.live).map((r) => `  ! ${r.ecrRepositoryPrefix}  ${r.region}  (${at(r)})`),
  );
  section(
    'not compared:',
    report.unchecked.flatMap((u) => [
      `  ${u.ecrRepositoryPrefix}  ${u.region ?? '-'}  (${at(u)}): ${u.failure}`,
      ...(u.hint ? [`      fix: ${u.hint}`] : []),
    ]),
  );
  const absent = report.referenced.filter((r) => !r.live).length;
  const findings = `${report.missing.length} missing, ${report.extra.length} extra, ${report.changed.length} changed` +
    (absent > 0 ? `, ${absent} referenced not live` : '');
  const declared = stacks.reduce((n, s) => n + s.rules.length + s.references.length, 0);
  const compared = `${checkedCount(stacks, report.referenced.length, declared - report.unchecked.length)} compared` +
    (report.regions.length > 0 ? ` in ${report.regions.join(', ')}` : '') +
    (report.unchecked.length > 0 ? `, ${report.unchecked.length} not compared` : '');
  lines.push(report.drift ? `drift: ${findings}; ${compared}` : `no drift (${findings}): ${compared}`);
  return lines.join('\n') + '\n';
}

/** Runs `fetchRules` in each Region with its own client. */
async function liveRulesByRegion(ctx: SynthContext, regions: readonly string[]): Promise<Map<string, PullThroughCacheRule[]>> {
  const live = new Map<string, PullThroughCacheRule[]>();
  for (const region of regions) {
    const client = createEcrClient({ ...ctx.global, region }, ctx.io.env);
    try {
      live.set(region, await fetchRules({ io: ctx.io, global: ctx.global, client, region }));
    } catch (err) {
      const { endpointUrl, profile } = ctx.global;
      throw new CliError(describeError(err, { endpointUrl, region, profile }), EXIT_ERROR, err);
    } finally {
      client.destroy();
    }
  }
  return live;
}

/**
 * `ecr-ptc diff --synth <path>`: compares the rules the stacks declare and reference with the live rules of every
 * Region they use (each rule's `region` argument or its provider's, else `--region`).
 */
export async function runDiff(ctx: SynthContext, args: { readonly synth: string; readonly stack?: string; readonly allowEmpty: boolean }): Promise<number> {
  const stacks = await stacksToCheck(ctx.io, ctx.global, args);
  if (stacks.length === 0) return EXIT_OK;
  const override = ctx.global.region;
  const all = stacks.flatMap((s) => [...s.rules, ...s.references]);
  const fallback = override ?? (all.some((r) => r.region === undefined) ? await defaultRegion(ctx) : undefined);

  const regions = new Map<string, { rules: DeclaredRule[]; references: ReferencedRule[] }>();
  const unchecked: UncheckedRule[] = [];
  const place = (rule: DeclaredRule | ReferencedRule, declared: boolean) => {
    const placed = placeRule(rule, override, fallback);
    if ('failure' in placed) {
      const { address, stack, ecrRepositoryPrefix } = rule;
      unchecked.push({ address, stack, ecrRepositoryPrefix, region: placed.region, failure: placed.failure, hint: placed.hint });
      return;
    }
    const entry = regions.get(placed.region) ?? { rules: [], references: [] };
    regions.set(placed.region, entry);
    if (declared) entry.rules.push(rule as DeclaredRule);
    else entry.references.push(rule as ReferencedRule);
  };
  for (const s of stacks) {
    s.rules.forEach((r) => place(r, true));
    s.references.forEach((r) => place(r, false));
  }

  const live = await liveRulesByRegion(ctx, [...regions.keys()]);
  const inputs = new Map([...regions].map(([region, entry]) => [region, { ...entry, live: live.get(region) ?? [] }]));
  const report = diffRules(stacks, inputs, unchecked);
  if (ctx.global.json) {
    ctx.io.stdout(formatJson({ ...report, extra: report.extra.map((r) => ({ ...ruleJson(r), region: r.region })) }));
  } else {
    ctx.io.stdout(formatDiff(report, stacks));
  }
  if (report.drift) return EXIT_FINDINGS;
  return report.unchecked.length > 0 ? EXIT_ERROR : EXIT_OK;
}
