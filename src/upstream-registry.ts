import { Lazy } from 'cdktf';
import { IConstruct } from 'constructs';
import * as errors from './private/errors';
import { AZURE_REGISTRY_NAME_PATTERN, ROOT_PREFIX } from './private/patterns';
import { fixedHost, imageHosts, patternHost } from './private/registry-table';
import { callerIdentityOf } from './private/stack-data';
import { isLiteral, validateAccountId, validatePrefix, validateRegion, validateRoleArn } from './private/validate';
import { UpstreamCredential } from './upstream-credential';

/**
 * The kinds of upstream registry that Amazon ECR can cache, with the API's own names as values.
 *
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache.html
 */
export enum UpstreamRegistryType {
  /** Another Amazon ECR private registry, in another Region or account. */
  ECR = 'ecr',
  /** Amazon ECR Public Gallery (`public.ecr.aws`). */
  ECR_PUBLIC = 'ecr-public',
  /** Quay (`quay.io`). */
  QUAY = 'quay',
  /** The Kubernetes container image registry (`registry.k8s.io`). */
  K8S = 'k8s',
  /** Docker Hub (`registry-1.docker.io`). */
  DOCKER_HUB = 'docker-hub',
  /** GitHub Container Registry (`ghcr.io`). */
  GITHUB_CONTAINER_REGISTRY = 'github-container-registry',
  /** Microsoft Azure Container Registry (`<name>.azurecr.io`). */
  AZURE_CONTAINER_REGISTRY = 'azure-container-registry',
  /** GitLab Container Registry (`registry.gitlab.com`). */
  GITLAB_CONTAINER_REGISTRY = 'gitlab-container-registry',
  /** Chainguard Registry (`cgr.dev`). */
  CHAINGUARD = 'chainguard',
}

/**
 * Options of an upstream registry that requires authentication.
 */
export interface CredentialedUpstreamOptions {
  /**
   * The secret with the user name and access token for the upstream registry.
   */
  readonly credential: UpstreamCredential;
}

/**
 * Options of a Microsoft Azure Container Registry upstream.
 */
export interface AzureContainerRegistryOptions extends CredentialedUpstreamOptions {
  /**
   * The name of the registry: the part before `.azurecr.io`, 5-50 letters and digits.
   */
  readonly registryName: string;
}

/**
 * Options of an Amazon ECR private registry upstream (ECR to ECR).
 */
export interface EcrUpstreamOptions {
  /**
   * The Region of the upstream registry.
   */
  readonly region: string;

  /**
   * The account of the upstream registry.
   *
   * @default - the account of the stack's AWS provider (same account, another Region)
   */
  readonly accountId?: string;

  /**
   * The ARN of the role ECR assumes to pull from the upstream registry (`custom_role_arn`).
   *
   * Required cross-account, optional in the same account. The role must live in the cache account and trust
   * `pullthroughcache.ecr.amazonaws.com`: `EcrUpstreamRole` makes one.
   *
   * @default - no role: ECR uses its service-linked role, which works only in the same account
   */
  readonly roleArn?: string;

  /**
   * Caches only the upstream repositories under this prefix (`upstream_repository_prefix`).
   *
   * A prefix other than `ROOT` needs an `ecrRepositoryPrefix` other than `ROOT` on the rule; the part of the
   * repository name matched by it is replaced by the rule's `ecrRepositoryPrefix`.
   *
   * @default 'ROOT' - every repository of the upstream registry
   */
  readonly repositoryPrefix?: string;
}

const DOCKER_HUB_HOSTS = imageHosts(UpstreamRegistryType.DOCKER_HUB);

const ANONYMOUS = new Map<UpstreamRegistryType, UpstreamRegistry>();

/**
 * An upstream registry that a pull through cache rule caches images from.
 *
 * Each static method is a preset for one registry: it knows the registry's URL and accepts exactly the
 * credential or role that registry takes.
 *
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache-creating-rule.html
 */
