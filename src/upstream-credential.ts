import { ITerraformDependable } from 'cdktf';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import * as errors from './private/errors';
import { SECRET_NAME_PREFIX } from './private/patterns';
import { isLiteral, regionOfArn, validateCredentialArn } from './private/validate';

/**
 * The Secrets Manager secret that holds the user name and access token ECR uses to authenticate to an upstream
 * registry.
 *
 * The secret must be in the same account and Region as the rule, its name must start with
 * `ecr-pullthroughcache/`, its value must be the JSON `{"username": "...", "accessToken": "..."}`, and it must be
 * encrypted with the default `aws/secretsmanager` key. To create such a secret, use `UpstreamCredentialSecret`.
 *
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache-creating-secret.html
 */
export class UpstreamCredential {
  /**
   * An existing secret, by its full ARN.
   *
   * A literal ARN is checked against the ECR API's rules (50-612 characters, a `secretsmanager` ARN whose secret
   * name starts with `ecr-pullthroughcache/`); a Terraform token is accepted as it is.
   *
   * @param secretArn the ARN of the secret, e.g. `arn:aws:secretsmanager:us-east-1:111122223333:secret:ecr-pullthroughcache/docker-hub-AbCdEf`.
   */
  public static fromSecretArn(secretArn: string): UpstreamCredential {
    validateCredentialArn('UpstreamCredential.fromSecretArn()', secretArn);
    return new UpstreamCredential(secretArn, regionOfArn(secretArn));
  }

  /**
   * A secret declared in this configuration with the provider's `SecretsmanagerSecret`.
   *
   * Its `name` (or `namePrefix`) must start with `ecr-pullthroughcache/`, and it must not set `kmsKeyId`.
   *
   * @param secret the secret; its value must be the JSON `{"username": "...", "accessToken": "..."}`.
   */
  public static fromSecret(secret: SecretsmanagerSecret): UpstreamCredential {
    return UpstreamCredential._fromSecret(secret);
  }

  /**
   * `fromSecret`, plus something rules must wait for (the secret's value).
   *
   * @internal
   */
  public static _fromSecret(secret: SecretsmanagerSecret, valueResource?: ITerraformDependable): UpstreamCredential {
    const where = secret.node.path;
    const name = secret.nameInput ?? secret.namePrefixInput;
    if (isLiteral(name) && !name.startsWith(SECRET_NAME_PREFIX)) {
      throw errors.secretNameNotForCache(where, name);
    }
    if (secret.kmsKeyIdInput !== undefined) {
      throw errors.secretCustomerKey(where);
    }
    return new UpstreamCredential(secret.arn, secret.regionInput, valueResource);
  }

  /**
   * The ARN of the secret, given to the rule as `credential_arn`.
   */
  public readonly secretArn: string;

  /**
   * The Region of the secret when it is known before deployment.
   *
   * @internal
   */
  public readonly _region?: string;

  /**
   * The resource that writes the secret's value, when this library made it.
   *
   * @internal
   */
  public readonly _valueResource?: ITerraformDependable;

  private constructor(secretArn: string, secretRegion?: string, valueResource?: ITerraformDependable) {
    this.secretArn = secretArn;
    this._region = secretRegion;
    this._valueResource = valueResource;
  }
}
