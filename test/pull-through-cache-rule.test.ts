import * as fs from 'fs';
import * as path from 'path';
import { TerraformOutput, TerraformStack, TerraformVariable, Testing, Token } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { EcrPullThroughCacheRule } from '../src/private/aws/ecr-pull-through-cache-rule';
import { IamRolePolicy } from '../src/private/aws/iam-role-policy';
import { DATA_AWS_ECR_PULL_THROUGH_CACHE_RULE as DATA } from '../src/private/aws/argument-table';
import * as errors from '../src/private/errors';
import { IPullThroughCacheRule, PullThroughCacheRule, UpstreamCredential, UpstreamRegistry, UpstreamRegistryType } from '../src';
import { newStack, onlyResource, resolveIn, resourcesOf, SECRET_ARN, synth, synthJson, warningsOf } from './util';

const credential = UpstreamCredential.fromSecretArn(SECRET_ARN);
const HOST = '${aws_ecr_pull_through_cache_rule.Rule_4C995B7F.registry_id}.dkr.ecr.${data.aws_region.EcrPullThroughCacheRegion.region}.${data.aws_partition.EcrPullThroughCachePartition.dns_suffix}';

function ruleIn(upstream: UpstreamRegistry, ecrRepositoryPrefix?: string) {
  const stack = newStack();
  const rule = new PullThroughCacheRule(stack, 'Rule', { upstream, ecrRepositoryPrefix });
  return { stack, rule };
}

/** A value of a rule as the synthesized output shows it. */
function resolved(rule: PullThroughCacheRule, value: string): string {
  return resolveIn(TerraformStack.of(rule), value);
}

describe('the rule resource', () => {
  test('is the child Resource, exposed as resource, with the given prefix', () => {
    const { stack, rule } = ruleIn(UpstreamRegistry.quay(), 'quay-mirror');
    expect(rule.node.findChild('Resource')).toBe(rule.resource);
    expect(rule.resource).toBeInstanceOf(EcrPullThroughCacheRule);
    expect(rule.ecrRepositoryPrefix).toBe('quay-mirror');
    expect(synth(stack)).toHaveResourceWithProperties(EcrPullThroughCacheRule, {
      ecr_repository_prefix: 'quay-mirror',
      upstream_registry_url: 'quay.io',
    });
  });

  test('region is the provider v6 per-resource region', () => {
    const stack = newStack();
    new PullThroughCacheRule(stack, 'Rule', { upstream: UpstreamRegistry.ecrPublic(), region: 'eu-central-1' });
    expect(onlyResource(synthJson(stack), EcrPullThroughCacheRule.tfResourceType).region).toBe('eu-central-1');
  });

  test('registryHost uses the rule registry ID, its Region and the partition DNS suffix', () => {
    const stack = newStack();
    const rule = new PullThroughCacheRule(stack, 'Rule', { upstream: UpstreamRegistry.ecrPublic(), region: 'eu-central-1' });
    expect(resolved(rule, rule.registryHost)).toBe(
      '${aws_ecr_pull_through_cache_rule.Rule_4C995B7F.registry_id}.dkr.ecr.eu-central-1.${data.aws_partition.EcrPullThroughCachePartition.dns_suffix}');
  });

  test('an invalid prefix throws at construction with the construct path', () => {
    const stack = newStack();
    expect(() => new PullThroughCacheRule(stack, 'Bad', { upstream: UpstreamRegistry.quay(), ecrRepositoryPrefix: 'Bad Prefix!' }))
      .toThrow(errors.prefixPattern('test/Bad', 'ecrRepositoryPrefix', 'Bad Prefix!').message);
  });

  test('an invalid region throws', () => {
    const stack = newStack();
    expect(() => new PullThroughCacheRule(stack, 'R', { upstream: UpstreamRegistry.quay(), region: 'moon-1' }))
      .toThrow(errors.region('test/R', 'region', 'moon-1').message);
  });

  test('a missing upstream (as from Python with None) throws', () => {
    const stack = newStack();
    expect(() => new PullThroughCacheRule(stack, 'R', {} as any)).toThrow(errors.upstreamRequired('test/R').message);
  });

  test('a token prefix is accepted and passed through', () => {
    const stack = newStack();
    const prefix = Token.asString({ Ref: 'p' });
    expect(() => new PullThroughCacheRule(stack, 'R', { upstream: UpstreamRegistry.quay(), ecrRepositoryPrefix: prefix })).not.toThrow();
  });
});

