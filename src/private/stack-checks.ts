/**
 * Checks across the resources of a stack, beside the rule-against-rule checks of stack-rules.ts, in one place:
 *
 * - repository creation templates against each other: one template per prefix and Region;
 * - templates against grants: a grant allows `ecr:TagResource` where the template that applies to a rule's new
 *   repositories (the longest matching prefix, else `ROOT`, in the rule's Region) sets resource tags;
 * - secrets and roles against the rules that use them: Region, account and upstream prefix;
 * - every policy document against IAM's size quotas, and grants that outgrow an inline policy moved into
 *   customer managed policies attached to the role.
 *
 * Grants are planned once per stack when synthesis starts (an aspect on the stack, so every construct exists and
 * resources can still be added); the other checks are construct validations. Each pass indexes the stack once, so the
 * work stays linear in the number of rules, templates and grants.
 */
import { Annotations, Aspects, DefaultTokenResolver, IAspect, Lazy, StringConcat, TerraformStack, Tokenization } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { IamPolicy } from './aws/iam-policy';
import { IamRolePolicy } from './aws/iam-role-policy';
import { IamRolePolicyAttachment } from './aws/iam-role-policy-attachment';
import * as errors from './errors';
import { AUTH_TOKEN_ACTION, FIRST_PULL_ACTIONS, PolicyStatement, PULL_ACTIONS, repositoryArn, TAG_ON_CREATE_ACTIONS } from './iam';
import { namespaceOf, ROOT_PREFIX } from './patterns';
import { recordedRole } from './role-readiness';
import { callerIdentityOf, partitionOf, providerRegion, stackState } from './stack-data';
import { ancestorsOf, push, regionKey } from './stack-rules';
import { isTokenString } from './tokens';
import { isLiteral } from './validate';

// ---------------------------------------------------------------------------------------------------------------
// IAM size quotas
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html (characters, whitespace not counted)

/** All inline policies of one role together. */
export const INLINE_POLICIES_MAX_LENGTH = 10240;
/** One customer managed policy. */
export const MANAGED_POLICY_MAX_LENGTH = 6144;
/** A role trust policy (default; adjustable to 4,096). */
export const TRUST_POLICY_MAX_LENGTH = 2048;
/** Managed policies attached to one role (default; adjustable to 20). */
export const MANAGED_POLICIES_PER_ROLE = 10;

/**
 * Upper bounds of what a Terraform expression in a policy resolves to, for counting a document before Terraform
 * runs. Partition IDs have at most 10 characters today (`aws-us-gov`), account IDs 12, Region names at most 14
 * (`ap-southeast-5`); the bounds leave room for longer names. Any other expression (a variable given as a Region or a
 * prefix) counts as 256 characters, more than any Region name or rule prefix (at most 30) can have.
 */
const EXPRESSION_BOUNDS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^data\.aws_partition\.[^.]+\.partition$/, 16],
  [/^data\.aws_caller_identity\.[^.]+\.account_id$/, 12],
  [/^data\.aws_region\.[^.]+\.(region|name)$/, 20],
];
const UNKNOWN_EXPRESSION_BOUND = 256;

/** `text` as Terraform will see it: tokens become `${...}` expressions. */
function resolvedText(scope: IConstruct, text: string): string {
  return isTokenString(text) ? Tokenization.resolve(text, { scope, resolver: new DefaultTokenResolver(new StringConcat()) }) : text;
}

/**
 * The most characters `text` (which may hold tokens) can have once Terraform has resolved it: each `${...}` expression
 * counts as its bound. JSON from `JSON.stringify` has no whitespace, which IAM would not count anyway.
 */
export function boundedLength(scope: IConstruct, text: string): number {
  return resolvedLengthBound(resolvedText(scope, text));
}

function resolvedLengthBound(resolved: string): number {
  let length = 0;
  let i = 0;
  while (i < resolved.length) {
    const start = resolved.indexOf('${', i);
    if (start < 0) {
      length += resolved.length - i;
      break;
    }
    length += start - i;
    let depth = 1;
    let end = start + 2;
    while (end < resolved.length && depth > 0) {
      if (resolved[end] === '{') depth++;
      else if (resolved[end] === '}') depth--;
      end++;
    }
    const expression = resolved.slice(start + 2, end - 1);
    length += EXPRESSION_BOUNDS.find(([pattern]) => pattern.test(expression))?.[1] ?? UNKNOWN_EXPRESSION_BOUND;
    i = end;
  }
  return length;
}

