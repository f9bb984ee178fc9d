/**
 * The inline policy that lets an IAM role pull through one or more rules, including the first pull that
 * creates the cached repository.
 */
import { Lazy, Token } from 'cdktf';
import { Construct } from 'constructs';
import { IamRolePolicy } from './aws/iam-role-policy';
import {
  AUTH_TOKEN_ACTION,
  FIRST_PULL_ACTIONS,
  policyDocument,
  PolicyStatement,
  PULL_ACTIONS,
  TAG_ON_CREATE_ACTIONS,
} from './iam';
import { callerIdentityOf, partitionOf } from './stack-data';
import { validateIamRoleName } from './validate';

/** What a grant needs of each rule. */
export interface GrantTarget {
  /** `arn:<partition>:ecr:<region>:<account>:repository/<prefix>/*` */
  readonly repositoryArn: string;
  /** Whether the rule's creation template tags new repositories. */
  readonly tagsOnCreate: boolean;
}

/** The pull policy for a set of rules; `targets` is read at synth, so rules added later are included. */
export function pullPolicy(targets: () => GrantTarget[]): string {
  return Lazy.stringValue({
    produce: () => {
      const list = targets();
      const statements: PolicyStatement[] = [
        { Sid: 'EcrAuthorizationToken', Effect: 'Allow', Action: AUTH_TOKEN_ACTION, Resource: '*' },
        { Sid: 'PullThroughCache', Effect: 'Allow', Action: [...PULL_ACTIONS, ...FIRST_PULL_ACTIONS], Resource: list.map((t) => t.repositoryArn) },
      ];
      // Tagging on creation only where a rule's template sets tags.
      const tagged = list.filter((t) => t.tagsOnCreate).map((t) => t.repositoryArn);
      if (tagged.length > 0) {
        statements.push({ Sid: 'TagOnCreate', Effect: 'Allow', Action: TAG_ON_CREATE_ACTIONS, Resource: tagged });
      }
      return policyDocument(statements);
    },
  });
}

/**
 * Adds (once per role) an `aws_iam_role_policy` under `scope` on the role named `roleName`.
 * The construct id is `PullGrant-<roleName>` for a literal name; `PullGrant<n>` for a token.
 */
export function addPullGrant(scope: Construct, roleName: string, targets: () => GrantTarget[]): void {
  validateIamRoleName(scope.node.path, 'roleName', roleName);
  // The policy is produced at synth; the data sources it refers to must exist before then.
  callerIdentityOf(scope);
  partitionOf(scope);
  let id: string;
  if (Token.isUnresolved(roleName)) {
    const existing = scope.node.children.filter((c) => c.node.id.startsWith('PullGrant') && (c as IamRolePolicy).roleInput === roleName);
    if (existing.length > 0) return;
    id = `PullGrant${scope.node.children.filter((c) => /^PullGrant\d+$/.test(c.node.id)).length + 1}`;
  } else {
    id = `PullGrant-${roleName}`;
    if (scope.node.tryFindChild(id) !== undefined) return;
  }
  new IamRolePolicy(scope, id, { role: roleName, policy: pullPolicy(targets) });
}
