import { Construct } from 'constructs';
import { Argument } from './attributes';
import { AwsResource, ResourceOptions } from './base';

export interface EcrRepositoryCreationTemplateConfig extends ResourceOptions {
  readonly prefix: string;
  readonly appliedFor: string[];
  readonly description?: string;
  readonly imageTagMutability?: string;
  readonly lifecyclePolicy?: string;
  readonly repositoryPolicy?: string;
  readonly resourceTags?: { [key: string]: string };
  readonly customRoleArn?: string;
  /** The `encryption_configuration` block. */
  readonly encryptionType?: string;
  readonly kmsKey?: string;
  readonly region?: string;
}

type Config = EcrRepositoryCreationTemplateConfig;

const ENCRYPTION: readonly Argument<Config>[] = [
  { name: 'encryption_type', kind: 'string', value: (c) => c.encryptionType },
  { name: 'kms_key', kind: 'string', value: (c) => c.kmsKey },
];

const ARGUMENTS: readonly Argument<Config>[] = [
  { name: 'applied_for', kind: 'stringSet', value: (c) => c.appliedFor },
  { name: 'custom_role_arn', kind: 'string', value: (c) => c.customRoleArn },
  { name: 'description', kind: 'string', value: (c) => c.description },
  { name: 'image_tag_mutability', kind: 'string', value: (c) => c.imageTagMutability },
  { name: 'lifecycle_policy', kind: 'string', value: (c) => c.lifecyclePolicy },
  { name: 'prefix', kind: 'string', value: (c) => c.prefix },
  { name: 'region', kind: 'string', value: (c) => c.region },
  { name: 'repository_policy', kind: 'string', value: (c) => c.repositoryPolicy },
  { name: 'resource_tags', kind: 'stringMap', value: (c) => c.resourceTags },
  {
    name: 'encryption_configuration',
    kind: 'block',
    value: (c) => (c.encryptionType === undefined && c.kmsKey === undefined ? undefined : c),
    block: ENCRYPTION,
    storageClassType: 'EcrRepositoryCreationTemplateEncryptionConfigurationList',
  },
];

/** `aws_ecr_repository_creation_template`. */
export class EcrRepositoryCreationTemplate extends AwsResource<Config> {
  public static readonly tfResourceType = 'aws_ecr_repository_creation_template';

  constructor(scope: Construct, id: string, config: Config) {
    super(scope, id, EcrRepositoryCreationTemplate.tfResourceType, ARGUMENTS, config, config.dependsOn);
  }
}