/** Which IAM quota a policy document falls under. */
export enum PolicyKind {
  TRUST = 'trust policy',
  INLINE = 'inline policy',
}

/**
 * Checks at synth that a policy document of `construct` (read then, as it may grow until synth) fits its quota;
 * `fix` tells the user what to change when it does not.
 */
export function checkPolicySize(construct: IConstruct, kind: PolicyKind, document: string, fix: string): void {
  const max = kind === PolicyKind.TRUST ? TRUST_POLICY_MAX_LENGTH : INLINE_POLICIES_MAX_LENGTH;
  construct.node.addValidation({
    validate: () => {
      const length = boundedLength(construct, document);
      return length > max ? [errors.policyTooLarge(kind, length, max, fix)] : [];
    },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Per-stack state

/** What the checks need of a repository creation template. */
export interface RegisteredTemplate extends IConstruct {
  /** The prefix without trailing `/` (may be a token). */
  readonly prefix: string;
  /** Whether the template tags new repositories. */
  readonly setsResourceTags: boolean;
  /** The template's own `region` argument, if any. */
  readonly _regionArgument?: string;
}

/** What a grant needs of each rule it covers. */
export interface GrantTarget {
  /** The Region the rule is in (its `region` argument, else the provider's Region as a token). */
  readonly region: string;
  /** The rule's own `region` argument, if any. */
  readonly regionArgument?: string;
  /** The rule's repository prefix (may be a token). */
  readonly prefix: string;
  /** Whether the rule is known to need tagging on creation whatever the templates of this stack say. */
  readonly tagsOnCreate: boolean;
}

interface Grant {
  readonly scope: Construct;
  readonly id: string;
  readonly roleName: string;
  readonly targets: () => GrantTarget[];
  /** Set when the grants are planned: this grant's document, or undefined if its policy was folded elsewhere. */
  document?: string;
}

interface TemplateRegion {
  readonly byPrefix: Map<string, RegisteredTemplate[]>;
  /** Templates that set tags, by every proper ancestor of their prefix. */
  readonly taggedUnder: Map<string, RegisteredTemplate[]>;
  /** Every template with a literal prefix other than ROOT that sets tags. */
  readonly tagged: RegisteredTemplate[];
  /** Whether a template with a token prefix sets tags: it may apply to any rule of the Region. */
  tokenTagged: boolean;
}

interface StackChecks {
  readonly stack: TerraformStack;
  readonly templates: RegisteredTemplate[];
  readonly grants: Grant[];
  templateIndex?: { readonly size: number; readonly regions: Map<string, TemplateRegion> };
  planned: boolean;
  grantErrors: string[];
}

const CHECKS_OF_STACK = Symbol.for('cdktf-ecr-pull-through-cache.checks');

function checksOf(scope: IConstruct): StackChecks {
  const stack = TerraformStack.of(scope);
  return stackState(stack, CHECKS_OF_STACK, () => {
    const created: StackChecks = { stack, templates: [], grants: [], planned: false, grantErrors: [] };
    const planner: IAspect = { visit: (node) => { if (node === stack) planGrants(created); } };
    Aspects.of(stack).add(planner);
    stack.node.addValidation({ validate: () => created.grantErrors });
    return created;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Templates

/** Adds a template to its stack; at synth it is checked against the other templates of its prefix and Region. */
export function registerTemplate(template: RegisteredTemplate): void {
  const entry = checksOf(template);
  entry.templates.push(template);
  template.node.addValidation({
    validate: () => {
      if (isTokenString(template.prefix)) return [];
      const key = regionKey(template, providerRegion(entry.stack));
      const same = templateIndexOf(entry).get(key)?.byPrefix.get(template.prefix) ?? [];
      return same.filter((t) => t !== template).map((t) => errors.duplicateTemplate(template.prefix, key, t.node.path));
    },
  });
}

function templateIndexOf(entry: StackChecks): Map<string, TemplateRegion> {
  if (entry.templateIndex !== undefined && entry.templateIndex.size === entry.templates.length) return entry.templateIndex.regions;
  const regions = new Map<string, TemplateRegion>();
  const defaultRegion = providerRegion(entry.stack);
  for (const template of entry.templates) {
    const key = regionKey(template, defaultRegion);
    let region = regions.get(key);
    if (region === undefined) {
      region = { byPrefix: new Map(), taggedUnder: new Map(), tagged: [], tokenTagged: false };
      regions.set(key, region);
    }
    if (isTokenString(template.prefix)) {
      region.tokenTagged ||= template.setsResourceTags;
      continue;
    }
    push(region.byPrefix, template.prefix, template);
    if (!template.setsResourceTags || template.prefix === ROOT_PREFIX) continue;
    region.tagged.push(template);
    for (const ancestor of ancestorsOf(template.prefix)) push(region.taggedUnder, ancestor, template);
  }
  entry.templateIndex = { size: entry.templates.length, regions };
  return regions;
}

/**
 * Where new repositories of a rule get tags: the rule's whole namespace when the template that applies to it (its own
 * prefix, else the longest parent prefix, else `ROOT`) sets tags; else only the namespaces of more specific templates
 * under it that set tags.
 */
function taggedPrefixes(region: TemplateRegion | undefined, target: GrantTarget): { whole: boolean; under: string[] } {
  if (target.tagsOnCreate) return { whole: true, under: [] };
  if (region === undefined) return { whole: false, under: [] };
  if (region.tokenTagged || isTokenString(target.prefix)) {
    // Which template applies is known only in Terraform: tag wherever a template of the Region might.
    const any = region.tokenTagged || region.tagged.length > 0 || (region.byPrefix.get(ROOT_PREFIX) ?? []).some((t) => t.setsResourceTags);
    return { whole: any, under: [] };
  }
  const prefix = namespaceOf(target.prefix) ?? ROOT_PREFIX;
  const candidates = prefix === ROOT_PREFIX ? [ROOT_PREFIX] : [prefix, ...ancestorsOf(prefix).reverse(), ROOT_PREFIX];
  const applying = candidates.map((p) => region.byPrefix.get(p)).find((list) => list !== undefined) ?? [];
  if (applying.some((t) => t.setsResourceTags)) return { whole: true, under: [] };
  const under = prefix === ROOT_PREFIX ? region.tagged : region.taggedUnder.get(prefix) ?? [];
  return { whole: false, under: under.map((t) => t.prefix) };
}

// ---------------------------------------------------------------------------------------------------------------
// Grants

/** One repository ARN of a grant: pulled through, tagged on creation, or both. */
interface GrantItem {
  readonly arn: string;
  readonly bound: number;
  pull: boolean;
  tag: boolean;
}

/**
 * Registers a pull grant of `scope` on the role `roleName` and returns its policy document: read at synth, after every
 * template of the stack is known.
 */
export function registerGrant(scope: Construct, id: string, roleName: string, targets: () => GrantTarget[]): string {
  const entry = checksOf(scope);
  const grant: Grant = { scope, id, roleName, targets };
  entry.grants.push(grant);
  return Lazy.stringValue({ produce: () => grant.document ?? grantDocument(itemsOf(entry, [grant]), true) });
}

/** The repository ARNs of some grants, each once, in order. */
function itemsOf(entry: StackChecks, grants: Grant[], defaultRegion = providerRegion(entry.stack)): GrantItem[] {
  const regions = templateIndexOf(entry);
  const partition = partitionOf(entry.stack).partition;
  const account = callerIdentityOf(entry.stack).accountId;
  const items = new Map<string, GrantItem>();
  const add = (region: string, prefix: string, pull: boolean, tag: boolean) => {
    const arn = repositoryArn(partition, region, account, prefix);
    // Tokens differ per reference to one attribute: key by what Terraform will see.
    const key = resolvedText(entry.stack, arn);
    const known = items.get(key);
    if (known !== undefined) {
      known.pull ||= pull;
      known.tag ||= tag;
    } else {
      items.set(key, { arn, bound: resolvedLengthBound(key), pull, tag });
    }
  };
  for (const grant of grants) {
    for (const target of grant.targets()) {
      const tagged = taggedPrefixes(regions.get(regionKey({ _regionArgument: target.regionArgument }, defaultRegion)), target);
      add(target.region, target.prefix, true, tagged.whole);
      for (const under of tagged.under) add(target.region, under, false, true);
    }
  }
  return [...items.values()];
}

/**
 * The pull policy of some repositories; `auth` adds `ecr:GetAuthorizationToken` (one per role is enough).
 *
 * `compact` lists each ARN once (a repository that is pulled and tagged goes into one statement with both); without
 * it, tagged ARNs are listed a second time in a statement of their own, the layout grants had before they were sized.
 */
function grantStatements(items: ReadonlyArray<{ readonly arn: string; readonly pull: boolean; readonly tag: boolean }>,
  auth: boolean, compact: boolean): PolicyStatement[] {
  const statements: PolicyStatement[] = [];
  const add = (sid: string, actions: string[], resources: string[]) => {
    if (resources.length > 0) statements.push({ Sid: sid, Effect: 'Allow', Action: actions, Resource: resources });
  };
  if (auth) statements.push({ Sid: 'EcrAuthorizationToken', Effect: 'Allow', Action: AUTH_TOKEN_ACTION, Resource: '*' });
  const pull = [...PULL_ACTIONS, ...FIRST_PULL_ACTIONS];
  // Tagging on creation only where a template that applies sets tags.
  if (compact) {
    add('PullThroughCache', pull, items.filter((i) => i.pull && !i.tag).map((i) => i.arn));
    add('PullThroughCacheTagOnCreate', [...pull, ...TAG_ON_CREATE_ACTIONS], items.filter((i) => i.pull && i.tag).map((i) => i.arn));
    add('TagOnCreate', TAG_ON_CREATE_ACTIONS, items.filter((i) => !i.pull && i.tag).map((i) => i.arn));
  } else {
    add('PullThroughCache', pull, items.filter((i) => i.pull).map((i) => i.arn));
    add('TagOnCreate', TAG_ON_CREATE_ACTIONS, items.filter((i) => i.tag).map((i) => i.arn));
  }
  return statements;
}

function grantDocument(items: GrantItem[], auth: boolean, compact = false): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: grantStatements(items, auth, compact) });
}

/** The resolved length bound of a grant document: each ARN stands in as a string of its bounded length. */
function grantLength(items: GrantItem[], auth: boolean, compact = false): number {
  const placeholders = items.map((i) => ({ arn: 'x'.repeat(i.bound), pull: i.pull, tag: i.tag }));
  return JSON.stringify({ Version: '2012-10-17', Statement: grantStatements(placeholders, auth, compact) }).length;
}

/**
 * Decides, per role, where its pull grants go: each grant its own inline policy while all of them fit the role's
 * inline quota together; else one compact inline policy for the role (the first grant's); else compact customer
 * managed policies attached to the role, each within the managed policy quota.
 */
function planGrants(entry: StackChecks): void {
  if (entry.planned) return;
  entry.planned = true;
  const byRole = new Map<string, Grant[]>();
  for (const grant of entry.grants) push(byRole, grant.roleName, grant);
  let tokenRoles = 0;
  const defaultRegion = providerRegion(entry.stack);
  for (const [roleName, grants] of byRole) {
    const perGrant = grants.map((g) => itemsOf(entry, [g], defaultRegion));
    const total = perGrant.reduce((sum, items) => sum + grantLength(items, true), 0);
    if (total <= INLINE_POLICIES_MAX_LENGTH) {
      grants.forEach((g, i) => { g.document = grantDocument(perGrant[i], true); });
      continue;
    }
    const all = itemsOf(entry, grants, defaultRegion);
    if (grantLength(all, true, true) <= INLINE_POLICIES_MAX_LENGTH) {
      grants[0].document = grantDocument(all, true, true);
      for (const g of grants.slice(1)) g.scope.node.tryRemoveChild(g.id);
      continue;
    }
    for (const g of grants) g.scope.node.tryRemoveChild(g.id);
    const chunks = chunkItems(all);
    const id = isTokenString(roleName) ? `EcrPullThroughCacheGrants${++tokenRoles}` : `EcrPullThroughCacheGrants-${roleName}`;
    const holder = new Construct(entry.stack, id);
    chunks.forEach((items, i) => {
      const policy = new IamPolicy(holder, `Policy${i + 1}`, {
        description: `Pull through Amazon ECR pull through cache rules (${i + 1} of ${chunks.length})`,
        policy: grantDocument(items, i === 0, true),
      });
      new IamRolePolicyAttachment(holder, `Attachment${i + 1}`, { role: roleName, policyArn: policy.arn });
    });
    if (chunks.length > MANAGED_POLICIES_PER_ROLE) {
      entry.grantErrors.push(errors.tooManyManagedPolicies(`${entry.stack.node.path}/${id}`, chunks.length, MANAGED_POLICIES_PER_ROLE));
    }
    Annotations.of(holder).addInfo(errors.grantsAsManagedPolicies(chunks.length, total));
  }
}

/** Splits repository ARNs into documents of at most MANAGED_POLICY_MAX_LENGTH characters, in order. */
function chunkItems(items: GrantItem[]): GrantItem[][] {
  const chunks: GrantItem[][] = [];
  let current: GrantItem[] = [];
  for (const item of items) {
    if (current.length > 0 && grantLength([...current, item], chunks.length === 0, true) > MANAGED_POLICY_MAX_LENGTH) {
      chunks.push(current);
      current = [];
    }
    current.push(item);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** The inline policy of a grant, as made at construction: `IamRolePolicy` under `scope`. */
export function grantPolicy(scope: Construct, id: string, roleName: string, targets: () => GrantTarget[]): IamRolePolicy {
  return new IamRolePolicy(scope, id, { role: roleName, policy: registerGrant(scope, id, roleName, targets) });
}

// ---------------------------------------------------------------------------------------------------------------
// Secrets and roles against the rules that use them

/** What the checks need of a rule's upstream. */
export interface CheckedUpstream {
  readonly isEcr: boolean;
  readonly roleArn?: string;
  readonly repositoryPrefix?: string;
  readonly accountId?: string;
  readonly region?: string;
  /** The Region of the credential secret when given, and the construct that made the secret (if in this stack). */
  readonly secretRegion?: string;
  readonly secretSource?: IConstruct;
}

/** What a role made in this stack reads upstream. */
export interface UpstreamScope {
  readonly construct: IConstruct;
  readonly accountId?: string;
  readonly region?: string;
  readonly prefix?: string;
}

/** Checks at synth the secret and the role of a rule against the rule. */
export function registerRuleUses(rule: IConstruct, regionArgument: string | undefined, upstream: CheckedUpstream): void {
  if (upstream.secretSource === undefined && upstream.roleArn === undefined) return;
  rule.node.addValidation({ validate: () => [...secretErrors(rule, regionArgument, upstream), ...roleErrors(rule, upstream)] });
}

/**
 * A secret without its own `region` is in the provider's Region; the rule may set another. The secret must be in the
 * rule's account and Region (a secret of this stack is in the stack's account, as the rule is).
 */
function secretErrors(rule: IConstruct, regionArgument: string | undefined, upstream: CheckedUpstream): string[] {
  const source = upstream.secretSource;
  // A literal secret Region is compared at construction; a token one is accepted as it is.
  if (source === undefined || upstream.secretRegion !== undefined || !isLiteral(regionArgument)) return [];
  const provider = providerRegion(rule);
  if (provider === undefined) {
    Annotations.of(rule).addWarning(errors.secretRegionUnknownWarning(source.node.path, regionArgument));
    return [];
  }
  return provider === regionArgument ? [] : [errors.secretInProviderRegion(source.node.path, provider, regionArgument)];
}

/** An `EcrUpstreamRole` of this stack reads one account, Region and prefix upstream: the rule must pull from those. */
function roleErrors(rule: IConstruct, upstream: CheckedUpstream): string[] {
  if (!upstream.isEcr) return [];
  const role = recordedRole(rule, upstream.roleArn)?.upstream;
  if (role === undefined) return [];
  const out: string[] = [];
  const path = role.construct.node.path;
  if (isLiteral(role.accountId) && isLiteral(upstream.accountId) && role.accountId !== upstream.accountId) {
    out.push(errors.upstreamRoleMismatch(path, 'account', role.accountId, upstream.accountId));
  }
  if (isLiteral(role.region) && isLiteral(upstream.region) && role.region !== upstream.region) {
    out.push(errors.upstreamRoleMismatch(path, 'Region', role.region, upstream.region));
  }
  const scope = role.prefix === undefined ? undefined : namespaceOf(role.prefix);
  if (isLiteral(scope) && isLiteral(upstream.repositoryPrefix)) {
    const pulled = namespaceOf(upstream.repositoryPrefix);
    if (pulled === undefined || (pulled !== scope && !pulled.startsWith(`${scope}/`))) {
      out.push(errors.upstreamRolePrefixMismatch(path, scope, upstream.repositoryPrefix));
    }
  }
  return out;
}
