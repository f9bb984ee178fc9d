/**
 * What the library does without the prebuilt provider package: its own resource classes, any provider construct or
 * none, the Terraform version it needs, and the dependencies IAM's eventual consistency asks for.
 */
import { App, TerraformProvider, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SecretsmanagerSecret as ProviderSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import * as errors from '../src/private/errors';
import {
  EcrUpstreamRole,
  PullThroughCache,
  PullThroughCacheRule,
  UpstreamCredential,
  UpstreamCredentialSecret,
  UpstreamRegistry,
} from '../src';
import { newStack, resourcesOf, SECRET_ARN, synthJson, warningsOf } from './util';
import { TerraformVariable } from 'cdktf';

function token(stack: TerraformStack): string {
  return new TerraformVariable(stack, 'token', { type: 'string', sensitive: true }).stringValue;
}

/** An `aws` provider as `cdktf get` generates it: another class than the prebuilt one, same Terraform type. */
class GeneratedAwsProvider extends TerraformProvider {
  constructor(scope: Construct, id: string, private readonly config: { region?: string }) {
    super(scope, id, { terraformResourceType: 'aws', terraformProviderSource: 'aws' });
  }
  public get regionInput(): string | undefined {
    return this.config.region;
  }
  protected synthesizeAttributes(): { [name: string]: any } {
    return { region: this.config.region };
  }
}

describe('the public API holds core types only', () => {
  test('the escape hatches are TerraformResources that take overrides', () => {
    const stack = newStack();
    const rule = new PullThroughCacheRule(stack, 'Rule', { upstream: UpstreamRegistry.quay() });
    rule.resource.addOverride('custom_role_arn', 'arn:aws:iam::111122223333:role/x');
    const json = synthJson(stack);
    expect(Object.values(resourcesOf(json, 'aws_ecr_pull_through_cache_rule'))[0].custom_role_arn).toBe('arn:aws:iam::111122223333:role/x');
    expect(rule.resource.getStringAttribute('registry_id')).toMatch(/TfToken/);
  });
});

describe('UpstreamCredential.fromSecret takes any aws_secretsmanager_secret', () => {
  test("the provider package's class", () => {
    const stack = newStack();
    const secret = new ProviderSecret(stack, 'S', { name: 'ecr-pullthroughcache/ghcr' });
    const credential = UpstreamCredential.fromSecret(secret);
    new PullThroughCacheRule(stack, 'Rule', { upstream: UpstreamRegistry.githubContainerRegistry({ credential }) });
    const rule = Object.values(resourcesOf(synthJson(stack), 'aws_ecr_pull_through_cache_rule'))[0];
    expect(rule.credential_arn).toBe('${aws_secretsmanager_secret.S.arn}');
  });

  test("this library's own secret", () => {
    const stack = newStack();
    const own = new UpstreamCredentialSecret(stack, 'Own', { secretName: 'gitlab', username: 'u', accessToken: token(stack) });
    const again = UpstreamCredential.fromSecret(own.secret);
    new PullThroughCacheRule(stack, 'Rule', { upstream: UpstreamRegistry.gitlabContainerRegistry({ credential: again }) });
    const rule = Object.values(resourcesOf(synthJson(stack), 'aws_ecr_pull_through_cache_rule'))[0];
    const secretName = Object.keys(resourcesOf(synthJson(stack), 'aws_secretsmanager_secret'))[0];
    expect(rule.credential_arn).toBe(`\${aws_secretsmanager_secret.${secretName}.arn}`);
  });

  test('a name without the ecr-pullthroughcache/ start is refused, whatever the class', () => {
    const stack = newStack();
    const secret = new ProviderSecret(stack, 'S', { name: 'ghcr-token' });
    expect(() => UpstreamCredential.fromSecret(secret)).toThrow(errors.secretNameNotForCache('test/S', 'ghcr-token'));
  });

  test('another resource type is refused', () => {
    const stack = newStack();
    const role = new EcrUpstreamRole(stack, 'Role');
    expect(() => UpstreamCredential.fromSecret(role.role)).toThrow(errors.notASecret('test/Role/Role', 'aws_iam_role'));
  });
});

describe('provider constructs', () => {
  test('a generated provider class gives its Region to the checks', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    new GeneratedAwsProvider(stack, 'aws', { region: 'eu-west-1' });
    // The secret is in us-east-1, the provider in eu-west-1: the Region check sees the generated provider's Region.
    expect(() => new PullThroughCacheRule(stack, 'Rule', {
      upstream: UpstreamRegistry.dockerHub({ credential: UpstreamCredential.fromSecretArn(SECRET_ARN) }),
    })).toThrow(errors.credentialRegionMismatch('test/Rule', 'us-east-1', 'eu-west-1'));
  });

  test('a provider block written as a stack override (no provider bindings at all) gives its Region too', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    stack.addOverride('terraform.required_providers.aws', { source: 'hashicorp/aws', version: '>= 6.0' });
    stack.addOverride('provider.aws', [{ region: 'eu-west-1' }]);
    expect(() => new PullThroughCacheRule(stack, 'Rule', {
      upstream: UpstreamRegistry.dockerHub({ credential: UpstreamCredential.fromSecretArn(SECRET_ARN) }),
    })).toThrow(errors.credentialRegionMismatch('test/Rule', 'us-east-1', 'eu-west-1'));
    new PullThroughCacheRule(stack, 'Quay', { upstream: UpstreamRegistry.quay() });
    const json = synthJson(stack);
    expect(json.provider.aws).toEqual([{ region: 'eu-west-1' }]);
    expect(warningsOf(stack).filter((w) => w.includes('[ecr-ptc:no-provider]'))).toEqual([]);
  });

  test('without a provider construct the stack synthesizes and warns which rules have no known Region', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    new PullThroughCacheRule(stack, 'Quay', { upstream: UpstreamRegistry.quay() });
    new PullThroughCacheRule(stack, 'Placed', { upstream: UpstreamRegistry.kubernetes(), region: 'eu-west-1' });
    const json = synthJson(stack);
    expect(json.provider).toBeUndefined();
    expect(Object.keys(resourcesOf(json, 'aws_ecr_pull_through_cache_rule'))).toHaveLength(2);
    expect(warningsOf(stack)).toContain(errors.noProviderWarning(['test/Quay']));
  });

  test('no warning when every rule sets its region, or a provider exists', () => {
    const bare = new TerraformStack(Testing.app(), 'test');
    new PullThroughCacheRule(bare, 'Placed', { upstream: UpstreamRegistry.kubernetes(), region: 'eu-west-1' });
    synthJson(bare);
    expect(warningsOf(bare).filter((w) => w.includes('[ecr-ptc:no-provider]'))).toEqual([]);
    const withProvider = newStack();
    new PullThroughCacheRule(withProvider, 'Quay', { upstream: UpstreamRegistry.quay() });
    synthJson(withProvider);
    expect(warningsOf(withProvider).filter((w) => w.includes('[ecr-ptc:no-provider]'))).toEqual([]);
  });
});

