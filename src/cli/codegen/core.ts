/** The cores `ecr-ptc import` writes programs for. */
export const CORES = ['cdktf', 'cdktn'] as const;
/** CDK for Terraform (`cdktf`) or CDK Terrain (`cdktn`). */
export type Core = (typeof CORES)[number];

/** What a generated program imports for a core, in each language: the core, the AWS provider, this library. */
export interface CoreNames {
  readonly core: Core;
  readonly typescript: { readonly core: string; readonly provider: string; readonly library: string };
  readonly python: { readonly core: string; readonly provider: string; readonly library: string };
  /** Import paths; `corePackage` is the core's Go package name. */
  readonly go: { readonly core: string; readonly corePackage: string; readonly provider: string; readonly library: string };
  /** Java packages. */
  readonly java: { readonly core: string; readonly provider: string; readonly library: string };
}

const NAMES: Readonly<Record<Core, CoreNames>> = {
  cdktf: {
    core: 'cdktf',
    typescript: { core: 'cdktf', provider: '@cdktf/provider-aws/lib/provider', library: 'cdktf-ecr-pull-through-cache' },
    python: { core: 'cdktf', provider: 'cdktf_cdktf_provider_aws.provider', library: 'cdktf_ecr_pull_through_cache' },
    go: {
      core: 'github.com/hashicorp/terraform-cdk-go/cdktf',
      corePackage: 'cdktf',
      provider: 'github.com/cdktf/cdktf-provider-aws-go/aws/v21/provider',
      library: 'github.com/cdktf-ecr-pull-through-cache/cdktf-ecr-pull-through-cache-go/ecrpullthroughcache',
    },
    java: { core: 'com.hashicorp.cdktf', provider: 'com.hashicorp.cdktf.providers.aws.provider', library: 'io.github.cdktf_ecr_pull_through_cache' },
  },
  cdktn: {
    core: 'cdktn',
    typescript: { core: 'cdktn', provider: '@cdktn/provider-aws/lib/provider', library: 'cdktn-ecr-pull-through-cache' },
    python: { core: 'cdktn', provider: 'cdktn_provider_aws.provider', library: 'cdktn_ecr_pull_through_cache' },
    go: {
      core: 'github.com/open-constructs/cdk-terrain-go/cdktn',
      corePackage: 'cdktn',
      provider: 'github.com/cdktn-io/cdktn-provider-aws-go/aws/v25/provider',
      library: 'github.com/cdktf-ecr-pull-through-cache/cdktn-ecr-pull-through-cache-go/ecrpullthroughcache',
    },
    java: { core: 'io.cdktn.cdktn', provider: 'io.cdktn.providers.aws.provider', library: 'io.github.cdktn_ecr_pull_through_cache' },
  },
};

/** The names a program for `core` imports. */
export function coreNames(core: Core): CoreNames {
  return NAMES[core];
}

/**
 * The core of the package this CLI ships in: `cdktn-ecr-pull-through-cache` is built against CDK Terrain,
 * `cdktf-ecr-pull-through-cache` against cdktf. `import` writes programs for it unless `--core` says otherwise.
 */
export function shippedCore(packageName: string): Core {
  return CORES.find((core) => NAMES[core].typescript.library === packageName) ?? 'cdktf';
}
