import { warn } from './private/warnings';
import { Construct } from 'constructs';
import { accountsGrantee, consumerPolicy, Grantee, organizationGrantee, registryPolicyOf } from './private/cross-account';
import { imageUriByHost } from './private/cache-uris';
import * as errors from './private/errors';
import { addPullGrant } from './private/grants';
import { callerIdentityOf, partitionOf } from './private/stack-data';
import { isLiteral, validateRegion } from './private/validate';
import { checkCore } from './private/core';
import { FailureNotifications } from './private/failure-notifications';
import { FailureNotificationOptions, PullThroughCacheRule, PullThroughCacheRuleProps } from './pull-through-cache-rule';
import { RepositoryTemplateOptions } from './repository-template';

/**
 * Properties of a `PullThroughCache`: defaults for its rules.
 */
export interface PullThroughCacheProps {
  /**
   * The Region of every rule of this cache.
   *
   * Provider v6 takes a Region per resource, so a multi-Region setup is one `PullThroughCache` per Region, with
   * no provider alias.
   *
   * @default - the Region of the stack's AWS provider
   */
  readonly region?: string;

  /**
   * The creation template for the repositories of rules that set none of their own.
   *
   * @default - no template
   */
  readonly repositoryTemplate?: RepositoryTemplateOptions;

  /**
   * Whether this stack owns the registry permissions policy (`aws_ecr_registry_policy`) of the cache's Region, which
   * `grantPullToOrganization` and `grantPullToAccounts` write into. Also the default of its rules.
   *
   * A registry has one policy per Region and deploying replaces all of it, including statements made elsewhere (for
   * example for replication): the stack warns at synth, and `ecr-ptc diff --synth` lists what would be dropped. With
   * `false`, the stack makes no `aws_ecr_registry_policy`: merge `registryPolicyJson` into the policy you own.
   *
   * @default true
   * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry-permissions.html
   */
  readonly manageRegistryPolicy?: boolean;
}

/**
 * The pull through cache rules of a registry in one Region.
 *
 * Checks across its rules, and across every other rule of the stack, run at synth: one rule per prefix and Region,
 * no overlapping prefixes, at most 50 rules per Region (a quota that cannot be raised).
 */
export class PullThroughCache extends Construct {
  /**
   * The Region of the cache's rules.
   *
   * @default - the Region of the stack's AWS provider
   */
  public readonly region?: string;

  private readonly _rules: PullThroughCacheRule[] = [];
  private readonly repositoryTemplate?: RepositoryTemplateOptions;
  private readonly manageRegistryPolicy?: boolean;
  private readonly grantees: Grantee[] = [];
  private notifications?: FailureNotifications;

  /**
   * @param scope the construct this one belongs to, e.g. the stack.
   * @param id the construct id, part of the Terraform addresses of what it makes: never change it once deployed.
   * @param props defaults for the rules of this cache.
   */
  constructor(scope: Construct, id: string, props: PullThroughCacheProps = {}) {
    super(scope, id);
    checkCore(this);
    validateRegion(this.node.path, 'region', props.region);
    this.region = props.region;
    this.repositoryTemplate = props.repositoryTemplate;
    this.manageRegistryPolicy = props.manageRegistryPolicy;
  }

  /**
   * The rules added so far, in order.
   */
  public get rules(): PullThroughCacheRule[] {
    return [...this._rules];
  }

  /**
   * Adds a rule to this cache and returns it.
   *
   * The rule takes the cache's `region` and `repositoryTemplate` unless it sets its own template; a rule `region`
   * other than the cache's is an error.
   *
   * @param id the construct id of the rule, part of its Terraform address: never change it once deployed.
   * @param props the upstream registry, the repository prefix and the settings of the rule.
   */
  public addRule(id: string, props: PullThroughCacheRuleProps): PullThroughCacheRule {
    if (isLiteral(props.region) && isLiteral(this.region) && props.region !== this.region) {
      throw errors.ruleRegionConflict(`${this.node.path}/${id}`, props.region, this.region);
    }
    const rule = new PullThroughCacheRule(this, id, {
      ...props,
      region: props.region ?? this.region,
      repositoryTemplate: props.repositoryTemplate ?? this.repositoryTemplate,
      manageRegistryPolicy: props.manageRegistryPolicy ?? this.manageRegistryPolicy,
    });
    this._rules.push(rule);
    for (const grantee of this.grantees) rule._grantCrossAccount(grantee);
    this.notifications?.cover(rule);
    return rule;
  }

  /**
   * The cache URI of any full image reference, through the rule of this cache for its registry host.
   *
   * A reference without a host is a Docker Hub image, as for `docker pull` (`nginx` is `docker.io/library/nginx`).
   * Among several rules for one ECR upstream, the one with the longest upstream repository prefix that covers the
   * image is used. An image whose host no rule caches is an error.
   *
   * @param reference e.g. `docker.io/library/nginx:1.27`, `quay.io/prometheus/node-exporter@sha256:...`.
   * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache-working-pulling.html
   */
  public imageUri(reference: string): string {
    return imageUriByHost(this, this._rules.map((r) => r._uriView()), reference);
  }

