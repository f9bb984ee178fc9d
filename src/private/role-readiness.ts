/**
 * Roles made in a stack by this library, by the ARN token handed to users, with what must exist before the role can
 * be used: its policy. IAM is eventually consistent, and ECR checks a rule's role when the rule is created, so a
 * rule whose role is made in the same stack waits for the role's policy as well as for the role.
 */
import { ITerraformDependable, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import type { UpstreamScope } from './stack-checks';
import { stackState } from './stack-data';
import { isTokenString } from './tokens';

const READINESS = Symbol.for('cdktf-ecr-pull-through-cache.role-readiness');

/** A role made in this stack. */
export interface RecordedRole {
  /** What must exist before the role can be used: its policy. */
  readonly ready: ITerraformDependable;
  /** Tells the role that a rule in `region` with repository prefix `prefix` uses it. */
  readonly usedBy: (region: string, prefix: string) => void;
  /** What the role reads upstream, checked against each rule that uses it. */
  readonly upstream?: UpstreamScope;
}

/** Records the role whose ARN is `roleArn` (a token). */
export function recordRole(scope: IConstruct, roleArn: string, role: RecordedRole): void {
  stackState(TerraformStack.of(scope), READINESS, () => new Map<string, RecordedRole>()).set(roleArn, role);
}

/** The role of `roleArn` when it was made in the same stack as `scope`. */
export function recordedRole(scope: IConstruct, roleArn: string | undefined): RecordedRole | undefined {
  if (roleArn === undefined || !isTokenString(roleArn)) return undefined;
  return stackState<Map<string, RecordedRole>>(TerraformStack.of(scope), READINESS)?.get(roleArn);
}
