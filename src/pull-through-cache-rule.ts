import { Annotations, ITerraformDependable, TerraformResource, Token } from 'cdktf';
import { Construct } from 'constructs';
import { EcrPullThroughCacheRule } from './private/aws/ecr-pull-through-cache-rule';
import * as errors from './private/errors';
import { addPullGrant, GrantTarget } from './private/grants';
import { repositoryArn } from './private/iam';
import { ImageReference, ImageReferenceError, parseImageReference, referenceSuffix } from './private/image-reference';
import { namespaceOf, ROOT_PREFIX, UNSUPPORTED_REGION_PATTERN } from './private/patterns';
import { callerIdentityOf, effectiveRegion, partitionOf, providerRegion } from './private/stack-data';
import { readinessOf } from './private/role-readiness';
import { registerRule } from './private/stack-rules';
import { isLiteral, validatePrefix, validateRegion } from './private/validate';
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
}

/**
 * An Amazon ECR pull through cache rule (`aws_ecr_pull_through_cache_rule`): the private registry caches images of
 * an upstream registry under a repository prefix.
 *
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache.html
 */
export class PullThroughCacheRule extends Construct {
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
   * The creation template of the rule's repositories.
   *
   * @default - none, when `repositoryTemplate` was not given
   */
  public readonly repositoryTemplate?: PullThroughCacheRepositoryTemplate;

  /**
   * The rule's own `region` argument, if any.
   *
   * @internal
   */
  public readonly _regionArgument?: string;

  private readonly region: string;
  private readonly ruleResource: EcrPullThroughCacheRule;

  /**
   * @param scope the construct this one belongs to, e.g. the stack.
   * @param id the construct id, part of the Terraform addresses of what it makes: never change it once deployed.
   * @param props the upstream registry, the repository prefix and the settings of the rule.
   */
  constructor(scope: Construct, id: string, props: PullThroughCacheRuleProps) {
    super(scope, id);
    const where = this.node.path;
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

    // registryHost needs the partition's DNS suffix: make the data source now, not while synthesizing.
    partitionOf(this);

    if (props.repositoryTemplate !== undefined) {
      this.repositoryTemplate = new PullThroughCacheRepositoryTemplate(this, 'RepositoryTemplate', {
        ...props.repositoryTemplate,
        prefix,
        region: props.region,
      });
    }
    registerRule(this);
  }

  /**
   * The account ID of the registry the rule belongs to.
   */
  public get registryId(): string {
    return this.ruleResource.registryId;
  }

  /**
   * The host name of the cache registry: `<registryId>.dkr.ecr.<region>.<dns suffix>`.
   */
  public get registryHost(): string {
    return `${this.registryId}.dkr.ecr.${this.region}.${partitionOf(this).dnsSuffix}`;
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
    if (Token.isUnresolved(image)) return `${this.registryHost}/${this.prefixSegment()}${image}`;
    const ref = this.parse(image);
    return `${this.registryHost}/${this.cachedPath(image, ref)}${referenceSuffix(ref)}`;
  }

  /**
   * The cache URI of an upstream repository, without tag: `<registryHost>/<prefix>/<path>`.
   *
   * @param upstreamRepository e.g. `nginx` or `org/app`, with or without the upstream host.
   */
  public repositoryUri(upstreamRepository: string): string {
    if (Token.isUnresolved(upstreamRepository)) return `${this.registryHost}/${this.prefixSegment()}${upstreamRepository}`;
    const ref = this.parse(upstreamRepository);
    return `${this.registryHost}/${this.cachedPath(upstreamRepository, ref)}`;
  }

  /**
   * Lets the IAM role named `roleName` pull through this rule, including the first pull that creates the cached
   * repository.
   *
   * Adds an inline policy (`aws_iam_role_policy`) to that role with `ecr:GetAuthorizationToken` on `*`, and
   * `ecr:BatchGetImage`, `ecr:GetDownloadUrlForLayer`, `ecr:BatchCheckLayerAvailability`,
   * `ecr:BatchImportUpstreamImage`, `ecr:CreateRepository` (and `ecr:TagResource` when the rule's template sets
   * tags) on `arn:<partition>:ecr:<region>:<account>:repository/<prefix>/*`. The registry policy is left alone.
   *
   * @param roleName the name (not the ARN) of an IAM role in this account, e.g. a node role.
   */
  public grantPull(roleName: string): void {
    addPullGrant(this, roleName, () => [this._grantTarget()]);
  }

