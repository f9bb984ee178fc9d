/**
 * Reads `--synth <path>` for every command that gates on a synthesized stack: a stack's `cdk.tf.json`, the output
 * directory of `cdktf synth` / `cdktn synth`, or that directory's `manifest.json`. Anything else is a usage error
 * (exit 2) that names the file and what was expected: a check that did not understand its input never passes.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { UsageError } from './errors';

/** The largest file read as a stack or manifest; a synthesized stack of hundreds of rules is a few MiB. */
export const MAX_SYNTH_BYTES = 64 * 1024 * 1024;

/** The second line of every `--synth` error. */
export const SYNTH_EXPECTED =
  'expected: a synthesized stack (cdktf.out/stacks/<stack>/cdk.tf.json), the output directory of cdktf or cdktn synth (cdktf.out), or its manifest.json';

/** A Terraform JSON configuration whose sections have the shapes cdktf and cdktn write. */
export type TerraformDocument = Readonly<Record<string, unknown>>;

/** One stack read from `--synth`. */
export interface SynthStack {
  /** The stack name: from the manifest, else the stack's own metadata, else its directory's name. */
  readonly name: string;
  /** The path of its `cdk.tf.json`, as given or resolved against the manifest's directory. */
  readonly file: string;
  readonly document: TerraformDocument;
  /** The manifest that listed it, when `--synth` named an output directory or a manifest. */
  readonly manifest?: string;
}

/** Options of {@link read}. */
export interface ReadOptions {
  /** Only this stack of a directory or manifest (`--stack NAME`). */
  readonly stack?: string;
  /** Directory a relative path is resolved against (default: the process's). */
  readonly cwd?: string;
}

type Json = Record<string, unknown>;

/** Top-level keys of a Terraform JSON configuration (`//` holds comments). */
const SECTIONS: ReadonlySet<string> = new Set([
  '//', 'terraform', 'provider', 'variable', 'locals', 'output', 'module', 'resource', 'data', 'ephemeral',
  'moved', 'import', 'removed', 'check',
]);

/** Sections that may also be an array of objects (cdktf writes `import` and `moved` so). */
const ARRAY_SECTIONS: ReadonlySet<string> = new Set(['terraform', 'locals', 'moved', 'import', 'removed', 'check']);

/** Sections of `<type>.<name>.{arguments}` blocks. */
const TYPED_SECTIONS = ['resource', 'data', 'ephemeral'] as const;

function fail(file: string, problem: string): never {
  throw new UsageError(`--synth ${file}: ${problem}`, SYNTH_EXPECTED);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a JSON value is, for messages: `an array`, `null`, `a string`. */
export function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function quoted(key: string): string {
  return JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
}

/** Why `value` is not a Terraform JSON configuration as cdktf and cdktn write it, or undefined when it is one. */
export function terraformProblem(value: unknown): string | undefined {
  if (!isObject(value)) return `the file holds ${jsonKind(value)}, not a Terraform JSON configuration (an object of sections such as "resource")`;
  const keys = Object.keys(value);
  const unknown = keys.filter((k) => !SECTIONS.has(k));
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 3).map(quoted).join(', ') + (unknown.length > 3 ? ', …' : '');
    return unknown.length === 1
      ? `not a Terraform JSON configuration: top-level key ${shown} is not a Terraform section`
      : `not a Terraform JSON configuration: top-level keys ${shown} are not Terraform sections`;
  }
  if (keys.every((k) => k === '//')) return 'not a Terraform JSON configuration: it has no section (no "terraform", "provider", "resource" or "data")';
  // "//" holds comments (cdktf writes its metadata there): any value.
  for (const key of keys.filter((k) => k !== '//')) {
    const section = value[key];
    const objects = Array.isArray(section) && ARRAY_SECTIONS.has(key) && section.every(isObject);
    if (!isObject(section) && !objects) {
      const allowed = ARRAY_SECTIONS.has(key) ? 'an object or an array of objects' : 'an object';
      return `section "${key}" is ${jsonKind(section)}; expected ${allowed}`;
    }
  }
  for (const key of TYPED_SECTIONS) {
    const section = value[key] as Json | undefined;
    for (const [type, blocks] of Object.entries(section ?? {})) {
      if (!isObject(blocks)) return `"${key}.${type}" is ${jsonKind(blocks)}; expected an object of named blocks`;
      for (const [name, body] of Object.entries(blocks)) {
        if (!isObject(body)) return `"${key}.${type}.${name}" is ${jsonKind(body)}; expected an object of arguments`;
      }
    }
  }
  for (const [name, config] of Object.entries((value.provider as Json | undefined) ?? {})) {
    const configs = Array.isArray(config) ? config : [config];
    if (!configs.every(isObject)) return `"provider.${name}" is ${jsonKind(config)}; expected an object or an array of objects`;
  }
  return undefined;
}

