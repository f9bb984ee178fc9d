/** Finding, reading and atomically writing the files `rewrite` and `warm` work on, and unified diffs of them. */
import { randomBytes } from 'node:crypto';
import { chmod, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { CliError } from '../errors';
import { kindOf, type FileKind } from './scan';

/** A file to work on. */
export interface WorkFile {
  /** Absolute path. */
  readonly path: string;
  /** The path as shown to the user (relative to the working directory). */
  readonly display: string;
  readonly kind: FileKind;
}

const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);

async function walk(dir: string, found: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) await walk(path, found);
    } else if (entry.isFile() && kindOf(entry.name) !== undefined) {
      found.push(path);
    }
  }
}

/**
 * The files under `paths` (files as given, directories walked without `.git` and `node_modules`), each once.
 * Throws `CliError` for a path that does not exist or a file of a format `rewrite` does not read.
 */
export async function collectFiles(cwd: string, paths: readonly string[]): Promise<WorkFile[]> {
  const found: string[] = [];
  for (const given of paths) {
    const path = resolve(cwd, given);
    let info;
    try {
      info = await stat(path);
    } catch (err) {
      throw new CliError(`cannot read ${given}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    if (info.isDirectory()) {
      await walk(path, found);
    } else if (kindOf(basename(path)) === undefined) {
      throw new CliError(`${given}: not a file rewrite reads (YAML ending in .yaml or .yml, or a Dockerfile or Containerfile)`);
    } else {
      found.push(path);
    }
  }
  return [...new Set(found)].map((path) => ({ path, display: relative(cwd, path) || path, kind: kindOf(basename(path))! }));
}

/** Reads every file as UTF-8; throws `CliError` naming the first one that cannot be read. */
export async function readAll(files: readonly WorkFile[]): Promise<string[]> {
  return Promise.all(files.map(async (f) => {
    try {
      return await readFile(f.path, 'utf8');
    } catch (err) {
      throw new CliError(`cannot read ${f.display}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }));
}

/**
 * Replaces a file's content atomically: a temporary file in the same directory (same file system), with the original's
 * mode, renamed over it. An interrupted run leaves the old file or the new one, never half of one.
 */
export async function writeAtomic(path: string, text: string): Promise<void> {
  const { mode } = await stat(path);
  const temp = join(dirname(path), `.${basename(path)}.ecr-ptc-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, { encoding: 'utf8', mode: mode & 0o7777, flag: 'wx' });
    await chmod(temp, mode & 0o7777);
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw new CliError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, undefined, err);
  }
}

/** Splits text into lines, each with its line ending (the last may have none). */
function splitLines(text: string): string[] {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g);
  return lines ?? [];
}

const CONTEXT = 3;

/**
 * A unified diff of two texts with the same number of lines (a rewrite changes characters within lines, never line
 * breaks), three lines of context, as `diff -u` writes it.
 */
export function unifiedDiff(display: string, before: string, after: string): string {
  const a = splitLines(before);
  const b = splitLines(after);
  if (a.length !== b.length) throw new Error('unifiedDiff: line counts differ');
  const changed = a.map((line, i) => line !== b[i]).flatMap((c, i) => (c ? [i] : []));
  if (changed.length === 0) return '';
  const hunks: [number, number][] = [];
  for (const i of changed) {
    const from = Math.max(0, i - CONTEXT);
    const to = Math.min(a.length - 1, i + CONTEXT);
    const last = hunks[hunks.length - 1];
    if (last && from <= last[1] + 1) last[1] = to;
    else hunks.push([from, to]);
  }
  const out = [`--- a/${display}\n`, `+++ b/${display}\n`];
  const show = (prefix: string, line: string) =>
    line.endsWith('\n') ? `${prefix}${line}` : `${prefix}${line}\n\\ No newline at end of file\n`;
  for (const [from, to] of hunks) {
    const count = to - from + 1;
    out.push(`@@ -${from + 1},${count} +${from + 1},${count} @@\n`);
    for (let i = from; i <= to; i++) {
      if (a[i] === b[i]) out.push(show(' ', a[i]));
      else out.push(show('-', a[i]), show('+', b[i]));
    }
  }
  return out.join('');
}
