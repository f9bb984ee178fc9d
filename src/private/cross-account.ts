/**
 * Pulls by principals of other accounts (an organization, or a list of accounts) through the rules of this stack.
 *
 * A pull by another account needs the cache account to allow it twice, besides the consumer's own identity policy:
 * - the first pull, which creates the cached repository (`ecr:CreateRepository`, `ecr:BatchImportUpstreamImage`), in
 *   the registry permissions policy: one document per registry and Region, to which every grant of the stack in that
 *   Region contributes statements (`aws_ecr_registry_policy`, owned by the library unless told otherwise);
 * - every later pull (`ecr:BatchGetImage`, `ecr:GetDownloadUrlForLayer`, `ecr:BatchCheckLayerAvailability`), in the
 *   repository policy that the rule's creation template gives each repository it creates. A registry policy of scope
 *   V1 accepts only `ecr:ReplicateImage`, `ecr:BatchImportUpstreamImage` and `ecr:CreateRepository`, so pull actions
 *   there would fail on such registries; a repository policy works with either scope.
 *
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry-permissions.html
 */
import { Lazy, TerraformStack, Token } from 'cdktf';
import { warn } from './warnings';
import { IConstruct } from 'constructs';
import { EcrRegistryPolicy } from './aws/ecr-registry-policy';
import * as errors from './errors';
import { Where } from './errors';
import { AUTH_TOKEN_ACTION, FIRST_PULL_ACTIONS, policyDocument, PolicyStatement, PULL_ACTIONS, TAG_ON_CREATE_ACTIONS } from './iam';
import { normalizePrefix, ORGANIZATION_ID_PATTERN } from './patterns';
import { partitionOf, providerRegion, stackState } from './stack-data';
import { regionKeyOf } from './stack-rules';
import { isTokenString } from './tokens';
import { isLiteral, validateAccountId } from './validate';

/** Who may pull: the principals of one organization, or those of a list of accounts. */
export interface Grantee {
  readonly organizationId?: string;
  readonly accountIds?: readonly string[];
}

/** The condition key that limits a statement to principals of an organization. */
export const PRINCIPAL_ORG_ID = 'aws:PrincipalOrgID';

/** Sids of the statements the grants add: `<prefix><n>`. */
export const REGISTRY_SID_PREFIX = 'PullThroughCacheFirstPull';
export const REPOSITORY_SID_PREFIX = 'PullThroughCachePull';

/** Checks an organization ID at construction. */
export function organizationGrantee(where: Where, organizationId: string): Grantee {
  if (organizationId === undefined || organizationId === null || (isLiteral(organizationId) && !ORGANIZATION_ID_PATTERN.test(organizationId))) {
    throw errors.organizationId(where, String(organizationId));
  }
  return { organizationId };
}

/** Checks a list of account IDs at construction; duplicates are dropped. */
export function accountsGrantee(where: Where, accountIds: string[]): Grantee {
  if (accountIds !== undefined && accountIds !== null && Token.isUnresolved(accountIds)) throw errors.accountIdsToken(where);
  if (accountIds === undefined || accountIds === null || accountIds.length === 0) throw errors.noAccountIds(where);
  accountIds.forEach((id, i) => {
    if (typeof id !== 'string') throw errors.accountId(where, `accountIds[${i}]`, String(id));
    validateAccountId(where, `accountIds[${i}]`, id);
  });
  return { accountIds: [...new Set(accountIds)] };
}

/** One key per distinct grantee. */
export function granteeKey(grantee: Grantee): string {
  return grantee.organizationId !== undefined ? `organization ${grantee.organizationId}` : `accounts ${grantee.accountIds!.join(',')}`;
}

/** The Principal (and, for an organization, the Condition) of a grantee's statements. */
function principalOf(grantee: Grantee, partition: string): Pick<PolicyStatement, 'Principal' | 'Condition'> {
  if (grantee.organizationId !== undefined) {
    return { Principal: { AWS: '*' }, Condition: { StringEquals: { [PRINCIPAL_ORG_ID]: grantee.organizationId } } };
  }
  return { Principal: { AWS: grantee.accountIds!.map((id) => `arn:${partition}:iam::${id}:root`) } };
}

