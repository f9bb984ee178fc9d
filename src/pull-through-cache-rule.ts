import { ITerraformDependable, TerraformResource } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { DataAwsEcrPullThroughCacheRule } from './private/aws/data-aws-ecr-pull-through-cache-rule';
import { EcrPullThroughCacheRule } from './private/aws/ecr-pull-through-cache-rule';
import { accountsGrantee, ArnTarget, consumerPolicy, Grantee, organizationGrantee, registryPolicyOf, templateOn } from './private/cross-account';
import { imageHostsOfType, imageUriOf, repositoryUriOf, RuleView, UpstreamView } from './private/cache-uris';
import * as errors from './private/errors';
import { Where } from './private/errors';
import { addPullGrant, GrantTarget } from './private/grants';
import { FailureNotifications } from './private/failure-notifications';
import { repositoryArn } from './private/iam';
import { DATA_AWS_ECR_PULL_THROUGH_CACHE_RULE } from './private/aws/argument-table';
import { ROOT_PREFIX, UNSUPPORTED_REGION_PATTERN } from './private/patterns';
import { callerIdentityOf, effectiveRegion, partitionOf, providerRegion } from './private/stack-data';
import { recordedRole } from './private/role-readiness';
import { registerRuleUses } from './private/stack-checks';
import { registerRule } from './private/stack-rules';
import { isLiteral, validatePrefix, validatePrefixPair, validateRegion } from './private/validate';
import { checkCore } from './private/core';
import { warn } from './private/warnings';
import { PullThroughCacheRepositoryTemplate, RepositoryTemplateOptions } from './repository-template';
import { UpstreamRegistry, UpstreamRegistryType } from './upstream-registry';

/**
 * Properties of a `PullThroughCacheRule`.
 */
export interface PullThroughCacheRuleProps {
  /**
   * The upstream registry to cache, from one of the `UpstreamRegistry` presets.
   */
  readonly upstream: UpstreamRegistry;

  /**
   * The repository namespace that cached images live under (`ecr_repository_prefix`): 2-30 characters, or `ROOT`
   * for none.
   *
   * `docker-hub` caches `nginx` as `docker-hub/library/nginx`. Changing it replaces the rule.
   *
   * @default - the upstream's `defaultEcrRepositoryPrefix`, e.g. 'docker-hub' or 'quay'
   */
  readonly ecrRepositoryPrefix?: string;

  /**
   * The Region of the rule (the provider v6 per-resource `region` argument).
   *
   * @default - the Region of the stack's AWS provider
   */
  readonly region?: string;

  /**
   * Settings for the repositories the rule creates, as a repository creation template on the rule's prefix.
   *
   * @default - no template: cached repositories get ECR's defaults
   */
  readonly repositoryTemplate?: RepositoryTemplateOptions;

  /**
   * Whether this stack owns the registry permissions policy (`aws_ecr_registry_policy`) that pull grants for other
   * accounts (`grantPullToOrganization`, `grantPullToAccounts`) write into.
   *
   * A registry has one policy per Region and deploying replaces all of it. With `false`, the stack makes no
   * `aws_ecr_registry_policy`: merge `registryPolicyJson` into the policy you own instead.
   *
   * @default true
   * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry-permissions.html
   */
  readonly manageRegistryPolicy?: boolean;
}

/**
 * Where notifications of failed syncs go.
 */
export interface FailureNotificationOptions {
  /**
   * The ARN of the SNS topic to notify, in the Region of the rules.
   *
   * Its access policy must let EventBridge (`events.amazonaws.com`) publish to it; the library leaves the policy of a
   * topic it did not make alone.
   *
   * @default - a new topic (`aws_sns_topic`) in each Region of the rules, whose policy lets only that Region's
   * EventBridge rule publish
   * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-sns-permissions
   */
  readonly topicArn?: string;
}

/**
 * A pull through cache rule: one of this stack (`PullThroughCacheRule`), or one that exists already
 * (`PullThroughCacheRule.fromEcrRepositoryPrefix`). Code written against this interface takes either.
 */
