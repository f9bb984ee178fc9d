/**
 * The policy that lets an IAM role pull through one or more rules, including the first pull that creates the cached
 * repository. What it holds is decided at synth by stack-checks.ts, once every rule and template is known.
 */
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { IamRolePolicy } from './aws/iam-role-policy';
import { GrantTarget, grantPolicy } from './stack-checks';
import { callerIdentityOf, partitionOf } from './stack-data';
import { validateIamRoleName } from './validate';

export type { GrantTarget };

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
  grantPolicy(scope, id, roleName, targets);
}