describe('the provider a rule is checked against, as the stack grows', () => {
  const dockerHub = () => UpstreamRegistry.dockerHub({ credential: UpstreamCredential.fromSecretArn(SECRET_ARN) });

  test('a provider added after some rules is seen by the rules made after it', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    // No provider yet: the secret's Region cannot be compared, the rule is made.
    new PullThroughCacheRule(stack, 'Before', { upstream: dockerHub() });
    new PullThroughCacheRule(stack, 'Quay', { upstream: UpstreamRegistry.quay() });
    new GeneratedAwsProvider(stack, 'aws', { region: 'eu-west-1' });
    expect(() => new PullThroughCacheRule(stack, 'After', { upstream: dockerHub() }))
      .toThrow(errors.credentialRegionMismatch('test/After', 'us-east-1', 'eu-west-1'));
  });

  test('a provider given an alias after rules were made no longer counts as the default one', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const provider = new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    expect(() => new PullThroughCacheRule(stack, 'First', { upstream: dockerHub() })).toThrow(errors.credentialRegionMismatch('test/First', 'us-east-1', 'eu-west-1'));
    provider.alias = 'ireland';
    new PullThroughCacheRule(stack, 'Second', { upstream: dockerHub() });
    new AwsProvider(stack, 'default', { region: 'us-east-1' });
    new PullThroughCacheRule(stack, 'Third', { upstream: dockerHub(), ecrRepositoryPrefix: 'hub-again' });
    expect(Object.keys(resourcesOf(synthJson(stack), 'aws_ecr_pull_through_cache_rule'))).toHaveLength(2);
  });

  test('a provider whose id reads as a number (listed before older children) is found too', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    new PullThroughCacheRule(stack, 'Before', { upstream: dockerHub() });
    new GeneratedAwsProvider(stack, '0', { region: 'eu-west-1' });
    expect(() => new PullThroughCacheRule(stack, 'After', { upstream: dockerHub() }))
      .toThrow(errors.credentialRegionMismatch('test/After', 'us-east-1', 'eu-west-1'));
  });

  test('a removed provider no longer gives its Region', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    new GeneratedAwsProvider(stack, 'aws', { region: 'eu-west-1' });
    expect(() => new PullThroughCacheRule(stack, 'First', { upstream: dockerHub() })).toThrow(errors.credentialRegionMismatch('test/First', 'us-east-1', 'eu-west-1'));
    stack.node.tryRemoveChild('First');
    stack.node.tryRemoveChild('aws');
    new PullThroughCacheRule(stack, 'Second', { upstream: dockerHub() });
    expect(warningsOf(stack)).toEqual([]);
    synthJson(stack);
    expect(warningsOf(stack)).toContain(errors.noProviderWarning(['test/Second']));
  });
});