export interface IPullThroughCacheRule extends IConstruct {
  /**
   * The repository prefix of the rule (`ROOT` for none).
   */
  readonly ecrRepositoryPrefix: string;

  /**
   * The account ID of the registry the rule belongs to.
   */
  readonly registryId: string;

  /**
   * The host name of the cache registry: `<registryId>.dkr.ecr.<region>.<dns suffix>`.
   */
  readonly registryHost: string;

  /**
   * The cache URI of an upstream image: `<registryHost>/<prefix>/<path>[:tag|@digest]`.
   *
   * @param image what you would write after `docker pull` for the upstream, e.g. `nginx:1.27`.
   */
  imageUri(image: string): string;

  /**
   * The cache URI of an upstream repository, without tag: `<registryHost>/<prefix>/<path>`.
   *
   * @param upstreamRepository e.g. `nginx` or `org/app`, with or without the upstream host.
   */
  repositoryUri(upstreamRepository: string): string;

  /**
   * Lets the IAM role named `roleName` pull through this rule, including the first pull that creates the cached
   * repository (an inline `aws_iam_role_policy` on that role).
   *
   * @param roleName the name (not the ARN) of an IAM role in this account.
   */
  grantPull(roleName: string): void;
}

/**
 * What is known of a rule that exists already.
 */
export interface ExistingPullThroughCacheRuleOptions {
  /**
   * The Region of the rule (the data source's `region` argument).
   *
   * @default - the Region of the stack's AWS provider
   */
  readonly region?: string;

  /**
   * The kind of upstream registry the rule caches, when you know it.
   *
   * `imageUri` needs it for two things: Docker Hub official images gain `library/`, and an `ecr` upstream prefix is
   * taken off the image path. Given, both are decided at synth and image hosts are checked; not given, both are
   * derived in Terraform from the rule's `upstream_registry_url` and `upstream_repository_prefix` as read by the
   * data source, and image hosts are not checked.
   *
   * @default - derived in Terraform from the data source
   */
  readonly upstreamType?: UpstreamRegistryType;

  /**
   * The upstream repository prefix of an `ecr` upstream, when you know it.
   *
   * @default - none when upstreamType is given and is not ECR; else derived in Terraform from the data source
   */
  readonly upstreamRepositoryPrefix?: string;

  /**
   * Whether the repository creation template that applies to the rule's repositories sets resource tags: pulling
   * principals then need `ecr:TagResource` too.
   *
   * Templates of this stack are taken into account without it; set it for a template made elsewhere.
   *
   * @default false
   */
  readonly templateSetsTags?: boolean;
}

/**
 * An Amazon ECR pull through cache rule (`aws_ecr_pull_through_cache_rule`): the private registry caches images of
 * an upstream registry under a repository prefix.
 *
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache.html
 */
export class PullThroughCacheRule extends Construct implements IPullThroughCacheRule {
  /**
   * A rule that exists already (made by another stack, by hand, or adopted with `ecr-ptc import` by its owner), read
   * through the data source `aws_ecr_pull_through_cache_rule`: `terraform plan` fails when it does not exist.
   *
   * It offers what a rule of this stack offers (`registryHost`, `imageUri`, `repositoryUri`, `grantPull`), with the
   * same checks and the same least-privilege grant.
   *
   * A rule with the prefix `ROOT` cannot be referenced this way: the provider's data source rejects `ROOT` at plan.
   * Use the `PullThroughCacheRule` that declares it instead (its `registryHost`, `imageUri` and `grantPull` work from
   * every stack of the same app); from another app, its images are `<account>.dkr.ecr.<region>.amazonaws.com/<path>`.
   *
   * @param scope the construct the reference belongs to, e.g. the stack.
   * @param id the construct id of the reference (its data source is the child `Resource`).
   * @param ecrRepositoryPrefix the rule's repository prefix, e.g. `docker-hub` (not `ROOT`).
   * @param options the rule's Region and what is known of its upstream.
   */
  public static fromEcrRepositoryPrefix(scope: Construct, id: string, ecrRepositoryPrefix: string,
    options: ExistingPullThroughCacheRuleOptions = {}): IPullThroughCacheRule {
    return new ExistingPullThroughCacheRule(scope, id, ecrRepositoryPrefix, options);
  }

