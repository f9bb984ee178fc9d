// The reference stack (examples/reference-stack.ts) written by hand: only L1 provider classes, each by its deep
// import path, plus cdktf's TerraformVariable, TerraformOutput and Fn. No class of this library is loaded.
// Plain `Construct` scopes give the resources the same construct paths, hence the same Terraform addresses, as the
// library's constructs; bench/synth/check-same.js proves the synthesized JSON is the same.
// Usage: node bench/synth/example-l1.js   (BENCH_SYNTH_OUT=dir keeps the output there)
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { App, Fn, TerraformOutput, TerraformStack, TerraformVariable } = require('cdktf');
const { Construct } = require('constructs');
const { AwsProvider } = require('@cdktf/provider-aws/lib/provider');
const { DataAwsCallerIdentity } = require('@cdktf/provider-aws/lib/data-aws-caller-identity');
const { DataAwsEcrPullThroughCacheRule } = require('@cdktf/provider-aws/lib/data-aws-ecr-pull-through-cache-rule');
const { DataAwsPartition } = require('@cdktf/provider-aws/lib/data-aws-partition');
const { DataAwsRegion } = require('@cdktf/provider-aws/lib/data-aws-region');
const { CloudwatchEventRule } = require('@cdktf/provider-aws/lib/cloudwatch-event-rule');
const { CloudwatchEventTarget } = require('@cdktf/provider-aws/lib/cloudwatch-event-target');
const { EcrPullThroughCacheRule } = require('@cdktf/provider-aws/lib/ecr-pull-through-cache-rule');
const { EcrRegistryPolicy } = require('@cdktf/provider-aws/lib/ecr-registry-policy');
const { EcrRepositoryCreationTemplate } = require('@cdktf/provider-aws/lib/ecr-repository-creation-template');
const { IamRole } = require('@cdktf/provider-aws/lib/iam-role');
const { IamRolePolicy } = require('@cdktf/provider-aws/lib/iam-role-policy');
const { SecretsmanagerSecret } = require('@cdktf/provider-aws/lib/secretsmanager-secret');
const { SecretsmanagerSecretVersion } = require('@cdktf/provider-aws/lib/secretsmanager-secret-version');
const { SnsTopic } = require('@cdktf/provider-aws/lib/sns-topic');
const { SnsTopicPolicy } = require('@cdktf/provider-aws/lib/sns-topic-policy');

const CENTRAL_ACCOUNT_ID = '444455556666';
const ORGANIZATION_ID = 'o-a1b2c3d4e5';
const IN_ORGANIZATION = { StringEquals: { 'aws:PrincipalOrgID': ORGANIZATION_ID } };
const policy = (statements) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const trust = (service) => policy([{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }]);
const lifecycle = (untaggedDays, maxImages) => {
  const rules = [{
    rulePriority: 1,
    description: `Expire untagged images after ${untaggedDays} days`,
    selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: untaggedDays },
    action: { type: 'expire' },
  }];
  if (maxImages !== undefined) {
    rules.push({
      rulePriority: 2,
      description: `Keep at most ${maxImages} images`,
      selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: maxImages },
      action: { type: 'expire' },
    });
  }
  return JSON.stringify({ rules });
};
const secretArn = (name) => `arn:aws:secretsmanager:us-east-1:111122223333:secret:ecr-pullthroughcache/${name}-AbCdEf`;
const PULL = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability',
  'ecr:BatchImportUpstreamImage', 'ecr:CreateRepository'];
// Later pulls of the organization's accounts: the repository policy of every template of the us-east-1 cache.
const ORGANIZATION_PULL = policy([{
  Sid: 'PullThroughCachePull1', Effect: 'Allow', Principal: { AWS: '*' },
  Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'], Condition: IN_ORGANIZATION,
}]);
const PREFIXES = ['docker-hub', 'quay', 'k8s', 'ecr-public', 'ghcr', 'gitlab', 'chainguard', 'azure', 'central'];

