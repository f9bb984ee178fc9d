import { IamRole } from '../src/private/aws/iam-role';
import { IamRolePolicy } from '../src/private/aws/iam-role-policy';
import * as errors from '../src/private/errors';
import { EcrUpstreamRole, PullThroughCache, PullThroughCacheRule, UpstreamRegistry } from '../src';
import { newStack, onlyResource, resolveIn, resourcesOf, synth, synthJson } from './util';

const PARTITION = '${data.aws_partition.EcrPullThroughCachePartition.partition}';
const ACCOUNT = '${data.aws_caller_identity.EcrPullThroughCacheCallerIdentity.account_id}';

describe('EcrUpstreamRole', () => {
  test('is trusted by pullthroughcache.ecr.amazonaws.com, not ecr.amazonaws.com', () => {
    const stack = newStack();
    new EcrUpstreamRole(stack, 'Role', { upstreamAccountId: '444455556666', upstreamRegion: 'eu-west-1' });
    const role = onlyResource(synthJson(stack), IamRole.tfResourceType);
    expect(JSON.parse(role.assume_role_policy)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'pullthroughcache.ecr.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
  });

  test('grants the nine actions ECR needs, scoped to the upstream and cache repositories', () => {
    const stack = newStack();
    new EcrUpstreamRole(stack, 'Role', { upstreamAccountId: '444455556666', upstreamRegion: 'eu-west-1', upstreamRepositoryPrefix: 'platform' });
    const doc = JSON.parse(onlyResource(synthJson(stack), IamRolePolicy.tfResourceType).policy);
    const actions = new Set(doc.Statement.flatMap((s: any) => [s.Action].flat()));
    expect([...actions].sort()).toEqual([
      'ecr:BatchGetImage', 'ecr:BatchImportUpstreamImage', 'ecr:CompleteLayerUpload', 'ecr:GetAuthorizationToken',
      'ecr:GetDownloadUrlForLayer', 'ecr:GetImageCopyStatus', 'ecr:InitiateLayerUpload', 'ecr:PutImage', 'ecr:UploadLayerPart',
    ]);
    expect(doc.Statement).toEqual([
      { Sid: 'EcrAuthorizationToken', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
      {
        Sid: 'ReadUpstream', Effect: 'Allow',
        Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchImportUpstreamImage', 'ecr:GetImageCopyStatus'],
        Resource: `arn:${PARTITION}:ecr:eu-west-1:444455556666:repository/platform/*`,
      },
      {
        Sid: 'WriteCache', Effect: 'Allow',
        Action: ['ecr:BatchImportUpstreamImage', 'ecr:GetImageCopyStatus', 'ecr:InitiateLayerUpload', 'ecr:UploadLayerPart',
          'ecr:CompleteLayerUpload', 'ecr:PutImage', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
        Resource: `arn:${PARTITION}:ecr:*:${ACCOUNT}:repository/*`,
      },
    ]);
  });

  test('upstreamRegistryPolicyJson grants the cache account the four read actions on repository/*', () => {
    const stack = newStack();
    const role = new EcrUpstreamRole(stack, 'Role', { upstreamAccountId: '444455556666', upstreamRegion: 'eu-west-1' });
    expect(JSON.parse(role.upstreamRegistryPolicyJson)).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Sid: 'AllowPullThroughCacheFromDownstreamAccount',
        Effect: 'Allow',
        Principal: { AWS: expect.stringMatching(/^arn:\$\{TfToken\[TOKEN\.\d+\]\}:iam::\$\{TfToken\[TOKEN\.\d+\]\}:root$/) },
        Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchImportUpstreamImage', 'ecr:GetImageCopyStatus'],
        Resource: expect.stringMatching(/:ecr:eu-west-1:444455556666:repository\/\*$/),
      }],
    });
  });

  test('defaults: the stack account, any Region, every repository; Terraform names the role', () => {
    const stack = newStack();
    new EcrUpstreamRole(stack, 'Role');
    const json = synthJson(stack);
    expect(onlyResource(json, IamRole.tfResourceType).name).toBeUndefined();
    const doc = JSON.parse(onlyResource(json, IamRolePolicy.tfResourceType).policy);
    expect(doc.Statement[1].Resource).toBe(`arn:${PARTITION}:ecr:*:${ACCOUNT}:repository/*`);
  });

  test('roleName is used, and no ARN has a literal partition', () => {
    const stack = newStack();
    const role = new EcrUpstreamRole(stack, 'Role', { roleName: 'ecr-ptc-central' });
    expect(onlyResource(synthJson(stack), IamRole.tfResourceType).name).toBe('ecr-ptc-central');
    expect(resolveIn(stack, role.roleArn)).toBe(resolveIn(stack, role.role.getStringAttribute('arn')));
    expect(synth(stack)).not.toContain('arn:aws:');
  });

  test.each([
    [{ upstreamAccountId: '4444' }, errors.accountId('test/Role', 'upstreamAccountId', '4444').message],
    [{ upstreamRegion: 'europe' }, errors.region('test/Role', 'upstreamRegion', 'europe').message],
    [{ upstreamRepositoryPrefix: 'A' }, errors.prefixLength('test/Role', 'upstreamRepositoryPrefix', 'A').message],
    [{ roleName: 'has space' }, errors.iamRoleName('test/Role', 'roleName', 'has space').message],
  ])('refuses %j', (props, message) => {
    const stack = newStack();
    expect(() => new EcrUpstreamRole(stack, 'Role', props)).toThrow(message);
  });
});

