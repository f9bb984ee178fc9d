import { ITerraformDependable, TerraformDataSource, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { Arguments, toHcl, toJson } from './attributes';

/** What every resource class of ours takes besides its arguments. */
export interface ResourceOptions {
  /** Resources this one must wait for (`depends_on`). */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * A resource of the `hashicorp/aws` provider, written for the arguments this library sets. Subclasses list their
 * arguments once; JSON and HCL synthesis both come from that list.
 */
export abstract class AwsResource extends TerraformResource {
  protected constructor(scope: Construct, id: string, terraformResourceType: string, options: ResourceOptions = {}) {
    super(scope, id, { terraformResourceType, dependsOn: options.dependsOn });
  }

  /** The arguments as set, by Terraform name. */
  protected abstract arguments(): Arguments;

  protected synthesizeAttributes(): { [name: string]: any } {
    return toJson(this.arguments());
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return toHcl(this.arguments());
  }
}

/** A data source of the `hashicorp/aws` provider, written for the arguments this library sets. */
export abstract class AwsDataSource extends TerraformDataSource {
  protected constructor(scope: Construct, id: string, terraformResourceType: string) {
    super(scope, id, { terraformResourceType });
  }

  /** The arguments as set, by Terraform name. */
  protected abstract arguments(): Arguments;

  protected synthesizeAttributes(): { [name: string]: any } {
    return toJson(this.arguments());
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return toHcl(this.arguments());
  }
}
