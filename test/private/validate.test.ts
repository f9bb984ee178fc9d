import * as errors from '../../src/private/errors';
import { TERRAFORM_PREFIX_PATTERN } from '../../src/private/patterns';
import {
  validateAccountId,
  validateCredentialArn,
  validateFullSecretName,
  validateIamRoleName,
  validatePrefix,
  validateRegion,
  validateRoleArn,
} from '../../src/private/validate';
import { Token } from 'cdktf';

const W = 'stack/Rule';

describe('validatePrefix: 2-30 characters and the Terraform plan-time pattern', () => {
  test.each([
    'ab',
    'docker-hub',
    'ecr-public',
    'a.b_c-d',
    'team/images',
    'team/images/',
    'a1/b2/c3',
    'ROOT',
    'x'.repeat(30),
  ])('accepts %s', (value) => {
    expect(() => validatePrefix(W, 'ecrRepositoryPrefix', value)).not.toThrow();
  });

  test.each([
    ['a', errors.prefixLength(W, 'ecrRepositoryPrefix', 'a').message],
    ['x'.repeat(31), errors.prefixLength(W, 'ecrRepositoryPrefix', 'x'.repeat(31)).message],
    ['Docker', errors.prefixPattern(W, 'ecrRepositoryPrefix', 'Docker').message],
    // Accepted by the 2026 API pattern, refused by Terraform at plan time.
    ['my--prefix', errors.prefixPattern(W, 'ecrRepositoryPrefix', 'my--prefix').message],
    ['a__b', errors.prefixPattern(W, 'ecrRepositoryPrefix', 'a__b').message],
    ['-lead', errors.prefixPattern(W, 'ecrRepositoryPrefix', '-lead').message],
    ['trail-', errors.prefixPattern(W, 'ecrRepositoryPrefix', 'trail-').message],
    ['/abs', errors.prefixPattern(W, 'ecrRepositoryPrefix', '/abs').message],
    ['a//b', errors.prefixPattern(W, 'ecrRepositoryPrefix', 'a//b').message],
    ['root', null],
    ['has space', errors.prefixPattern(W, 'ecrRepositoryPrefix', 'has space').message],
    ['Root', errors.prefixPattern(W, 'ecrRepositoryPrefix', 'Root').message],
  ])('refuses %s', (value, message) => {
    if (message === null) {
      // lower-case 'root' is an ordinary prefix, not the ROOT keyword
      expect(() => validatePrefix(W, 'ecrRepositoryPrefix', value)).not.toThrow();
    } else {
      expect(() => validatePrefix(W, 'ecrRepositoryPrefix', value)).toThrow(message);
    }
  });

  test('the exact message names the construct, the value, the rule and the fix', () => {
    expect(() => validatePrefix(W, 'ecrRepositoryPrefix', 'my--prefix')).toThrow(
      "stack/Rule: ecrRepositoryPrefix 'my--prefix' is not a valid pull through cache prefix: use lowercase letters and digits, " +
      "separated by single '.', '_', '-' or '/' (no leading, trailing or doubled separators; one trailing '/' is allowed), or 'ROOT'. " +
      "For example 'docker-hub' or 'team/images'.");
    expect(() => validatePrefix(W, 'ecrRepositoryPrefix', 'a')).toThrow(
      "stack/Rule: ecrRepositoryPrefix 'a' has 1 characters, but a pull through cache prefix must have 2-30. " +
      "Use a prefix such as 'docker-hub', or 'ROOT' for no prefix.");
  });

  test('the pattern is the Terraform provider one, not the looser API one', () => {
    expect(TERRAFORM_PREFIX_PATTERN.source).toBe('^((?:[a-z0-9]+(?:[._-][a-z0-9]+)*\\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*\\/?|ROOT)$');
  });

  test('tokens are accepted without being parsed', () => {
    expect(() => validatePrefix(W, 'ecrRepositoryPrefix', Token.asString({ Ref: 'x' }))).not.toThrow();
  });
});

