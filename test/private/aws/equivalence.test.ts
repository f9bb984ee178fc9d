/**
 * Each resource and data source class of src/private/aws synthesizes exactly what the prebuilt provider package's
 * generated class synthesizes for the same inputs: Terraform JSON and the HCL model, every optional argument set
 * and unset, literals and tokens.
 */
import { App, ITerraformDependable, TerraformElement, TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { CloudwatchEventRule as PCloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget as PCloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { DataAwsCallerIdentity as PDataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsEcrPullThroughCacheRule as PDataAwsEcrPullThroughCacheRule } from '@cdktf/provider-aws/lib/data-aws-ecr-pull-through-cache-rule';
import { DataAwsPartition as PDataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { DataAwsRegion as PDataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { EcrPullThroughCacheRule as PEcrPullThroughCacheRule } from '@cdktf/provider-aws/lib/ecr-pull-through-cache-rule';
import { EcrRegistryPolicy as PEcrRegistryPolicy } from '@cdktf/provider-aws/lib/ecr-registry-policy';
import { EcrRepositoryCreationTemplate as PEcrRepositoryCreationTemplate } from '@cdktf/provider-aws/lib/ecr-repository-creation-template';
import { IamRole as PIamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamPolicy as PIamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamRolePolicy as PIamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment as PIamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { SecretsmanagerSecret as PSecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { SecretsmanagerSecretVersion as PSecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/secretsmanager-secret-version';
import { SnsTopic as PSnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy as PSnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { CloudwatchEventRule } from '../../../src/private/aws/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '../../../src/private/aws/cloudwatch-event-target';
import { DataAwsCallerIdentity } from '../../../src/private/aws/data-aws-caller-identity';
import { DataAwsEcrPullThroughCacheRule } from '../../../src/private/aws/data-aws-ecr-pull-through-cache-rule';
import { DataAwsPartition } from '../../../src/private/aws/data-aws-partition';
import { DataAwsRegion } from '../../../src/private/aws/data-aws-region';
import { EcrPullThroughCacheRule } from '../../../src/private/aws/ecr-pull-through-cache-rule';
import { EcrRegistryPolicy } from '../../../src/private/aws/ecr-registry-policy';
import { EcrRepositoryCreationTemplate } from '../../../src/private/aws/ecr-repository-creation-template';
import { IamRole } from '../../../src/private/aws/iam-role';
import { IamPolicy } from '../../../src/private/aws/iam-policy';
import { IamRolePolicy } from '../../../src/private/aws/iam-role-policy';
import { IamRolePolicyAttachment } from '../../../src/private/aws/iam-role-policy-attachment';
import { SecretsmanagerSecret } from '../../../src/private/aws/secretsmanager-secret';
import { SecretsmanagerSecretVersion } from '../../../src/private/aws/secretsmanager-secret-version';
import { SnsTopic } from '../../../src/private/aws/sns-topic';
import { SnsTopicPolicy } from '../../../src/private/aws/sns-topic-policy';

/** Values shared by both sides of a case; a stack-bound value (a token, a dependency) is made per stack. */
type Inputs = (stack: TerraformStack) => any;

interface Case {
  readonly name: string;
  readonly ours: (scope: Construct, inputs: any) => TerraformElement;
  readonly theirs: (scope: Construct, inputs: any) => TerraformElement;
  readonly inputs: Inputs;
}

/** Synthesizes one element in a fresh stack; returns its JSON block (without construct metadata) and HCL model. */
function synthOne(make: (scope: Construct, inputs: any) => TerraformElement, inputs: Inputs, hcl: boolean) {
  const app = hcl ? new App({ hclOutput: true, outdir: Testing.app().outdir }) : Testing.app();
  const stack = new TerraformStack(app, 'equivalence');
  const element = make(stack, inputs(stack));
  const json = JSON.parse(Testing.synth(stack));
  const kind = json.resource !== undefined ? 'resource' : 'data';
  const [type] = Object.keys(json[kind]);
  const block = json[kind][type].Element;
  delete block['//'];
  return { kind, type, block, hcl: hcl ? (stack as any).toHclTerraform().hcl : undefined, element };
}

function expectSame(c: Case) {
  const ours = synthOne(c.ours, c.inputs, false);
  const theirs = synthOne(c.theirs, c.inputs, false);
  expect({ kind: ours.kind, type: ours.type }).toEqual({ kind: theirs.kind, type: theirs.type });
  expect(ours.block).toEqual(theirs.block);
  // Text equality: same keys in the same order.
  expect(JSON.stringify(ours.block)).toBe(JSON.stringify(theirs.block));
  expect(synthOne(c.ours, c.inputs, true).hcl).toBe(synthOne(c.theirs, c.inputs, true).hcl);
}

const tokenOf = (stack: TerraformStack, id: string) => new TerraformVariable(stack, id, { type: 'string' }).stringValue;
const numberTokenOf = (stack: TerraformStack, id: string) => new TerraformVariable(stack, id, { type: 'number' }).numberValue;
/** Something to depend on, made the same way for both sides. */
const dependency = (stack: TerraformStack): ITerraformDependable => new PIamRole(stack, 'Dependency', { assumeRolePolicy: '{}' });

const RULE: Case[] = [
  {
    name: 'required arguments only',
    inputs: () => ({ ecrRepositoryPrefix: 'quay', upstreamRegistryUrl: 'quay.io' }),
    ours: (s, i) => new EcrPullThroughCacheRule(s, 'Element', i),
    theirs: (s, i) => new PEcrPullThroughCacheRule(s, 'Element', i),
  },
  {
    name: 'every argument, and depends_on',
    inputs: (s) => ({
      ecrRepositoryPrefix: 'central',
      upstreamRegistryUrl: '444455556666.dkr.ecr.eu-west-1.amazonaws.com',
      credentialArn: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:ecr-pullthroughcache/x-AbCdEf',
      customRoleArn: tokenOf(s, 'role'),
      upstreamRepositoryPrefix: 'platform',
      region: 'us-east-1',
      dependsOn: [dependency(s)],
    }),
    ours: (s, i) => new EcrPullThroughCacheRule(s, 'Element', i),
    theirs: (s, i) => new PEcrPullThroughCacheRule(s, 'Element', i),
  },
];

const TEMPLATE: Case[] = [
  {
    name: 'required arguments only',
    inputs: () => ({ prefix: 'ROOT', appliedFor: ['PULL_THROUGH_CACHE'] }),
    ours: (s, i) => new EcrRepositoryCreationTemplate(s, 'Element', i),
    theirs: (s, i) => new PEcrRepositoryCreationTemplate(s, 'Element', i),
  },
  {
    name: 'encryption type only',
    inputs: () => ({ prefix: 'quay', appliedFor: ['PULL_THROUGH_CACHE'], encryptionType: 'AES256' }),
    ours: (s, i) => new EcrRepositoryCreationTemplate(s, 'Element', i),
    theirs: (s, i) => new PEcrRepositoryCreationTemplate(s, 'Element', {
      prefix: i.prefix, appliedFor: i.appliedFor, encryptionConfiguration: [{ encryptionType: i.encryptionType }],
    }),
  },
  {
    name: 'every argument, and depends_on',
    inputs: (s) => ({
      prefix: 'docker-hub',
      appliedFor: ['PULL_THROUGH_CACHE'],
      description: 'cached',
      imageTagMutability: 'MUTABLE',
      lifecyclePolicy: '{"rules":[]}',
      repositoryPolicy: '{"Version":"2012-10-17","Statement":[]}',
      resourceTags: { team: 'platform', cost: tokenOf(s, 'cost') },
      customRoleArn: tokenOf(s, 'role'),
      encryptionType: 'KMS',
      kmsKey: 'arn:aws:kms:us-east-1:111122223333:key/abcd',
      region: 'eu-west-1',
      dependsOn: [dependency(s)],
    }),
    ours: (s, i) => new EcrRepositoryCreationTemplate(s, 'Element', i),
    theirs: (s, { encryptionType, kmsKey, ...rest }) => new PEcrRepositoryCreationTemplate(s, 'Element', {
      ...rest, encryptionConfiguration: [{ encryptionType, kmsKey }],
    }),
  },
  {
    name: 'one image tag mutability exclusion filter',
    inputs: () => ({
      prefix: 'quay',
      appliedFor: ['PULL_THROUGH_CACHE'],
      imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
      imageTagMutabilityExclusionFilters: [{ filter: 'latest', filterType: 'WILDCARD' }],
    }),
    ours: (s, i) => new EcrRepositoryCreationTemplate(s, 'Element', i),
    theirs: (s, { imageTagMutabilityExclusionFilters, ...rest }) => new PEcrRepositoryCreationTemplate(s, 'Element', {
      ...rest, imageTagMutabilityExclusionFilter: imageTagMutabilityExclusionFilters,
    }),
  },
  {
    name: 'several exclusion filters, a token among them, with encryption and every other argument',
    inputs: (s) => ({
      prefix: 'docker-hub',
      appliedFor: ['PULL_THROUGH_CACHE'],
      description: 'cached',
      imageTagMutability: 'MUTABLE_WITH_EXCLUSION',
      imageTagMutabilityExclusionFilters: [
        { filter: 'release-*', filterType: 'WILDCARD' },
        { filter: tokenOf(s, 'filter'), filterType: 'WILDCARD' },
        { filter: 'v*.*', filterType: 'WILDCARD' },
      ],
      lifecyclePolicy: '{"rules":[]}',
      resourceTags: { team: 'platform' },
      encryptionType: 'KMS',
      region: 'eu-west-1',
    }),
    ours: (s, i) => new EcrRepositoryCreationTemplate(s, 'Element', i),
    theirs: (s, { encryptionType, imageTagMutabilityExclusionFilters, ...rest }) => new PEcrRepositoryCreationTemplate(s, 'Element', {
      ...rest, encryptionConfiguration: [{ encryptionType }], imageTagMutabilityExclusionFilter: imageTagMutabilityExclusionFilters,
    }),
  },
];

const SECRET: Case[] = [
  {
    name: 'name only',
    inputs: () => ({ name: 'ecr-pullthroughcache/docker-hub' }),
    ours: (s, i) => new SecretsmanagerSecret(s, 'Element', i),
    theirs: (s, i) => new PSecretsmanagerSecret(s, 'Element', i),
  },
  {
    name: 'every argument',
    inputs: (s) => ({
      name: tokenOf(s, 'name'),
      description: 'credential',
      recoveryWindowInDays: 0,
      tags: { team: 'platform' },
      region: 'us-east-1',
    }),
    ours: (s, i) => new SecretsmanagerSecret(s, 'Element', i),
    theirs: (s, i) => new PSecretsmanagerSecret(s, 'Element', i),
  },
  {
    name: 'a number token',
    inputs: (s) => ({ name: 'ecr-pullthroughcache/x', recoveryWindowInDays: numberTokenOf(s, 'days') }),
    ours: (s, i) => new SecretsmanagerSecret(s, 'Element', i),
    theirs: (s, i) => new PSecretsmanagerSecret(s, 'Element', i),
  },
];

const SECRET_VERSION: Case[] = [
  {
    name: 'write-only value',
    inputs: (s) => ({ secretId: tokenOf(s, 'id'), secretStringWo: tokenOf(s, 'value'), secretStringWoVersion: 3, region: 'us-east-1' }),
    ours: (s, i) => new SecretsmanagerSecretVersion(s, 'Element', i),
    theirs: (s, i) => new PSecretsmanagerSecretVersion(s, 'Element', i),
  },
  {
    name: 'stored value',
    inputs: (s) => ({ secretId: 'arn', secretString: tokenOf(s, 'value') }),
    ours: (s, i) => new SecretsmanagerSecretVersion(s, 'Element', i),
    theirs: (s, i) => new PSecretsmanagerSecretVersion(s, 'Element', i),
  },
];

const ROLE: Case[] = [
  {
    name: 'trust policy only',
    inputs: () => ({ assumeRolePolicy: '{"Version":"2012-10-17","Statement":[]}' }),
    ours: (s, i) => new IamRole(s, 'Element', i),
    theirs: (s, i) => new PIamRole(s, 'Element', i),
  },
  {
    name: 'every argument',
    inputs: (s) => ({ assumeRolePolicy: tokenOf(s, 'trust'), name: 'ptc-role', description: 'pull through cache' }),
    ours: (s, i) => new IamRole(s, 'Element', i),
    theirs: (s, i) => new PIamRole(s, 'Element', i),
  },
];

const ROLE_POLICY: Case[] = [
  {
    name: 'role and policy',
    inputs: (s) => ({ role: tokenOf(s, 'role'), policy: '{"Version":"2012-10-17","Statement":[]}' }),
    ours: (s, i) => new IamRolePolicy(s, 'Element', i),
    theirs: (s, i) => new PIamRolePolicy(s, 'Element', i),
  },
];

const REGISTRY_POLICY: Case[] = [
  {
    name: 'policy only',
    inputs: () => ({ policy: '{"Version":"2012-10-17","Statement":[]}' }),
    ours: (s, i) => new EcrRegistryPolicy(s, 'Element', i),
    theirs: (s, i) => new PEcrRegistryPolicy(s, 'Element', i),
  },
  {
    name: 'policy token and region',
    inputs: (s) => ({ policy: tokenOf(s, 'policy'), region: 'eu-west-1' }),
    ours: (s, i) => new EcrRegistryPolicy(s, 'Element', i),
    theirs: (s, i) => new PEcrRegistryPolicy(s, 'Element', i),
  },
];

const EVENT_PATTERN = '{"source":["aws.ecr"],"detail-type":["ECR Pull Through Cache Action"]}';

const EVENT_RULE: Case[] = [
  {
    name: 'event pattern only',
    inputs: () => ({ eventPattern: EVENT_PATTERN }),
    ours: (s, i) => new CloudwatchEventRule(s, 'Element', i),
    theirs: (s, i) => new PCloudwatchEventRule(s, 'Element', i),
  },
  {
    name: 'every argument',
    inputs: (s) => ({ eventPattern: tokenOf(s, 'pattern'), description: 'failed syncs', region: 'eu-west-1' }),
    ours: (s, i) => new CloudwatchEventRule(s, 'Element', i),
    theirs: (s, i) => new PCloudwatchEventRule(s, 'Element', i),
  },
];

const EVENT_TARGET: Case[] = [
  {
    name: 'rule and arn',
    inputs: (s) => ({ rule: tokenOf(s, 'rule'), arn: 'arn:aws:sns:us-east-1:111122223333:alerts' }),
    ours: (s, i) => new CloudwatchEventTarget(s, 'Element', i),
    theirs: (s, i) => new PCloudwatchEventTarget(s, 'Element', i),
  },
  {
    name: 'every argument',
    inputs: (s) => ({ rule: 'failed-syncs', arn: tokenOf(s, 'arn'), region: 'eu-west-1' }),
    ours: (s, i) => new CloudwatchEventTarget(s, 'Element', i),
    theirs: (s, i) => new PCloudwatchEventTarget(s, 'Element', i),
  },
];

const TOPIC: Case[] = [
  {
    name: 'no arguments',
    inputs: () => ({}),
    ours: (s, i) => new SnsTopic(s, 'Element', i),
    theirs: (s, i) => new PSnsTopic(s, 'Element', i),
  },
  {
    name: 'region',
    inputs: () => ({ region: 'eu-west-1' }),
    ours: (s, i) => new SnsTopic(s, 'Element', i),
    theirs: (s, i) => new PSnsTopic(s, 'Element', i),
  },
];

const TOPIC_POLICY: Case[] = [
  {
    name: 'arn and policy',
    inputs: (s) => ({ arn: tokenOf(s, 'arn'), policy: '{"Version":"2012-10-17","Statement":[]}' }),
    ours: (s, i) => new SnsTopicPolicy(s, 'Element', i),
    theirs: (s, i) => new PSnsTopicPolicy(s, 'Element', i),
  },
  {
    name: 'every argument',
    inputs: (s) => ({ arn: 'arn:aws:sns:eu-west-1:111122223333:alerts', policy: tokenOf(s, 'policy'), region: 'eu-west-1' }),
    ours: (s, i) => new SnsTopicPolicy(s, 'Element', i),
    theirs: (s, i) => new PSnsTopicPolicy(s, 'Element', i),
  },
];

const POLICY: Case[] = [
  {
    name: 'policy only',
    inputs: () => ({ policy: '{"Version":"2012-10-17","Statement":[]}' }),
    ours: (s, i) => new IamPolicy(s, 'Element', i),
    theirs: (s, i) => new PIamPolicy(s, 'Element', i),
  },
  {
    name: 'every argument',
    inputs: (s) => ({ policy: tokenOf(s, 'policy'), description: 'pull through cache' }),
    ours: (s, i) => new IamPolicy(s, 'Element', i),
    theirs: (s, i) => new PIamPolicy(s, 'Element', i),
  },
];

const ROLE_POLICY_ATTACHMENT: Case[] = [
  {
    name: 'role and policy ARN',
    inputs: (s) => ({ role: tokenOf(s, 'role'), policyArn: tokenOf(s, 'policy') }),
    ours: (s, i) => new IamRolePolicyAttachment(s, 'Element', i),
    theirs: (s, i) => new PIamRolePolicyAttachment(s, 'Element', i),
  },
  {
    name: 'literal role',
    inputs: () => ({ role: 'node-role', policyArn: 'arn:aws:iam::111122223333:policy/pull' }),
    ours: (s, i) => new IamRolePolicyAttachment(s, 'Element', i),
    theirs: (s, i) => new PIamRolePolicyAttachment(s, 'Element', i),
  },
];

const DATA: Case[] = [
  {
    name: 'aws_partition',
    inputs: () => ({}),
    ours: (s) => new DataAwsPartition(s, 'Element'),
    theirs: (s) => new PDataAwsPartition(s, 'Element', {}),
  },
  {
    name: 'aws_caller_identity',
    inputs: () => ({}),
    ours: (s) => new DataAwsCallerIdentity(s, 'Element'),
    theirs: (s) => new PDataAwsCallerIdentity(s, 'Element', {}),
  },
  {
    name: 'aws_region',
    inputs: () => ({}),
    ours: (s) => new DataAwsRegion(s, 'Element'),
    theirs: (s) => new PDataAwsRegion(s, 'Element', {}),
  },
  {
    name: 'aws_ecr_pull_through_cache_rule, prefix only',
    inputs: () => ({ ecrRepositoryPrefix: 'docker-hub' }),
    ours: (s, i) => new DataAwsEcrPullThroughCacheRule(s, 'Element', i),
    theirs: (s, i) => new PDataAwsEcrPullThroughCacheRule(s, 'Element', i),
  },
  {
    name: 'aws_ecr_pull_through_cache_rule, with region',
    inputs: (s) => ({ ecrRepositoryPrefix: tokenOf(s, 'prefix'), region: 'eu-west-1' }),
    ours: (s, i) => new DataAwsEcrPullThroughCacheRule(s, 'Element', i),
    theirs: (s, i) => new PDataAwsEcrPullThroughCacheRule(s, 'Element', i),
  },
];

describe.each([
  ['aws_ecr_pull_through_cache_rule', RULE],
  ['aws_ecr_repository_creation_template', TEMPLATE],
  ['aws_secretsmanager_secret', SECRET],
  ['aws_secretsmanager_secret_version', SECRET_VERSION],
  ['aws_iam_role', ROLE],
  ['aws_iam_role_policy', ROLE_POLICY],
  ['aws_ecr_registry_policy', REGISTRY_POLICY],
  ['aws_cloudwatch_event_rule', EVENT_RULE],
  ['aws_cloudwatch_event_target', EVENT_TARGET],
  ['aws_sns_topic', TOPIC],
  ['aws_sns_topic_policy', TOPIC_POLICY],
  ['aws_iam_policy', POLICY],
  ['aws_iam_role_policy_attachment', ROLE_POLICY_ATTACHMENT],
  ['data sources', DATA],
])('%s equals the provider package', (_type, cases) => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => expectSame(c));
});

describe('attribute references equal the provider package', () => {
  test.each([
    ['registry_id', (s: Construct) => new EcrPullThroughCacheRule(s, 'E', { ecrRepositoryPrefix: 'q', upstreamRegistryUrl: 'quay.io' }).registryId,
      (s: Construct) => new PEcrPullThroughCacheRule(s, 'E', { ecrRepositoryPrefix: 'q', upstreamRegistryUrl: 'quay.io' }).registryId],
    ['secret arn', (s: Construct) => new SecretsmanagerSecret(s, 'E', { name: 'n' }).arn, (s: Construct) => new PSecretsmanagerSecret(s, 'E', { name: 'n' }).arn],
    ['secret id', (s: Construct) => new SecretsmanagerSecret(s, 'E', { name: 'n' }).id, (s: Construct) => new PSecretsmanagerSecret(s, 'E', { name: 'n' }).id],
    ['role arn', (s: Construct) => new IamRole(s, 'E', { assumeRolePolicy: '{}' }).arn, (s: Construct) => new PIamRole(s, 'E', { assumeRolePolicy: '{}' }).arn],
    ['role name', (s: Construct) => new IamRole(s, 'E', { assumeRolePolicy: '{}' }).name, (s: Construct) => new PIamRole(s, 'E', { assumeRolePolicy: '{}' }).name],
    ['event rule arn', (s: Construct) => new CloudwatchEventRule(s, 'E', { eventPattern: '{}' }).arn,
      (s: Construct) => new PCloudwatchEventRule(s, 'E', { eventPattern: '{}' }).arn],
    ['event rule name', (s: Construct) => new CloudwatchEventRule(s, 'E', { eventPattern: '{}' }).name,
      (s: Construct) => new PCloudwatchEventRule(s, 'E', { eventPattern: '{}' }).name],
    ['topic arn', (s: Construct) => new SnsTopic(s, 'E', {}).arn, (s: Construct) => new PSnsTopic(s, 'E', {}).arn],
    ['partition', (s: Construct) => new DataAwsPartition(s, 'E').partition, (s: Construct) => new PDataAwsPartition(s, 'E', {}).partition],
    ['dns_suffix', (s: Construct) => new DataAwsPartition(s, 'E').dnsSuffix, (s: Construct) => new PDataAwsPartition(s, 'E', {}).dnsSuffix],
    ['account_id', (s: Construct) => new DataAwsCallerIdentity(s, 'E').accountId, (s: Construct) => new PDataAwsCallerIdentity(s, 'E', {}).accountId],
    ['region', (s: Construct) => new DataAwsRegion(s, 'E').region, (s: Construct) => new PDataAwsRegion(s, 'E', {}).region],
    ['data registry_id', (s: Construct) => new DataAwsEcrPullThroughCacheRule(s, 'E', { ecrRepositoryPrefix: 'q' }).registryId,
      (s: Construct) => new PDataAwsEcrPullThroughCacheRule(s, 'E', { ecrRepositoryPrefix: 'q' }).registryId],
    ['data upstream_registry_url', (s: Construct) => new DataAwsEcrPullThroughCacheRule(s, 'E', { ecrRepositoryPrefix: 'q' }).upstreamRegistryUrl,
      (s: Construct) => new PDataAwsEcrPullThroughCacheRule(s, 'E', { ecrRepositoryPrefix: 'q' }).upstreamRegistryUrl],
    ['data upstream_repository_prefix', (s: Construct) => new DataAwsEcrPullThroughCacheRule(s, 'E', { ecrRepositoryPrefix: 'q' }).upstreamRepositoryPrefix,
      (s: Construct) => new PDataAwsEcrPullThroughCacheRule(s, 'E', { ecrRepositoryPrefix: 'q' }).upstreamRepositoryPrefix],
  ])('%s', (_name, ours, theirs) => {
    const resolve = (make: (s: Construct) => string) => {
      const stack = new TerraformStack(Testing.app(), 'refs');
      new TerraformOutput(stack, 'out', { value: make(stack) });
      return JSON.parse(Testing.synth(stack)).output.out.value;
    };
    expect(resolve(ours)).toBe(resolve(theirs));
  });
});
