import { Construct } from 'constructs';
import { SECRETSMANAGER_SECRET_VERSION as LIMITS } from './argument-table';
import { Argument } from './attributes';
import { AwsResource } from './base';

export interface SecretsmanagerSecretVersionConfig {
  readonly secretId: string;
  readonly secretString?: string;
  /** Write-only (Terraform 1.11+): never stored in state or plan. */
  readonly secretStringWo?: string;
  readonly secretStringWoVersion?: number;
  readonly region?: string;
}

export const ARGUMENTS: readonly Argument<SecretsmanagerSecretVersionConfig>[] = [
  { name: 'region', kind: 'string', value: (c) => c.region, limits: LIMITS.region },
  { name: 'secret_id', kind: 'string', value: (c) => c.secretId, limits: LIMITS.secret_id },
  { name: 'secret_string', kind: 'string', value: (c) => c.secretString, limits: LIMITS.secret_string },
  { name: 'secret_string_wo', kind: 'string', value: (c) => c.secretStringWo, limits: LIMITS.secret_string_wo },
  { name: 'secret_string_wo_version', kind: 'number', value: (c) => c.secretStringWoVersion, limits: LIMITS.secret_string_wo_version },
];

/** `aws_secretsmanager_secret_version`. */
export class SecretsmanagerSecretVersion extends AwsResource<SecretsmanagerSecretVersionConfig> {
  public static readonly tfResourceType = 'aws_secretsmanager_secret_version';

  constructor(scope: Construct, id: string, config: SecretsmanagerSecretVersionConfig) {
    super(scope, id, SecretsmanagerSecretVersion.tfResourceType, ARGUMENTS, config);
  }
}
