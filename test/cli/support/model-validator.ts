/**
 * Validates request bodies against the ECR API model (reference/ecr-pull-through-cache-model.json), read at
 * run time: required members, string length and pattern, list length, integer range, enums and types.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Shape {
  readonly type: string;
  readonly members?: Record<string, { readonly shape: string }>;
  readonly member?: { readonly shape: string };
  readonly required?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
}

/** The parts of the model the endpoint uses. */
export interface ApiModel {
  readonly metadata: { readonly targetPrefix: string };
  readonly operations: Record<string, { readonly input: { readonly shape: string }; readonly errors: readonly { shape: string }[] }>;
  readonly shapes: Record<string, Shape>;
}

const REFERENCE = join(__dirname, '..', '..', '..', 'reference');

/** Loads the in-repo model copy. */
export function loadModel(): ApiModel {
  return JSON.parse(readFileSync(join(REFERENCE, 'ecr-pull-through-cache-model.json'), 'utf8')) as ApiModel;
}

/** An operation's paginator: which input and output members carry the token, the limit and the results. */
export interface Paginator {
  readonly input_token: string;
  readonly output_token: string;
  readonly limit_key: string;
  readonly result_key: string;
}

/** Loads an operation's paginator from the in-repo reference/ecr-paginators.json. */
export function loadPaginator(operation: string): Paginator {
  const all = JSON.parse(readFileSync(join(REFERENCE, 'ecr-paginators.json'), 'utf8')) as { pagination: Record<string, Paginator> };
  const paginator = all.pagination[operation];
  if (!paginator) throw new Error(`reference/ecr-paginators.json has no paginator for ${operation}`);
  return paginator;
}

/** An error in the `__type` + `message` shape that the SDK parses. */
export interface ApiError {
  readonly type: string;
  readonly message: string;
  readonly status: number;
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function check(model: ApiModel, shapeName: string, value: unknown, path: string, problems: string[], serialization: string[]): void {
  const shape = model.shapes[shapeName];
  if (!shape) throw new Error(`model has no shape ${shapeName}`);
  const fail = (constraint: string) =>
    problems.push(`Value '${show(value)}' at '${path}' failed to satisfy constraint: Member must ${constraint}`);
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        serialization.push(`Expected an object at '${path || 'body'}'`);
        return;
      }
      const obj = value as Record<string, unknown>;
      for (const name of shape.required ?? []) {
        if (obj[name] === undefined || obj[name] === null) {
          problems.push(`Value null at '${name}' failed to satisfy constraint: Member must not be null`);
        }
      }
      for (const [name, member] of Object.entries(shape.members ?? {})) {
        if (obj[name] !== undefined && obj[name] !== null) {
          check(model, member.shape, obj[name], path ? `${path}.${name}` : name, problems, serialization);
        }
      }
      return;
    }
    case 'list': {
      if (!Array.isArray(value)) {
        serialization.push(`Expected a list at '${path}'`);
        return;
      }
      if (shape.min !== undefined && value.length < shape.min) fail(`have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && value.length > shape.max) fail(`have length less than or equal to ${shape.max}`);
      value.forEach((item, i) => check(model, shape.member!.shape, item, `${path}.${i + 1}.member`, problems, serialization));
      return;
    }
    case 'string': {
      if (typeof value !== 'string') {
        serialization.push(`Expected a string at '${path}'`);
        return;
      }
      if (shape.min !== undefined && value.length < shape.min) fail(`have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && value.length > shape.max) fail(`have length less than or equal to ${shape.max}`);
      if (shape.pattern !== undefined && !new RegExp(shape.pattern).test(value)) {
        fail(`satisfy regular expression pattern: ${shape.pattern}`);
      }
      if (shape.enum && !shape.enum.includes(value)) fail(`satisfy enum value set: [${shape.enum.join(', ')}]`);
      return;
    }
    case 'integer':
    case 'long': {
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        serialization.push(`Expected an integer at '${path}'`);
        return;
      }
      if (shape.min !== undefined && value < shape.min) fail(`have value greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && value > shape.max) fail(`have value less than or equal to ${shape.max}`);
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') serialization.push(`Expected a boolean at '${path}'`);
      return;
    default:
      return;
  }
}

/** Checks an operation's input against the model; returns the error AWS would return, if any. */
export function validateInput(model: ApiModel, operation: string, body: unknown): ApiError | undefined {
  const op = model.operations[operation];
  if (!op) return { type: 'UnknownOperationException', message: `Unknown operation ${operation}`, status: 400 };
  const problems: string[] = [];
  const serialization: string[] = [];
  check(model, op.input.shape, body, '', problems, serialization);
  if (serialization.length > 0) return { type: 'SerializationException', message: serialization[0], status: 400 };
  if (problems.length === 0) return undefined;
  const count = problems.length === 1 ? '1 validation error detected' : `${problems.length} validation errors detected`;
  return { type: 'ValidationException', message: `${count}: ${problems.join('; ')}`, status: 400 };
}
