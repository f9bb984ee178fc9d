import { Token } from 'cdktf';
import { EcrPullThroughCacheRule } from '../src/private/aws/ecr-pull-through-cache-rule';
import * as errors from '../src/private/errors';
import { PullThroughCacheRule, UpstreamCredential, UpstreamRegistry, UpstreamRegistryType } from '../src';
import { newStack, onlyResource, SECRET_ARN, synth, synthJson } from './util';

const credential = UpstreamCredential.fromSecretArn(SECRET_ARN);

describe('every preset produces the registry URL and type the ECR API expects', () => {
  test.each([
    ['dockerHub', () => UpstreamRegistry.dockerHub({ credential }), UpstreamRegistryType.DOCKER_HUB, 'registry-1.docker.io', 'docker-hub'],
    ['githubContainerRegistry', () => UpstreamRegistry.githubContainerRegistry({ credential }), UpstreamRegistryType.GITHUB_CONTAINER_REGISTRY, 'ghcr.io', 'github-container-registry'],
    ['gitlabContainerRegistry', () => UpstreamRegistry.gitlabContainerRegistry({ credential }), UpstreamRegistryType.GITLAB_CONTAINER_REGISTRY, 'registry.gitlab.com', 'gitlab-container-registry'],
    ['chainguard', () => UpstreamRegistry.chainguard({ credential }), UpstreamRegistryType.CHAINGUARD, 'cgr.dev', 'chainguard'],
    ['azureContainerRegistry', () => UpstreamRegistry.azureContainerRegistry({ registryName: 'contosoimages', credential }), UpstreamRegistryType.AZURE_CONTAINER_REGISTRY, 'contosoimages.azurecr.io', 'azure-container-registry'],
    ['quay', () => UpstreamRegistry.quay(), UpstreamRegistryType.QUAY, 'quay.io', 'quay'],
    ['kubernetes', () => UpstreamRegistry.kubernetes(), UpstreamRegistryType.K8S, 'registry.k8s.io', 'k8s'],
    ['ecrPublic', () => UpstreamRegistry.ecrPublic(), UpstreamRegistryType.ECR_PUBLIC, 'public.ecr.aws', 'ecr-public'],
    ['ecr', () => UpstreamRegistry.ecr({ accountId: '444455556666', region: 'eu-west-1' }), UpstreamRegistryType.ECR, '444455556666.dkr.ecr.eu-west-1.amazonaws.com', 'ecr'],
  ])('%s', (_name, make, type, url, defaultPrefix) => {
    const upstream = make();
    expect(upstream.type).toBe(type);
    expect(upstream.url).toBe(url);
    expect(upstream.defaultEcrRepositoryPrefix).toBe(defaultPrefix);

    const stack = newStack();
    new PullThroughCacheRule(stack, 'Rule', { upstream });
    const rule = onlyResource(synthJson(stack), EcrPullThroughCacheRule.tfResourceType);
    expect(rule.upstream_registry_url).toBe(url);
    expect(rule.ecr_repository_prefix).toBe(defaultPrefix);
  });

  test('enum values are the API names', () => {
    expect(Object.values(UpstreamRegistryType).sort()).toEqual([
      'azure-container-registry', 'chainguard', 'docker-hub', 'ecr', 'ecr-public', 'github-container-registry',
      'gitlab-container-registry', 'k8s', 'quay',
    ]);
  });
});