describe('upstream repository prefix rules', () => {
  test('a non-ROOT upstream prefix needs a non-ROOT cache prefix', () => {
    const stack = newStack();
    expect(() => new PullThroughCacheRule(stack, 'R', {
      upstream: UpstreamRegistry.ecr({ region: 'eu-west-1', accountId: '444455556666', repositoryPrefix: 'platform' }),
      ecrRepositoryPrefix: 'ROOT',
    })).toThrow(errors.upstreamPrefixNeedsCachePrefix('test/R', 'platform').message);
  });

  test('ROOT with ROOT is valid', () => {
    const stack = newStack();
    new PullThroughCacheRule(stack, 'R', {
      upstream: UpstreamRegistry.ecr({ region: 'eu-west-1', accountId: '444455556666', repositoryPrefix: 'ROOT', roleArn: 'arn:aws:iam::111122223333:role/r' }),
      ecrRepositoryPrefix: 'ROOT',
    });
    const rule = onlyResource(synthJson(stack), EcrPullThroughCacheRule.tfResourceType);
    expect([rule.ecr_repository_prefix, rule.upstream_repository_prefix]).toEqual(['ROOT', 'ROOT']);
  });

  test('the ECR upstream in the same account and Region as the rule is refused', () => {
    const stack = newStack();
    expect(() => new PullThroughCacheRule(stack, 'R', { upstream: UpstreamRegistry.ecr({ region: 'us-west-2' }), region: 'us-west-2' }))
      .toThrow(errors.ecrUpstreamIsItself('test/R', 'us-west-2').message);
  });
});

describe('warnings', () => {
  test('an ECR upstream in another account without a role warns', () => {
    const { stack } = ruleIn(UpstreamRegistry.ecr({ region: 'eu-west-1', accountId: '444455556666' }));
    expect(warningsOf(stack)).toEqual([errors.crossAccountWithoutRoleWarning('444455556666')]);
  });

  test('with a role there is no warning', () => {
    const { stack } = ruleIn(UpstreamRegistry.ecr({ region: 'eu-west-1', accountId: '444455556666', roleArn: 'arn:aws:iam::111122223333:role/r' }));
    expect(warningsOf(stack)).toEqual([]);
  });

  test.each(['cn-north-1', 'us-gov-west-1'])('a rule in %s warns that the partition has no pull through cache', (region) => {
    const stack = newStack();
    new PullThroughCacheRule(stack, 'R', { upstream: UpstreamRegistry.ecrPublic(), region });
    expect(warningsOf(stack)).toEqual([errors.unsupportedPartitionWarning(region)]);
    expect(warningsOf(stack)[0]).toContain('[ecr-ptc:unsupported-partition]');
  });
});

describe('credentials across Regions', () => {
  test('a secret in another Region than the rule is refused', () => {
    const stack = newStack();
    expect(() => new PullThroughCacheRule(stack, 'R', { upstream: UpstreamRegistry.dockerHub({ credential }), region: 'eu-west-1' }))
      .toThrow(errors.credentialRegionMismatch('test/R', 'us-east-1', 'eu-west-1').message);
  });
  test('the same Region is fine', () => {
    const stack = newStack();
    expect(() => new PullThroughCacheRule(stack, 'R', { upstream: UpstreamRegistry.dockerHub({ credential }), region: 'us-east-1' })).not.toThrow();
  });
});

