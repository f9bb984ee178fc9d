import { TerraformVariable, Token } from 'cdktf';
import { EcrPullThroughCacheRule } from '../src/private/aws/ecr-pull-through-cache-rule';
import { SecretsmanagerSecret } from '../src/private/aws/secretsmanager-secret';
import { SecretsmanagerSecretVersion } from '../src/private/aws/secretsmanager-secret-version';
import * as errors from '../src/private/errors';
import { PullThroughCacheRule, UpstreamCredentialSecret, UpstreamRegistry } from '../src';
import { newStack, onlyResource, synth, synthJson } from './util';

function variables(stack: any) {
  const username = new TerraformVariable(stack, 'user', { type: 'string' });
  const token = new TerraformVariable(stack, 'token', { type: 'string', sensitive: true });
  return { username: username.stringValue, accessToken: token.stringValue };
}

describe('UpstreamCredentialSecret', () => {
  test('names the secret ecr-pullthroughcache/<name> and writes the JSON ECR expects, write-only', () => {
    const stack = newStack();
    const s = new UpstreamCredentialSecret(stack, 'Cred', { secretName: 'docker-hub', ...variables(stack) });
    expect(s.secretName).toBe('ecr-pullthroughcache/docker-hub');
    const json = synthJson(stack);
    expect(onlyResource(json, SecretsmanagerSecret.tfResourceType).name).toBe('ecr-pullthroughcache/docker-hub');
    const version = onlyResource(json, SecretsmanagerSecretVersion.tfResourceType);
    expect(version.secret_string_wo).toBe('${jsonencode({"username" = var.user, "accessToken" = var.token})}');
    expect(version.secret_string_wo_version).toBe(1);
    expect(version.secret_string).toBeUndefined();
  });

  test('a full name that already starts with ecr-pullthroughcache/ is kept', () => {
    const stack = newStack();
    const s = new UpstreamCredentialSecret(stack, 'Cred', { secretName: 'ecr-pullthroughcache/team/ghcr', ...variables(stack) });
    expect(s.secretName).toBe('ecr-pullthroughcache/team/ghcr');
  });

  test('writeOnly: false stores the value through secret_string', () => {
    const stack = newStack();
    new UpstreamCredentialSecret(stack, 'Cred', { secretName: 'docker-hub', writeOnly: false, ...variables(stack) });
    const version = onlyResource(synthJson(stack), SecretsmanagerSecretVersion.tfResourceType);
    expect(version.secret_string).toBe('${jsonencode({"username" = var.user, "accessToken" = var.token})}');
    expect(version.secret_string_wo).toBeUndefined();
  });

  test('secretStringVersion rotates the write-only value', () => {
    const stack = newStack();
    new UpstreamCredentialSecret(stack, 'Cred', { secretName: 'docker-hub', secretStringVersion: 3, ...variables(stack) });
    expect(onlyResource(synthJson(stack), SecretsmanagerSecretVersion.tfResourceType).secret_string_wo_version).toBe(3);
  });

  test('a literal access token is refused, so it never reaches the synthesized JSON', () => {
    const stack = newStack();
    expect(() => new UpstreamCredentialSecret(stack, 'Cred', { secretName: 'docker-hub', username: 'me', accessToken: 'dckr_pat_123' }))
      .toThrow(errors.literalSecretValue('test/Cred', 'accessToken').message);
  });

  test('no secret literal appears in the synthesized JSON of a stack using the secret', () => {
    const stack = newStack();
    const s = new UpstreamCredentialSecret(stack, 'Cred', { secretName: 'docker-hub', ...variables(stack) });
    new PullThroughCacheRule(stack, 'Rule', { upstream: UpstreamRegistry.dockerHub({ credential: s.credential }) });
    const text = synth(stack);
    expect(text).not.toMatch(/accessToken"\s*=\s*"/);
    expect(text).toContain('var.token');
  });

  test('the rule uses the secret ARN and waits for its value', () => {
    const stack = newStack();
    const s = new UpstreamCredentialSecret(stack, 'Cred', { secretName: 'docker-hub', ...variables(stack) });
    new PullThroughCacheRule(stack, 'Rule', { upstream: UpstreamRegistry.dockerHub({ credential: s.credential }) });
    const rule = onlyResource(synthJson(stack), EcrPullThroughCacheRule.tfResourceType);
    expect(rule.credential_arn).toMatch(/^\$\{aws_secretsmanager_secret\.Cred_Secret_[0-9A-F]{8}\.arn\}$/);
    expect(rule.depends_on).toEqual([expect.stringMatching(/^aws_secretsmanager_secret_version\.Cred_Value_[0-9A-F]{8}$/)]);
  });

  test('a secret in another Region than the rule is refused', () => {
    const stack = newStack();
    const s = new UpstreamCredentialSecret(stack, 'Cred', { secretName: 'docker-hub', region: 'eu-west-1', ...variables(stack) });
    expect(() => new PullThroughCacheRule(stack, 'Rule', { upstream: UpstreamRegistry.dockerHub({ credential: s.credential }), region: 'us-east-2' }))
      .toThrow(errors.credentialRegionMismatch('test/Rule', 'eu-west-1', 'us-east-2').message);
  });

  test.each([
    ['has space', 'ecr-pullthroughcache/has space'],
    ['', 'ecr-pullthroughcache/'],
    ['a'.repeat(492), `ecr-pullthroughcache/${'a'.repeat(492)}`],
  ])('secret name "%s" is refused', (secretName, full) => {
    const stack = newStack();
    expect(() => new UpstreamCredentialSecret(stack, 'Cred', { secretName, ...variables(stack) }))
      .toThrow(errors.secretName('test/Cred', full).message);
  });

  test.each([1, 6, 31, 7.5])('recoveryWindowInDays %s is refused', (days) => {
    const stack = newStack();
    expect(() => new UpstreamCredentialSecret(stack, 'Cred', { secretName: 'x1', recoveryWindowInDays: days, ...variables(stack) }))
      .toThrow(errors.recoveryWindow('test/Cred', days).message);
  });

  test.each([0, 7, 30])('recoveryWindowInDays %s is accepted', (days) => {
    const stack = newStack();
    new UpstreamCredentialSecret(stack, 'Cred', { secretName: 'x1', recoveryWindowInDays: days, ...variables(stack) });
    expect(onlyResource(synthJson(stack), SecretsmanagerSecret.tfResourceType).recovery_window_in_days).toBe(days);
  });

  test.each([0, -1, 1.5])('secretStringVersion %s is refused', (v) => {
    const stack = newStack();
    expect(() => new UpstreamCredentialSecret(stack, 'Cred', { secretName: 'x1', secretStringVersion: v, ...variables(stack) }))
      .toThrow(errors.secretVersion('test/Cred', v).message);
  });

  test('a token secret name is accepted as it is', () => {
    const stack = newStack();
    const name = Token.asString({ Ref: 'n' });
    const s = new UpstreamCredentialSecret(stack, 'Cred', { secretName: name, ...variables(stack) });
    expect(s.secretName).toBe(name);
  });
});
