/**
 * `diff --synth`: what the stack's registry permissions policy would drop from the live one.
 *
 * `PutRegistryPolicy` (what Terraform calls for `aws_ecr_registry_policy`) replaces the registry's whole document in
 * its Region, so every live statement the declared document does not also hold is lost on deploy: replication
 * statements, or grants made by another stack or by hand.
 */
import { GetRegistryPolicyCommand, type ECRClient } from '@aws-sdk/client-ecr';
import { CliError, UsageError } from './errors';
import { isUnresolved, parseTemplate, templatePattern } from './terraform';

/** A registry policy declared in a synthesized stack. */
export interface DeclaredRegistryPolicy {
  /** Terraform address, e.g. `aws_ecr_registry_policy.EcrPullThroughCacheRegistryPolicy-us-east-1`. */
  readonly address: string;
  /** The `policy` argument: JSON whose strings may hold `${...}` expressions. */
  readonly policy: string;
  /** Its `region` argument, else its provider's region. */
  readonly region?: string;
}

/** One live statement, as the registry returns it. */
export type Statement = Record<string, unknown>;

/** The comparison of one declared registry policy with the live one. */
export interface RegistryPolicyComparison {
  readonly address: string;
  /** Whether the registry has a policy in the Region. */
  readonly live: boolean;
  /** Live statements that no declared statement equals: deploying drops them. */
  readonly dropped: readonly Statement[];
}

type Json = Record<string, unknown>;

function asObject(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

/** The `aws_ecr_registry_policy` resources of a synthesized stack's `resource` block. */
export function readRegistryPolicies(resources: Json, providerRegions: ReadonlyMap<string, string | undefined>, source: string): DeclaredRegistryPolicy[] {
  return Object.entries(asObject(resources.aws_ecr_registry_policy)).map(([name, body]) => {
    const r = asObject(body);
    const address = `aws_ecr_registry_policy.${name}`;
    if (typeof r.policy !== 'string') throw new UsageError(`${source}: ${address} has no policy string: expected a Terraform JSON configuration as cdktf synthesizes it`);
    const provider = typeof r.provider === 'string' ? r.provider.replace(/^\$\{(.*)\}$/, '$1') : 'aws';
    return { address, policy: r.policy, region: typeof r.region === 'string' ? r.region : providerRegions.get(provider) };
  });
}

/** The partition of a Region: what `data.aws_partition` resolves to there. */
export function partitionOfRegion(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** What the synthesized document's data source references resolve to in the registry compared with. */
export interface KnownValues {
  readonly region: string;
  readonly accountId?: string;
}

/** Replaces the references whose value is known (partition, caller account, provider Region); others stay. */
function substitute(value: string, known: KnownValues): string {
  return parseTemplate(value).map((part) => {
    if ('literal' in part) return part.literal.replace(/\$\{/g, '$${');
    const e = part.expression;
    if (/^data\.aws_partition\.[^.]+\.partition$/.test(e)) return partitionOfRegion(known.region);
    if (/^data\.aws_region\.[^.]+\.(region|name)$/.test(e)) return known.region;
    if (known.accountId !== undefined && /^data\.aws_caller_identity\.[^.]+\.account_id$/.test(e)) return known.accountId;
    return `\${${e}}`;
  }).join('');
}

const LISTS = ['Action', 'NotAction', 'Resource', 'NotResource'];

/** A statement in one canonical shape: lists for single values, account IDs as root ARNs, no Sid. */
function canonical(statement: Statement, partition: string): Statement {
  const out: Statement = {};
  for (const [key, value] of Object.entries(statement)) {
    if (key === 'Sid') continue;
    if (LISTS.includes(key)) out[key] = toList(value);
    else if ((key === 'Principal' || key === 'NotPrincipal') && typeof value === 'object' && value !== null) {
      const principal: Json = {};
      for (const [type, ids] of Object.entries(value as Json)) {
        principal[type] = toList(ids).map((id) => (type === 'AWS' && typeof id === 'string' && /^\d{12}$/.test(id) ? `arn:${partition}:iam::${id}:root` : id));
      }
      out[key] = principal;
    } else if (key === 'Condition' && typeof value === 'object' && value !== null) {
      const condition: Json = {};
      for (const [operator, entries] of Object.entries(value as Json)) {
        const keys: Json = {};
        for (const [k, v] of Object.entries(asObject(entries))) keys[k] = toList(v);
        condition[operator] = keys;
      }
      out[key] = condition;
    } else out[key] = value;
  }
  return out;
}

function toList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** Whether a declared value (strings may hold `${...}`, matching any text there) equals a live one. */
function matches(declared: unknown, live: unknown): boolean {
  if (typeof declared === 'string') {
    if (typeof live !== 'string') return false;
    return isUnresolved(declared) ? templatePattern(declared).test(live) : declared === live;
  }
  if (Array.isArray(declared)) {
    if (!Array.isArray(live) || live.length !== declared.length) return false;
    const unused = [...live];
    return declared.every((d) => {
      const i = unused.findIndex((l) => matches(d, l));
      if (i < 0) return false;
      unused.splice(i, 1);
      return true;
    });
  }
  if (typeof declared === 'object' && declared !== null) {
    if (typeof live !== 'object' || live === null || Array.isArray(live)) return false;
    const dk = Object.keys(declared).sort();
    const lk = Object.keys(live).sort();
    return dk.length === lk.length && dk.every((k, i) => k === lk[i] && matches((declared as Json)[k], (live as Json)[k]));
  }
  return declared === live;
}

function statementsOf(text: string, what: string): Statement[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new CliError(`cannot compare ${what}: it is not a JSON document (a Terraform expression is resolved only at apply)`);
  }
  const list = asObject(doc).Statement;
  if (list === undefined) return [];
  const statements = toList(list);
  if (statements.some((s) => typeof s !== 'object' || s === null || Array.isArray(s))) {
    throw new CliError(`cannot compare ${what}: its Statement is not a list of objects`);
  }
  return statements as Statement[];
}

/** The live statements that the declared document does not hold. */
export function droppedStatements(declared: DeclaredRegistryPolicy, livePolicy: string, known: KnownValues): Statement[] {
  const partition = partitionOfRegion(known.region);
  const ours = statementsOf(substitute(declared.policy, known), `the policy of ${declared.address}`).map((s) => canonical(s, partition));
  const live = statementsOf(livePolicy, 'the live registry policy');
  return live.filter((s) => !ours.some((o) => matches(o, canonical(s, partition))));
}

function isNotFound(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: string }).name === 'RegistryPolicyNotFoundException';
}

