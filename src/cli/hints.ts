/** What to fix when a rule fails validation or is missing: from the failure text and from the rule's ARNs. */

/** Every pull-through cache secret's name starts with this. */
export const SECRET_NAME_PREFIX = 'ecr-pullthroughcache/';

interface HintRule {
  readonly test: RegExp;
  readonly hint: string;
}

/** Known failure reasons, most specific first. */
const HINTS: readonly HintRule[] = [
  {
    test: /(secret|ResourceNotFound).*(not found|does not exist|can't find|cannot find)|SecretNotFound/i,
    hint: "the secret in credentialArn does not exist: create it (name starting 'ecr-pullthroughcache/', same account and region as the rule) or point the rule at the right ARN",
  },
  {
    test: /decrypt|kms/i,
    hint: 'ECR cannot decrypt the secret: use the default aws/secretsmanager key, not a customer managed KMS key',
  },
  {
    test: /trust (policy|relationship)|not trusted/i,
    hint: 'ECR cannot assume customRoleArn: its trust policy must trust pullthroughcache.ecr.amazonaws.com (not ecr.amazonaws.com); EcrUpstreamRole makes such a role',
  },
  {
    test: /assume|sts:/i,
    hint: 'ECR cannot assume customRoleArn: the role must exist in this account and trust pullthroughcache.ecr.amazonaws.com',
  },
  {
    test: /(access|permission).*(denied|secret)|not authorized|unable to access/i,
    hint: 'ECR cannot read the secret: check the secret resource policy and that it is in the same account and region as the rule',
  },
  {
    test: /format|json|parse|syntax/i,
    hint: 'the secret value must be JSON with the keys "username" and "accessToken"',
  },
  {
    test: /username|password|access ?token|authenticat|unauthori[sz]ed|\b401\b|credentials?/i,
    hint: 'the upstream registry rejected the username/accessToken in the secret: store a valid token (JSON {"username","accessToken"})',
  },
  {
    test: /reach|connect|timed? ?out|unavailable/i,
    hint: 'ECR could not reach the upstream registry: check the upstream URL and its status',
  },
];

/** A hint on what to fix for a validation failure reason, if the reason is recognised. */
export function failureHint(failure: string | undefined): string | undefined {
  if (!failure) return undefined;
  return HINTS.find((h) => h.test.test(failure))?.hint;
}

/** The ARNs and place of a rule, as far as they are known (live, or declared as literals). */
export interface RuleFacts {
  /** The Region the rule is in. */
  readonly region: string;
  /** The registry (account) of the rule, when known. */
  readonly registryId?: string;
  /** Secret ARNs the rule uses or declares (literal values only). */
  readonly credentialArns: readonly (string | undefined)[];
  /** Role ARNs the rule uses or declares (literal values only). */
  readonly customRoleArns: readonly (string | undefined)[];
}

const SECRET_ARN = /^arn:[\w-]+:secretsmanager:([a-z0-9-]+):(\d{12}):secret:(.+)$/;
const ROLE_ARN = /^arn:[\w-]+:iam::(\d{12}):role\//;

function secretHint(arn: string, facts: RuleFacts): string | undefined {
  const m = SECRET_ARN.exec(arn);
  if (!m) return undefined;
  const [, region, account, name] = m;
  if (!name.startsWith(SECRET_NAME_PREFIX)) {
    return `the secret ${name} is not named '${SECRET_NAME_PREFIX}...': ECR uses only secrets whose name starts with '${SECRET_NAME_PREFIX}'; store the credential in a secret named so and point credential_arn at it`;
  }
  if (region !== facts.region) {
    return `the secret is in ${region} but the rule is in ${facts.region}: ECR reads the secret only in the rule's own Region; create the secret in ${facts.region} and point credential_arn at it`;
  }
  if (facts.registryId !== undefined && account !== facts.registryId) {
    return `the secret is in account ${account} but the rule is in registry ${facts.registryId}: the secret must be in the same account as the rule`;
  }
  return undefined;
}

function roleHint(arn: string, facts: RuleFacts): string | undefined {
  const account = ROLE_ARN.exec(arn)?.[1];
  if (account === undefined || facts.registryId === undefined || account === facts.registryId) return undefined;
  return `customRoleArn is a role of account ${account} but the rule is in registry ${facts.registryId}: the role must live in the cache account and trust pullthroughcache.ecr.amazonaws.com`;
}

/** A hint from the rule's own ARNs (secret name, Region or account, role account), if one of them is wrong. */
export function configurationHint(facts: RuleFacts): string | undefined {
  for (const arn of facts.credentialArns) {
    const hint = arn === undefined ? undefined : secretHint(arn, facts);
    if (hint) return hint;
  }
  for (const arn of facts.customRoleArns) {
    const hint = arn === undefined ? undefined : roleHint(arn, facts);
    if (hint) return hint;
  }
  return undefined;
}

/** The fix for an invalid rule: what its ARNs show first, else what the failure text says. */
export function invalidRuleHint(failure: string | undefined, facts: RuleFacts): string | undefined {
  return configurationHint(facts) ?? failureHint(failure);
}