describe('terraform.required_version for write-only secret values', () => {
  test('a write-only secret requires Terraform 1.11', () => {
    const stack = newStack();
    new UpstreamCredentialSecret(stack, 'Secret', { secretName: 'docker-hub', username: 'u', accessToken: token(stack) });
    expect(synthJson(stack).terraform.required_version).toBe('>= 1.11.0');
  });

  test("the user's own constraint is kept, before or after the secret", () => {
    const before = newStack();
    before.addOverride('terraform.required_version', '< 2.0.0');
    new UpstreamCredentialSecret(before, 'Secret', { secretName: 'docker-hub', username: 'u', accessToken: token(before) });
    expect(synthJson(before).terraform.required_version).toBe('< 2.0.0, >= 1.11.0');

    const after = newStack();
    new UpstreamCredentialSecret(after, 'Secret', { secretName: 'docker-hub', username: 'u', accessToken: token(after) });
    after.addOverride('terraform.required_version', '~> 1.12');
    expect(synthJson(after).terraform.required_version).toBe('~> 1.12, >= 1.11.0');
  });

  test('secret_string (writeOnly: false) and stacks without secrets set no version', () => {
    const stack = newStack();
    new UpstreamCredentialSecret(stack, 'Secret', { secretName: 'docker-hub', username: 'u', accessToken: token(stack), writeOnly: false });
    new PullThroughCacheRule(stack, 'Quay', { upstream: UpstreamRegistry.quay() });
    expect(synthJson(stack).terraform.required_version).toBeUndefined();
  });

  test('HCL output leaves it out: the core renders that attribute as invalid HCL', () => {
    const app = new App({ hclOutput: true, outdir: Testing.app().outdir });
    const stack = new TerraformStack(app, 'hcl');
    new AwsProvider(stack, 'aws', { region: 'us-east-1' });
    new UpstreamCredentialSecret(stack, 'Secret', { secretName: 'docker-hub', username: 'u', accessToken: token(stack) });
    const hcl = (stack as unknown as { toHclTerraform(): { hcl: string } }).toHclTerraform().hcl;
    expect(hcl).not.toContain('required_version');
    expect(hcl).toContain('secret_string_wo');
  });
});

