/**
 * The limits of every argument this library writes, one entry per argument of each resource and data source class
 * of this folder: the Terraform AWS provider's plan-time validator, the AWS API's constraint, and the library's own
 * stricter rule where it has one (always with its reason). A value is accepted when it meets all three.
 *
 * The classes' `ARGUMENTS` tables point at these entries (`Argument.limits`), the validators of `../validate.ts` and
 * the numbers and "what is allowed" text of `../errors.ts` are read from them, and the tests walk them
 * (`test/private/aws/argument-table.test.ts`, which also compares every ECR entry with the API model in `reference/`).
 *
 * This module loads nothing (no core, no constructs), so the command-line tool can read it too.
 */

/**
 * The provider whose Go source the `provider` entries were read from: the v6 line the prebuilt provider packages for
 * cdktf 21.22.1 and CDK Terrain 25.7.0 are generated from (schema 6.25; the files were read on the repository's main
 * branch, whose arguments match that schema).
 */
export const PROVIDER_SOURCE = 'hashicorp/terraform-provider-aws, v6 (schema 6.25)';

/** One source's constraint on a value. Lengths and counts are inclusive; an absent field means no limit. */
export interface Constraint {
  /** String length in characters. */
  readonly minLength?: number;
  readonly maxLength?: number;
  /** A regular expression (JavaScript syntax; the sources' RE2 and Java patterns used here read the same). */
  readonly pattern?: string;
  /** The source matches the pattern anywhere in the value (Go's `validation.StringMatch`, or an API pattern without `^...$`). */
  readonly unanchored?: boolean;
  /** The pattern needs Unicode mode (`\p{...}` classes). */
  readonly unicode?: boolean;
  /** The values allowed, for an enumeration. */
  readonly values?: readonly string[];
  /** A whole number in `min`-`max`, or one of `alsoAllowed`. */
  readonly min?: number;
  readonly max?: number;
  readonly alsoAllowed?: readonly number[];
  /** Number of blocks, list or map entries. */
  readonly minItems?: number;
  readonly maxItems?: number;
  /** The value must be a JSON document. */
  readonly json?: boolean;
  /** Map keys and values (tags): key length, value length. */
  readonly minKeyLength?: number;
  readonly maxKeyLength?: number;
  readonly maxValueLength?: number;
  /** At most this many `*` (image tag filters). */
  readonly maxWildcards?: number;
  /** What else the source checks that the fields above do not say (not checked by the library unless it says so). */
  readonly note?: string;
}

/** The provider's plan-time validator of an argument: a failure stops `terraform plan`. */
export interface ProviderConstraint extends Constraint {
  /** The Go file of the provider repository the validator was read from. */
  readonly file: string;
}

/** The AWS API's constraint on the request member an argument becomes: a failure stops `terraform apply`. */
export interface ApiConstraint extends Constraint {
  /** The API shape (ECR: a shape of `reference/ecr-pull-through-cache-model.json`, compared by the tests). */
  readonly shape: string;
  /** Where it was read: `ecr-model` for the model in `reference/`, else the documentation page. */
  readonly source: string;
}

/** A rule of the library beyond provider and API, with the reason it is stricter. */
export interface LibraryConstraint extends Constraint {
  readonly reason: string;
}