describe('imageUri', () => {
  const digest = `sha256:${'0'.repeat(64)}`;
  test.each([
    // Docker Hub official images gain library/, others do not; host optional; tag or digest kept.
    [() => UpstreamRegistry.dockerHub({ credential }), undefined, 'nginx', 'docker-hub/library/nginx'],
    [() => UpstreamRegistry.dockerHub({ credential }), undefined, 'nginx:1.27', 'docker-hub/library/nginx:1.27'],
    [() => UpstreamRegistry.dockerHub({ credential }), undefined, 'docker.io/library/nginx:1.27', 'docker-hub/library/nginx:1.27'],
    [() => UpstreamRegistry.dockerHub({ credential }), undefined, 'registry-1.docker.io/bitnami/redis:7', 'docker-hub/bitnami/redis:7'],
    [() => UpstreamRegistry.dockerHub({ credential }), undefined, 'index.docker.io/grafana/grafana', 'docker-hub/grafana/grafana'],
    [() => UpstreamRegistry.dockerHub({ credential }), undefined, `nginx@${digest}`, `docker-hub/library/nginx@${digest}`],
    [() => UpstreamRegistry.quay(), undefined, 'quay.io/prometheus/node-exporter:v1.8.2', 'quay/prometheus/node-exporter:v1.8.2'],
    [() => UpstreamRegistry.kubernetes(), undefined, 'registry.k8s.io/pause:3.10', 'k8s/pause:3.10'],
    [() => UpstreamRegistry.ecrPublic(), undefined, 'public.ecr.aws/docker/library/alpine:3.20', 'ecr-public/docker/library/alpine:3.20'],
    [() => UpstreamRegistry.githubContainerRegistry({ credential }), 'ghcr', 'ghcr.io/org/app:1', 'ghcr/org/app:1'],
    [() => UpstreamRegistry.azureContainerRegistry({ registryName: 'contosoimages', credential }), undefined, 'contosoimages.azurecr.io/team/app', 'azure-container-registry/team/app'],
    // ROOT adds no segment.
    [() => UpstreamRegistry.quay(), 'ROOT', 'quay.io/org/app:1', 'org/app:1'],
    // A trailing '/' in the prefix is the same namespace.
    [() => UpstreamRegistry.quay(), 'quay/', 'org/app', 'quay/org/app'],
    // ECR upstream: ROOT upstream prefix keeps the path under the cache prefix.
    [() => UpstreamRegistry.ecr({ region: 'eu-west-1', accountId: '444455556666', roleArn: 'arn:aws:iam::111122223333:role/r' }), 'central', '444455556666.dkr.ecr.eu-west-1.amazonaws.com/platform/api:v1', 'central/platform/api:v1'],
    // ECR upstream: the upstream prefix is replaced by the cache prefix.
    [() => UpstreamRegistry.ecr({ region: 'eu-west-1', accountId: '444455556666', roleArn: 'arn:aws:iam::111122223333:role/r', repositoryPrefix: 'platform' }), 'central', 'platform/api:v1', 'central/api:v1'],
    [() => UpstreamRegistry.ecr({ region: 'eu-west-1', accountId: '444455556666', roleArn: 'arn:aws:iam::111122223333:role/r' }), 'ROOT', 'team/api', 'team/api'],
  ])('%#: %s %s %s', (make, prefix, image, path) => {
    const { rule } = ruleIn(make(), prefix);
    expect(resolved(rule, rule.imageUri(image))).toBe(`${HOST}/${path}`);
  });

  test('an image of another registry is an error', () => {
    const { rule } = ruleIn(UpstreamRegistry.quay());
    expect(() => rule.imageUri('ghcr.io/org/app')).toThrow(errors.imageFromOtherRegistry('test/Rule', 'ghcr.io/org/app', 'ghcr.io', 'quay.io').message);
  });

  test('an image outside the upstream prefix is an error', () => {
    const { rule } = ruleIn(UpstreamRegistry.ecr({ region: 'eu-west-1', accountId: '444455556666', roleArn: 'arn:aws:iam::111122223333:role/r', repositoryPrefix: 'platform' }), 'central');
    expect(() => rule.imageUri('other/api:v1')).toThrow(errors.imageOutsideUpstreamPrefix('test/Rule', 'other/api:v1', 'platform').message);
    // 'platformx' is not under 'platform/'
    expect(() => rule.imageUri('platformx/api')).toThrow(errors.imageOutsideUpstreamPrefix('test/Rule', 'platformx/api', 'platform').message);
  });

  test('an invalid reference is an error naming the reason', () => {
    const { rule } = ruleIn(UpstreamRegistry.quay());
    expect(() => rule.imageUri('Org/App')).toThrow(errors.imageReference('test/Rule', 'Org/App',
      "repository path component 'Org' must be lowercase letters and digits separated by '.', '_', '__' or '-'").message);
  });

  test('a token image is appended as it is', () => {
    const { rule } = ruleIn(UpstreamRegistry.quay());
    const stack = rule.node.scope as any;
    const image = new TerraformVariable(stack, 'image', { type: 'string' }).stringValue;
    new TerraformOutput(stack, 'img', { value: rule.imageUri(image) });
    expect(synthJson(stack).output.img.value).toBe(`${HOST}/quay/\${var.image}`);
  });

  test('repositoryUri drops nothing but the tag', () => {
    const { rule } = ruleIn(UpstreamRegistry.dockerHub({ credential }));
    expect(resolved(rule, rule.repositoryUri('nginx'))).toBe(`${HOST}/docker-hub/library/nginx`);
    expect(resolved(rule, rule.repositoryUri('docker.io/bitnami/redis'))).toBe(`${HOST}/docker-hub/bitnami/redis`);
  });
});