describe('resources whose role is made in the same stack wait for its policy', () => {
  test('a rule with an EcrUpstreamRole depends on the role policy', () => {
    const stack = newStack();
    const role = new EcrUpstreamRole(stack, 'Upstream', { upstreamAccountId: '444455556666' });
    new PullThroughCacheRule(stack, 'Rule', {
      upstream: UpstreamRegistry.ecr({ region: 'eu-west-1', accountId: '444455556666', roleArn: role.roleArn }),
    });
    const json = synthJson(stack);
    const policy = Object.keys(resourcesOf(json, 'aws_iam_role_policy'))[0];
    const rule = Object.values(resourcesOf(json, 'aws_ecr_pull_through_cache_rule'))[0];
    expect(rule.depends_on).toEqual([`aws_iam_role_policy.${policy}`]);
  });

  test('a rule with a credential secret waits for its value', () => {
    const stack = newStack();
    const cache = new PullThroughCache(stack, 'Cache');
    const secret = new UpstreamCredentialSecret(stack, 'Hub', { secretName: 'docker-hub', username: 'u', accessToken: token(stack) });
    cache.addRule('Hub', { upstream: UpstreamRegistry.dockerHub({ credential: secret.credential }) });
    const json = synthJson(stack);
    const rule = Object.values(resourcesOf(json, 'aws_ecr_pull_through_cache_rule'))[0];
    expect(rule.depends_on).toEqual([`aws_secretsmanager_secret_version.${Object.keys(resourcesOf(json, 'aws_secretsmanager_secret_version'))[0]}`]);
  });

  test('a template with a role depends on its role policy', () => {
    const stack = newStack();
    new PullThroughCacheRule(stack, 'Rule', { upstream: UpstreamRegistry.quay(), repositoryTemplate: { resourceTags: { team: 'a' } } });
    const json = synthJson(stack);
    const template = Object.values(resourcesOf(json, 'aws_ecr_repository_creation_template'))[0];
    expect(template.depends_on).toEqual([`aws_iam_role_policy.${Object.keys(resourcesOf(json, 'aws_iam_role_policy'))[0]}`]);
  });

  test('a role ARN given as a literal adds no dependency', () => {
    const stack = newStack();
    new PullThroughCacheRule(stack, 'Rule', {
      upstream: UpstreamRegistry.ecr({ region: 'eu-west-1', accountId: '444455556666', roleArn: 'arn:aws:iam::111122223333:role/ptc' }),
    });
    const rule = Object.values(resourcesOf(synthJson(stack), 'aws_ecr_pull_through_cache_rule'))[0];
    expect(rule.depends_on).toBeUndefined();
  });
});

describe('PullThroughCache.grantPull tags only where a template tags', () => {
  test('ecr:TagResource on the tagging rule\'s prefix only', () => {
    const stack = newStack();
    const cache = new PullThroughCache(stack, 'Cache');
    cache.addRule('Quay', { upstream: UpstreamRegistry.quay(), repositoryTemplate: { resourceTags: { team: 'a' } } });
    cache.addRule('K8s', { upstream: UpstreamRegistry.kubernetes() });
    cache.grantPull('nodes');
    const policy = Object.values(resourcesOf(synthJson(stack), 'aws_iam_role_policy'))
      .map((p) => JSON.parse(p.policy)).find((d) => d.Statement.some((s: any) => s.Sid === 'PullThroughCache'));
    const arn = (prefix: string) => 'arn:${data.aws_partition.EcrPullThroughCachePartition.partition}:ecr:${data.aws_region.EcrPullThroughCacheRegion.region}:' +
      `\${data.aws_caller_identity.EcrPullThroughCacheCallerIdentity.account_id}:repository/${prefix}/*`;
    expect(policy.Statement[1].Resource).toEqual([arn('quay'), arn('k8s')]);
    expect(policy.Statement[1].Action).not.toContain('ecr:TagResource');
    expect(policy.Statement[2]).toEqual({ Sid: 'TagOnCreate', Effect: 'Allow', Action: ['ecr:TagResource'], Resource: [arn('quay')] });
  });
});