/** Compares each registry policy the stack declares for `region` with the live one; reads the live policy only then. */
export async function compareRegistryPolicies(client: ECRClient, declared: readonly DeclaredRegistryPolicy[], region: string):
Promise<RegistryPolicyComparison[]> {
  const here = declared.filter((p) => p.region === undefined || isUnresolved(p.region) || p.region === region);
  if (here.length === 0) return [];
  let live: { policyText?: string; registryId?: string } | undefined;
  try {
    live = await client.send(new GetRegistryPolicyCommand({}));
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  return here.map((p) => ({
    address: p.address,
    live: live?.policyText !== undefined,
    dropped: live?.policyText === undefined ? [] : droppedStatements(p, live.policyText, { region, accountId: live.registryId }),
  }));
}

/** The comparisons as text: nothing when the stack declares no registry policy in the Region. */
export function formatRegistryPolicyComparisons(comparisons: readonly RegistryPolicyComparison[]): string {
  const lines: string[] = [];
  for (const c of comparisons) {
    if (c.dropped.length === 0) {
      lines.push(`registry policy (${c.address}): ${c.live ? 'keeps every live statement' : 'no live policy to replace'}`);
      continue;
    }
    lines.push(`registry policy (${c.address}) replaces the live one and drops ${c.dropped.length} live statement${c.dropped.length === 1 ? '' : 's'}:`);
    for (const s of c.dropped) lines.push(`  - ${typeof s.Sid === 'string' ? `${s.Sid}: ` : ''}${JSON.stringify(s)}`);
  }
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}
