import { Token } from 'cdktf';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import * as errors from '../src/private/errors';
import { UpstreamCredential } from '../src';
import { newStack, resolveIn, SECRET_ARN } from './util';

describe('UpstreamCredential.fromSecretArn', () => {
  test('keeps the ARN', () => {
    expect(UpstreamCredential.fromSecretArn(SECRET_ARN).secretArn).toBe(SECRET_ARN);
  });

  test('refuses a secret whose name does not start with ecr-pullthroughcache/', () => {
    const arn = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:dockerhub-token-AbCdEf';
    expect(() => UpstreamCredential.fromSecretArn(arn)).toThrow(
      `UpstreamCredential.fromSecretArn(): secret ARN '${arn}' is not a pull through cache credential: it must be a Secrets Manager secret ARN whose ` +
      "secret name starts with 'ecr-pullthroughcache/' (arn:aws:secretsmanager:<region>:<account>:secret:ecr-pullthroughcache/<name>). " +
      'Rename the secret or create it with UpstreamCredentialSecret.');
  });

  test('accepts a token', () => {
    const arn = Token.asString({ Ref: 'arn' });
    expect(UpstreamCredential.fromSecretArn(arn).secretArn).toBe(arn);
  });
});

describe('UpstreamCredential.fromSecret', () => {
  test('uses the secret ARN', () => {
    const stack = newStack();
    const secret = new SecretsmanagerSecret(stack, 'S', { name: 'ecr-pullthroughcache/ghcr' });
    expect(resolveIn(stack, UpstreamCredential.fromSecret(secret).secretArn)).toBe('${aws_secretsmanager_secret.S.arn}');
  });

  test('accepts a namePrefix that starts right', () => {
    const stack = newStack();
    const secret = new SecretsmanagerSecret(stack, 'S', { namePrefix: 'ecr-pullthroughcache/ghcr-' });
    expect(() => UpstreamCredential.fromSecret(secret)).not.toThrow();
  });

  test('refuses a secret named outside ecr-pullthroughcache/', () => {
    const stack = newStack();
    const secret = new SecretsmanagerSecret(stack, 'S', { name: 'ghcr-token' });
    expect(() => UpstreamCredential.fromSecret(secret)).toThrow(errors.secretNameNotForCache('test/S', 'ghcr-token').message);
  });

  test('refuses a customer managed KMS key: only aws/secretsmanager works', () => {
    const stack = newStack();
    const secret = new SecretsmanagerSecret(stack, 'S', { name: 'ecr-pullthroughcache/ghcr', kmsKeyId: 'alias/mine' });
    expect(() => UpstreamCredential.fromSecret(secret)).toThrow(errors.secretCustomerKey('test/S').message);
  });
});
