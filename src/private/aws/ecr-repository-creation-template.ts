import { Construct } from 'constructs';
import { ECR_REPOSITORY_CREATION_TEMPLATE as LIMITS } from './argument-table';
import { Argument } from './attributes';
import { AwsResource, ResourceOptions } from './base';

export interface EcrRepositoryCreationTemplateConfig extends ResourceOptions {
  readonly prefix: string;
  readonly appliedFor: string[];
  readonly description?: string;
  readonly imageTagMutability?: string;
  /** The `image_tag_mutability_exclusion_filter` blocks. */
  readonly imageTagMutabilityExclusionFilters?: EcrRepositoryCreationTemplateExclusionFilter[];
  readonly lifecyclePolicy?: string;
  readonly repositoryPolicy?: string;
  readonly resourceTags?: { [key: string]: string };
  readonly customRoleArn?: string;
  /** The `encryption_configuration` block. */
  readonly encryptionType?: string;
  readonly kmsKey?: string;
  readonly region?: string;
}

/** One `image_tag_mutability_exclusion_filter` block. */
export interface EcrRepositoryCreationTemplateExclusionFilter {
  readonly filter: string;
  readonly filterType: string;
}

type Config = EcrRepositoryCreationTemplateConfig;
type Filter = EcrRepositoryCreationTemplateExclusionFilter;

const EXCLUSION_FILTER: readonly Argument<Filter>[] = [
  { name: 'filter', kind: 'string', value: (f) => f.filter, limits: LIMITS['image_tag_mutability_exclusion_filter.filter'] },
  { name: 'filter_type', kind: 'string', value: (f) => f.filterType, limits: LIMITS['image_tag_mutability_exclusion_filter.filter_type'] },
];

export const ENCRYPTION: readonly Argument<Config>[] = [
  { name: 'encryption_type', kind: 'string', value: (c) => c.encryptionType, limits: LIMITS['encryption_configuration.encryption_type'] },
  { name: 'kms_key', kind: 'string', value: (c) => c.kmsKey, limits: LIMITS['encryption_configuration.kms_key'] },
];

export const ARGUMENTS: readonly Argument<Config>[] = [
  { name: 'applied_for', kind: 'stringSet', value: (c) => c.appliedFor, limits: LIMITS.applied_for },
  { name: 'custom_role_arn', kind: 'string', value: (c) => c.customRoleArn, limits: LIMITS.custom_role_arn },
  { name: 'description', kind: 'string', value: (c) => c.description, limits: LIMITS.description },
  { name: 'image_tag_mutability', kind: 'string', value: (c) => c.imageTagMutability, limits: LIMITS.image_tag_mutability },
  { name: 'lifecycle_policy', kind: 'string', value: (c) => c.lifecyclePolicy, limits: LIMITS.lifecycle_policy },
  { name: 'prefix', kind: 'string', value: (c) => c.prefix, limits: LIMITS.prefix },
  { name: 'region', kind: 'string', value: (c) => c.region, limits: LIMITS.region },
  { name: 'repository_policy', kind: 'string', value: (c) => c.repositoryPolicy, limits: LIMITS.repository_policy },
  { name: 'resource_tags', kind: 'stringMap', value: (c) => c.resourceTags, limits: LIMITS.resource_tags },
  {
    name: 'encryption_configuration',
    kind: 'block',
    value: (c) => (c.encryptionType === undefined && c.kmsKey === undefined ? undefined : c),
    block: ENCRYPTION,
    storageClassType: 'EcrRepositoryCreationTemplateEncryptionConfigurationList',
    limits: LIMITS.encryption_configuration,
  },
  {
    name: 'image_tag_mutability_exclusion_filter',
    kind: 'blockList',
    value: (c) => c.imageTagMutabilityExclusionFilters,
    block: EXCLUSION_FILTER,
    storageClassType: 'EcrRepositoryCreationTemplateImageTagMutabilityExclusionFilterList',
    limits: LIMITS.image_tag_mutability_exclusion_filter,
  },
];

/** `aws_ecr_repository_creation_template`. */
export class EcrRepositoryCreationTemplate extends AwsResource<Config> {
  public static readonly tfResourceType = 'aws_ecr_repository_creation_template';

  constructor(scope: Construct, id: string, config: Config) {
    super(scope, id, EcrRepositoryCreationTemplate.tfResourceType, ARGUMENTS, config, config.dependsOn);
  }
}