function statement(sid: string, grantee: Grantee, partition: string, actions: string[], resource?: string[]): PolicyStatement {
  const { Principal, Condition } = principalOf(grantee, partition);
  return { Sid: sid, Effect: 'Allow', Principal, Action: actions, Resource: resource, Condition };
}

/**
 * The statements a creation template's repository policy gets: later pulls from every repository it creates. A
 * repository policy names no Resource: it applies to its repository.
 */
export function repositoryPolicyStatements(grantees: readonly Grantee[], partition: string): PolicyStatement[] {
  return grantees.map((g, i) => statement(`${REPOSITORY_SID_PREFIX}${i + 1}`, g, partition, PULL_ACTIONS));
}

/** The repositories of a rule, as ARNs (`arn:<partition>:ecr:<region>:<account>:repository/<prefix>/*`). */
export interface ArnTarget {
  readonly repositoryArn: string;
  /** Whether the template that applies to the rule's new repositories tags them. */
  readonly tagsOnCreate: boolean;
}

/**
 * The identity policy a consumer role needs to pull through a set of rules; `targets` is read at synth, so rules added
 * later are included.
 */
export function consumerPolicy(targets: () => ArnTarget[]): string {
  return Lazy.stringValue({
    produce: () => {
      const list = targets();
      const statements: PolicyStatement[] = [
        { Sid: 'EcrAuthorizationToken', Effect: 'Allow', Action: AUTH_TOKEN_ACTION, Resource: '*' },
        { Sid: 'PullThroughCache', Effect: 'Allow', Action: [...PULL_ACTIONS, ...FIRST_PULL_ACTIONS], Resource: list.map((t) => t.repositoryArn) },
      ];
      // Tagging on creation only where a rule's template sets tags.
      const tagged = list.filter((t) => t.tagsOnCreate).map((t) => t.repositoryArn);
      if (tagged.length > 0) {
        statements.push({ Sid: 'TagOnCreate', Effect: 'Allow', Action: TAG_ON_CREATE_ACTIONS, Resource: tagged });
      }
      return policyDocument(statements);
    },
  });
}

/** What one grant on one rule adds to the registry policy of the rule's Region. */
interface Contribution {
  readonly grantee: Grantee;
  readonly target: ArnTarget;
  readonly path: string;
  readonly managed: boolean;
}

// Construct ids under the stack: they become Terraform addresses, so never rename them.
const REGISTRY_POLICY_ID = 'EcrPullThroughCacheRegistryPolicy';
const POLICIES_OF_STACK = Symbol.for('cdktf-ecr-pull-through-cache.registry-policies');

/** The registry permissions policy of one Region of a stack, made of the statements of every grant there. */
export class RegionRegistryPolicy {
  /** The document (JSON, resolved at synth): every statement of the grants in this Region. */
  public readonly json: string;
  private readonly contributions: Contribution[] = [];
  private resource?: EcrRegistryPolicy;

  constructor(private readonly stack: TerraformStack, private readonly key: string, private readonly id: string,
    private readonly regionArgument: string | undefined) {
    this.json = policyDocument([], () => this.statements());
    // The document is produced at synth; the data source it refers to must exist before then.
    partitionOf(stack);
    stack.node.addValidation({ validate: () => this.ownershipErrors() });
  }

  /** Adds the first-pull statement of a grant on one rule; the first managed grant makes the resource. */
  public add(scope: IConstruct, grantee: Grantee, target: ArnTarget, managed: boolean): void {
    const key = granteeKey(grantee);
    if (this.contributions.some((c) => granteeKey(c.grantee) === key && c.target.repositoryArn === target.repositoryArn)) return;
    this.contributions.push({ grantee, target, path: scope.node.path, managed });
    if (managed && this.resource === undefined) {
      this.resource = new EcrRegistryPolicy(this.stack, this.id, { policy: this.json, region: this.regionArgument });
      warn(this.resource, errors.registryPolicyWarning(this.key));
    }
  }