  /**
   * The underlying `aws_ecr_pull_through_cache_rule` (construct id `Resource`): the escape hatch.
   *
   * Typed by the core, so no provider package is needed: use `addOverride('custom_role_arn', ...)` to change an
   * argument and `getStringAttribute('registry_id')` to read an attribute.
   */
  public readonly resource: TerraformResource;

  /**
   * The repository prefix of the rule, as given (`ROOT` for none).
   */
  public readonly ecrRepositoryPrefix: string;

  /**
   * The upstream registry of the rule.
   */
  public readonly upstream: UpstreamRegistry;



  /**
   * The rule's own `region` argument, if any.
   *
   * @internal
   */
  public readonly _regionArgument?: string;

  private readonly region: string;
  private readonly ruleResource: EcrPullThroughCacheRule;
  private readonly manageRegistryPolicy: boolean;
  private _repositoryTemplate?: PullThroughCacheRepositoryTemplate;
  private notifications?: FailureNotifications;

  /**
   * @param scope the construct this one belongs to, e.g. the stack.
   * @param id the construct id, part of the Terraform addresses of what it makes: never change it once deployed.
   * @param props the upstream registry, the repository prefix and the settings of the rule.
   */
  constructor(scope: Construct, id: string, props: PullThroughCacheRuleProps) {
    super(scope, id);
    checkCore(this);
    const where = this;
    const upstream = props.upstream;
    if (upstream === undefined || upstream === null) {
      throw errors.upstreamRequired(where);
    }
    const prefix = props.ecrRepositoryPrefix ?? upstream.defaultEcrRepositoryPrefix;
    validatePrefix(where, 'ecrRepositoryPrefix', prefix);
    validateRegion(where, 'region', props.region);

    this.checkUpstream(where, prefix, upstream, props.region);

    this.upstream = upstream;
    this.ecrRepositoryPrefix = prefix;
    this._regionArgument = props.region;
    this.region = effectiveRegion(this, props.region);
    this.manageRegistryPolicy = props.manageRegistryPolicy ?? true;

    const resource = new EcrPullThroughCacheRule(this, 'Resource', {
      ecrRepositoryPrefix: prefix,
      upstreamRegistryUrl: upstream._urlFor(this),
      credentialArn: upstream.credential?.secretArn,
      customRoleArn: upstream.roleArn,
      // Only the ECR preset has one; it is always set there, so a read-back ROOT is never drift.
      upstreamRepositoryPrefix: upstream.repositoryPrefix,
      region: props.region,
      // ECR checks the secret and the role when the rule is made: wait for the secret's value, not only for the
      // secret, and for a role's policy, not only for the role.
      dependsOn: dependenciesOf(this, upstream),
    });

    this.resource = resource;
    this.ruleResource = resource;
    // A role of this stack scoped to the rules that use it learns this rule's Region and prefix.
    recordedRole(this, upstream.roleArn)?.usedBy(this.region, prefix);

    // registryHost needs the partition's DNS suffix: make the data source now, not while synthesizing.
    partitionOf(this);

    if (props.repositoryTemplate !== undefined) {
      this._repositoryTemplate = new PullThroughCacheRepositoryTemplate(this, 'RepositoryTemplate', {
        ...props.repositoryTemplate,
        prefix,
        region: props.region,
      });
    }
    registerRule(this);
    registerRuleUses(this, props.region, {
      isEcr: upstream.type === UpstreamRegistryType.ECR,
      roleArn: upstream.roleArn,
      repositoryPrefix: upstream.repositoryPrefix,
      accountId: upstream._accountId,
      region: upstream._region,
      secretRegion: upstream.credential?._region,
      secretSource: upstream.credential?._source,
    });
  }

