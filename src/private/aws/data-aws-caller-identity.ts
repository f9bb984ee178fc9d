import { Construct } from 'constructs';
import { AwsDataSource } from './base';

/** Data source `aws_caller_identity`: the account of the provider's credentials. */
export class DataAwsCallerIdentity extends AwsDataSource<{}> {
  public static readonly tfResourceType = 'aws_caller_identity';

  constructor(scope: Construct, id: string) {
    super(scope, id, DataAwsCallerIdentity.tfResourceType, [], {});
  }

  public get accountId(): string {
    return this.getStringAttribute('account_id');
  }
}