/** The limits of one argument. */
export interface ArgumentLimits {
  /** Absent when the provider validates nothing at plan. */
  readonly provider?: ProviderConstraint;
  /** Absent when the API states no constraint. */
  readonly api?: ApiConstraint;
  /** Absent when the library accepts exactly what provider and API accept. */
  readonly library?: LibraryConstraint;
  /** What is allowed, in words, for error messages (the numbers are added from the constraints). */
  readonly allowed: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Shared pieces

const ECR = 'internal/service/ecr/';
const ECR_MODEL = 'ecr-model';

/** The provider's repository prefix pattern of `aws_ecr_pull_through_cache_rule` (both prefixes). */
const RULE_PREFIX_PATTERN = '^((?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*/?|ROOT)$';
/** The API's repository prefix pattern (shapes PullThroughCacheRuleRepositoryPrefix and Prefix). */
const API_PREFIX_PATTERN = '^([a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(\\/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*\\/?|ROOT)$';

const RULE_PREFIX = {
  provider: { file: `${ECR}pull_through_cache_rule.go`, minLength: 2, maxLength: 30, pattern: RULE_PREFIX_PATTERN },
  api: { shape: 'PullThroughCacheRuleRepositoryPrefix', source: ECR_MODEL, minLength: 2, maxLength: 30, pattern: API_PREFIX_PATTERN },
  allowed: `lowercase letters and digits, separated by single '.', '_', '-' or '/' (no leading, trailing or doubled separators; one trailing '/' is allowed), or 'ROOT'`,
} satisfies ArgumentLimits;

const REGION = {
  provider: {
    file: 'internal/provider/sdkv2/region.go',
    note: 'ValidateInContextRegionInPartition: a Region of the provider\'s partition, checked at plan (data sources: at read)',
  },
  library: {
    pattern: '^[a-z]{2}(-[a-z]+)+-\\d{1,2}$',
    reason: 'catches a mistyped Region at construction, before the Region checks between resources use it',
  },
  allowed: `a Region name such as 'us-east-1' or 'eu-west-1'`,
} satisfies ArgumentLimits;

/** verify.ValidARN: an ARN that parses, with a valid partition, Region and account when they are present. */
const PROVIDER_ARN_PATTERN = '^arn:aws(-[a-z]+)*:[a-z0-9-]+:([a-z]{2}(-[a-z]+)+-\\d{1,2})?:(\\d{12}|aws|)?:.+$';

const IAM_ROLE_NAME = {
  provider: { file: 'internal/service/iam/role.go', minLength: 1, maxLength: 64, pattern: '^[\\w+=,.@-]*$', note: 'validResourceName(64), validate.go' },
  api: { shape: 'roleNameType', source: 'IAM API reference, CreateRole', minLength: 1, maxLength: 64, pattern: '^[\\w+=,.@-]+$' },
  allowed: `letters, digits or '+=,.@_-' (a name, not an ARN)`,
} satisfies ArgumentLimits;

const IAM_POLICY = {
  provider: { file: 'internal/service/iam/role_policy.go', json: true, note: 'verify.ValidIAMPolicyJSON: a JSON object' },
  api: {
    shape: 'policyDocumentType',
    source: 'IAM API reference, PutRolePolicy; IAM quotas: inline policies of a role 10,240 characters in all',
    minLength: 1,
    maxLength: 131072,
  },
  allowed: 'a JSON policy document',
} satisfies ArgumentLimits;

const TAGS = {
  api: {
    shape: 'Tag',
    source: 'ECR API reference, Tag; ECR quotas: 50 tags per resource',
    maxItems: 50,
    minKeyLength: 1,
    maxKeyLength: 128,
    maxValueLength: 256,
  },
  allowed: 'at most 50 tags, keys of 1-128 characters and values of at most 256',
} satisfies ArgumentLimits;

// ---------------------------------------------------------------------------------------------------------------
// aws_ecr_pull_through_cache_rule (resource)

export const ECR_PULL_THROUGH_CACHE_RULE = {
  credential_arn: {
    provider: { file: `${ECR}pull_through_cache_rule.go`, pattern: PROVIDER_ARN_PATTERN, note: 'verify.ValidARN' },
    api: {
      shape: 'CredentialArn',
      source: ECR_MODEL,
      minLength: 50,
      maxLength: 612,
      pattern: '^arn:aws(-\\w+)*:secretsmanager:[a-zA-Z0-9-:]+:secret:ecr\\-pullthroughcache\\/[a-zA-Z0-9\\/_+=.@-]+$',
    },
    allowed: `a Secrets Manager secret ARN whose secret name starts with 'ecr-pullthroughcache/'`,
  },
  custom_role_arn: {
    provider: { file: `${ECR}pull_through_cache_rule.go`, pattern: PROVIDER_ARN_PATTERN, note: 'verify.ValidARN' },
    api: { shape: 'CustomRoleArn', source: ECR_MODEL, maxLength: 2048 },
    library: {
      pattern: '^arn:aws(-[a-z]+)*:iam::\\d{12}:role\\/[\\w+=,.@\\/-]{1,512}$',
      reason: 'ECR assumes the role to pull from an ECR upstream, so anything but an IAM role ARN fails the first pull',
    },
    allowed: `an IAM role ARN such as 'arn:aws:iam::111122223333:role/name'`,
  },
  ecr_repository_prefix: RULE_PREFIX,
  region: REGION,
  upstream_registry_url: {
    api: { shape: 'Url', source: ECR_MODEL, note: 'the upstream registries ECR supports, see UpstreamRegistry' },
    allowed: 'the URL of a supported upstream registry, made by an UpstreamRegistry preset',
  },
  upstream_repository_prefix: RULE_PREFIX,
} satisfies Record<string, ArgumentLimits>;

// ---------------------------------------------------------------------------------------------------------------
// aws_ecr_pull_through_cache_rule (data source)

export const DATA_AWS_ECR_PULL_THROUGH_CACHE_RULE = {
  ecr_repository_prefix: {
    provider: {
      file: `${ECR}pull_through_cache_rule_data_source.go`,
      minLength: 2,
      maxLength: 30,
      pattern: '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*',
      unanchored: true,
      note: `no 'ROOT': only the resource's pattern has it`,
    },
    api: { shape: 'PullThroughCacheRuleRepositoryPrefix', source: ECR_MODEL, minLength: 2, maxLength: 30, pattern: API_PREFIX_PATTERN },
    allowed: `lowercase letters and digits, separated by '.', '_', '__', '-' or '/' (no leading or trailing separator; one trailing '/' is allowed); ` +
      `not 'ROOT', which the data source cannot read`,
  },
  region: REGION,
} satisfies Record<string, ArgumentLimits>;

// ---------------------------------------------------------------------------------------------------------------
// aws_ecr_repository_creation_template

const TEMPLATE = `${ECR}repository_creation_template.go`;

/** Image tag mutability values, in the order of the API model. */
export const IMAGE_TAG_MUTABILITY_VALUES = ['MUTABLE', 'IMMUTABLE', 'IMMUTABLE_WITH_EXCLUSION', 'MUTABLE_WITH_EXCLUSION'] as const;

export const ECR_REPOSITORY_CREATION_TEMPLATE = {
  applied_for: {
    provider: { file: TEMPLATE, minItems: 1, values: ['REPLICATION', 'PULL_THROUGH_CACHE', 'CREATE_ON_PUSH'] },
    api: { shape: 'RCTAppliedFor', source: ECR_MODEL, values: ['REPLICATION', 'PULL_THROUGH_CACHE', 'CREATE_ON_PUSH'] },
    library: { values: ['PULL_THROUGH_CACHE'], reason: 'the library makes templates for pull through cache only' },
    allowed: `'PULL_THROUGH_CACHE'`,
  },
  custom_role_arn: {
    provider: { file: TEMPLATE, pattern: PROVIDER_ARN_PATTERN, note: 'verify.ValidARN' },
    api: { shape: 'CustomRoleArn', source: ECR_MODEL, maxLength: 2048 },
    allowed: 'the ARN of the role the library makes for the template',
  },
  description: {
    provider: { file: TEMPLATE, minLength: 0, maxLength: 255 },
    api: { shape: 'RepositoryTemplateDescription', source: ECR_MODEL, maxLength: 256 },
    allowed: 'a description',
  },
  image_tag_mutability: {
    provider: { file: TEMPLATE, values: IMAGE_TAG_MUTABILITY_VALUES },
    api: { shape: 'ImageTagMutability', source: ECR_MODEL, values: IMAGE_TAG_MUTABILITY_VALUES },
    allowed: 'one of the RepositoryTagMutability values',
  },
  image_tag_mutability_exclusion_filter: {
    provider: { file: TEMPLATE, maxItems: 5, note: 'a block per filter' },
    api: { shape: 'ImageTagMutabilityExclusionFilters', source: ECR_MODEL, minItems: 1, maxItems: 5 },
    library: {
      note: 'only with IMMUTABLE_WITH_EXCLUSION or MUTABLE_WITH_EXCLUSION, which need at least one',
      reason: 'filters mean nothing with MUTABLE or IMMUTABLE, and the *_WITH_EXCLUSION values without one are rejected by ECR',
    },
    allowed: 'between 1 and 5 filters, with IMMUTABLE_WITH_EXCLUSION or MUTABLE_WITH_EXCLUSION only',
  },
  'image_tag_mutability_exclusion_filter.filter': {
    provider: { file: TEMPLATE, minLength: 1, maxLength: 128, pattern: '^[a-zA-Z0-9._*-]+$', maxWildcards: 2 },
    api: { shape: 'ImageTagMutabilityExclusionFilterValue', source: ECR_MODEL, minLength: 1, maxLength: 128, pattern: '^[0-9a-zA-Z._*-]{1,128}$' },
    allowed: `letters, digits and '._-', with at most 2 '*' wildcards`,
  },
  'image_tag_mutability_exclusion_filter.filter_type': {
    provider: { file: TEMPLATE, values: ['WILDCARD'] },
    api: { shape: 'ImageTagMutabilityExclusionFilterType', source: ECR_MODEL, values: ['WILDCARD'] },
    allowed: `'WILDCARD'`,
  },
  lifecycle_policy: {
    provider: { file: TEMPLATE, json: true },
    api: { shape: 'LifecyclePolicyTextForRepositoryCreationTemplate', source: ECR_MODEL, minLength: 0, maxLength: 30720 },
    allowed: 'a JSON lifecycle policy document',
  },
  prefix: {
    provider: {
      file: TEMPLATE,
      minLength: 2,
      maxLength: 256,
      pattern: '(?:ROOT|(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*)',
      unanchored: true,
    },
    api: { shape: 'Prefix', source: ECR_MODEL, minLength: 1, maxLength: 256, pattern: API_PREFIX_PATTERN },
    allowed: `lowercase letters and digits, separated by '.', '_', '__', '-' or '/' (no leading or trailing separator; one trailing '/' is allowed), or 'ROOT'`,
  },
  region: REGION,
  repository_policy: {
    provider: { file: TEMPLATE, json: true, note: 'sdkv2.IAMPolicyDocumentSchemaOptional' },
    api: { shape: 'RepositoryPolicyText', source: ECR_MODEL, minLength: 0, maxLength: 10240 },
    allowed: 'a JSON policy document',
  },
  resource_tags: TAGS,
  encryption_configuration: {
    provider: { file: TEMPLATE, note: 'a list block without max_items; the library writes one' },
    api: { shape: 'EncryptionConfigurationForRepositoryCreationTemplate', source: ECR_MODEL },
    allowed: 'one encryption configuration',
  },
  'encryption_configuration.encryption_type': {
    provider: { file: TEMPLATE, values: ['AES256', 'KMS', 'KMS_DSSE'] },
    api: { shape: 'EncryptionType', source: ECR_MODEL, values: ['AES256', 'KMS', 'KMS_DSSE'] },
    library: { values: ['AES256', 'KMS'], reason: 'RepositoryEncryption offers AES256 and KMS' },
    allowed: 'one of the RepositoryEncryption values',
  },
  'encryption_configuration.kms_key': {
    api: {
      shape: 'KmsKeyForRepositoryCreationTemplate',
      source: ECR_MODEL,
      minLength: 0,
      maxLength: 2048,
      pattern: '^$|arn:aws[a-z0-9-]*:kms:[a-z0-9-]+:[0-9]{12}:key\\/[a-z0-9-]+',
      note: 'the key must be in the Region of the repositories (the template\'s Region)',
    },
    library: {
      pattern: '^arn:aws[a-z0-9-]*:kms:[a-z0-9-]+:[0-9]{12}:key\\/[a-z0-9-]+$',
      reason: 'the API pattern matches a key ARN anywhere in the value; only a whole key ARN names a key',
    },
    allowed: `a KMS key ARN such as 'arn:aws:kms:us-east-1:111122223333:key/<key-id>' (an alias or key ID is not accepted by repository creation templates)`,
  },
} satisfies Record<string, ArgumentLimits>;

// ---------------------------------------------------------------------------------------------------------------
// aws_secretsmanager_secret and aws_secretsmanager_secret_version

const SECRET = 'internal/service/secretsmanager/secret.go';
const SECRET_VERSION = 'internal/service/secretsmanager/secret_version.go';

export const SECRETSMANAGER_SECRET = {
  description: {
    api: { shape: 'DescriptionType', source: 'Secrets Manager API reference, CreateSecret', maxLength: 2048 },
    allowed: 'a description',
  },
  name: {
    provider: { file: 'internal/service/secretsmanager/validate.go', maxLength: 512, pattern: '^[0-9A-Za-z/_+=.@-]+$' },
    api: { shape: 'NameType', source: 'Secrets Manager API reference, CreateSecret', minLength: 1, maxLength: 512 },
    library: {
      pattern: '^ecr-pullthroughcache/.+$',
      reason: `ECR uses only secrets whose name starts with 'ecr-pullthroughcache/' as pull through cache credentials`,
    },
    allowed: `after 'ecr-pullthroughcache/' 1 or more letters, digits or '/_+=.@-'`,
  },
  recovery_window_in_days: {
    provider: { file: SECRET, min: 7, max: 30, alsoAllowed: [0] },
    api: {
      shape: 'RecoveryWindowInDaysType',
      source: 'Secrets Manager API reference, DeleteSecret',
      min: 7,
      max: 30,
      alsoAllowed: [0],
      note: '0 is sent as ForceDeleteWithoutRecovery',
    },
    allowed: '0 (delete at once) or 7-30 days',
  },
  region: REGION,
  tags: {
    api: {
      shape: 'Tag',
      source: 'Secrets Manager API reference, Tag; Secrets Manager quotas: 50 tags per secret',
      maxItems: 50,
      minKeyLength: 1,
      maxKeyLength: 128,
      maxValueLength: 256,
    },
    allowed: 'at most 50 tags, keys of 1-128 characters and values of at most 256',
  },
} satisfies Record<string, ArgumentLimits>;

export const SECRETSMANAGER_SECRET_VERSION = {
  region: REGION,
  secret_id: {
    api: { shape: 'SecretIdType', source: 'Secrets Manager API reference, PutSecretValue', minLength: 1, maxLength: 2048 },
    allowed: 'the id of the secret the library makes',
  },
  secret_string: {
    provider: { file: SECRET_VERSION, note: 'sensitive; conflicts with secret_string_wo' },
    api: { shape: 'SecretStringType', source: 'Secrets Manager API reference, PutSecretValue', maxLength: 65536 },
    library: { reason: 'a literal would be written into the configuration: only a token is accepted' },
    allowed: 'a Terraform token',
  },
  secret_string_wo: {
    provider: { file: SECRET_VERSION, note: 'write-only (Terraform 1.11+); requires secret_string_wo_version' },
    api: { shape: 'SecretStringType', source: 'Secrets Manager API reference, PutSecretValue', maxLength: 65536 },
    library: { reason: 'a literal would be written into the configuration: only a token is accepted' },
    allowed: 'a Terraform token',
  },
  secret_string_wo_version: {
    provider: { file: SECRET_VERSION, note: 'a whole number; requires secret_string_wo' },
    library: { min: 1, reason: 'the version only grows: raising it writes the new value' },
    allowed: 'a whole number of 1 or more',
  },
} satisfies Record<string, ArgumentLimits>;

// ---------------------------------------------------------------------------------------------------------------
// aws_iam_role and aws_iam_role_policy

export const IAM_ROLE = {
  assume_role_policy: {
    provider: { file: 'internal/service/iam/role.go', json: true },
    api: {
      shape: 'policyDocumentType',
      source: 'IAM API reference, CreateRole; IAM quotas: role trust policy 2,048 characters',
      minLength: 1,
      maxLength: 131072,
    },
    allowed: 'a JSON trust policy',
  },
  description: {
    provider: {
      file: 'internal/service/iam/role.go',
      minLength: 0,
      maxLength: 1000,
      pattern: '^[^“‘]*$',
      note: 'and [\\p{L}\\p{M}\\p{Z}\\p{S}\\p{N}\\p{P}]*',
    },
    api: {
      shape: 'roleDescriptionType',
      source: 'IAM API reference, CreateRole',
      maxLength: 1000,
      pattern: '^[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*$',
    },
    allowed: 'a description in Latin-1 characters',
  },
  name: IAM_ROLE_NAME,
} satisfies Record<string, ArgumentLimits>;

export const IAM_ROLE_POLICY = {
  policy: IAM_POLICY,
  role: {
    provider: {
      file: 'internal/service/iam/role_policy.go',
      minLength: 1,
      maxLength: 128,
      pattern: '[\\w+=,.@-]+',
      unanchored: true,
      note: 'validRolePolicyRole (validate.go): also refuses an ARN',
    },
    api: IAM_ROLE_NAME.api,
    library: {
      pattern: '^[\\w+=,.@-]+$',
      reason: 'the whole name must be a role name: the provider matches its pattern anywhere in the value, IAM does not',
    },
    allowed: IAM_ROLE_NAME.allowed,
  },
} satisfies Record<string, ArgumentLimits>;

export const IAM_MANAGED_POLICY = {
  description: {
    provider: { file: 'internal/service/iam/policy.go', note: 'no validator; ForceNew' },
    api: { shape: 'policyDescriptionType', source: 'IAM API reference, CreatePolicy', maxLength: 1000 },
    allowed: 'a description of at most 1000 characters',
  },
  policy: {
    provider: { file: 'internal/service/iam/policy.go', json: true, note: 'verify.ValidIAMPolicyJSON: a JSON object' },
    api: {
      shape: 'policyDocumentType',
      source: 'IAM API reference, CreatePolicy; IAM quotas: a managed policy 6,144 characters (whitespace not counted)',
      minLength: 1,
      maxLength: 131072,
    },
    allowed: 'a JSON policy document',
  },
} satisfies Record<string, ArgumentLimits>;

export const IAM_ROLE_POLICY_ATTACHMENT = {
  policy_arn: {
    provider: { file: 'internal/service/iam/role_policy_attachment.go', pattern: PROVIDER_ARN_PATTERN, note: 'verify.ValidARN' },
    api: { shape: 'arnType', source: 'IAM API reference, AttachRolePolicy', minLength: 20, maxLength: 2048 },
    allowed: 'the ARN of the managed policy the library makes',
  },
  role: {
    provider: { file: 'internal/service/iam/role_policy_attachment.go', note: 'no validator; ForceNew' },
    api: IAM_ROLE_NAME.api,
    allowed: IAM_ROLE_NAME.allowed,
  },
} satisfies Record<string, ArgumentLimits>;

const REGISTRY_POLICY = `${ECR}registry_policy.go`;

export const ECR_REGISTRY_POLICY = {
  policy: {
    provider: { file: REGISTRY_POLICY, json: true, note: 'validation.StringIsJSON; the provider normalizes the JSON before PutRegistryPolicy' },
    api: { shape: 'RegistryPolicyText', source: ECR_MODEL, minLength: 0, maxLength: 10240 },
    allowed: 'a JSON policy document',
  },
  region: REGION,
} satisfies Record<string, ArgumentLimits>;

// ---------------------------------------------------------------------------------------------------------------
// aws_cloudwatch_event_rule, aws_cloudwatch_event_target (failure notifications)

const EVENTS = 'internal/service/events/';

export const CLOUDWATCH_EVENT_RULE = {
  description: {
    provider: { file: `${EVENTS}rule.go`, minLength: 0, maxLength: 512 },
    api: { shape: 'RuleDescription', source: 'EventBridge API reference, PutRule', maxLength: 512 },
    allowed: 'a description',
  },
  event_pattern: {
    provider: {
      file: `${EVENTS}rule.go`,
      json: true,
      maxLength: 4096,
      note: 'validateEventPatternValue: valid JSON, at most 4096 characters once normalized',
    },
    api: { shape: 'EventPattern', source: 'EventBridge API reference, PutRule', maxLength: 4096 },
    allowed: 'the event pattern the library makes (at most 50 prefixes of at most 30 characters fit)',
  },
  region: REGION,
} satisfies Record<string, ArgumentLimits>;

export const CLOUDWATCH_EVENT_TARGET = {
  arn: {
    provider: { file: `${EVENTS}target.go`, pattern: PROVIDER_ARN_PATTERN, note: 'verify.ValidARN' },
    api: { shape: 'TargetArn', source: 'EventBridge API reference, Target', minLength: 1, maxLength: 1600 },
    library: {
      pattern: '^arn:aws(-[a-z]+)*:sns:[a-z]{2}(-[a-z]+)+-\\d{1,2}:\\d{12}:[\\w-]{1,256}(\\.fifo)?$',
      reason: 'failure notifications go to an SNS topic: its name has 1-256 letters, digits, - or _ (SNS API reference, CreateTopic)',
    },
    allowed: `an SNS topic ARN such as 'arn:aws:sns:us-east-1:111122223333:alerts', in the Region of the rules`,
  },
  region: REGION,
  rule: {
    provider: { file: `${EVENTS}validate.go`, maxLength: 64, pattern: '^[0-9A-Za-z_.-]+$', note: 'validateRuleName' },
    api: { shape: 'RuleName', source: 'EventBridge API reference, PutTargets', minLength: 1, maxLength: 64, pattern: '^[\\.\\-_A-Za-z0-9]+$' },
    allowed: 'the name of the EventBridge rule the library makes',
  },
} satisfies Record<string, ArgumentLimits>;

// ---------------------------------------------------------------------------------------------------------------
// aws_sns_topic, aws_sns_topic_policy (failure notifications)

export const SNS_TOPIC = {
  region: REGION,
} satisfies Record<string, ArgumentLimits>;

export const SNS_TOPIC_POLICY = {
  arn: {
    provider: { file: 'internal/service/sns/topic_policy.go', pattern: PROVIDER_ARN_PATTERN, note: 'verify.ValidARN' },
    allowed: 'the ARN of the topic the library makes',
  },
  policy: {
    provider: { file: 'internal/service/sns/topic_policy.go', json: true, note: 'sdkv2.IAMPolicyDocumentSchemaRequired' },
    api: { shape: 'attributeValue', source: 'SNS API reference, SetTopicAttributes (Policy)', note: 'a JSON access policy' },
    allowed: 'a JSON access policy',
  },
  region: REGION,
} satisfies Record<string, ArgumentLimits>;

/** Every table, by Terraform type (`data.` for data sources). */
export const ARGUMENT_TABLES: { readonly [type: string]: { readonly [argument: string]: ArgumentLimits } } = {
  'aws_ecr_pull_through_cache_rule': ECR_PULL_THROUGH_CACHE_RULE,
  'data.aws_ecr_pull_through_cache_rule': DATA_AWS_ECR_PULL_THROUGH_CACHE_RULE,
  'aws_ecr_repository_creation_template': ECR_REPOSITORY_CREATION_TEMPLATE,
  'aws_secretsmanager_secret': SECRETSMANAGER_SECRET,
  'aws_secretsmanager_secret_version': SECRETSMANAGER_SECRET_VERSION,
  'aws_iam_role': IAM_ROLE,
  'aws_iam_role_policy': IAM_ROLE_POLICY,
  'aws_iam_policy': IAM_MANAGED_POLICY,
  'aws_iam_role_policy_attachment': IAM_ROLE_POLICY_ATTACHMENT,
  'aws_ecr_registry_policy': ECR_REGISTRY_POLICY,
  'aws_cloudwatch_event_rule': CLOUDWATCH_EVENT_RULE,
  'aws_cloudwatch_event_target': CLOUDWATCH_EVENT_TARGET,
  'aws_sns_topic': SNS_TOPIC,
  'aws_sns_topic_policy': SNS_TOPIC_POLICY,
};
