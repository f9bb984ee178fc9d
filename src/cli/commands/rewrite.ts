/**
 * `ecr-ptc rewrite --synth <cdk.tf.json> [--check | --dry-run] <path>...`: points the image references of manifests,
 * Helm values, compose files and Dockerfiles at the pull through cache, changing nothing else in the files.
 */
import type { GlobalOptions } from '../args';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK } from '../errors';
import { formatJson, type CliIo } from '../output';
import { classify, type CacheRule } from '../workloads/cache-rules';
import { loadRules } from '../workloads/context';
import { collectFiles, readAll, unifiedDiff, writeAtomic, type WorkFile } from '../workloads/files';
import { scan, ScanError, type Site } from '../workloads/scan';

/** `rewrite` arguments. */
export interface RewriteArgs {
  readonly synth: string;
  /** `--stack`: one stack of an output directory. */
  readonly stack?: string;
  readonly paths: readonly string[];
  readonly mode: 'write' | 'check' | 'dry-run';
}

/** One reference that bypasses the cache, and what it becomes. */
export interface Change {
  readonly file: string;
  readonly line: number;
  readonly from: string;
  readonly to: string;
}

/** A file's text after the rewrite, and its changes. */
export interface FileRewrite {
  readonly text: string;
  readonly changes: Change[];
}

interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The cache form of one site: the whole reference, or the registry and repository of a Helm image map. */
function splicesOf(site: Site, rules: readonly CacheRule[]): { splices: Splice[]; to: string } | undefined {
  const c = classify(rules, site.value);
  if (c.kind !== 'bypass') return undefined;
  if (!site.helm) return { splices: [{ start: site.start, end: site.end, text: c.to }], to: c.to };
  // A Helm map keeps its shape: registry is the cache host, repository the cached path; tag and digest stay.
  const host = c.rule.target.registryHost;
  const path = c.to.slice(host.length + 1);
  const { registry, repository } = site.helm;
  return {
    splices: [
      { start: registry.start, end: registry.end, text: host },
      { start: repository.start, end: repository.end, text: path },
    ],
    to: c.to,
  };
}

/** Rewrites one file's text. Throws `ScanError` when it does not parse. */
export function rewriteText(file: Pick<WorkFile, 'kind' | 'display'>, text: string, rules: readonly CacheRule[]): FileRewrite {
  const splices: Splice[] = [];
  const changes: Change[] = [];
  for (const site of scan(file.kind, text)) {
    const done = splicesOf(site, rules);
    if (!done) continue;
    splices.push(...done.splices);
    changes.push({ file: file.display, line: site.line, from: site.value, to: done.to });
  }
  splices.sort((a, b) => b.start - a.start);
  let out = text;
  for (const s of splices) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return { text: out, changes };
}

/** Runs `rewrite`. */
export async function runRewrite(ctx: { io: CliIo; global: GlobalOptions }, args: RewriteArgs): Promise<number> {
  const { io, global } = ctx;
  // Everything that can fail for the whole run fails before any file is written.
  const files = await collectFiles(io.cwd, args.paths);
  const texts = await readAll(files);
  const rules = await loadRules(ctx, args.synth, args.stack);

  const results: { file: WorkFile; before: string; after: FileRewrite }[] = [];
  let unparsed = 0;
  files.forEach((file, i) => {
    try {
      results.push({ file, before: texts[i], after: rewriteText(file, texts[i], rules) });
    } catch (err) {
      if (!(err instanceof ScanError)) throw err;
      unparsed++;
      io.stderr(`ecr-ptc: ${file.display}:${err.line}: not valid YAML, left unchanged: ${err.message}\n`);
    }
  });
  const changes = results.flatMap((r) => r.after.changes);

  if (args.mode === 'write') {
    for (const r of results) if (r.after.changes.length > 0) await writeAtomic(r.file.path, r.after.text);
  }
  if (global.json) {
    io.stdout(formatJson(changes));
  } else if (args.mode === 'dry-run') {
    io.stdout(results.map((r) => unifiedDiff(r.file.display, r.before, r.after.text)).join(''));
  } else {
    for (const c of changes) io.stdout(`${c.file}:${c.line}: ${c.from} -> ${c.to}\n`);
    const touched = new Set(changes.map((c) => c.file)).size;
    if (args.mode === 'write') {
      io.stderr(`rewrote ${changes.length} reference(s) in ${touched} of ${files.length} file(s)\n`);
    } else if (changes.length > 0) {
      io.stderr(`${changes.length} reference(s) in ${touched} file(s) bypass the cache: run 'ecr-ptc rewrite' without --check\n`);
    }
  }
  if (unparsed > 0) return EXIT_ERROR;
  return args.mode === 'check' && changes.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}
