import { Construct } from 'constructs';
import * as errors from './private/errors';
import { addPullGrant } from './private/grants';
import { isLiteral, validateRegion } from './private/validate';
import { PullThroughCacheRule, PullThroughCacheRuleProps } from './pull-through-cache-rule';
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

  /**
   * @param scope the construct this one belongs to, e.g. the stack.
   * @param id the construct id, part of the Terraform addresses of what it makes: never change it once deployed.
   * @param props defaults for the rules of this cache.
   */
  constructor(scope: Construct, id: string, props: PullThroughCacheProps = {}) {
    super(scope, id);
    validateRegion(this.node.path, 'region', props.region);
    this.region = props.region;
    this.repositoryTemplate = props.repositoryTemplate;
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
    });
    this._rules.push(rule);
    return rule;
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
}
