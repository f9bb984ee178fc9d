import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError } from './errors';

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
  readonly ecrRepositoryPrefix: string;
  readonly upstreamRegistryUrl: string;
  readonly credentialArn?: string;
  readonly customRoleArn?: string;
  readonly upstreamRepositoryPrefix?: string;
  /** The rule's region: its `region` argument, else its provider's region. */
  readonly region?: string;
}

/** What `diff` needs from a synthesized stack. */
export interface SynthesizedStack {
  readonly rules: readonly DeclaredRule[];
  /**
   * Terraform address of each `aws_secretsmanager_secret` (resource or data source) → its `name` argument
   * (for a `name_prefix`, a template whose tail is unknown).
   */
  readonly secretNames: ReadonlyMap<string, string>;
  /** The Region of the default (unaliased) AWS provider, when it sets one. */
  readonly providerRegion?: string;
}

type Json = Record<string, unknown>;

function asObject(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function optionalString(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function providerRegions(doc: Json): Map<string, string> {
  const regions = new Map<string, string>();
  const aws = asObject(doc.provider).aws;
  const configs = Array.isArray(aws) ? aws : aws ? [aws] : [];
  for (const c of configs) {
    const config = asObject(c);
    const region = optionalString(config.region);
    if (region !== undefined) regions.set(config.alias ? `aws.${String(config.alias)}` : 'aws', region);
  }
  return regions;
}

/** Reads the pull-through cache rules and secret names from a cdktf `cdk.tf.json` document. */
export function readSynthesizedStack(text: string, source: string): SynthesizedStack {
  let doc: Json;
  try {
    doc = asObject(JSON.parse(text));
  } catch (err) {
    throw new CliError(`${source} is not JSON: ${(err as Error).message}`);
  }
  const resources = asObject(doc.resource);
  const data = asObject(doc.data);
  const regions = providerRegions(doc);

  const secretNames = new Map<string, string>();
  for (const [prefix, block] of [['', resources], ['data.', data]] as const) {
    for (const [name, body] of Object.entries(asObject(block.aws_secretsmanager_secret))) {
      const secret = asObject(body);
      const secretName = optionalString(secret.name);
      const namePrefix = optionalString(secret.name_prefix);
      // A name_prefix gets a random suffix at apply: model it as a template with an unknown tail.
      const known = secretName ?? (namePrefix === undefined ? undefined : `${namePrefix.replace(/\$\{/g, '$${')}\${name_prefix}`);
      if (known !== undefined) secretNames.set(`${prefix}aws_secretsmanager_secret.${name}`, known);
    }
  }

  const rules: DeclaredRule[] = [];
  for (const [name, body] of Object.entries(asObject(resources.aws_ecr_pull_through_cache_rule))) {
    const r = asObject(body);
    const address = `aws_ecr_pull_through_cache_rule.${name}`;
    const prefix = optionalString(r.ecr_repository_prefix);
    const url = optionalString(r.upstream_registry_url);
    if (prefix === undefined || url === undefined) {
      throw new CliError(`${source}: ${address} has no ecr_repository_prefix or upstream_registry_url`);
    }
    const provider = optionalString(r.provider)?.replace(/^\$\{(.*)\}$/, '$1') ?? 'aws';
    rules.push({
      address,
      ecrRepositoryPrefix: prefix,
      upstreamRegistryUrl: url,
      credentialArn: optionalString(r.credential_arn),
      customRoleArn: optionalString(r.custom_role_arn),
      upstreamRepositoryPrefix: optionalString(r.upstream_repository_prefix),
      region: optionalString(r.region) ?? regions.get(provider),
    });
  }
  return { rules, secretNames, providerRegion: regions.get('aws') };
}

/** Reads `--synth <path>` (relative to `cwd`); throws `CliError` when the file cannot be read or is not JSON. */
export async function loadSynthesizedStack(cwd: string, path: string): Promise<SynthesizedStack> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch (err) {
    throw new CliError(`cannot read --synth ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return readSynthesizedStack(text, path);
}
