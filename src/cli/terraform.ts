import { checkRegion } from './client';
import { UsageError } from './errors';
import { jsonKind, read as readSynth, SYNTH_EXPECTED, type SynthStack, type TerraformDocument } from './synth-input';
import { readRegistryPolicies, type DeclaredRegistryPolicy } from './registry-policy';

/** One piece of a Terraform string: literal text or a `${...}` expression. */
export type TemplatePart = { readonly literal: string } | { readonly expression: string };

/**
 * Splits a Terraform template string into literal text and `${...}` expressions
 * (nested braces and quoted strings inside an expression are kept together; `$${` is a literal `${`).
 */
export function parseTemplate(value: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = '';
  let i = 0;
  while (i < value.length) {
    if (value.startsWith('$${', i)) {
      literal += '${';
      i += 3;
      continue;
    }
    if (!value.startsWith('${', i)) {
      literal += value[i++];
      continue;
    }
    let depth = 1;
    let j = i + 2;
    let quoted = false;
    for (; j < value.length && depth > 0; j++) {
      const c = value[j];
      if (quoted) {
        if (c === '\\') j++;
        else if (c === '"') quoted = false;
      } else if (c === '"') quoted = true;
      else if (c === '{') depth++;
      else if (c === '}') depth--;
    }
    if (depth > 0) {
      literal += value.slice(i);
      break;
    }
    if (literal) parts.push({ literal });
    literal = '';
    parts.push({ expression: value.slice(i + 2, j - 1).trim() });
    i = j;
  }
  if (literal) parts.push({ literal });
  return parts;
}

/** Whether a value holds a Terraform expression (is unknown until apply). */
export function isUnresolved(value: string): boolean {
  return parseTemplate(value).some((p) => 'expression' in p);
}

/** A regular expression matching every value the template could take: literals fixed, expressions free. */
export function templatePattern(value: string): RegExp {
  const body = parseTemplate(value)
    .map((p) => ('literal' in p ? p.literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : '[\\s\\S]*?'))
    .join('');
  return new RegExp(`^${body}$`);
}

/** A rule declared in a synthesized stack. */
export interface DeclaredRule {
  /** Terraform address, e.g. `aws_ecr_pull_through_cache_rule.PullThroughCache_DockerHub_Resource_A1B2C3D4`. */
  readonly address: string;
  /** The stack that declares it. */
  readonly stack: string;
  readonly ecrRepositoryPrefix: string;
  readonly upstreamRegistryUrl: string;
  readonly credentialArn?: string;
  readonly customRoleArn?: string;
  readonly upstreamRepositoryPrefix?: string;
  /** The rule's region: its `region` argument, else its provider's region. */
  readonly region?: string;
}

/**
 * A rule a stack reads but does not own: the data source `aws_ecr_pull_through_cache_rule`
 * (from `PullThroughCacheRule.fromEcrRepositoryPrefix`); plan fails when it does not exist.
 */
export interface ReferencedRule {
  /** Terraform address, e.g. `data.aws_ecr_pull_through_cache_rule.SharedChainguard_DE81C518`. */
  readonly address: string;
  /** The stack that reads it. */
  readonly stack: string;
  readonly ecrRepositoryPrefix: string;
  /** The data source's region: its `region` argument, else its provider's region. */
  readonly region?: string;
}

/** What the commands need from a synthesized stack. */
export interface SynthesizedStack {
  /** The stack name. */
  readonly name: string;
  /** Its `cdk.tf.json`. */
  readonly file: string;
  /** The manifest that listed it, if any. */
  readonly manifest?: string;
  readonly rules: readonly DeclaredRule[];
  readonly references: readonly ReferencedRule[];
  /**
   * Terraform address of each `aws_secretsmanager_secret` (resource or data source) → its `name` argument
   * (for a `name_prefix`, a template whose tail is unknown).
   */
  readonly secretNames: ReadonlyMap<string, string>;
  /** The `aws_ecr_registry_policy` resources. */
  readonly registryPolicies: readonly DeclaredRegistryPolicy[];
  /** The Region of the default (unaliased) AWS provider, when it sets one. */
  readonly providerRegion?: string;
}

type Json = Record<string, unknown>;