  /**
   * The creation template of the rule's repositories.
   *
   * @default - none, when `repositoryTemplate` was not given and no pull grant for other accounts made one
   */
  public get repositoryTemplate(): PullThroughCacheRepositoryTemplate | undefined {
    return this._repositoryTemplate;
  }

  /**
   * The account ID of the registry the rule belongs to.
   */
  public get registryId(): string {
    return this.ruleResource.registryId;
  }

  /**
   * The registry permissions policy (JSON) of this rule's Region, as this stack makes it: the statements of every pull
   * grant for other accounts of the stack in that Region.
   *
   * With `manageRegistryPolicy: false`, merge it into the registry policy you own, for example with the
   * `source_policy_documents` of an `aws_iam_policy_document` data source.
   */
  public get registryPolicyJson(): string {
    return registryPolicyOf(this, this._regionArgument).json;
  }

  /**
   * The identity policy (JSON) a role of a consumer account needs to pull through this rule.
   *
   * `ecr:GetAuthorizationToken` on `*`, and the actions listed under `grantPull` on this rule's repositories in this
   * (the cache) account. Attach it to the roles of the accounts given to `grantPullToOrganization` or
   * `grantPullToAccounts`.
   */
  public get consumerPolicyJson(): string {
    callerIdentityOf(this);
    return consumerPolicy(() => [this._arnTarget()]);
  }

  /**
   * The host name of the cache registry: `<registryId>.dkr.ecr.<region>.<dns suffix>`.
   */
  public get registryHost(): string {
    return registryHostOf(this, this.registryId, this.region);
  }

  /**
   * The cache URI of an upstream image: `<registryHost>/<prefix>/<path>[:tag|@digest]`.
   *
   * Takes what you would write after `docker pull` for the upstream, with or without its host. Docker Hub official
   * images gain `library/` (`nginx:1.27` becomes `.../docker-hub/library/nginx:1.27`); a `ROOT` prefix adds no
   * segment; for an ECR upstream the part matched by the upstream repository prefix is replaced by the rule's
   * prefix. An image of another registry, or outside the upstream prefix, is an error.
   *
   * @param image e.g. `nginx:1.27`, `ghcr.io/org/app@sha256:...`, `registry.k8s.io/pause:3.10`.
   */
  public imageUri(image: string): string {
    return imageUriOf(this.view(), image);
  }

  /**
   * The cache URI of an upstream repository, without tag: `<registryHost>/<prefix>/<path>`.
   *
   * @param upstreamRepository e.g. `nginx` or `org/app`, with or without the upstream host.
   */
  public repositoryUri(upstreamRepository: string): string {
    return repositoryUriOf(this.view(), upstreamRepository);
  }

  /**
   * Lets the IAM role named `roleName` pull through this rule, including the first pull that creates the cached
   * repository.
   *
   * Adds an inline policy (`aws_iam_role_policy`) to that role with `ecr:GetAuthorizationToken` on `*`, and
   * `ecr:BatchGetImage`, `ecr:GetDownloadUrlForLayer`, `ecr:BatchCheckLayerAvailability`,
   * `ecr:BatchImportUpstreamImage`, `ecr:CreateRepository` on `arn:<partition>:ecr:<region>:<account>:repository/<prefix>/*`,
   * and `ecr:TagResource` where the repository creation template that applies to new repositories sets tags (the
   * rule's own template, else the template of the longest parent prefix, else the `ROOT` template of the Region, as
   * far as they are in this stack). Written at synth, so templates added later count. When the grants on one role
   * outgrow IAM's inline policy quota, they become customer managed policies attached to the role. The registry
   * policy is left alone.
   *
   * @param roleName the name (not the ARN) of an IAM role in this account, e.g. a node role.
   */
  public grantPull(roleName: string): void {
    addPullGrant(this, roleName, () => [this._grantTarget()]);
  }