describe('credentials: required where the registry needs them, absent where it takes none', () => {
  test.each([
    ['dockerHub', () => UpstreamRegistry.dockerHub({ credential })],
    ['githubContainerRegistry', () => UpstreamRegistry.githubContainerRegistry({ credential })],
    ['gitlabContainerRegistry', () => UpstreamRegistry.gitlabContainerRegistry({ credential })],
    ['chainguard', () => UpstreamRegistry.chainguard({ credential })],
    ['azureContainerRegistry', () => UpstreamRegistry.azureContainerRegistry({ registryName: 'contosoimages', credential })],
  ])('%s sends credential_arn', (_n, make) => {
    const stack = newStack();
    new PullThroughCacheRule(stack, 'Rule', { upstream: make() });
    const rule = onlyResource(synthJson(stack), EcrPullThroughCacheRule.tfResourceType);
    expect(rule.credential_arn).toBe(SECRET_ARN);
    expect(rule.custom_role_arn).toBeUndefined();
  });

  test.each([
    ['quay', () => UpstreamRegistry.quay()],
    ['kubernetes', () => UpstreamRegistry.kubernetes()],
    ['ecrPublic', () => UpstreamRegistry.ecrPublic()],
  ])('%s sends neither credential nor role nor upstream prefix', (_n, make) => {
    const upstream = make();
    expect(upstream.credential).toBeUndefined();
    const stack = newStack();
    new PullThroughCacheRule(stack, 'Rule', { upstream });
    const rule = onlyResource(synthJson(stack), EcrPullThroughCacheRule.tfResourceType);
    expect(rule.credential_arn).toBeUndefined();
    expect(rule.custom_role_arn).toBeUndefined();
    expect(rule.upstream_repository_prefix).toBeUndefined();
  });

  test.each([
    ['dockerHub', (o: any) => UpstreamRegistry.dockerHub(o), 'UpstreamRegistry.dockerHub()'],
    ['githubContainerRegistry', (o: any) => UpstreamRegistry.githubContainerRegistry(o), 'UpstreamRegistry.githubContainerRegistry()'],
    ['gitlabContainerRegistry', (o: any) => UpstreamRegistry.gitlabContainerRegistry(o), 'UpstreamRegistry.gitlabContainerRegistry()'],
    ['chainguard', (o: any) => UpstreamRegistry.chainguard(o), 'UpstreamRegistry.chainguard()'],
    ['azureContainerRegistry', (o: any) => UpstreamRegistry.azureContainerRegistry({ registryName: 'contosoimages', ...o }), 'UpstreamRegistry.azureContainerRegistry()'],
  ])('%s without a credential (as from Python with None) throws', (_n, make, factory) => {
    expect(() => make({})).toThrow(errors.credentialRequired(factory).message);
  });

  test('the ECR upstream takes a role and never a secret', () => {
    const upstream = UpstreamRegistry.ecr({ region: 'eu-west-1', accountId: '444455556666', roleArn: 'arn:aws:iam::111122223333:role/ptc' });
    expect(upstream.credential).toBeUndefined();
    expect(upstream.roleArn).toBe('arn:aws:iam::111122223333:role/ptc');
  });
});

describe('Azure registry names: 5-50 letters and digits', () => {
  test.each(['abcde', 'Contoso1', 'a'.repeat(50)])('accepts %s', (registryName) => {
    expect(() => UpstreamRegistry.azureContainerRegistry({ registryName, credential })).not.toThrow();
  });
  test.each(['abcd', 'a'.repeat(51), 'contoso-images', 'contoso.azurecr.io', 'contoso_images'])('refuses %s', (registryName) => {
    expect(() => UpstreamRegistry.azureContainerRegistry({ registryName, credential }))
      .toThrow(errors.azureRegistryName('UpstreamRegistry.azureContainerRegistry()', registryName).message);
  });
  test('the URL is lower case', () => {
    expect(UpstreamRegistry.azureContainerRegistry({ registryName: 'Contoso1', credential }).url).toBe('contoso1.azurecr.io');
  });
  test('a token name is accepted', () => {
    const name = Token.asString({ Ref: 'name' });
    expect(UpstreamRegistry.azureContainerRegistry({ registryName: name, credential }).url).toBe(`${name}.azurecr.io`);
  });
});