export class UpstreamRegistry {
  /**
   * Docker Hub (`registry-1.docker.io`). Requires a credential.
   *
   * Official images gain the `library/` namespace in cached repository names (`nginx` is cached as
   * `<prefix>/library/nginx`); `imageUri()` adds it for you.
   *
   * @param options the Docker Hub credential.
   */
  public static dockerHub(options: CredentialedUpstreamOptions): UpstreamRegistry {
    return UpstreamRegistry.credentialed('UpstreamRegistry.dockerHub()', UpstreamRegistryType.DOCKER_HUB, DOCKER_HUB_HOSTS[0], options, DOCKER_HUB_HOSTS);
  }

  /**
   * GitHub Container Registry (`ghcr.io`). Requires a credential (a GitHub user name and a personal access token).
   *
   * @param options the GitHub credential.
   */
  public static githubContainerRegistry(options: CredentialedUpstreamOptions): UpstreamRegistry {
    return UpstreamRegistry.credentialed('UpstreamRegistry.githubContainerRegistry()', UpstreamRegistryType.GITHUB_CONTAINER_REGISTRY, fixedHost(UpstreamRegistryType.GITHUB_CONTAINER_REGISTRY), options);
  }

  /**
   * GitLab Container Registry on gitlab.com (`registry.gitlab.com`). Requires a credential.
   *
   * Self-managed GitLab instances are not supported by ECR.
   *
   * @param options the GitLab credential.
   */
  public static gitlabContainerRegistry(options: CredentialedUpstreamOptions): UpstreamRegistry {
    return UpstreamRegistry.credentialed('UpstreamRegistry.gitlabContainerRegistry()', UpstreamRegistryType.GITLAB_CONTAINER_REGISTRY, fixedHost(UpstreamRegistryType.GITLAB_CONTAINER_REGISTRY), options);
  }

  /**
   * Chainguard Registry (`cgr.dev`). Requires a credential.
   *
   * @param options the Chainguard credential.
   */
  public static chainguard(options: CredentialedUpstreamOptions): UpstreamRegistry {
    return UpstreamRegistry.credentialed('UpstreamRegistry.chainguard()', UpstreamRegistryType.CHAINGUARD, fixedHost(UpstreamRegistryType.CHAINGUARD), options);
  }

  /**
   * A Microsoft Azure Container Registry (`<registryName>.azurecr.io`). Requires a credential.
   *
   * @param options the registry name and its credential.
   */
  public static azureContainerRegistry(options: AzureContainerRegistryOptions): UpstreamRegistry {
    const factory = 'UpstreamRegistry.azureContainerRegistry()';
    const name = options.registryName;
    if (isLiteral(name) && !AZURE_REGISTRY_NAME_PATTERN.test(name)) {
      throw errors.azureRegistryName(factory, name);
    }
    const url = patternHost(UpstreamRegistryType.AZURE_CONTAINER_REGISTRY, { registryName: isLiteral(name) ? name.toLowerCase() : name });
    return UpstreamRegistry.credentialed(factory, UpstreamRegistryType.AZURE_CONTAINER_REGISTRY, url, options);
  }

  /**
   * Quay (`quay.io`). Public images only; takes no credential.
   */
  public static quay(): UpstreamRegistry {
    return UpstreamRegistry.anonymous(UpstreamRegistryType.QUAY);
  }

  /**
   * The Kubernetes container image registry (`registry.k8s.io`). Takes no credential.
   */
  public static kubernetes(): UpstreamRegistry {
    return UpstreamRegistry.anonymous(UpstreamRegistryType.K8S);
  }

  /**
   * Amazon ECR Public Gallery (`public.ecr.aws`). Takes no credential.
   */
  public static ecrPublic(): UpstreamRegistry {
    return UpstreamRegistry.anonymous(UpstreamRegistryType.ECR_PUBLIC);
  }