  /**
   * Sends a notification to an SNS topic each time ECR fails to sync an image from the upstream of any rule of this
   * cache, including rules added later.
   *
   * Adds an EventBridge rule (`aws_cloudwatch_event_rule`) on `aws.ecr` events of detail type
   * `ECR Pull Through Cache Action` whose `sync-status` is not `SUCCESS` and whose `ecr-repository-prefix` is one of
   * the cache's, with the topic as its target (`aws_cloudwatch_event_target`). Without `topicArn`, a new topic
   * (`aws_sns_topic`) with a policy (`aws_sns_topic_policy`) that lets only that EventBridge rule publish.
   * EventBridge rules are regional: rules of the cache in another Region (their own `region`, in a cache without one)
   * get an EventBridge rule and topic in their Region. ECR sends these events on a best-effort basis.
   *
   * @param options the topic to notify.
   * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/ecr-eventbridge.html
   */
  public addFailureNotifications(options: FailureNotificationOptions = {}): void {
    if (this.notifications !== undefined) throw errors.failureNotificationsTwice(this);
    const notifications = new FailureNotifications(this, 'FailureNotifications', this.region, options.topicArn);
    this.notifications = notifications;
    for (const rule of this._rules) notifications.cover(rule);
  }

  /**
   * The ARN of the SNS topic that failed syncs go to, to subscribe endpoints to: the given `topicArn`, or the topic
   * made in the cache's Region.
   *
   * @default - none, until `addFailureNotifications()` is called
   */
  public get failureTopicArn(): string | undefined {
    return this.notifications?.topicArn;
  }

  /**
   * Lets the IAM role named `roleName` pull through every rule of this cache, including rules added later.
   *
   * One inline policy (`aws_iam_role_policy`) on that role, with the actions listed under
   * `PullThroughCacheRule.grantPull`, on the repositories of every rule; written at synth, and moved into customer
   * managed policies when the grants on the role outgrow IAM's inline policy quota.
   *
   * @param roleName the name (not the ARN) of an IAM role in this account.
   */
  public grantPull(roleName: string): void {
    addPullGrant(this, roleName, () => this._rules.map((r) => r._grantTarget()));
  }

  /**
   * Lets principals of the accounts of an AWS organization pull through every rule of this cache, including rules
   * added later and the first pull that creates a cached repository.
   *
   * The statements are those of `PullThroughCacheRule.grantPullToOrganization`, for each rule: the first pull in the
   * registry permissions policy of the cache's Region, later pulls in the repository policy of each rule's creation
   * template. Roles in those accounts also need an identity policy: `consumerPolicyJson`.
   *
   * @param organizationId the ID of the organization, e.g. `o-a1b2c3d4e5`.
   * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry-permissions.html
   */
  public grantPullToOrganization(organizationId: string): void {
    this.grantCrossAccount(organizationGrantee(this, organizationId));
  }

  /**
   * Lets principals of the given accounts pull through every rule of this cache, including rules added later and the
   * first pull that creates a cached repository.
   *
   * The statements are those of `PullThroughCacheRule.grantPullToAccounts`, for each rule.
   *
   * @param accountIds the 12-digit IDs of the consumer accounts.
   */
  public grantPullToAccounts(accountIds: string[]): void {
    this.grantCrossAccount(accountsGrantee(this, accountIds));
  }

  /**
   * The registry permissions policy (JSON) of the cache's Region, as this stack makes it: the statements of every pull
   * grant for other accounts of the stack in that Region.
   *
   * With `manageRegistryPolicy: false`, merge it into the registry policy you own, for example with the
   * `source_policy_documents` of an `aws_iam_policy_document` data source.
   */
  public get registryPolicyJson(): string {
    return registryPolicyOf(this, this.region).json;
  }

  /**
   * The identity policy (JSON) a role of a consumer account needs to pull through every rule of this cache.
   *
   * `ecr:GetAuthorizationToken` on `*`, and the actions listed under `PullThroughCacheRule.grantPull` on the
   * repositories of every rule in this (the cache) account. Attach it to the roles of the accounts given to
   * `grantPullToOrganization` or `grantPullToAccounts`.
   */
  public get consumerPolicyJson(): string {
    // The policy is produced at synth; the data sources it refers to must exist before then.
    callerIdentityOf(this);
    partitionOf(this);
    return consumerPolicy(() => this._rules.map((r) => r._arnTarget()));
  }

  private grantCrossAccount(grantee: Grantee): void {
    if (this.grantees.length === 0) {
      this.node.addValidation({
        validate: () => {
          if (this._rules.length === 0) warn(this, errors.grantWithoutRulesWarning());
          return [];
        },
      });
    }
    this.grantees.push(grantee);
    for (const rule of this._rules) rule._grantCrossAccount(grantee);
  }
}
