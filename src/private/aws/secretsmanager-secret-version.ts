import { Construct } from 'constructs';
import { Arguments, num, str } from './attributes';
import { AwsResource } from './base';

export interface SecretsmanagerSecretVersionConfig {
  readonly secretId: string;
  readonly secretString?: string;
  /** Write-only (Terraform 1.11+): never stored in state or plan. */
  readonly secretStringWo?: string;
  readonly secretStringWoVersion?: number;
  readonly region?: string;
}

/** `aws_secretsmanager_secret_version`. */
export class SecretsmanagerSecretVersion extends AwsResource {
  public static readonly tfResourceType = 'aws_secretsmanager_secret_version';

  constructor(scope: Construct, id: string, private readonly config: SecretsmanagerSecretVersionConfig) {
    super(scope, id, SecretsmanagerSecretVersion.tfResourceType);
  }

  protected arguments(): Arguments {
    const c = this.config;
    return {
      region: str(c.region),
      secret_id: str(c.secretId),
      secret_string: str(c.secretString),
      secret_string_wo: str(c.secretStringWo),
      secret_string_wo_version: num(c.secretStringWoVersion),
    };
  }
}
