/**
 * Roles made in a stack by this library, by the ARN token handed to users, with what must exist before the role can
 * be used: its policy. IAM is eventually consistent, and ECR checks a rule's role when the rule is created, so a
 * rule whose role is made in the same stack waits for the role's policy as well as for the role.
 */
import { ITerraformDependable, TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';

const READINESS = Symbol.for('cdktf-ecr-pull-through-cache.role-readiness');

/** A role made in this stack. */
export interface RecordedRole {
  /** What must exist before the role can be used: its policy. */
  readonly ready: ITerraformDependable;
  /** Tells the role that a rule in `region` with repository prefix `prefix` uses it. */
  readonly usedBy: (region: string, prefix: string) => void;
}

function mapOf(scope: IConstruct, create: boolean): Map<string, RecordedRole> | undefined {
  const stack = TerraformStack.of(scope) as unknown as { [READINESS]?: Map<string, RecordedRole> };
  if (stack[READINESS] === undefined && create) {
    Object.defineProperty(stack, READINESS, { value: new Map(), enumerable: false });
  }
  return stack[READINESS];
}

/** Records the role whose ARN is `roleArn` (a token). */
export function recordRole(scope: IConstruct, roleArn: string, role: RecordedRole): void {
  mapOf(scope, true)!.set(roleArn, role);
}

/** The role of `roleArn` when it was made in the same stack as `scope`. */
export function recordedRole(scope: IConstruct, roleArn: string | undefined): RecordedRole | undefined {
  if (roleArn === undefined || !Token.isUnresolved(roleArn)) return undefined;
  return mapOf(scope, false)?.get(roleArn);
}