class ReferenceStackL1 extends TerraformStack {
  constructor(scope, id) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'us-east-1' });
    // Write-only arguments (secret_string_wo below) need Terraform 1.11.
    this.addOverride('terraform.required_version', '>= 1.11.0');

    const partition = new DataAwsPartition(this, 'EcrPullThroughCachePartition', {});
    const caller = new DataAwsCallerIdentity(this, 'EcrPullThroughCacheCallerIdentity', {});
    const regionData = new DataAwsRegion(this, 'EcrPullThroughCacheRegion', {});
    const repoArn = (region, account, prefix) =>
      `arn:${partition.partition}:ecr:${region}:${account}:repository/${prefix === undefined ? '*' : `${prefix}/*`}`;
    const host = (rule, region) => `${rule.registryId}.dkr.ecr.${region}.${partition.dnsSuffix}`;

    // Docker Hub credential from sensitive variables.
    const username = new TerraformVariable(this, 'docker_hub_username', {
      type: 'string',
      description: 'Docker Hub user name for the pull through cache',
    });
    const token = new TerraformVariable(this, 'docker_hub_access_token', {
      type: 'string',
      sensitive: true,
      description: 'Docker Hub access token for the pull through cache',
    });
    const credential = new Construct(this, 'DockerHubCredential');
    const secret = new SecretsmanagerSecret(credential, 'Secret', {
      name: 'ecr-pullthroughcache/docker-hub',
      description: 'Credential for an Amazon ECR pull through cache rule',
    });
    const secretValue = new SecretsmanagerSecretVersion(credential, 'Value', {
      secretId: secret.id,
      secretStringWo: Fn.jsonencode({ username: username.stringValue, accessToken: token.stringValue }),
      secretStringWoVersion: 1,
    });

    // ECR to ECR across accounts: a role trusted by the pull through cache service.
    const centralScope = new Construct(this, 'CentralRegistryRole');
    const centralRole = new IamRole(centralScope, 'Role', {
      description: 'Lets Amazon ECR pull through cache copy images from an upstream ECR registry',
      assumeRolePolicy: trust('pullthroughcache.ecr.amazonaws.com'),
    });
    const centralPolicy = new IamRolePolicy(centralScope, 'Policy', {
      role: centralRole.name,
      policy: policy([
        { Sid: 'EcrAuthorizationToken', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
        {
          Sid: 'ReadUpstream',
          Effect: 'Allow',
          Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchImportUpstreamImage', 'ecr:GetImageCopyStatus'],
          Resource: repoArn('eu-west-1', CENTRAL_ACCOUNT_ID, 'platform'),
        },
        {
          Sid: 'WriteCache',
          Effect: 'Allow',
          Action: ['ecr:BatchImportUpstreamImage', 'ecr:GetImageCopyStatus', 'ecr:InitiateLayerUpload', 'ecr:UploadLayerPart',
            'ecr:CompleteLayerUpload', 'ecr:PutImage', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
          Resource: repoArn('*', caller.accountId, undefined),
        },
      ]),
    });

    // The rules of the default Region, each with its repository creation template.
    const cache = new Construct(this, 'Cache');
    const rules = {};
    const addRule = (id, prefix, config, template) => {
      const scope = new Construct(cache, id);
      rules[id] = new EcrPullThroughCacheRule(scope, 'Resource', { ecrRepositoryPrefix: prefix, ...config });
      new EcrRepositoryCreationTemplate(new Construct(scope, 'RepositoryTemplate'), 'Resource', {
        prefix,
        appliedFor: ['PULL_THROUGH_CACHE'],
        description: 'Repositories created by pull through cache',
        imageTagMutability: 'MUTABLE',
        lifecyclePolicy: lifecycle(14, 200),
        encryptionConfiguration: [{ encryptionType: 'AES256' }],
        repositoryPolicy: ORGANIZATION_PULL,
        ...template,
      });
    };
    // Docker Hub's template tags repositories, so it has a role trusted by ECR.
    const templateScope = new Construct(new Construct(cache, 'DockerHub'), 'RepositoryTemplate');
    const templateRole = new IamRole(templateScope, 'Role', {
      description: "Applies the repository creation template for 'docker-hub' to pull through cache repositories",
      assumeRolePolicy: trust('ecr.amazonaws.com'),
    });
    const templatePolicy = new IamRolePolicy(templateScope, 'RolePolicy', {
      role: templateRole.name,
      policy: policy([{
        Effect: 'Allow',
        Action: ['ecr:CreateRepository', 'ecr:TagResource'],
        Resource: repoArn(regionData.region, caller.accountId, 'docker-hub'),
      }]),
    });
    rules.DockerHub = new EcrPullThroughCacheRule(cache.node.findChild('DockerHub'), 'Resource', {
      ecrRepositoryPrefix: 'docker-hub',
      upstreamRegistryUrl: 'registry-1.docker.io',
      credentialArn: secret.arn,
      dependsOn: [secretValue],
    });
    new EcrRepositoryCreationTemplate(templateScope, 'Resource', {
      prefix: 'docker-hub',
      appliedFor: ['PULL_THROUGH_CACHE'],
      description: 'Docker Hub images cached for the platform team',
      imageTagMutability: 'MUTABLE',
      lifecyclePolicy: lifecycle(7),
      resourceTags: { 'cost-center': 'platform' },
      customRoleArn: templateRole.arn,
      encryptionConfiguration: [{ encryptionType: 'AES256' }],
      repositoryPolicy: ORGANIZATION_PULL,
      // A role made in the same stack is used only once its policy exists.
      dependsOn: [templatePolicy],
    });
    // Quay: archived when not pulled for 90 days, deleted from the archive 90 days later.
    addRule('Quay', 'quay', { upstreamRegistryUrl: 'quay.io' }, {
      description: 'Quay images, archived when not pulled',
      lifecyclePolicy: JSON.stringify({
        rules: [
          {
            rulePriority: 1,
            description: 'Expire untagged images after 14 days',
            selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 },
            action: { type: 'expire' },
          },
          {
            rulePriority: 2,
            description: 'Archive images not pulled for 90 days',
            selection: { tagStatus: 'any', countType: 'sinceImagePulled', countUnit: 'days', countNumber: 90 },
            action: { type: 'transition', targetStorageClass: 'archive' },
          },
          {
            rulePriority: 3,
            description: 'Expire images not pulled for 180 days (90 days after they were archived)',
            selection: { tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 90 },
            action: { type: 'expire' },
          },
        ],
      }),
    });
    // Failed syncs of every rule of the cache go to a new SNS topic.
    const notifications = new Construct(cache, 'FailureNotifications');
    const eventRule = new CloudwatchEventRule(notifications, 'Rule', {
      description: 'Pull through cache syncs that did not succeed',
      eventPattern: JSON.stringify({
        source: ['aws.ecr'],
        'detail-type': ['ECR Pull Through Cache Action'],
        detail: { 'ecr-repository-prefix': PREFIXES, 'sync-status': [{ 'anything-but': 'SUCCESS' }] },
      }),
    });
    const topic = new SnsTopic(notifications, 'Topic', {});
    new SnsTopicPolicy(notifications, 'TopicPolicy', {
      arn: topic.arn,
      policy: policy([{
        Sid: 'EventBridgePublishesFailedSyncs', Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' },
        Action: 'sns:Publish', Resource: topic.arn, Condition: { ArnEquals: { 'aws:SourceArn': eventRule.arn } },
      }]),
    });
    new CloudwatchEventTarget(notifications, 'Target', { rule: eventRule.name, arn: topic.arn });
    new TerraformOutput(this, 'sync_failures_topic', { value: topic.arn });
    addRule('Kubernetes', 'k8s', { upstreamRegistryUrl: 'registry.k8s.io' });
    addRule('EcrPublic', 'ecr-public', { upstreamRegistryUrl: 'public.ecr.aws' });
    addRule('GitHub', 'ghcr', { upstreamRegistryUrl: 'ghcr.io', credentialArn: secretArn('ghcr') });
    addRule('GitLab', 'gitlab', { upstreamRegistryUrl: 'registry.gitlab.com', credentialArn: secretArn('gitlab') });
    addRule('Chainguard', 'chainguard', { upstreamRegistryUrl: 'cgr.dev', credentialArn: secretArn('chainguard') });
    addRule('Azure', 'azure', { upstreamRegistryUrl: 'contosoimages.azurecr.io', credentialArn: secretArn('azure') });
    addRule('Central', 'central', {
      upstreamRegistryUrl: `${CENTRAL_ACCOUNT_ID}.dkr.ecr.eu-west-1.amazonaws.com`,
      customRoleArn: centralRole.arn,
      upstreamRepositoryPrefix: 'platform',
      dependsOn: [centralPolicy],
    });

    // The EKS node role may pull through every rule.
    // ecr:TagResource in a statement of its own, only on the prefixes whose template tags repositories.
    const grant = (scope, region, prefixes, tagged = [], role = 'eks-node-role') => {
      const statements = [
        { Sid: 'EcrAuthorizationToken', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
        { Sid: 'PullThroughCache', Effect: 'Allow', Action: PULL, Resource: prefixes.map((p) => repoArn(region, caller.accountId, p)) },
      ];
      if (tagged.length > 0) {
        statements.push({
          Sid: 'TagOnCreate', Effect: 'Allow', Action: ['ecr:TagResource'], Resource: tagged.map((p) => repoArn(region, caller.accountId, p)),
        });
      }
      return new IamRolePolicy(scope, `PullGrant-${role}`, { role, policy: policy(statements) });
    };
    grant(cache, regionData.region, PREFIXES, ['docker-hub']);

    // The organization's first pulls: the registry policy of the Region (tagging only where the template tags).
    const firstPull = (sid, actions, prefixes) => ({
      Sid: sid, Effect: 'Allow', Principal: { AWS: '*' }, Action: actions,
      Resource: prefixes.map((p) => repoArn(regionData.region, caller.accountId, p)), Condition: IN_ORGANIZATION,
    });
    new EcrRegistryPolicy(this, 'EcrPullThroughCacheRegistryPolicy-us-east-1', {
      policy: policy([
        firstPull('PullThroughCacheFirstPull1', ['ecr:BatchImportUpstreamImage', 'ecr:CreateRepository', 'ecr:TagResource'], ['docker-hub']),
        firstPull('PullThroughCacheFirstPull2', ['ecr:BatchImportUpstreamImage', 'ecr:CreateRepository'], PREFIXES.slice(1)),
      ]),
    });
    new TerraformOutput(this, 'consumer_policy', {
      description: 'Attach this policy to the roles of the consumer accounts',
      value: policy([
        { Sid: 'EcrAuthorizationToken', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
        { Sid: 'PullThroughCache', Effect: 'Allow', Action: PULL, Resource: PREFIXES.map((p) => repoArn(regionData.region, caller.accountId, p)) },
        { Sid: 'TagOnCreate', Effect: 'Allow', Action: ['ecr:TagResource'], Resource: [repoArn(regionData.region, caller.accountId, 'docker-hub')] },
      ]),
    });

    // More Regions: provider v6 takes a Region per resource.
    for (const region of ['eu-west-1', 'ap-southeast-2']) {
      const regional = new Construct(this, `Cache-${region}`);
      new EcrPullThroughCacheRule(new Construct(regional, 'EcrPublic'), 'Resource', {
        ecrRepositoryPrefix: 'ecr-public', upstreamRegistryUrl: 'public.ecr.aws', region,
      });
      new EcrPullThroughCacheRule(new Construct(regional, 'Kubernetes'), 'Resource', {
        ecrRepositoryPrefix: 'k8s', upstreamRegistryUrl: 'registry.k8s.io', region,
      });
      grant(regional, region, ['ecr-public', 'k8s']);
    }

    const defaultHost = (rule) => host(rule, regionData.region);
    new TerraformOutput(this, 'nginx_image', { value: `${defaultHost(rules.DockerHub)}/docker-hub/library/nginx:1.27` });
    new TerraformOutput(this, 'pause_image', { value: `${defaultHost(rules.Kubernetes)}/k8s/pause:3.10` });
    new TerraformOutput(this, 'github_image', { value: `${defaultHost(rules.GitHub)}/ghcr/actions/actions-runner:2.321.0` });
    new TerraformOutput(this, 'central_image', { value: `${defaultHost(rules.Central)}/central/api:v1` });
    new TerraformOutput(this, 'central_registry_policy', {
      description: 'Apply this registry policy in the central account',
      value: policy([{
        Sid: 'AllowPullThroughCacheFromDownstreamAccount',
        Effect: 'Allow',
        Principal: { AWS: `arn:${partition.partition}:iam::${caller.accountId}:root` },
        Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchImportUpstreamImage', 'ecr:GetImageCopyStatus'],
        Resource: repoArn('eu-west-1', CENTRAL_ACCOUNT_ID, 'platform'),
      }]),
    });

    // A rule another stack owns, read through the data source, with a pull grant and an image URI.
    const sharedScope = new Construct(this, 'SharedChainguard');
    const shared = new DataAwsEcrPullThroughCacheRule(sharedScope, 'Resource', {
      ecrRepositoryPrefix: 'cgr-shared', region: 'eu-west-1',
    });
    grant(sharedScope, 'eu-west-1', ['cgr-shared'], [], 'batch-job-role');
    new TerraformOutput(this, 'shared_image', { value: `${host(shared, 'eu-west-1')}/cgr-shared/chainguard/static:latest` });
  }
}

const keep = process.env.BENCH_SYNTH_OUT;
const outdir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-example-l1-'));
const app = new App({ outdir });
new ReferenceStackL1(app, 'ecr-pull-through-cache-example');
app.synth();
if (!keep) fs.rmSync(outdir, { recursive: true, force: true });