describe('UpstreamRegistry.ecr', () => {
  test('the upstream prefix defaults to ROOT and is always sent, so a read-back ROOT is no drift', () => {
    const stack = newStack();
    new PullThroughCacheRule(stack, 'Rule', { upstream: UpstreamRegistry.ecr({ region: 'eu-west-1' }) });
    const rule = onlyResource(synthJson(stack), EcrPullThroughCacheRule.tfResourceType);
    expect(rule.upstream_repository_prefix).toBe('ROOT');
  });

  test('same account: the URL uses the account of the stack, and no role is needed', () => {
    const stack = newStack();
    new PullThroughCacheRule(stack, 'Rule', { upstream: UpstreamRegistry.ecr({ region: 'eu-west-1' }) });
    const json = synthJson(stack);
    const rule = onlyResource(json, EcrPullThroughCacheRule.tfResourceType);
    expect(rule.upstream_registry_url).toBe('${data.aws_caller_identity.EcrPullThroughCacheCallerIdentity.account_id}.dkr.ecr.eu-west-1.amazonaws.com');
    expect(rule.custom_role_arn).toBeUndefined();
  });

  test('the public url of a same-account upstream resolves in the stack it is used in', () => {
    const stack = newStack();
    const upstream = UpstreamRegistry.ecr({ region: 'eu-west-1' });
    new PullThroughCacheRule(stack, 'Rule', { upstream });
    const { TerraformOutput } = require('cdktf');
    new TerraformOutput(stack, 'url', { value: upstream.url });
    expect(synthJson(stack).output.url.value).toBe('${data.aws_caller_identity.EcrPullThroughCacheCallerIdentity.account_id}.dkr.ecr.eu-west-1.amazonaws.com');
  });

  test('cross-account with role and upstream prefix', () => {
    const stack = newStack();
    new PullThroughCacheRule(stack, 'Rule', {
      upstream: UpstreamRegistry.ecr({ region: 'eu-west-1', accountId: '444455556666', roleArn: 'arn:aws:iam::111122223333:role/ptc', repositoryPrefix: 'platform' }),
      ecrRepositoryPrefix: 'central',
    });
    expect(synth(stack)).toHaveResourceWithProperties(EcrPullThroughCacheRule, {
      ecr_repository_prefix: 'central',
      upstream_registry_url: '444455556666.dkr.ecr.eu-west-1.amazonaws.com',
      custom_role_arn: 'arn:aws:iam::111122223333:role/ptc',
      upstream_repository_prefix: 'platform',
    });
  });

  test.each([
    [{ region: 'eu-west' }, errors.region('UpstreamRegistry.ecr()', 'region', 'eu-west').message],
    [{ region: 'eu-west-1', accountId: '4444' }, errors.accountId('UpstreamRegistry.ecr()', 'accountId', '4444').message],
    [{ region: 'eu-west-1', roleArn: 'arn:aws:iam::111122223333:user/x' }, errors.roleArn('UpstreamRegistry.ecr()', 'arn:aws:iam::111122223333:user/x').message],
    [{ region: 'eu-west-1', repositoryPrefix: 'Platform' }, errors.prefixPattern('UpstreamRegistry.ecr()', 'repositoryPrefix', 'Platform').message],
    [{ region: 'eu-west-1', repositoryPrefix: 'p' }, errors.prefixLength('UpstreamRegistry.ecr()', 'repositoryPrefix', 'p').message],
  ])('refuses %j', (options, message) => {
    expect(() => UpstreamRegistry.ecr(options)).toThrow(message);
  });

  test('tokens are accepted for every option', () => {
    const [region, accountId, roleArn, repositoryPrefix] = ['r', 'a', 'role', 'p'].map((n) => Token.asString({ Ref: n }));
    const upstream = UpstreamRegistry.ecr({ region, accountId, roleArn, repositoryPrefix });
    expect(upstream.url).toBe(`${accountId}.dkr.ecr.${region}.amazonaws.com`);
    expect(upstream.repositoryPrefix).toBe(repositoryPrefix);
  });
});
