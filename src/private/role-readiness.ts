/**
 * Roles made in a stack by this library, by the ARN token handed to users, with what must exist before the role can
 * be used: its policy. IAM is eventually consistent, and ECR checks a rule's role when the rule is created, so a
 * rule whose role is made in the same stack waits for the role's policy as well as for the role.
 */
import { ITerraformDependable, TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';

const READINESS = Symbol.for('cdktf-ecr-pull-through-cache.role-readiness');

function mapOf(scope: IConstruct, create: boolean): Map<string, ITerraformDependable> | undefined {
  const stack = TerraformStack.of(scope) as unknown as { [READINESS]?: Map<string, ITerraformDependable> };
  if (stack[READINESS] === undefined && create) {
    Object.defineProperty(stack, READINESS, { value: new Map(), enumerable: false });
  }
  return stack[READINESS];
}

/** Records that the role whose ARN is `roleArn` (a token) is usable once `ready` exists. */
export function recordRole(scope: IConstruct, roleArn: string, ready: ITerraformDependable): void {
  mapOf(scope, true)!.set(roleArn, ready);
}

/** What a resource of `scope` that uses `roleArn` must wait for, when the role was made in the same stack. */
export function readinessOf(scope: IConstruct, roleArn: string | undefined): ITerraformDependable | undefined {
  if (roleArn === undefined || !Token.isUnresolved(roleArn)) return undefined;
  return mapOf(scope, false)?.get(roleArn);
}