describe('grantPull', () => {
  const ARN_PREFIX = 'arn:${data.aws_partition.EcrPullThroughCachePartition.partition}:ecr:${data.aws_region.EcrPullThroughCacheRegion.region}:${data.aws_caller_identity.EcrPullThroughCacheCallerIdentity.account_id}:repository';

  test('least privilege on the rule prefix, GetAuthorizationToken alone on *', () => {
    const { stack, rule } = ruleIn(UpstreamRegistry.ecrPublic());
    rule.grantPull('eks-node-role');
    const policy = onlyResource(synthJson(stack), IamRolePolicy.tfResourceType);
    expect(policy.role).toBe('eks-node-role');
    expect(JSON.parse(policy.policy)).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'EcrAuthorizationToken', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
        {
          Sid: 'PullThroughCache',
          Effect: 'Allow',
          Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability', 'ecr:BatchImportUpstreamImage', 'ecr:CreateRepository'],
          Resource: [`${ARN_PREFIX}/ecr-public/*`],
        },
      ],
    });
  });

  test('no ARN hard-codes the aws partition', () => {
    const { stack, rule } = ruleIn(UpstreamRegistry.ecrPublic());
    rule.grantPull('eks-node-role');
    expect(synth(stack)).not.toContain('arn:aws:');
  });

  test('ROOT grants repository/*', () => {
    const { stack, rule } = ruleIn(UpstreamRegistry.ecrPublic(), 'ROOT');
    rule.grantPull('eks-node-role');
    const doc = JSON.parse(onlyResource(synthJson(stack), IamRolePolicy.tfResourceType).policy);
    expect(doc.Statement[1].Resource).toEqual([`${ARN_PREFIX}/*`]);
  });

  test('a template that tags adds ecr:TagResource on the rule\'s repositories', () => {
    const stack = newStack();
    const rule = new PullThroughCacheRule(stack, 'Rule', { upstream: UpstreamRegistry.quay(), repositoryTemplate: { resourceTags: { team: 'a' } } });
    rule.grantPull('eks-node-role');
    const policies = Object.entries(resourcesOf(synthJson(stack), IamRolePolicy.tfResourceType)).filter(([k]) => k.includes('PullGrant'));
    const statements = JSON.parse(policies[0][1].policy).Statement;
    expect(statements[1].Action).not.toContain('ecr:TagResource');
    expect(statements[2]).toEqual({ Sid: 'TagOnCreate', Effect: 'Allow', Action: ['ecr:TagResource'], Resource: [`${ARN_PREFIX}/quay/*`] });
  });

  test('the same role twice gives one policy', () => {
    const { stack, rule } = ruleIn(UpstreamRegistry.ecrPublic());
    rule.grantPull('eks-node-role');
    rule.grantPull('eks-node-role');
    expect(Object.keys(resourcesOf(synthJson(stack), IamRolePolicy.tfResourceType))).toHaveLength(1);
  });

  test('a role ARN instead of a name is refused', () => {
    const { rule } = ruleIn(UpstreamRegistry.ecrPublic());
    expect(() => rule.grantPull('arn:aws:iam::111122223333:role/node'))
      .toThrow(errors.iamRoleName('test/Rule', 'roleName', 'arn:aws:iam::111122223333:role/node').message);
  });

  test('a token role name is accepted', () => {
    const { stack, rule } = ruleIn(UpstreamRegistry.ecrPublic());
    rule.grantPull(Token.asString({ Ref: 'role' }));
    expect(Object.keys(resourcesOf(synthJson(stack), IamRolePolicy.tfResourceType))).toEqual([expect.stringContaining('PullGrant1')]);
  });
});

