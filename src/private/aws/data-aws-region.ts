import { Construct } from 'constructs';
import { AwsDataSource } from './base';

/** Data source `aws_region`: the provider's Region. */
export class DataAwsRegion extends AwsDataSource<{}> {
  public static readonly tfResourceType = 'aws_region';

  constructor(scope: Construct, id: string) {
    super(scope, id, DataAwsRegion.tfResourceType, [], {});
  }

  private regionToken?: string;

  /**
   * The Region's name (provider v6 attribute `region`; `name` is deprecated). One token for every caller: each rule
   * without its own Region asks for it, and the core captures a stack trace for every new attribute token.
   */
  public get region(): string {
    return this.regionToken ??= this.getStringAttribute('region');
  }
}