/** Reads a file as JSON, or fails naming it: missing, unreadable, not a file, empty, too large, not JSON. */
async function readJson(file: string, absolute: string): Promise<unknown> {
  let text: string;
  try {
    const info = await stat(absolute);
    if (!info.isFile()) fail(file, info.isDirectory() ? 'a directory' : 'not a regular file');
    if (info.size === 0) fail(file, 'the file is empty');
    if (info.size > MAX_SYNTH_BYTES) {
      fail(file, `the file is ${(info.size / 1048576).toFixed(1)} MiB, more than the ${MAX_SYNTH_BYTES / 1048576} MiB a synthesized stack can be`);
    }
    text = await readFile(absolute, 'utf8');
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (err as Error).message;
    fail(file, `cannot read it (${reason}${code && code !== reason ? `, ${code}` : ''})`);
  }
  if (text.trim() === '') fail(file, 'the file holds only white space');
  try {
    return JSON.parse(text);
  } catch (err) {
    fail(file, `not JSON (${(err as Error).message.split('\n')[0]})`);
  }
}

function stackName(document: TerraformDocument, file: string): string {
  const metadata = (document['//'] as Json | undefined)?.metadata;
  const name = isObject(metadata) ? metadata.stackName : undefined;
  return typeof name === 'string' && name !== '' ? name : basename(dirname(resolve(file)));
}

function asStack(value: unknown, file: string, listedIn?: string): TerraformDocument {
  const problem = terraformProblem(value);
  if (problem === undefined) return value as TerraformDocument;
  return fail(file, listedIn === undefined ? problem : `${problem} (listed in ${listedIn})`);
}

/** The stacks a cdktf/cdktn manifest lists (`stacks.<name>.synthesizedStackPath`, relative to its directory). */
async function readManifest(file: string, absolute: string, manifest: Json, options: ReadOptions): Promise<SynthStack[]> {
  const stacks = manifest.stacks;
  if (!isObject(stacks)) fail(file, `"stacks" is ${jsonKind(stacks)}; expected an object of stacks as cdktf and cdktn write it`);
  const entries = Object.entries(stacks);
  if (entries.length === 0) fail(file, 'the manifest lists no stacks: the app synthesized nothing');
  const listed = entries.map(([key, entry]) => {
    if (!isObject(entry) || typeof entry.synthesizedStackPath !== 'string' || entry.synthesizedStackPath === '') {
      return fail(file, `"stacks.${key}" has no synthesizedStackPath; expected a manifest as cdktf and cdktn write it`);
    }
    return { name: typeof entry.name === 'string' ? entry.name : key, path: entry.synthesizedStackPath };
  });
  const wanted = options.stack === undefined ? listed : listed.filter((s) => s.name === options.stack);
  if (wanted.length === 0) {
    fail(file, `no stack named '${options.stack}' (it lists: ${listed.map((s) => s.name).join(', ')})`);
  }
  const stacksOut: SynthStack[] = [];
  for (const s of wanted) {
    const stackFile = isAbsolute(s.path) ? s.path : join(dirname(file), s.path);
    const value = await readJson(stackFile, resolve(dirname(absolute), s.path));
    stacksOut.push({ name: s.name, file: stackFile, document: asStack(value, stackFile, file), manifest: file });
  }
  return stacksOut;
}

/**
 * Reads `--synth <path>`: a `cdk.tf.json` gives its one stack; an output directory or its `manifest.json` gives every
 * stack listed (or only `options.stack`). Throws a `UsageError` (exit 2) naming the file and what was expected.
 */
export async function read(path: string, options: ReadOptions = {}): Promise<SynthStack[]> {
  if (path === '') throw new UsageError('--synth needs a path', SYNTH_EXPECTED);
  const absolute = resolve(options.cwd ?? process.cwd(), path);
  let file = path;
  let target = absolute;
  const info = await stat(absolute).catch(() => undefined);
  if (info?.isDirectory()) {
    file = join(path, 'manifest.json');
    target = join(absolute, 'manifest.json');
    if (!(await stat(target).catch(() => undefined))) {
      const inside = (await stat(join(absolute, 'cdk.tf.json')).catch(() => undefined)) ? `: it holds a stack, pass ${join(path, 'cdk.tf.json')}` : '';
      fail(path, `a directory without manifest.json${inside}`);
    }
  }
  const value = await readJson(file, target);
  if (isObject(value) && 'stacks' in value) {
    return readManifest(file, target, value, options);
  }
  const document = asStack(value, file);
  const name = stackName(document, file);
  if (options.stack !== undefined && options.stack !== name) {
    fail(file, `this is stack '${name}', not '${options.stack}' (--stack picks one stack of an output directory or manifest)`);
  }
  return [{ name, file, document }];
}
