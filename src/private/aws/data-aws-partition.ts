import { Construct } from 'constructs';
import { AwsDataSource } from './base';

/** Data source `aws_partition`: the partition and DNS suffix of the provider. */
export class DataAwsPartition extends AwsDataSource<{}> {
  public static readonly tfResourceType = 'aws_partition';

  private partitionToken?: string;

  constructor(scope: Construct, id: string) {
    super(scope, id, DataAwsPartition.tfResourceType, [], {});
  }

  /**
   * The partition, one token per data source: policies produced at synth refer to it, and the core turns a reference
   * from another stack into a remote state output only for a token it saw while preparing that stack.
   */
  public get partition(): string {
    return (this.partitionToken ??= this.getStringAttribute('partition'));
  }

  public get dnsSuffix(): string {
    return this.getStringAttribute('dns_suffix');
  }
}
