/** The cores `ecr-ptc import` writes programs for. */
export const CORES = ['cdktf', 'cdktn'] as const;
/** CDK for Terraform (`cdktf`) or CDK Terrain (`cdktn`). */
export type Core = (typeof CORES)[number];

/** What a generated program imports for a core, in each language: the core, the AWS provider, this library. */
export interface CoreNames {
  readonly core: Core;
  readonly typescript: { readonly core: string; readonly provider: string; readonly library: string };
  readonly python: { readonly core: string; readonly provider: string; readonly library: string };
  /**
   * Import paths; `corePackage` is the core's Go package name. Go programs configure the AWS provider without
   * provider bindings (the module proxy serves no prebuilt provider module), so there is no provider import.
   */
  readonly go: { readonly core: string; readonly corePackage: string; readonly library: string };
  /** Java packages; Java programs, too, configure the provider without bindings (Maven Central has none). */
  readonly java: { readonly core: string; readonly library: string };
  /**
   * The `hashicorp/aws` version the core's prebuilt `AwsProvider` declares: programs written without provider
   * bindings declare the same, so that they synthesize what the TypeScript and Python programs do.
   */
  readonly awsProviderVersion: string;
  /**
   * The provider source that prebuilt `AwsProvider` writes into `required_providers`: `aws` for cdktf's,
   * `hashicorp/aws` for CDK Terrain's (the same provider, `registry.terraform.io/hashicorp/aws`).
   */
  readonly awsProviderSource: string;
}

const NAMES: Readonly<Record<Core, CoreNames>> = {
  cdktf: {
    core: 'cdktf',
    typescript: { core: 'cdktf', provider: '@cdktf/provider-aws/lib/provider', library: 'cdktf-ecr-pull-through-cache' },
    python: { core: 'cdktf', provider: 'cdktf_cdktf_provider_aws.provider', library: 'cdktf_ecr_pull_through_cache' },
    go: {
      core: 'github.com/hashicorp/terraform-cdk-go/cdktf',
      corePackage: 'cdktf',
      library: 'github.com/cdktf-ecr-pull-through-cache/cdktf-ecr-pull-through-cache-go/ecrpullthroughcache',
    },
    java: { core: 'com.hashicorp.cdktf', library: 'io.github.cdktf_ecr_pull_through_cache' },
    awsProviderVersion: '6.25.0',
    awsProviderSource: 'aws',
  },
  cdktn: {
    core: 'cdktn',
    typescript: { core: 'cdktn', provider: '@cdktn/provider-aws/lib/provider', library: 'cdktn-ecr-pull-through-cache' },
    python: { core: 'cdktn', provider: 'cdktn_provider_aws.provider', library: 'cdktn_ecr_pull_through_cache' },
    go: {
      core: 'github.com/open-constructs/cdk-terrain-go/cdktn',
      corePackage: 'cdktn',
      library: 'github.com/cdktf-ecr-pull-through-cache/cdktn-ecr-pull-through-cache-go/ecrpullthroughcache',
    },
    java: { core: 'io.cdktn.cdktn', library: 'io.github.cdktn_ecr_pull_through_cache' },
    awsProviderVersion: '6.66.0',
    awsProviderSource: 'hashicorp/aws',
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
