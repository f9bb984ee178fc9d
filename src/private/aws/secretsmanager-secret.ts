import { Construct } from 'constructs';
import { SECRETSMANAGER_SECRET as LIMITS } from './argument-table';
import { Argument } from './attributes';
import { AwsResource } from './base';

export interface SecretsmanagerSecretConfig {
  readonly name: string;
  readonly description?: string;
  readonly recoveryWindowInDays?: number;
  readonly tags?: { [key: string]: string };
  readonly region?: string;
}

export const ARGUMENTS: readonly Argument<SecretsmanagerSecretConfig>[] = [
  { name: 'description', kind: 'string', value: (c) => c.description, limits: LIMITS.description },
  { name: 'name', kind: 'string', value: (c) => c.name, limits: LIMITS.name },
  { name: 'recovery_window_in_days', kind: 'number', value: (c) => c.recoveryWindowInDays, limits: LIMITS.recovery_window_in_days },
  { name: 'region', kind: 'string', value: (c) => c.region, limits: LIMITS.region },
  { name: 'tags', kind: 'stringMap', value: (c) => c.tags, limits: LIMITS.tags },
];

/** `aws_secretsmanager_secret`. */
export class SecretsmanagerSecret extends AwsResource<SecretsmanagerSecretConfig> {
  public static readonly tfResourceType = 'aws_secretsmanager_secret';

  constructor(scope: Construct, id: string, config: SecretsmanagerSecretConfig) {
    super(scope, id, SecretsmanagerSecret.tfResourceType, ARGUMENTS, config);
  }

  public get arn(): string {
    return this.getStringAttribute('arn');
  }

  public get id(): string {
    return this.getStringAttribute('id');
  }
}