  /**
   * Lets principals of the accounts of an AWS organization pull through this rule, including the first pull that
   * creates the cached repository.
   *
   * The registry permissions policy of the rule's Region (see `manageRegistryPolicy`) allows `ecr:CreateRepository`
   * and `ecr:BatchImportUpstreamImage` (and `ecr:TagResource` when the rule's template sets tags) on
   * `arn:<partition>:ecr:<region>:<account>:repository/<prefix>/*` to principals whose `aws:PrincipalOrgID` is
   * `organizationId`. The repository policy of the rule's creation template (made when the rule has none) allows them
   * `ecr:BatchGetImage`, `ecr:GetDownloadUrlForLayer` and `ecr:BatchCheckLayerAvailability` on every repository it
   * creates: repositories cached before the grant keep their own policy. Roles in those accounts also need an
   * identity policy: `consumerPolicyJson`.
   *
   * @param organizationId the ID of the organization, e.g. `o-a1b2c3d4e5`.
   * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry-permissions.html
   */
  public grantPullToOrganization(organizationId: string): void {
    this._grantCrossAccount(organizationGrantee(this, organizationId));
  }

  /**
   * Lets principals of the given accounts pull through this rule, including the first pull that creates the cached
   * repository.
   *
   * The same statements as `grantPullToOrganization`, with the accounts' root principals
   * (`arn:<partition>:iam::<account>:root`, meaning every principal of the account that its own policies allow)
   * instead of the organization condition.
   *
   * @param accountIds the 12-digit IDs of the consumer accounts.
   */
  public grantPullToAccounts(accountIds: string[]): void {
    this._grantCrossAccount(accountsGrantee(this, accountIds));
  }

  /**
   * Adds a grant for other accounts to the template and to the registry policy of the rule's Region.
   *
   * @internal
   */
  public _grantCrossAccount(grantee: Grantee): void {
    this.templateForGrants()._grantPull(grantee);
    registryPolicyOf(this, this._regionArgument).add(this, grantee, this._arnTarget(), this.manageRegistryPolicy);
  }

  /** The template whose repository policy carries the later pulls: the rule's, one of the stack on its prefix, or a new one. */
  private templateForGrants(): PullThroughCacheRepositoryTemplate {
    if (this._repositoryTemplate !== undefined) return this._repositoryTemplate;
    const existing = templateOn<PullThroughCacheRepositoryTemplate>(this, this.ecrRepositoryPrefix, this._regionArgument);
    if (existing !== undefined) return existing;
    const root = templateOn<PullThroughCacheRepositoryTemplate>(this, ROOT_PREFIX, this._regionArgument);
    if (root !== undefined && isLiteral(this.ecrRepositoryPrefix) && this.ecrRepositoryPrefix !== ROOT_PREFIX) {
      warn(this, errors.grantTemplateShadowsRootWarning(this.ecrRepositoryPrefix, root.node.path));
    }
    this._repositoryTemplate = new PullThroughCacheRepositoryTemplate(this, 'RepositoryTemplate', {
      prefix: this.ecrRepositoryPrefix,
      region: this._regionArgument,
    });
    return this._repositoryTemplate;
  }

  /**
   * Sends a notification to an SNS topic each time ECR fails to sync an image of this rule from its upstream.
   *
   * Adds an EventBridge rule (`aws_cloudwatch_event_rule`, in the rule's Region) on `aws.ecr` events of detail type
   * `ECR Pull Through Cache Action` whose `sync-status` is not `SUCCESS` and whose `ecr-repository-prefix` is this
   * rule's, with the topic as its target (`aws_cloudwatch_event_target`). Without `topicArn`, a new topic with a policy
   * that lets only this EventBridge rule publish. ECR sends these events on a best-effort basis.
   *
   * @param options the topic to notify.
   * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/ecr-eventbridge.html
   */
  public addFailureNotifications(options: FailureNotificationOptions = {}): void {
    if (this.notifications !== undefined) throw errors.failureNotificationsTwice(this);
    this.notifications = new FailureNotifications(this, 'FailureNotifications', this._regionArgument, options.topicArn);
    this.notifications.cover(this);
  }