  /** One statement per grantee (and per need of `ecr:TagResource`), on the repositories of every rule it was given. */
  private statements(): PolicyStatement[] {
    const groups = new Map<string, { grantee: Grantee; tagged: boolean; arns: string[] }>();
    for (const c of this.contributions) {
      const key = `${granteeKey(c.grantee)} ${c.target.tagsOnCreate}`;
      let group = groups.get(key);
      if (group === undefined) groups.set(key, (group = { grantee: c.grantee, tagged: c.target.tagsOnCreate, arns: [] }));
      group.arns.push(c.target.repositoryArn);
    }
    const partition = partitionOf(this.stack).partition;
    return [...groups.values()].map((g, i) => statement(`${REGISTRY_SID_PREFIX}${i + 1}`, g.grantee, partition,
      g.tagged ? [...FIRST_PULL_ACTIONS, ...TAG_ON_CREATE_ACTIONS] : FIRST_PULL_ACTIONS, g.arns));
  }

  private ownershipErrors(): string[] {
    const managed = [...new Set(this.contributions.filter((c) => c.managed).map((c) => c.path))];
    const unmanaged = [...new Set(this.contributions.filter((c) => !c.managed).map((c) => c.path))];
    return managed.length > 0 && unmanaged.length > 0 ? [errors.registryPolicyOwnership(this.key, managed, unmanaged)] : [];
  }
}

/** The registry policy of the Region a resource with `regionArgument` lands in (made on first use). */
export function registryPolicyOf(scope: IConstruct, regionArgument: string | undefined): RegionRegistryPolicy {
  const stack = TerraformStack.of(scope);
  const policies = stackState(stack, POLICIES_OF_STACK, () => new Map<string, RegionRegistryPolicy>());
  const defaultRegion = providerRegion(stack);
  const key = regionKeyOf(regionArgument, defaultRegion);
  let policy = policies.get(key);
  if (policy === undefined) {
    const region = regionArgument ?? defaultRegion;
    let id = REGISTRY_POLICY_ID;
    if (region !== undefined) id += isTokenString(region) ? String(policies.size + 1) : `-${region}`;
    policy = new RegionRegistryPolicy(stack, key, id, regionArgument);
    policies.set(key, policy);
  }
  return policy;
}

/** What the grants need to know of a repository creation template. */
export interface RecordedTemplate extends IConstruct {
  /** The prefix, without trailing `/`. */
  readonly prefix: string;
}

const TEMPLATES_OF_STACK = Symbol.for('cdktf-ecr-pull-through-cache.templates');

/** Records a creation template of the stack, so that a grant finds the one on its rule's prefix. */
export function recordTemplate(template: RecordedTemplate, regionArgument: string | undefined): void {
  const stack = TerraformStack.of(template);
  stackState(stack, TEMPLATES_OF_STACK, () => [] as { template: RecordedTemplate; regionArgument?: string }[]).push({ template, regionArgument });
}

/** The creation template of the stack on `prefix` in the Region of `regionArgument`, if there is one. */
export function templateOn<T extends RecordedTemplate>(scope: IConstruct, prefix: string, regionArgument: string | undefined): T | undefined {
  const stack = TerraformStack.of(scope);
  const templates = stackState<{ template: RecordedTemplate; regionArgument?: string }[]>(stack, TEMPLATES_OF_STACK) ?? [];
  const defaultRegion = providerRegion(stack);
  const key = regionKeyOf(regionArgument, defaultRegion);
  const wanted = normalizePrefix(prefix);
  return templates.find((t) => t.template.prefix === wanted && regionKeyOf(t.regionArgument, defaultRegion) === key)?.template as T | undefined;
}
