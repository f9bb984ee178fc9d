/**
 * IAM action lists and policy documents. Policies are JSON strings that may hold Terraform tokens (partition,
 * account, Region), which cdktf resolves into interpolations inside the string.
 */
import { Lazy } from 'cdktf';
import { namespaceOf } from './patterns';

/** What ECR needs in the cache account to copy an image from an upstream ECR registry (the role of `customRoleArn`). */
export const UPSTREAM_ROLE_ACTIONS = [
  'ecr:GetDownloadUrlForLayer',
  'ecr:GetAuthorizationToken',
  'ecr:BatchImportUpstreamImage',
  'ecr:BatchGetImage',
  'ecr:GetImageCopyStatus',
  'ecr:InitiateLayerUpload',
  'ecr:UploadLayerPart',
  'ecr:CompleteLayerUpload',
  'ecr:PutImage',
];

/** Of UPSTREAM_ROLE_ACTIONS, those that read from the upstream registry. */
export const UPSTREAM_READ_ACTIONS = [
  'ecr:BatchGetImage',
  'ecr:GetDownloadUrlForLayer',
  'ecr:BatchImportUpstreamImage',
  'ecr:GetImageCopyStatus',
];

/** Of UPSTREAM_ROLE_ACTIONS, those that write into the cache registry. */
export const CACHE_WRITE_ACTIONS = [
  'ecr:BatchImportUpstreamImage',
  'ecr:GetImageCopyStatus',
  'ecr:InitiateLayerUpload',
  'ecr:UploadLayerPart',
  'ecr:CompleteLayerUpload',
  'ecr:PutImage',
  'ecr:BatchGetImage',
  'ecr:GetDownloadUrlForLayer',
];

/** What the upstream account grants the cache account in its registry policy, cross-account. */
export const UPSTREAM_REGISTRY_POLICY_ACTIONS = [
  'ecr:BatchGetImage',
  'ecr:GetDownloadUrlForLayer',
  'ecr:BatchImportUpstreamImage',
  'ecr:GetImageCopyStatus',
];

/** Pulling an already cached image. */
export const PULL_ACTIONS = [
  'ecr:BatchGetImage',
  'ecr:GetDownloadUrlForLayer',
  'ecr:BatchCheckLayerAvailability',
];

/** The first pull of an image: ECR creates the repository and imports the image in the puller's name. */
export const FIRST_PULL_ACTIONS = ['ecr:BatchImportUpstreamImage', 'ecr:CreateRepository'];

/** Needed besides FIRST_PULL_ACTIONS when a creation template sets resource tags. */
export const TAG_ON_CREATE_ACTIONS = ['ecr:TagResource'];

/** Only this action needs `Resource: '*'`. */
export const AUTH_TOKEN_ACTION = 'ecr:GetAuthorizationToken';

/** The service principal that assumes the role of an ECR to ECR rule. */
export const PULL_THROUGH_CACHE_PRINCIPAL = 'pullthroughcache.ecr.amazonaws.com';

/** The service principal that assumes the role of a repository creation template. */
export const ECR_PRINCIPAL = 'ecr.amazonaws.com';

export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: Record<string, string | string[]>;
  readonly Action: string | string[];
  readonly Resource?: string | string[];
  readonly Condition?: Record<string, Record<string, string | string[]>>;
}

/**
 * A policy document. `later` adds statements known only at synth (for example one ARN per rule that uses a role,
 * rules added after the policy included).
 */
export function policyDocument(statements: PolicyStatement[], later?: () => PolicyStatement[]): string {
  if (later === undefined) return JSON.stringify({ Version: '2012-10-17', Statement: statements });
  return Lazy.stringValue({ produce: () => JSON.stringify({ Version: '2012-10-17', Statement: [...statements, ...later()] }) });
}

export function assumeRolePolicy(servicePrincipal: string): string {
  return policyDocument([{ Effect: 'Allow', Principal: { Service: servicePrincipal }, Action: 'sts:AssumeRole' }]);
}

/**
 * `arn:<partition>:ecr:<region>:<account>:repository/<prefix>/*`, or `repository/*` for the `ROOT` prefix or none.
 * The prefix is taken as the user gave it (a trailing `/` is dropped).
 */
export function repositoryArn(partition: string, region: string, account: string, prefix: string | undefined): string {
  const namespace = prefix === undefined ? undefined : namespaceOf(prefix);
  const path = namespace === undefined ? '*' : `${namespace}/*`;
  return `arn:${partition}:ecr:${region}:${account}:repository/${path}`;
}
