import { Construct } from 'constructs';
import { AwsDataSource } from './base';

/** Data source `aws_region`: the provider's Region. */
export class DataAwsRegion extends AwsDataSource<{}> {
  public static readonly tfResourceType = 'aws_region';

  constructor(scope: Construct, id: string) {
    super(scope, id, DataAwsRegion.tfResourceType, [], {});
  }

  /** The Region's name (provider v6 attribute `region`; `name` is deprecated). */
  public get region(): string {
    return this.getStringAttribute('region');
  }
}