  /**
   * Another Amazon ECR private registry (`<accountId>.dkr.ecr.<region>.amazonaws.com`): ECR to ECR, cross-Region
   * or cross-account.
   *
   * Takes a role, never a secret. Cross-account, pass the `roleArn` of an `EcrUpstreamRole` and have the upstream
   * account apply its `upstreamRegistryPolicyJson`.
   *
   * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache-private.html
   *
   * @param options the upstream Region and account, the role and the upstream prefix.
   */
  public static ecr(options: EcrUpstreamOptions): UpstreamRegistry {
    const factory = 'UpstreamRegistry.ecr()';
    validateRegion(factory, 'region', options.region);
    validateAccountId(factory, 'accountId', options.accountId);
    validateRoleArn(factory, options.roleArn);
    validatePrefix(factory, 'repositoryPrefix', options.repositoryPrefix);
    return new UpstreamRegistry({
      type: UpstreamRegistryType.ECR,
      accountId: options.accountId,
      region: options.region,
      roleArn: options.roleArn,
      repositoryPrefix: options.repositoryPrefix ?? ROOT_PREFIX,
    });
  }

  /** Registries without a credential have nothing to configure: one shared, immutable instance each. */
  private static anonymous(type: UpstreamRegistryType): UpstreamRegistry {
    let registry = ANONYMOUS.get(type);
    if (registry === undefined) {
      registry = new UpstreamRegistry({ type, url: fixedHost(type) });
      ANONYMOUS.set(type, registry);
    }
    return registry;
  }

  private static credentialed(factory: string, type: UpstreamRegistryType, url: string,
    options: CredentialedUpstreamOptions, hosts?: string[]): UpstreamRegistry {
    if (options === undefined || options.credential === undefined || options.credential === null) {
      throw errors.credentialRequired(factory);
    }
    return new UpstreamRegistry({ type, url, credential: options.credential, hosts });
  }

  /**
   * The kind of upstream registry.
   */
  public readonly type: UpstreamRegistryType;

  /**
   * The upstream registry URL (`upstream_registry_url`), a host name without scheme.
   */
  public readonly url: string;

  /**
   * The secret ECR authenticates with.
   *
   * @default - none: the registry takes no credential
   */
  public readonly credential?: UpstreamCredential;

  /**
   * The role ECR assumes to pull from an upstream ECR registry.
   *
   * @default - none
   */
  public readonly roleArn?: string;

  /**
   * The upstream repository prefix (ECR upstream only).
   *
   * @default - none for registries other than ECR; 'ROOT' for ECR
   */
  public readonly repositoryPrefix?: string;

  /**
   * The ECR repository prefix a rule uses when none is given: the registry type's API name, e.g. `docker-hub`.
   */
  public readonly defaultEcrRepositoryPrefix: string;

  /**
   * The upstream account, when given (ECR upstream only).
   *
   * @internal
   */
  public readonly _accountId?: string;

  /**
   * The upstream Region (ECR upstream only).
   *
   * @internal
   */
  public readonly _region?: string;

  /**
   * The host names an image reference may carry for this registry.
   *
   * @internal
   */
  public readonly _hosts: string[];

  private constructor(spec: {
    type: UpstreamRegistryType; url?: string; credential?: UpstreamCredential; roleArn?: string;
    repositoryPrefix?: string; accountId?: string; region?: string; hosts?: string[];
  }) {
    this.type = spec.type;
    this.credential = spec.credential;
    this.roleArn = spec.roleArn;
    this.repositoryPrefix = spec.repositoryPrefix;
    this.defaultEcrRepositoryPrefix = spec.type;
    this._accountId = spec.accountId;
    this._region = spec.region;
    this.url = spec.url ?? (spec.accountId !== undefined
      ? ecrHost(spec.accountId, spec.region!)
      // Same account: the account is only known to the stack the rule lands in.
      : Lazy.stringValue({ produce: (ctx) => ecrHost(callerIdentityOf(ctx.scope).accountId, spec.region!) }));
    this._hosts = spec.hosts ?? [this.url];
  }

  /**
   * The URL for a rule in `scope`. A same-account ECR URL resolves, at synth, to the caller identity of the stack
   * it is used in: that data source is made here, before synthesis starts.
   *
   * @internal
   */
  public _urlFor(scope: IConstruct): string {
    if (this.type === UpstreamRegistryType.ECR && this._accountId === undefined) {
      callerIdentityOf(scope);
    }
    return this.url;
  }
}

function ecrHost(accountId: string, region: string): string {
  return patternHost(UpstreamRegistryType.ECR, { accountId, region });
}
