/**
 * Which core (cdktf or CDK Terrain's cdktn) a stack belongs to. This library is built once per core; the package of
 * one core in a stack of the other fails deep inside the core (`_recordFunctionUsage is not a function`), or worse,
 * synthesizes some stacks. So each construct checks its stack first, once per stack, and names the right package.
 */
import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import * as errors from './errors';
import { printWarningsAtSynth } from './warnings';

const JSII_RTTI = Symbol.for('jsii.rtti');

/**
 * The core a stack class comes from: the first class up its chain that is the core's own `TerraformStack`, told by
 * the type name jsii records on it (`cdktf.TerraformStack`, `cdktn.TerraformStack`); undefined for anything else.
 * Both cores mark their stacks with the same symbol, so `TerraformStack.of` accepts either.
 */
function coreOf(stackClass: unknown): string | undefined {
  for (let c = stackClass; typeof c === 'function'; c = Object.getPrototypeOf(c)) {
    if (!Object.prototype.hasOwnProperty.call(c, JSII_RTTI)) continue;
    const fqn = (c as unknown as { [JSII_RTTI]?: { fqn?: string } })[JSII_RTTI]?.fqn;
    if (fqn === 'cdktf.TerraformStack' || fqn === 'cdktn.TerraformStack') return fqn.slice(0, fqn.indexOf('.'));
  }
  return undefined;
}

/** The core this copy of the library loaded: 'cdktf', or 'cdktn' in the CDK Terrain flavor. */
export const LIBRARY_CORE: string = coreOf(TerraformStack) ?? 'cdktf';

const checked = new WeakSet<object>();

/**
 * Throws when `scope`'s stack belongs to the other core. Each stack is looked at once, by the first construct of this
 * library in it, which also prints the library's warnings when the stack is synthesized without a CLI.
 */
export function checkCore(scope: IConstruct): void {
  const stack = TerraformStack.of(scope);
  if (checked.has(stack)) return;
  const core = coreOf(stack.constructor);
  if (core !== undefined && core !== LIBRARY_CORE) throw errors.otherCore(scope, core, LIBRARY_CORE);
  checked.add(stack);
  printWarningsAtSynth(scope);
}
