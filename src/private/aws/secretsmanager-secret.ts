import { Construct } from 'constructs';
import { Arguments, num, str, stringMap } from './attributes';
import { AwsResource } from './base';

export interface SecretsmanagerSecretConfig {
  readonly name: string;
  readonly description?: string;
  readonly recoveryWindowInDays?: number;
  readonly tags?: { [key: string]: string };
  readonly region?: string;
}

/** `aws_secretsmanager_secret`. */
export class SecretsmanagerSecret extends AwsResource {
  public static readonly tfResourceType = 'aws_secretsmanager_secret';

  constructor(scope: Construct, id: string, private readonly config: SecretsmanagerSecretConfig) {
    super(scope, id, SecretsmanagerSecret.tfResourceType);
  }

  public get arn(): string {
    return this.getStringAttribute('arn');
  }

  public get id(): string {
    return this.getStringAttribute('id');
  }

  protected arguments(): Arguments {
    const c = this.config;
    return {
      description: str(c.description),
      name: str(c.name),
      recovery_window_in_days: num(c.recoveryWindowInDays),
      region: str(c.region),
      tags: stringMap(c.tags),
    };
  }
}
