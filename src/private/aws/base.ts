import { ITerraformDependable, TerraformDataSource, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { Argument, toHcl, toJson } from './attributes';

/** What every resource class of ours takes besides its arguments. */
export interface ResourceOptions {
  /** Resources this one must wait for (`depends_on`). */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * A resource of the `hashicorp/aws` provider, written for the arguments this library sets: `args` (a module
 * constant of the subclass) lists them once, and JSON and HCL synthesis both walk it.
 */
export abstract class AwsResource<C> extends TerraformResource {
  protected constructor(scope: Construct, id: string, terraformResourceType: string,
    private readonly args: readonly Argument<C>[], protected readonly config: C, dependsOn?: ITerraformDependable[]) {
    super(scope, id, { terraformResourceType, dependsOn });
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return toJson(this.args, this.config);
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return toHcl(this.args, this.config);
  }
}

/** A data source of the `hashicorp/aws` provider, written for the arguments this library sets. */
export abstract class AwsDataSource<C> extends TerraformDataSource {
  protected constructor(scope: Construct, id: string, terraformResourceType: string,
    private readonly args: readonly Argument<C>[], protected readonly config: C) {
    super(scope, id, { terraformResourceType });
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return toJson(this.args, this.config);
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return toHcl(this.args, this.config);
  }
}
