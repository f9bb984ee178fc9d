import { App, Testing, TerraformOutput, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';

/**
 * The core this suite runs on: 'cdktf' here, 'cdktn' in the CDK Terrain flavor that scripts/flavor.js generates
 * from these same files (its imports name 'cdktn'). Picks per-flavor goldens where the two cores' output differs.
 */
export const CORE: string = require('cdktf/package.json').name;

/** A stack with an AWS provider, as a user would start one. */
export function newStack(id = 'test'): TerraformStack {
  const app = Testing.app();
  const stack = new TerraformStack(app, id);
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  return stack;
}

/** The synthesized JSON text of a stack, for cdktf's matchers; validations run as in `cdktf synth`. */
export function synth(stack: TerraformStack): string {
  return Testing.synth(stack, true);
}

/** Runs the stack's validations as `cdktf synth` does and returns the error text; fails when synth succeeds. */
export function synthError(stack: TerraformStack): string {
  try {
    Testing.synth(stack, true);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('synth did not fail');
}

/** The synthesized JSON of a stack, parsed; validations run as in `cdktf synth`. */
export function synthJson(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack, true));
}

/** The resources of one type, by name, without cdktf's metadata. */
export function resourcesOf(json: any, type: string): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [name, body] of Object.entries<any>(json.resource?.[type] ?? {})) {
    const { ['//']: _meta, ...rest } = body;
    out[name] = rest;
  }
  return out;
}

/** The only resource of a type; fails when there are more or none. */
export function onlyResource(json: any, type: string): any {
  const all = Object.values(resourcesOf(json, type));
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0];
}

/** Warnings cdktf recorded for constructs of a stack. */
export function warningsOf(stack: TerraformStack): string[] {
  return stack.node.findAll()
    .flatMap((c) => c.node.metadata)
    .filter((m) => m.type === '@cdktf/warn')
    .map((m) => String(m.data));
}

export const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:ecr-pullthroughcache/docker-hub-AbCdEf';

export { App };

/** A value as the synthesized configuration shows it (tokens become Terraform expressions); validations run. */
export function resolveIn(stack: TerraformStack, value: string): string {
  const id = `resolved${stack.node.children.length}`;
  new TerraformOutput(stack, id, { value });
  return synthJson(stack).output[id].value;
}
