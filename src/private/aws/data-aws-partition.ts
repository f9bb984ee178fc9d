import { Construct } from 'constructs';
import { AwsDataSource } from './base';

/** Data source `aws_partition`: the partition and DNS suffix of the provider. */
export class DataAwsPartition extends AwsDataSource<{}> {
  public static readonly tfResourceType = 'aws_partition';

  constructor(scope: Construct, id: string) {
    super(scope, id, DataAwsPartition.tfResourceType, [], {});
  }

  public get partition(): string {
    return this.getStringAttribute('partition');
  }

  public get dnsSuffix(): string {
    return this.getStringAttribute('dns_suffix');
  }
}
