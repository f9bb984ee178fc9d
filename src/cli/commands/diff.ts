import type { PullThroughCacheRule } from '@aws-sdk/client-ecr';
import { EXIT_FINDINGS, EXIT_OK } from '../errors';
import { formatJson } from '../output';
import { compareRegistryPolicies, formatRegistryPolicyComparisons } from '../registry-policy';
import { normaliseUpstreamPrefix, secretNameFromArn } from '../registries';
import { isUnresolved, loadSynthesizedStack, parseTemplate, templatePattern, type DeclaredRule, type SynthesizedStack } from '../terraform';
import type { CommandContext } from './context';
import { fetchRules, ruleJson } from './list';

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

/** A declared rule that exists live with different attributes. */
export interface ChangedRule {
  readonly address: string;
  readonly ecrRepositoryPrefix: string;
  /** `replace` if any replacing attribute changed. */
  readonly action: ChangeAction;
  readonly changes: readonly FieldDifference[];
}

/** The result of comparing a stack with the live rules. */
export interface DiffReport {
  readonly region: string;
  readonly drift: boolean;
  readonly missing: readonly DeclaredRule[];
  readonly extra: readonly PullThroughCacheRule[];
  readonly changed: readonly ChangedRule[];
  /** Attributes that hold expressions whose literal parts agree with the live value. */
  readonly unknown: readonly (FieldDifference & { readonly address: string; readonly ecrRepositoryPrefix: string })[];
  readonly skipped: readonly { readonly address: string; readonly ecrRepositoryPrefix: string; readonly region: string }[];
}

type Comparison = { readonly kind: 'equal' } | { readonly kind: 'changed' } | { readonly kind: 'unknown'; readonly note: string };

const SECRET_ARN_REF = /^((?:data\.)?aws_secretsmanager_secret\.[^.]+)\.arn$/;

function compareSecretReference(declared: string, live: string | undefined, stack: SynthesizedStack): Comparison | undefined {
  const parts = parseTemplate(declared);
  const ref = parts.length === 1 && 'expression' in parts[0] ? SECRET_ARN_REF.exec(parts[0].expression) : null;
  if (!ref) return undefined;
  const name = stack.secretNames.get(ref[1]);
  const liveName = live === undefined ? undefined : secretNameFromArn(live);
  if (liveName === undefined) return { kind: 'changed' };
  if (name === undefined) return { kind: 'unknown', note: `${ref[1]} has no name in this stack` };
  if (!isUnresolved(name)) return name === liveName ? { kind: 'equal' } : { kind: 'changed' };
  return templatePattern(name).test(liveName)
    ? { kind: 'unknown', note: `secret name ${name} is unknown until apply` }
    : { kind: 'changed' };
}

function compareValues(spec: FieldSpec, declared: string | undefined, live: string | undefined, stack: SynthesizedStack): Comparison {
  if (spec.attribute === 'upstream_repository_prefix') {
    declared = normaliseUpstreamPrefix(declared);
    live = normaliseUpstreamPrefix(live);
  }
  if (declared === undefined || !isUnresolved(declared)) {
    return declared === live ? { kind: 'equal' } : { kind: 'changed' };
  }
  if (spec.attribute === 'credential_arn') {
    const secret = compareSecretReference(declared, live, stack);
    if (secret) return secret;
  }
  return live !== undefined && templatePattern(declared).test(live)
    ? { kind: 'unknown', note: 'unknown until apply' }
    : { kind: 'changed' };
}

function declaredValue(rule: DeclaredRule, attribute: FieldSpec['attribute']): string | undefined {
  return rule[ATTRIBUTE_FIELDS[attribute]];
}

