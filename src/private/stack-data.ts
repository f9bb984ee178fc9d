/**
 * One `aws_partition`, `aws_caller_identity` and `aws_region` data source per stack, shared by every construct of
 * this library in it, so ARNs never hard-code `arn:aws` and hosts never hard-code an account or a Region.
 */
import { TerraformProvider, TerraformStack, Token } from 'cdktf';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { IConstruct } from 'constructs';

// Construct ids under the stack: they become Terraform addresses, so never rename them.
const PARTITION_ID = 'EcrPullThroughCachePartition';
const CALLER_ID = 'EcrPullThroughCacheCallerIdentity';
const REGION_ID = 'EcrPullThroughCacheRegion';

function singleton<T extends IConstruct>(scope: IConstruct, id: string, make: (stack: TerraformStack) => T): T {
  const stack = TerraformStack.of(scope);
  return (stack.node.tryFindChild(id) as T | undefined) ?? make(stack);
}

/** The partition of the stack's default provider (`aws`, `aws-cn`, `aws-us-gov`, ...). */
export function partitionOf(scope: IConstruct): DataAwsPartition {
  return singleton(scope, PARTITION_ID, (stack) => new DataAwsPartition(stack, PARTITION_ID, {}));
}

/** The account of the stack's default provider. */
export function callerIdentityOf(scope: IConstruct): DataAwsCallerIdentity {
  return singleton(scope, CALLER_ID, (stack) => new DataAwsCallerIdentity(stack, CALLER_ID, {}));
}

/** The Region of the stack's default provider. */
export function regionDataOf(scope: IConstruct): DataAwsRegion {
  return singleton(scope, REGION_ID, (stack) => new DataAwsRegion(stack, REGION_ID, {}));
}

/** The Region a resource lands in: its own `region` argument, or the provider's. */
export function effectiveRegion(scope: IConstruct, region: string | undefined): string {
  return region ?? regionDataOf(scope).region;
}

/**
 * The literal Region of the stack's default (un-aliased) AWS provider, when there is one.
 *
 * Found by its Terraform type rather than its class, so this module does not load the provider's large config code.
 */
export function providerRegion(scope: IConstruct): string | undefined {
  const stack = TerraformStack.of(scope);
  for (const child of stack.node.children) {
    const provider = child as unknown as { terraformResourceType?: string; alias?: string; regionInput?: string };
    if (TerraformProvider.isTerraformProvider(child) && provider.terraformResourceType === 'aws' && provider.alias === undefined) {
      const region = provider.regionInput;
      return region !== undefined && !Token.isUnresolved(region) ? region : undefined;
    }
  }
  return undefined;
}