describe("checks that use the provider's Region", () => {
  test("a secret in another Region than the stack's provider is refused for a rule without region", () => {
    const stack = newStack(); // provider in us-east-1
    const other = UpstreamCredential.fromSecretArn('arn:aws:secretsmanager:eu-west-1:111122223333:secret:ecr-pullthroughcache/docker-hub-AbCdEf');
    expect(() => new PullThroughCacheRule(stack, 'R', { upstream: UpstreamRegistry.dockerHub({ credential: other }) }))
      .toThrow(errors.credentialRegionMismatch('test/R', 'eu-west-1', 'us-east-1').message);
  });

  test("a same-account ECR upstream in the provider's own Region is refused", () => {
    const stack = newStack();
    expect(() => new PullThroughCacheRule(stack, 'R', { upstream: UpstreamRegistry.ecr({ region: 'us-east-1' }) }))
      .toThrow(errors.ecrUpstreamIsItself('test/R', 'us-east-1').message);
  });
});

describe('PullThroughCacheRule.fromEcrRepositoryPrefix: a rule owned elsewhere', () => {
  /** A value with the registry ID reference of either kind of rule replaced, to compare owned and referenced rules. */
  function normalized(text: string): string {
    return text.replace(/\$\{(data\.)?aws_ecr_pull_through_cache_rule\.[A-Za-z0-9_]+\.registry_id\}/g, '<registry_id>');
  }

  /** Everything a workload uses of a rule: URIs of a few images and the grant policy. */
  function usesOf(stack: TerraformStack, rule: IPullThroughCacheRule, images: string[]) {
    rule.grantPull('workload-role');
    const outputs = images.map((image, i) => {
      new TerraformOutput(stack, `uri${i}`, { value: rule.imageUri(image) });
      return `uri${i}`;
    });
    new TerraformOutput(stack, 'repo', { value: rule.repositoryUri('org/app') });
    new TerraformOutput(stack, 'host', { value: rule.registryHost });
    const json = synthJson(stack);
    const grant = Object.values(resourcesOf(json, IamRolePolicy.tfResourceType))[0];
    return {
      uris: [...outputs, 'repo', 'host'].map((o) => normalized(json.output[o].value)),
      grant: normalized(grant.policy),
      role: grant.role,
    };
  }

  test.each([
    ['Docker Hub', UpstreamRegistry.dockerHub({ credential }), UpstreamRegistryType.DOCKER_HUB, 'docker-hub', ['nginx:1.27', 'bitnami/redis:7', 'docker.io/library/alpine@sha256:' + 'a'.repeat(64)]],
    ['Quay', UpstreamRegistry.quay(), UpstreamRegistryType.QUAY, 'quay', ['quay.io/prometheus/node-exporter:v1.8.2']],
  ])('%s: a workload stack gets the URIs and grant of the owning stack', (_name, upstream, upstreamType, prefix, images) => {
    const owner = newStack('owner');
    const owned = new PullThroughCacheRule(owner, 'Rule', { upstream, ecrRepositoryPrefix: prefix });
    const workload = newStack('workload');
    const referenced = PullThroughCacheRule.fromEcrRepositoryPrefix(workload, 'Cache', prefix, { upstreamType });
    const mine = usesOf(owner, owned, images);
    const theirs = usesOf(workload, referenced, images);
    expect(theirs).toEqual(mine);
    expect(mine.uris[0]).toContain('<registry_id>.dkr.ecr.');
  });

  test("ROOT is refused, since the provider's data source rejects it at plan; the message says what to do instead", () => {
    const stack = newStack();
    expect(() => PullThroughCacheRule.fromEcrRepositoryPrefix(stack, 'Root', 'ROOT', { upstreamType: UpstreamRegistryType.ECR_PUBLIC })).toThrow(
      "test/Root: ecrRepositoryPrefix 'ROOT' cannot be referenced with fromEcrRepositoryPrefix(): the provider's data source " +
      "aws_ecr_pull_through_cache_rule rejects 'ROOT' at plan (only the resource accepts it). Use the PullThroughCacheRule that declares " +
      "the rule instead: its registryHost, imageUri() and grantPull() work from every stack of the same app. From another app, write " +
      "image URIs as '<account>.dkr.ecr.<region>.amazonaws.com/<upstream path>' (a ROOT rule adds no prefix).");
    expect(() => PullThroughCacheRule.fromEcrRepositoryPrefix(stack, 'Root2', 'ROOT', { upstreamType: UpstreamRegistryType.ECR, upstreamRepositoryPrefix: 'platform' }))
      .toThrow(errors.rootPrefixNotReadable('test/Root2').message);
    // Nothing reaches the configuration.
    expect(synthJson(stack).data?.aws_ecr_pull_through_cache_rule).toBeUndefined();
  });

  test('the alternative for ROOT: the declaring rule serves a workload stack of the same app', () => {
    const app = Testing.app();
    const owner = new TerraformStack(app, 'owner');
    new AwsProvider(owner, 'aws', { region: 'us-east-1' });
    const rule = new PullThroughCacheRule(owner, 'Rule', { upstream: UpstreamRegistry.ecrPublic(), ecrRepositoryPrefix: 'ROOT' });
    const workload = new TerraformStack(app, 'workload');
    new AwsProvider(workload, 'aws', { region: 'us-east-1' });
    new TerraformOutput(workload, 'image', { value: rule.imageUri('public.ecr.aws/docker/library/nginx:1') });
    rule.grantPull('nodes');
    app.synth();
    const json = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'workload', 'cdk.tf.json'), 'utf8'));
    // A cross-stack reference (read from the owner's outputs), no data source.
    expect(json.output.image.value).toContain('${data.terraform_remote_state.cross-stack-reference-input-owner.outputs.');
    expect(json.output.image.value).toMatch(/\/docker\/library\/nginx:1$/);
    expect(json.data.aws_ecr_pull_through_cache_rule).toBeUndefined();
    const grant = Object.values(resourcesOf(synthJson(owner), IamRolePolicy.tfResourceType))[0];
    expect(normalized(grant.policy)).toContain('repository/*');
  });

  test('a prefix the API accepts but the resource would not write (a--b) can be read: the data source and the API accept it', () => {
    const stack = newStack();
    PullThroughCacheRule.fromEcrRepositoryPrefix(stack, 'Dashes', 'a--b');
    expect(Object.values(synthJson(stack).data.aws_ecr_pull_through_cache_rule)[0]).toMatchObject({ ecr_repository_prefix: 'a--b' });
  });

  test('reads the rule through the data source, in its Region', () => {
    const stack = newStack();
    const rule = PullThroughCacheRule.fromEcrRepositoryPrefix(stack, 'Hub', 'docker-hub', { region: 'eu-west-1' });
    const json = synthJson(stack);
    expect(Object.values(json.data.aws_ecr_pull_through_cache_rule)[0])
      .toMatchObject({ ecr_repository_prefix: 'docker-hub', region: 'eu-west-1' });
    expect(resolved(rule as PullThroughCacheRule, rule.registryHost)).toMatch(
      /^\$\{data\.aws_ecr_pull_through_cache_rule\.Hub_[0-9A-F]{8}\.registry_id\}\.dkr\.ecr\.eu-west-1\.\$\{data\.aws_partition\.EcrPullThroughCachePartition\.dns_suffix\}$/);
    expect(json.resource).toBeUndefined();
  });

  test('without upstreamType, library/ and the upstream prefix are derived in Terraform from the data source', () => {
    const stack = newStack();
    const rule = PullThroughCacheRule.fromEcrRepositoryPrefix(stack, 'Hub', 'mirror');
    const data = Object.keys(synthJson(stack).data.aws_ecr_pull_through_cache_rule)[0];
    const ref = `data.aws_ecr_pull_through_cache_rule.${data}`;
    const single = resolveIn(stack, rule.imageUri('nginx:1.27'));
    expect(single).toBe(`\${${ref}.registry_id}.dkr.ecr.\${data.aws_region.EcrPullThroughCacheRegion.region}.` +
      `\${data.aws_partition.EcrPullThroughCachePartition.dns_suffix}/mirror/\${(${ref}.upstream_registry_url == "registry-1.docker.io") ? "library/" : ""}nginx:1.27`);
    const nested = resolveIn(stack, rule.repositoryUri('platform/app'));
    expect(nested).toBe(`\${${ref}.registry_id}.dkr.ecr.\${data.aws_region.EcrPullThroughCacheRegion.region}.` +
      `\${data.aws_partition.EcrPullThroughCachePartition.dns_suffix}/mirror/\${trimprefix("platform/app", "\${coalesce(${ref}.upstream_repository_prefix, "ROOT")}/")}`);
  });

  test('an ECR upstream prefix given in the options is taken off at synth, and checked', () => {
    const stack = newStack();
    const rule = PullThroughCacheRule.fromEcrRepositoryPrefix(stack, 'Central', 'central', {
      upstreamType: UpstreamRegistryType.ECR, upstreamRepositoryPrefix: 'platform',
    });
    expect(resolveIn(stack, rule.repositoryUri('platform/team/app'))).toMatch(/\/central\/team\/app$/);
    expect(() => rule.imageUri('other/app:1')).toThrow(errors.imageOutsideUpstreamPrefix('test/Central', 'other/app:1', 'platform'));
  });

  test('a known upstream checks image hosts; an unknown one cannot', () => {
    const stack = newStack();
    const quay = PullThroughCacheRule.fromEcrRepositoryPrefix(stack, 'Quay', 'quay', { upstreamType: UpstreamRegistryType.QUAY });
    expect(() => quay.imageUri('ghcr.io/org/app:1')).toThrow(errors.imageFromOtherRegistry('test/Quay', 'ghcr.io/org/app:1', 'ghcr.io', 'quay.io'));
    const unknown = PullThroughCacheRule.fromEcrRepositoryPrefix(stack, 'Any', 'any-upstream');
    expect(() => unknown.imageUri('ghcr.io/org/app:1')).not.toThrow();
  });

  test('checks its inputs like a rule of this stack', () => {
    const stack = newStack();
    expect(() => PullThroughCacheRule.fromEcrRepositoryPrefix(stack, 'A', 'Bad_Prefix'))
      .toThrow(errors.prefixPattern('test/A', 'ecrRepositoryPrefix', 'Bad_Prefix', DATA.ecr_repository_prefix));
    expect(() => PullThroughCacheRule.fromEcrRepositoryPrefix(stack, 'B', 'quay', { region: 'moon-1' }))
      .toThrow(errors.region('test/B', 'region', 'moon-1'));
    expect(() => PullThroughCacheRule.fromEcrRepositoryPrefix(stack, 'C', 'quay', { upstreamType: UpstreamRegistryType.QUAY, upstreamRepositoryPrefix: 'x1' }))
      .toThrow(errors.upstreamPrefixOnlyForEcr('test/C', 'quay'));
    expect(() => PullThroughCacheRule.fromEcrRepositoryPrefix(stack, 'E', 'quay').grantPull('not a role'))
      .toThrow(errors.iamRoleName('test/E', 'roleName', 'not a role'));
  });

  test('a token prefix is accepted and passed through', () => {
    const stack = newStack();
    const prefix = new TerraformVariable(stack, 'prefix', { type: 'string' }).stringValue;
    const rule = PullThroughCacheRule.fromEcrRepositoryPrefix(stack, 'T', prefix, { upstreamType: UpstreamRegistryType.QUAY });
    expect(resolveIn(stack, rule.imageUri('prometheus/node-exporter:v1'))).toMatch(/\/\$\{var\.prefix\}\/prometheus\/node-exporter:v1$/);
  });

  test('templateSetsTags adds ecr:TagResource to its grant', () => {
    const stack = newStack();
    PullThroughCacheRule.fromEcrRepositoryPrefix(stack, 'Hub', 'docker-hub', { templateSetsTags: true }).grantPull('r');
    const doc = JSON.parse(onlyResource(synthJson(stack), IamRolePolicy.tfResourceType).policy);
    expect(doc.Statement[2]).toMatchObject({ Sid: 'TagOnCreate', Action: ['ecr:TagResource'] });
  });

  test('code written against IPullThroughCacheRule takes either kind', () => {
    const uriOf = (rule: IPullThroughCacheRule) => rule.imageUri('registry.k8s.io/pause:3.10');
    const stack = newStack();
    const owned = new PullThroughCacheRule(stack, 'Rule', { upstream: UpstreamRegistry.kubernetes() });
    const other = PullThroughCacheRule.fromEcrRepositoryPrefix(stack, 'Other', 'k8s-elsewhere', { upstreamType: UpstreamRegistryType.K8S, region: 'eu-west-1' });
    expect(resolveIn(stack, uriOf(owned))).toBe(`${HOST}/k8s/pause:3.10`);
    expect(resolveIn(stack, uriOf(other))).toMatch(/\.dkr\.ecr\.eu-west-1\..*\/k8s-elsewhere\/pause:3\.10$/);
  });
});