  /**
   * The ARN of the SNS topic that failed syncs of this rule go to, to subscribe endpoints to.
   *
   * @default - none, until `addFailureNotifications()` is called
   */
  public get failureTopicArn(): string | undefined {
    return this.notifications?.topicArn;
  }

  /**
   * The repositories of this rule, for grants.
   *
   * @internal
   */
  public _grantTarget(): GrantTarget {
    return { region: this.region, regionArgument: this._regionArgument, prefix: this.ecrRepositoryPrefix, tagsOnCreate: false };
  }

  /**
   * The repositories of this rule as ARNs, for the registry policy and the consumer policy of grants to other accounts.
   *
   * @internal
   */
  public _arnTarget(): ArnTarget {
    // The template that applies to the rule's new repositories: its own, or one of the stack on its prefix and Region.
    const template = this._repositoryTemplate ?? templateOn<PullThroughCacheRepositoryTemplate>(this, this.ecrRepositoryPrefix, this._regionArgument);
    return arnTargetOf(this, this.region, this.ecrRepositoryPrefix, template?.setsResourceTags ?? false);
  }

  /**
   * The rule as its URIs see it.
   *
   * @internal
   */
  public _uriView(): RuleView {
    return this.view();
  }

  private view(): RuleView {
    const upstream = this.upstream;
    return {
      where: this,
      ecrRepositoryPrefix: this.ecrRepositoryPrefix,
      registryHost: this.registryHost,
      upstream: {
        known: true,
        dockerHub: upstream.type === UpstreamRegistryType.DOCKER_HUB,
        hosts: upstream._hosts,
        repositoryPrefix: upstream.repositoryPrefix,
      },
    };
  }

  private checkUpstream(where: Where, prefix: string, upstream: UpstreamRegistry, ruleRegion: string | undefined): void {
    // Only UpstreamRegistry.ecr() can carry an upstream prefix: the other presets have no way to set one.
    validatePrefixPair(where, prefix, upstream.repositoryPrefix);
    // The Region the rule lands in (its own, else the provider's) is looked up only by the checks that need it.
    if (upstream.type === UpstreamRegistryType.ECR) {
      const upstreamRegion = upstream._region;
      if (upstream._accountId === undefined && isLiteral(upstreamRegion) && upstreamRegion === (ruleRegion ?? providerRegion(this))) {
        throw errors.ecrUpstreamIsItself(where, upstreamRegion);
      }
      if (isLiteral(upstream._accountId) && upstream.roleArn === undefined) {
        warn(this, errors.crossAccountWithoutRoleWarning(upstream._accountId));
      }
      this.warnIfUnsupported(upstreamRegion);
    }
    const secretRegion = upstream.credential?._region;
    if (isLiteral(secretRegion)) {
      const region = ruleRegion ?? providerRegion(this);
      if (isLiteral(region) && secretRegion !== region) throw errors.credentialRegionMismatch(where, secretRegion, region);
    }
    this.warnIfUnsupported(ruleRegion);
  }

  /** Warns when a literal Region is in a partition without pull through cache. */
  private warnIfUnsupported(region: string | undefined): void {
    if (isLiteral(region) && UNSUPPORTED_REGION_PATTERN.test(region)) {
      warn(this, errors.unsupportedPartitionWarning(region));
    }
  }
}

/** What a rule must wait for besides what it refers to: the value of a secret and the policy of a role made here. */
function dependenciesOf(rule: Construct, upstream: UpstreamRegistry): ITerraformDependable[] | undefined {
  const value = upstream.credential?._valueResource;
  const role = upstream.roleArn === undefined ? undefined : recordedRole(rule, upstream.roleArn);
  if (value === undefined && role === undefined) return undefined;
  const out: ITerraformDependable[] = [];
  if (value !== undefined) out.push(value);
  if (role !== undefined) out.push(role.ready);
  return out;
}

