import { Construct } from 'constructs';
import { AwsDataSource } from './base';

/** Data source `aws_caller_identity`: the account of the provider's credentials. */
export class DataAwsCallerIdentity extends AwsDataSource<{}> {
  public static readonly tfResourceType = 'aws_caller_identity';

  private accountIdToken?: string;

  constructor(scope: Construct, id: string) {
    super(scope, id, DataAwsCallerIdentity.tfResourceType, [], {});
  }

  /** The account, one token per data source (see `DataAwsPartition.partition`). */
  public get accountId(): string {
    return (this.accountIdToken ??= this.getStringAttribute('account_id'));
  }
}