describe('account IDs, Regions, role ARNs', () => {
  test.each(['111122223333', '000000000000'])('account %s is accepted', (v) => {
    expect(() => validateAccountId(W, 'accountId', v)).not.toThrow();
  });
  test.each(['11112222333', '1111222233334', 'abcdefghijkl', '1111-2222-3333'])('account %s is refused', (v) => {
    expect(() => validateAccountId(W, 'accountId', v)).toThrow(errors.accountId(W, 'accountId', v).message);
  });
  test.each(['us-east-1', 'eu-central-2', 'ap-southeast-4', 'us-gov-west-1', 'cn-north-1'])('Region %s is accepted', (v) => {
    expect(() => validateRegion(W, 'region', v)).not.toThrow();
  });
  test.each(['us-east', 'US-EAST-1', 'useast1', 'eu_west_1', ''])('Region "%s" is refused', (v) => {
    expect(() => validateRegion(W, 'region', v)).toThrow(errors.region(W, 'region', v).message);
  });
  test.each([
    'arn:aws:iam::111122223333:role/ecr-ptc',
    'arn:aws:iam::111122223333:role/path/to/role',
    'arn:aws-cn:iam::111122223333:role/r',
  ])('role ARN %s is accepted', (v) => {
    expect(() => validateRoleArn(W, v)).not.toThrow();
  });
  test.each([
    'arn:aws:iam::111122223333:user/someone',
    'arn:aws:iam::1111:role/r',
    'ecr-ptc',
    `arn:aws:iam::111122223333:role/${'r'.repeat(2040)}`,
  ])('role ARN %s is refused', (v) => {
    expect(() => validateRoleArn(W, v)).toThrow(errors.roleArn(W, v).message);
  });
  test.each(['eks-node-role', 'a+b=c,d.e@f_g-h', 'x'.repeat(64)])('role name %s is accepted', (v) => {
    expect(() => validateIamRoleName(W, 'roleName', v)).not.toThrow();
  });
  test.each(['x'.repeat(65), 'arn:aws:iam::111122223333:role/x', 'has space'])('role name %s is refused', (v) => {
    expect(() => validateIamRoleName(W, 'roleName', v)).toThrow(errors.iamRoleName(W, 'roleName', v).message);
  });
});

describe('credential ARNs: 50-612 characters and the API pattern', () => {
  test.each([
    'arn:aws:secretsmanager:us-east-1:111122223333:secret:ecr-pullthroughcache/docker-hub-AbCdEf',
    'arn:aws-us-gov:secretsmanager:us-gov-west-1:111122223333:secret:ecr-pullthroughcache/a/b_c+d=e.f@g-h',
  ])('accepts %s', (v) => {
    expect(() => validateCredentialArn(W, v)).not.toThrow();
  });

  test.each([
    'arn:aws:secretsmanager:us-east-1:111122223333:secret:dockerhub-credentials-AbCdEf',
    'arn:aws:ssm:us-east-1:111122223333:parameter/ecr-pullthroughcache/docker-hub',
    'arn:aws:secretsmanager:us-east-1:111122223333:secret:ecr-pullthroughcache/',
    'arn:aws:secretsmanager:us-east-1:111122223333:secret:ecr-pullthroughcache/has space',
  ])('refuses the pattern of %s', (v) => {
    expect(() => validateCredentialArn(W, v)).toThrow(errors.credentialArnPattern(W, v).message);
  });

  test.each([
    'arn:aws:secretsmanager:us-east-1',
    `arn:aws:secretsmanager:us-east-1:111122223333:secret:ecr-pullthroughcache/${'a'.repeat(600)}`,
  ])('refuses the length of %s', (v) => {
    expect(() => validateCredentialArn(W, v)).toThrow(errors.credentialArnLength(W, v).message);
  });

  test('secret names after the ecr-pullthroughcache/ start', () => {
    expect(() => validateFullSecretName(W, 'ecr-pullthroughcache/docker-hub')).not.toThrow();
    expect(() => validateFullSecretName(W, 'ecr-pullthroughcache/')).toThrow(errors.secretName(W, 'ecr-pullthroughcache/').message);
    expect(() => validateFullSecretName(W, 'ecr-pullthroughcache/a b')).toThrow(errors.secretName(W, 'ecr-pullthroughcache/a b').message);
    const long = `ecr-pullthroughcache/${'a'.repeat(492)}`;
    expect(() => validateFullSecretName(W, long)).toThrow(errors.secretName(W, long).message);
  });
});