/** `<registryId>.dkr.ecr.<region>.<dns suffix>`: the partition's DNS suffix, never a literal `amazonaws.com`. */
function registryHostOf(scope: IConstruct, registryId: string, region: string): string {
  return `${registryId}.dkr.ecr.${region}.${partitionOf(scope).dnsSuffix}`;
}


/** The repositories of a rule as an ARN: `arn:<partition>:ecr:<region>:<account>:repository/<prefix>/*`. */
function arnTargetOf(scope: IConstruct, region: string, prefix: string, tagsOnCreate: boolean): ArnTarget {
  return { repositoryArn: repositoryArn(partitionOf(scope).partition, region, callerIdentityOf(scope).accountId, prefix), tagsOnCreate };
}

/** A rule this stack does not own, read through the `aws_ecr_pull_through_cache_rule` data source. */
class ExistingPullThroughCacheRule extends Construct implements IPullThroughCacheRule {
  public readonly ecrRepositoryPrefix: string;
  private readonly data: DataAwsEcrPullThroughCacheRule;
  private readonly region: string;
  private readonly upstream: UpstreamView;
  private readonly templateSetsTags: boolean;
  private readonly regionArgument?: string;

  constructor(scope: Construct, id: string, ecrRepositoryPrefix: string, options: ExistingPullThroughCacheRuleOptions) {
    super(scope, id);
    checkCore(this);
    const where = this;
    validatePrefix(where, 'ecrRepositoryPrefix', ecrRepositoryPrefix, DATA_AWS_ECR_PULL_THROUGH_CACHE_RULE.ecr_repository_prefix);
    validateRegion(where, 'region', options.region);
    validatePrefix(where, 'upstreamRepositoryPrefix', options.upstreamRepositoryPrefix);
    const type = options.upstreamType;
    if (options.upstreamRepositoryPrefix !== undefined && type !== undefined && type !== UpstreamRegistryType.ECR) {
      throw errors.upstreamPrefixOnlyForEcr(where, type);
    }
    const upstreamPrefix = options.upstreamRepositoryPrefix;
    validatePrefixPair(where, ecrRepositoryPrefix, upstreamPrefix);
    this.ecrRepositoryPrefix = ecrRepositoryPrefix;
    this.templateSetsTags = options.templateSetsTags ?? false;
    this.regionArgument = options.region;
    this.data = new DataAwsEcrPullThroughCacheRule(this, 'Resource', { ecrRepositoryPrefix, region: options.region });
    this.region = effectiveRegion(this, options.region);
    // registryHost and grants need these: make the data sources now, not while synthesizing.
    partitionOf(this);
    callerIdentityOf(this);

    const known = type !== undefined && (type !== UpstreamRegistryType.ECR || upstreamPrefix !== undefined);
    this.upstream = known
      ? { known: true, dockerHub: type === UpstreamRegistryType.DOCKER_HUB, hosts: imageHostsOfType(type), repositoryPrefix: upstreamPrefix }
      : { known: false, urlAttribute: this.data.upstreamRegistryUrl, repositoryPrefixAttribute: this.data.upstreamRepositoryPrefix };
  }

  public get registryId(): string {
    return this.data.registryId;
  }

  public get registryHost(): string {
    return registryHostOf(this, this.registryId, this.region);
  }

  public imageUri(image: string): string {
    return imageUriOf(this.view(), image);
  }

  public repositoryUri(upstreamRepository: string): string {
    return repositoryUriOf(this.view(), upstreamRepository);
  }

  public grantPull(roleName: string): void {
    addPullGrant(this, roleName, () => [{
      region: this.region, regionArgument: this.regionArgument, prefix: this.ecrRepositoryPrefix, tagsOnCreate: this.templateSetsTags,
    }]);
  }

  private view(): RuleView {
    return { where: this, ecrRepositoryPrefix: this.ecrRepositoryPrefix, registryHost: this.registryHost, upstream: this.upstream };
  }
}