/** Compares declared rules with live ones (both for one registry and region). */
export function diffRules(stack: SynthesizedStack, live: readonly PullThroughCacheRule[], region: string): DiffReport {
  const skipped: DiffReport['skipped'][number][] = [];
  const inRegion = stack.rules.filter((r) => {
    if (r.region === undefined || isUnresolved(r.region) || r.region === region) return true;
    skipped.push({ address: r.address, ecrRepositoryPrefix: r.ecrRepositoryPrefix, region: r.region });
    return false;
  });

  const unmatched = new Map(live.map((r) => [r.ecrRepositoryPrefix ?? '', r]));
  const pairs: [DeclaredRule, PullThroughCacheRule][] = [];
  const missing: DeclaredRule[] = [];
  // Literal prefixes first, so that expressions only match what is left.
  const ordered = [...inRegion].sort((a, b) => Number(isUnresolved(a.ecrRepositoryPrefix)) - Number(isUnresolved(b.ecrRepositoryPrefix)));
  for (const rule of ordered) {
    let match = unmatched.get(rule.ecrRepositoryPrefix);
    if (!match && isUnresolved(rule.ecrRepositoryPrefix)) {
      const pattern = templatePattern(rule.ecrRepositoryPrefix);
      const candidates = [...unmatched.values()].filter((r) => pattern.test(r.ecrRepositoryPrefix ?? ''));
      if (candidates.length === 1) match = candidates[0];
    }
    if (!match) {
      missing.push(rule);
      continue;
    }
    unmatched.delete(match.ecrRepositoryPrefix ?? '');
    pairs.push([rule, match]);
  }

  const changed: ChangedRule[] = [];
  const unknown: DiffReport['unknown'][number][] = [];
  for (const [rule, liveRule] of pairs) {
    const changes: FieldDifference[] = [];
    for (const spec of FIELDS) {
      const field = ATTRIBUTE_FIELDS[spec.attribute];
      const declared = declaredValue(rule, spec.attribute);
      const liveValue = liveRule[field];
      const result = compareValues(spec, declared, liveValue, stack);
      const difference = { attribute: spec.attribute, field, declared, live: liveValue, action: spec.action };
      if (result.kind === 'changed') changes.push(difference);
      if (result.kind === 'unknown') {
        unknown.push({ ...difference, note: result.note, address: rule.address, ecrRepositoryPrefix: rule.ecrRepositoryPrefix });
      }
    }
    if (changes.length > 0) {
      changed.push({
        address: rule.address,
        ecrRepositoryPrefix: liveRule.ecrRepositoryPrefix ?? rule.ecrRepositoryPrefix,
        action: changes.some((c) => c.action === 'replace') ? 'replace' : 'update-in-place',
        changes,
      });
    }
  }
  const extra = [...unmatched.values()];
  return {
    region,
    drift: missing.length + extra.length + changed.length > 0,
    missing,
    extra,
    changed,
    unknown,
    skipped,
  };
}

function show(value: string | undefined): string {
  return value === undefined ? '(unset)' : JSON.stringify(value);
}

/** The report as text. */
export function formatDiff(report: DiffReport): string {
  const lines: string[] = [];
  const section = (title: string, items: string[]) => {
    if (items.length > 0) lines.push(title, ...items);
  };
  section(
    'missing (declared, not live):',
    report.missing.map((r) => `  + ${r.ecrRepositoryPrefix}  ${r.upstreamRegistryUrl}  (${r.address})`),
  );
  section(
    'extra (live, not declared):',
    report.extra.map((r) => `  - ${r.ecrRepositoryPrefix}  ${r.upstreamRegistryUrl}`),
  );
  section(
    'changed:',
    report.changed.flatMap((c) => [
      `  ${c.action === 'replace' ? '-/+' : '~'} ${c.ecrRepositoryPrefix}  (${c.action === 'replace' ? 'replace' : 'update in place'}; ${c.address})`,
      ...c.changes.map(
        (f) => `      ${f.attribute}: ${show(f.live)} -> ${show(f.declared)}${f.action === 'replace' ? '  # forces replacement' : ''}`,
      ),
    ]),
  );
  section(
    'unknown until apply (literal parts match):',
    report.unknown.map((u) => `  ? ${u.ecrRepositoryPrefix}  ${u.attribute}: ${show(u.declared)} ~ ${show(u.live)}`),
  );
  section(
    `skipped (declared for another region than ${report.region}):`,
    report.skipped.map((s) => `  ${s.ecrRepositoryPrefix}  region ${s.region}  (${s.address})`),
  );
  const summary = `${report.missing.length} missing, ${report.extra.length} extra, ${report.changed.length} changed`;
  lines.push(report.drift ? `drift: ${summary}` : `no drift (${summary})`);
  return lines.join('\n') + '\n';
}

/** `ecr-ptc diff --synth <cdk.tf.json>`. */
export async function runDiff(ctx: CommandContext, args: { readonly synth: string }): Promise<number> {
  const stack = await loadSynthesizedStack(ctx.io.cwd, args.synth);
  const report = diffRules(stack, await fetchRules(ctx), ctx.region);
  const registryPolicies = await compareRegistryPolicies(ctx.client, stack.registryPolicies, ctx.region);
  if (ctx.global.json) {
    ctx.io.stdout(
      formatJson({
        ...report,
        extra: report.extra.map(ruleJson),
        ...(registryPolicies.length > 0 ? { registryPolicies } : {}),
      }),
    );
  } else {
    ctx.io.stdout(formatDiff(report) + formatRegistryPolicyComparisons(registryPolicies));
  }
  return report.drift || registryPolicies.some((p) => p.dropped.length > 0) ? EXIT_FINDINGS : EXIT_OK;
}