function asObject(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function providerRegions(doc: TerraformDocument): Map<string, string | undefined> {
  const regions = new Map<string, string | undefined>();
  for (const [name, aws] of Object.entries(asObject(doc.provider))) {
    if (name !== 'aws') continue;
    for (const c of Array.isArray(aws) ? aws : [aws]) {
      const config = asObject(c);
      const region = config.region;
      regions.set(config.alias ? `aws.${String(config.alias)}` : 'aws', typeof region === 'string' ? region : undefined);
    }
  }
  return regions;
}

/** Reads the arguments of one block: each named one must be a string when present (synthesized values always are). */
function stringArguments<K extends string>(
  stack: SynthStack,
  address: string,
  body: Json,
  required: readonly K[],
  optional: readonly K[],
): Record<K, string | undefined> {
  const out = {} as Record<K, string | undefined>;
  for (const name of [...required, ...optional]) {
    const value = body[name];
    if (value === undefined || value === null) {
      if (required.includes(name)) throw new UsageError(`--synth ${stack.file}: ${address} has no ${name}`, SYNTH_EXPECTED);
      out[name] = undefined;
    } else if (typeof value !== 'string') {
      throw new UsageError(`--synth ${stack.file}: ${address} has ${name} ${jsonKind(value)}; expected a string`, SYNTH_EXPECTED);
    } else {
      out[name] = value;
    }
  }
  return out;
}

/** The region of a block: its `region` argument, else the Region of the provider it names (default `aws`). */
function blockRegion(regions: ReadonlyMap<string, string | undefined>, region: string | undefined, provider: string | undefined): string | undefined {
  return region ?? regions.get(provider?.replace(/^\$\{(.*)\}$/, '$1') ?? 'aws');
}

/** The pull-through cache rules a stack declares and references, and its secret names. Throws `UsageError`. */
export function readSynthesizedStack(stack: SynthStack): SynthesizedStack {
  const doc = stack.document;
  const resources = asObject(doc.resource);
  const data = asObject(doc.data);
  const regions = providerRegions(doc);

  const secretNames = new Map<string, string>();
  for (const [prefix, block] of [['', resources], ['data.', data]] as const) {
    for (const [name, body] of Object.entries(asObject(block.aws_secretsmanager_secret))) {
      const address = `${prefix}aws_secretsmanager_secret.${name}`;
      const secret = stringArguments(stack, address, asObject(body), [], ['name', 'name_prefix', 'arn']);
      // A name_prefix gets a random suffix at apply: model it as a template with an unknown tail.
      const namePrefix = secret.name_prefix;
      const known = secret.name ?? (namePrefix === undefined ? undefined : `${namePrefix.replace(/\$\{/g, '$${')}\${name_prefix}`);
      if (known !== undefined) secretNames.set(address, known);
    }
  }

  const rules: DeclaredRule[] = [];
  for (const [name, body] of Object.entries(asObject(resources.aws_ecr_pull_through_cache_rule))) {
    const address = `aws_ecr_pull_through_cache_rule.${name}`;
    const r = stringArguments(stack, address, asObject(body), ['ecr_repository_prefix', 'upstream_registry_url'],
      ['credential_arn', 'custom_role_arn', 'upstream_repository_prefix', 'region', 'provider']);
    rules.push({
      address,
      stack: stack.name,
      ecrRepositoryPrefix: r.ecr_repository_prefix!,
      upstreamRegistryUrl: r.upstream_registry_url!,
      credentialArn: r.credential_arn,
      customRoleArn: r.custom_role_arn,
      upstreamRepositoryPrefix: r.upstream_repository_prefix,
      region: blockRegion(regions, r.region, r.provider),
    });
  }

  const references: ReferencedRule[] = [];
  for (const [name, body] of Object.entries(asObject(data.aws_ecr_pull_through_cache_rule))) {
    const address = `data.aws_ecr_pull_through_cache_rule.${name}`;
    const r = stringArguments(stack, address, asObject(body), ['ecr_repository_prefix'], ['region', 'provider']);
    references.push({ address, stack: stack.name, ecrRepositoryPrefix: r.ecr_repository_prefix!, region: blockRegion(regions, r.region, r.provider) });
  }
  return { name: stack.name, file: stack.file, manifest: stack.manifest, rules, references, secretNames, registryPolicies: readRegistryPolicies(resources, regions, stack.file), providerRegion: regions.get('aws') };
}

/**
 * Reads `--synth <path>` (a `cdk.tf.json`, an output directory or its `manifest.json`, relative to `cwd`) and the
 * rules of each stack. Throws `UsageError` (exit 2) for anything that is not a synthesized stack.
 */
export async function loadSynthesizedStacks(cwd: string, path: string, stack?: string): Promise<SynthesizedStack[]> {
  return (await readSynth(path, { cwd, stack })).map(readSynthesizedStack);
}

/** Where a rule is checked, or why it cannot be. */
export type RulePlacement =
  | { readonly region: string }
  | { readonly region?: string; readonly failure: string; readonly hint?: string };

/**
 * The Region a declared or referenced rule is checked in: its own (argument or provider), else `fallback`
 * (`--region`, `AWS_REGION` or the profile's). A Region that is a Terraform expression needs `--region` (`override`).
 */
export function placeRule(rule: { readonly region?: string; readonly ecrRepositoryPrefix: string }, override: string | undefined,
  fallback: string | Error | undefined): RulePlacement {
  let region = rule.region;
  if (region !== undefined && isUnresolved(region)) {
    if (override === undefined) {
      return { region, failure: `its Region is the Terraform expression ${region}, known only at apply`, hint: 'pass --region with the Region the stack deploys it to' };
    }
    region = override;
  }
  if (region === undefined) {
    if (typeof fallback !== 'string') {
      return { failure: 'no Region: the rule has no region argument and its provider sets none', hint: 'pass --region, set AWS_REGION, or set region in the profile' };
    }
    region = fallback;
  }
  try {
    checkRegion(region);
  } catch (err) {
    return { region, failure: (err as Error).message };
  }
  if (isUnresolved(rule.ecrRepositoryPrefix)) {
    return {
      region,
      failure: `its ecr_repository_prefix is the Terraform expression ${rule.ecrRepositoryPrefix}, known only at apply`,
      hint: `validate it after deploy with 'ecr-ptc validate --prefix <prefix> --region ${region}'`,
    };
  }
  return { region };
}
