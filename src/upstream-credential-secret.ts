import { Fn, TerraformResource, Token } from 'cdktf';
import { Construct } from 'constructs';
import { SecretsmanagerSecret } from './private/aws/secretsmanager-secret';
import { SecretsmanagerSecretVersion } from './private/aws/secretsmanager-secret-version';
import * as errors from './private/errors';
import { RECOVERY_WINDOW_MAX_DAYS, RECOVERY_WINDOW_MIN_DAYS, SECRET_NAME_PREFIX } from './private/patterns';
import { requireTerraformVersion, WRITE_ONLY_TERRAFORM_VERSION } from './private/terraform-version';
import { isLiteral, validateFullSecretName, validateRegion } from './private/validate';
import { checkCore } from './private/core';
import { UpstreamCredential } from './upstream-credential';

/**
 * Properties of an `UpstreamCredentialSecret`.
 */
export interface UpstreamCredentialSecretProps {
  /**
   * The name of the secret after `ecr-pullthroughcache/`, e.g. `docker-hub`.
   *
   * A full name that already starts with `ecr-pullthroughcache/` is accepted as it is.
   */
  readonly secretName: string;

  /**
   * The user name for the upstream registry.
   *
   * May be a literal or a Terraform token.
   */
  readonly username: string;

  /**
   * The access token (or password) for the upstream registry.
   *
   * Must be a Terraform token, such as the `stringValue` of a sensitive `TerraformVariable`: a literal would be
   * written into the synthesized configuration, and is refused.
   */
  readonly accessToken: string;

  /**
   * A description of the secret.
   *
   * @default 'Credential for an Amazon ECR pull through cache rule'
   */
  readonly description?: string;

  /**
   * Tags of the secret.
   *
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };

  /**
   * Days Secrets Manager keeps the secret after deletion: 0 deletes it at once, or 7-30.
   *
   * @default 30
   */
  readonly recoveryWindowInDays?: number;

  /**
   * The Region of the secret: it must be the Region of the rules that use it.
   *
   * @default - the Region of the stack's AWS provider
   */
  readonly region?: string;

  /**
   * Keep the secret value out of Terraform state by writing it through the write-only argument `secret_string_wo`.
   *
   * Needs Terraform 1.11 or later. With `false`, the value goes through `secret_string` and is stored (marked
   * sensitive) in the state.
   *
   * @default true
   */
  readonly writeOnly?: boolean;

  /**
   * The version of the write-only value (`secret_string_wo_version`). Terraform cannot see a write-only value, so
   * raise this number to write new values.
   *
   * @default 1
   */
  readonly secretStringVersion?: number;
}

/**
 * A Secrets Manager secret holding the credential of an upstream registry, named `ecr-pullthroughcache/<name>`, with
 * the JSON value `{"username": ..., "accessToken": ...}` that ECR expects.
 *
 * The value is built with Terraform's `jsonencode` from tokens, so no secret literal appears in the synthesized
 * configuration; by default it is written through the write-only `secret_string_wo`, so it is not kept in state.
 *
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache-creating-secret.html
 */
export class UpstreamCredentialSecret extends Construct {
  /**
   * The `aws_secretsmanager_secret` (construct id `Secret`): the escape hatch.
   */
  public readonly secret: TerraformResource;

  /**
   * The `aws_secretsmanager_secret_version` holding the value (construct id `Value`).
   */
  public readonly secretVersion: TerraformResource;

  /**
   * The credential to give an `UpstreamRegistry` preset.
   */
  public readonly credential: UpstreamCredential;

  /**
   * The ARN of the secret.
   */
  public readonly secretArn: string;

  /**
   * The full name of the secret, starting with `ecr-pullthroughcache/`.
   */
  public readonly secretName: string;

  /**
   * @param scope the construct this one belongs to, e.g. the stack.
   * @param id the construct id, part of the Terraform addresses of what it makes: never change it once deployed.
   * @param props the secret name, the credential values (as tokens) and the secret settings.
   */
  constructor(scope: Construct, id: string, props: UpstreamCredentialSecretProps) {
    super(scope, id);
    checkCore(this);
    const where = this;
    const name = !isLiteral(props.secretName) || props.secretName.startsWith(SECRET_NAME_PREFIX)
      ? props.secretName
      : `${SECRET_NAME_PREFIX}${props.secretName}`;
    if (isLiteral(name)) validateFullSecretName(where, name);
    validateRegion(where, 'region', props.region);
    if (!Token.isUnresolved(props.accessToken)) {
      throw errors.literalSecretValue(where, 'accessToken');
    }
    const recovery = props.recoveryWindowInDays;
    if (recovery !== undefined && !Token.isUnresolved(recovery)
      && !(recovery === 0 || (Number.isInteger(recovery) && recovery >= RECOVERY_WINDOW_MIN_DAYS && recovery <= RECOVERY_WINDOW_MAX_DAYS))) {
      throw errors.recoveryWindow(where, recovery);
    }
    const version = props.secretStringVersion ?? 1;
    if (!Token.isUnresolved(version) && (!Number.isInteger(version) || version < 1)) {
      throw errors.secretVersion(where, version);
    }

    this.secretName = name;
    const secret = new SecretsmanagerSecret(this, 'Secret', {
      name,
      description: props.description ?? 'Credential for an Amazon ECR pull through cache rule',
      recoveryWindowInDays: recovery,
      tags: props.tags,
      region: props.region,
    });

    const value = Fn.jsonencode({ username: props.username, accessToken: props.accessToken });
    const writeOnly = props.writeOnly ?? true;
    if (writeOnly) requireTerraformVersion(this, WRITE_ONLY_TERRAFORM_VERSION);
    this.secretVersion = new SecretsmanagerSecretVersion(this, 'Value', {
      secretId: secret.id,
      secretStringWo: writeOnly ? value : undefined,
      secretStringWoVersion: writeOnly ? version : undefined,
      secretString: writeOnly ? undefined : value,
      region: props.region,
    });

    this.secret = secret;
    this.secretArn = secret.arn;
    this.credential = UpstreamCredential._fromSecret(secret, this.secretVersion);
  }
}
