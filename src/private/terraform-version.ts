/**
 * The Terraform version a stack needs for what this library writes into it.
 *
 * Write-only arguments (`secret_string_wo`) exist from Terraform 1.11 on; older Terraform fails on them with an
 * unhelpful schema error. A stack that uses one says so in `terraform.required_version`, so `terraform init` stops
 * with a clear version message instead. A constraint the user set with `stack.addOverride('terraform.required_version',
 * ...)` is kept: both must hold.
 */
import { TerraformElement, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

/** Needed by write-only arguments. */
export const WRITE_ONLY_TERRAFORM_VERSION = '>= 1.11.0';

// Construct id under the stack; it writes no resource, so it has no Terraform address.
const ID = 'EcrPullThroughCacheRequiredVersion';

class RequiredTerraformVersion extends TerraformElement {
  private readonly constraints = new Set<string>();

  constructor(stack: TerraformStack) {
    super(stack, ID);
  }

  public require(constraint: string): void {
    this.constraints.add(constraint);
  }

  public toTerraform(): any {
    return this.block();
  }

  public toHclTerraform(): any {
    // The core's HCL renderer writes attributes of the terraform block other than required_providers, backend and
    // cloud as a broken list ('0 = "required_version"'), which Terraform rejects: with `hclOutput` the constraint is
    // left out rather than break the configuration.
    return {};
  }

  public toMetadata(): any {
    return {};
  }

  private block(): any {
    // The stack merges its own overrides over every element's output: a user's constraint there would replace ours,
    // so ours is added to it in place instead.
    const overrides = (this.cdktfStack as unknown as { rawOverrides?: { terraform?: { required_version?: unknown } } }).rawOverrides;
    const user = overrides?.terraform?.required_version;
    if (typeof user === 'string' && user.trim() !== '') {
      overrides!.terraform!.required_version = combine(user, [...this.constraints]);
      return {};
    }
    return { terraform: { required_version: [...this.constraints].join(', ') } };
  }
}

function combine(user: string, ours: string[]): string {
  const parts = user.split(',').map((p) => p.trim()).filter((p) => p !== '');
  for (const constraint of ours) {
    if (!parts.includes(constraint)) parts.push(constraint);
  }
  return parts.join(', ');
}

/** Makes the stack of `scope` require `constraint` of Terraform. */
export function requireTerraformVersion(scope: IConstruct, constraint: string): void {
  const stack = TerraformStack.of(scope);
  const element = (stack.node.tryFindChild(ID) as RequiredTerraformVersion | undefined) ?? new RequiredTerraformVersion(stack);
  element.require(constraint);
}