  /**
   * The repositories of this rule, for grants.
   *
   * @internal
   */
  public _grantTarget(): GrantTarget {
    return {
      repositoryArn: repositoryArn(partitionOf(this).partition, this.region, callerIdentityOf(this).accountId, this.ecrRepositoryPrefix),
      tagsOnCreate: this.repositoryTemplate?.setsResourceTags ?? false,
    };
  }

  private checkUpstream(where: string, prefix: string, upstream: UpstreamRegistry, ruleRegion: string | undefined): void {
    // Only UpstreamRegistry.ecr() can carry an upstream prefix: the other presets have no way to set one.
    const upstreamPrefix = upstream.repositoryPrefix;
    if (isLiteral(upstreamPrefix) && upstreamPrefix !== ROOT_PREFIX && isLiteral(prefix) && prefix === ROOT_PREFIX) {
      throw errors.upstreamPrefixNeedsCachePrefix(where, upstreamPrefix);
    }
    // The Region the rule lands in: its own, else the provider's, looked up only for the checks that need it.
    let landsIn: string | undefined;
    const regionOfRule = () => (landsIn ??= ruleRegion ?? providerRegion(this));
    if (upstream.type === UpstreamRegistryType.ECR) {
      const upstreamRegion = upstream._region;
      if (upstream._accountId === undefined && isLiteral(upstreamRegion) && upstreamRegion === regionOfRule()) {
        throw errors.ecrUpstreamIsItself(where, upstreamRegion);
      }
      if (isLiteral(upstream._accountId) && upstream.roleArn === undefined) {
        Annotations.of(this).addWarning(errors.crossAccountWithoutRoleWarning(upstream._accountId));
      }
      this.warnIfUnsupported(upstreamRegion);
    }
    const secretRegion = upstream.credential?._region;
    if (isLiteral(secretRegion)) {
      const region = regionOfRule();
      if (isLiteral(region) && secretRegion !== region) throw errors.credentialRegionMismatch(where, secretRegion, region);
    }
    this.warnIfUnsupported(ruleRegion);
  }

  /** Warns when a literal Region is in a partition without pull through cache. */
  private warnIfUnsupported(region: string | undefined): void {
    if (isLiteral(region) && UNSUPPORTED_REGION_PATTERN.test(region)) {
      Annotations.of(this).addWarning(errors.unsupportedPartitionWarning(region));
    }
  }

  private parse(image: string): ImageReference {
    let ref: ImageReference;
    try {
      ref = parseImageReference(image);
    } catch (e) {
      if (e instanceof ImageReferenceError) throw errors.imageReference(this.node.path, image, e.message);
      throw e;
    }
    if (ref.host !== undefined && !this.upstream._hosts.some((h) => Token.isUnresolved(h) || h === ref.host)) {
      throw errors.imageFromOtherRegistry(this.node.path, image, ref.host, this.upstream._hosts[0]);
    }
    return ref;
  }

  /** `<prefix>/` or nothing for ROOT. */
  private prefixSegment(): string {
    const namespace = namespaceOf(this.ecrRepositoryPrefix);
    return namespace === undefined ? '' : `${namespace}/`;
  }

  private cachedPath(image: string, ref: ImageReference): string {
    let path = ref.path;
    if (this.upstream.type === UpstreamRegistryType.DOCKER_HUB && !path.includes('/')) {
      path = `library/${path}`;
    }
    const upstreamPrefix = this.upstream.repositoryPrefix;
    const up = isLiteral(upstreamPrefix) ? namespaceOf(upstreamPrefix) : undefined;
    if (up !== undefined) {
      if (!path.startsWith(`${up}/`)) throw errors.imageOutsideUpstreamPrefix(this.node.path, image, up);
      path = path.slice(up.length + 1);
    }
    return `${this.prefixSegment()}${path}`;
  }
}

/** What a rule must wait for besides what it refers to: the value of a secret and the policy of a role made here. */
function dependenciesOf(rule: Construct, upstream: UpstreamRegistry): ITerraformDependable[] | undefined {
  const out: ITerraformDependable[] = [];
  if (upstream.credential?._valueResource !== undefined) out.push(upstream.credential._valueResource);
  const rolePolicy = readinessOf(rule, upstream.roleArn);
  if (rolePolicy !== undefined) out.push(rolePolicy);
  return out.length > 0 ? out : undefined;
}