describe('EcrUpstreamRole scoping', () => {
  const cacheArn = (region: string, prefix: string) => `arn:${PARTITION}:ecr:${region}:${ACCOUNT}:repository/${prefix}/*`;

  function writeStatement(stack: ReturnType<typeof newStack>) {
    const policies = Object.values(resourcesOf(synthJson(stack), IamRolePolicy.tfResourceType));
    return JSON.parse(policies[0].policy).Statement.find((s: any) => s.Sid === 'WriteCache');
  }

  test('by default the cache side covers repository/* in every Region (rules made elsewhere included)', () => {
    const stack = newStack();
    const role = new EcrUpstreamRole(stack, 'Role', { upstreamAccountId: '444455556666' });
    new PullThroughCacheRule(stack, 'Rule', {
      upstream: UpstreamRegistry.ecr({ region: 'eu-west-1', accountId: '444455556666', roleArn: role.roleArn }),
      ecrRepositoryPrefix: 'central',
    });
    expect(writeStatement(stack).Resource).toBe(`arn:${PARTITION}:ecr:*:${ACCOUNT}:repository/*`);
  });

  test('scopeToRules narrows it to the Region and prefix of each rule that uses the role, rules added later included', () => {
    const stack = newStack();
    const role = new EcrUpstreamRole(stack, 'Role', { upstreamAccountId: '444455556666', scopeToRules: true });
    const upstream = UpstreamRegistry.ecr({ region: 'eu-west-1', accountId: '444455556666', roleArn: role.roleArn, repositoryPrefix: 'platform' });
    new PullThroughCacheRule(stack, 'Here', { upstream, ecrRepositoryPrefix: 'central' });
    const cache = new PullThroughCache(stack, 'Sydney', { region: 'ap-southeast-2' });
    cache.addRule('There', { upstream, ecrRepositoryPrefix: 'central-syd' });
    // A rule with another role is not included.
    new PullThroughCacheRule(stack, 'Other', {
      upstream: UpstreamRegistry.ecr({ region: 'eu-west-1', accountId: '444455556666', roleArn: 'arn:aws:iam::111122223333:role/x' }),
      ecrRepositoryPrefix: 'other',
    });
    expect(writeStatement(stack).Resource).toEqual([
      cacheArn('${data.aws_region.EcrPullThroughCacheRegion.region}', 'central'),
      cacheArn('ap-southeast-2', 'central-syd'),
    ]);
  });

  test('scopeToRules without any rule leaves no cache-side statement', () => {
    const stack = newStack();
    new EcrUpstreamRole(stack, 'Role', { scopeToRules: true });
    expect(writeStatement(stack)).toBeUndefined();
  });

  test('upstreamRegistryPolicyJson grants only the upstream prefix when one is set', () => {
    const stack = newStack();
    const scoped = new EcrUpstreamRole(stack, 'Scoped', { upstreamAccountId: '444455556666', upstreamRegion: 'eu-west-1', upstreamRepositoryPrefix: 'platform/' });
    const whole = new EcrUpstreamRole(stack, 'Whole', { upstreamAccountId: '444455556666', upstreamRegion: 'eu-west-1' });
    expect(JSON.parse(resolveIn(stack, scoped.upstreamRegistryPolicyJson)).Statement[0].Resource)
      .toBe(`arn:${PARTITION}:ecr:eu-west-1:444455556666:repository/platform/*`);
    expect(JSON.parse(resolveIn(stack, whole.upstreamRegistryPolicyJson)).Statement[0].Resource)
      .toBe(`arn:${PARTITION}:ecr:eu-west-1:444455556666:repository/*`);
  });
});
