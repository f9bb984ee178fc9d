import { Construct } from 'constructs';
import { Arguments, block, str, stringMap, stringSet } from './attributes';
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

/** `aws_ecr_repository_creation_template`. */
export class EcrRepositoryCreationTemplate extends AwsResource {
  public static readonly tfResourceType = 'aws_ecr_repository_creation_template';

  constructor(scope: Construct, id: string, private readonly config: EcrRepositoryCreationTemplateConfig) {
    super(scope, id, EcrRepositoryCreationTemplate.tfResourceType, config);
  }

  protected arguments(): Arguments {
    const c = this.config;
    const encryption = c.encryptionType === undefined && c.kmsKey === undefined
      ? undefined
      : { encryption_type: str(c.encryptionType), kms_key: str(c.kmsKey) };
    return {
      applied_for: stringSet(c.appliedFor),
      custom_role_arn: str(c.customRoleArn),
      description: str(c.description),
      image_tag_mutability: str(c.imageTagMutability),
      lifecycle_policy: str(c.lifecyclePolicy),
      prefix: str(c.prefix),
      region: str(c.region),
      repository_policy: str(c.repositoryPolicy),
      resource_tags: stringMap(c.resourceTags),
      encryption_configuration: block('EcrRepositoryCreationTemplateEncryptionConfigurationList', encryption),
    };
  }
}
