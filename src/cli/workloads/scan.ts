/**
 * Finds the image references in the files `rewrite` and `warm` read, by their position in the text, so a rewrite
 * replaces exactly those characters and nothing else.
 *
 * YAML goes through the `yaml` package's document API (comments, quoting and layout are never re-serialized: each
 * value is located by its source range); Dockerfiles through the small parser below, which follows BuildKit's rules
 * for parser directives, line continuations and comments.
 */
import { isScalar, LineCounter, parseAllDocuments, visit, type Pair, type Scalar, type YAMLMap } from 'yaml';

/** Where a reference is written. */
export interface Site {
  /** Offset of its first character in the file's text. */
  readonly start: number;
  /** Offset after its last character (quotes excluded). */
  readonly end: number;
  /** 1-based line. */
  readonly line: number;
  /** The reference as written (for a Helm map: `<registry>/<repository>`). */
  readonly value: string;
  /** A Helm image map: the registry and repository values, rewritten together, and its `:tag@digest`, if any. */
  readonly helm?: { readonly registry: ScalarSpan; readonly repository: ScalarSpan; readonly pin?: string };
}

/** A YAML scalar's value and where its characters are (inside its quotes). */
export interface ScalarSpan {
  readonly start: number;
  readonly end: number;
  readonly value: string;
  readonly line: number;
}

/** A file format `rewrite` understands. */
export type FileKind = 'yaml' | 'dockerfile';

/** The format a file name says, or `undefined`. */
export function kindOf(fileName: string): FileKind | undefined {
  const name = fileName.toLowerCase();
  if (name.endsWith('.yaml') || name.endsWith('.yml')) return 'yaml';
  if (/^(docker|container)file(\..+)?$/.test(name) || /\.(docker|container)file$/.test(name)) return 'dockerfile';
  return undefined;
}

/** A file that could not be read as its format, with the 1-based line of the problem. */
export class ScanError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The references of a file's text. Throws `ScanError` for text that does not parse. */
export function scan(kind: FileKind, text: string): Site[] {
  return kind === 'yaml' ? scanYaml(text) : scanDockerfile(text);
}

// ---------------------------------------------------------------------------------------------------------------
// YAML

function span(node: Scalar, text: string, starts: readonly number[]): ScalarSpan | undefined {
  if (typeof node.value !== 'string' || !node.range) return undefined;
  const [from, to] = node.range;
  let start = from;
  let end = to;
  if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') {
    start++;
    end--;
  } else if (node.type !== 'PLAIN') {
    return undefined; // block scalars: never an image reference worth rewriting in place
  }
  // Only values whose characters are the value itself (no escapes, no folded lines) are rewritten in place.
  if (text.slice(start, end) !== node.value) return undefined;
  return { start, end, value: node.value, line: lineAt(starts, start) };
}

function scalarOf(map: YAMLMap, key: string): Scalar | undefined {
  const pair = map.items.find((p: Pair) => isScalar(p.key) && p.key.value === key);
  return pair && isScalar(pair.value) ? pair.value : undefined;
}

function hasKey(map: YAMLMap, key: string): boolean {
  return map.items.some((p: Pair) => isScalar(p.key) && p.key.value === key);
}

/** A scalar as written (a plain `3.0` is the tag `3.0`, not the number 3). */
function written(node: Scalar | undefined, text: string): string | undefined {
  if (!node?.range || node.value === null || node.value === '') return undefined;
  return node.type === 'PLAIN' ? text.slice(node.range[0], node.range[1]) : String(node.value);
}

/** `:tag`, `@digest` or both of a Helm image map (`sha` holds a bare SHA-256 in some charts). */
function helmPin(map: YAMLMap, text: string): string | undefined {
  const tag = written(scalarOf(map, 'tag'), text);
  let digest = written(scalarOf(map, 'digest'), text) ?? written(scalarOf(map, 'sha'), text);
  if (digest !== undefined && !digest.includes(':')) digest = `sha256:${digest}`;
  const pin = `${tag === undefined ? '' : `:${tag}`}${digest === undefined ? '' : `@${digest}`}`;
  return pin === '' ? undefined : pin;
}

/**
 * Every field named `image` holding a string (except in a map with `build`, a compose service that builds its image),
 * and every Helm image map (`registry` and `repository`, plus `tag`, `digest` or `sha`), in every document.
 */
export function scanYaml(text: string): Site[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false });
  const sites: Site[] = [];
  const starts = lineStarts(text);
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const error = doc.errors[0];
    if (error) throw new ScanError(lineCounter.linePos(error.pos[0]).line, error.message.split('\n')[0]);
    visit(doc, {
      Map(_, map) {
        const registry = scalarOf(map, 'registry');
        const repository = scalarOf(map, 'repository');
        if (registry && repository) {
          const r = span(registry, text, starts);
          const p = span(repository, text, starts);
          if (r && p && r.value !== '' && p.value !== '') {
            const helm = { registry: r, repository: p, pin: helmPin(map, text) };
            sites.push({ start: r.start, end: r.end, line: r.line, value: `${r.value}/${p.value}`, helm });
          }
          return;
        }
        const image = scalarOf(map, 'image');
        if (!image || hasKey(map, 'build')) return;
        const s = span(image, text, starts);
        if (s) sites.push({ ...s });
      },
    });
  }
  return sites.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------------------------
// Dockerfile

interface Word {
  readonly text: string;
  readonly start: number;
  /** Whether its characters are contiguous in the file (not split by a line continuation). */
  readonly contiguous: boolean;
}

/** The `# escape=` parser directive, if the file starts with one (directives come before anything else). */
function escapeChar(text: string): string {
  for (const line of text.split(/\r?\n/)) {
    const m = /^#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/.exec(line);
    if (!m) break;
    if (m[1].toLowerCase() === 'escape' && (m[2] === '`' || m[2] === '\\')) return m[2];
  }
  return '\\';
}

/** Instructions as words with their offsets, continuation lines joined, comment lines inside them dropped. */
function instructions(text: string): Word[][] {
  const escape = escapeChar(text);
  const result: Word[][] = [];
  const lines: { start: number; body: string }[] = [];
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    const body = text.slice(pos, end).replace(/\r$/, '');
    lines.push({ start: pos, body });
    pos = end + 1;
  }
  let current: { ch: string; at: number }[] | undefined;
  for (const { start, body } of lines) {
    const trimmed = body.trimStart();
    if (current === undefined) {
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      current = [];
    } else if (trimmed.startsWith('#')) {
      continue; // a comment line inside a continued instruction
    }
    const continued = body.trimEnd().endsWith(escape);
    const content = continued ? body.trimEnd().slice(0, -1) : body;
    for (let i = 0; i < content.length; i++) current.push({ ch: content[i], at: start + i });
    // BuildKit drops the escape and the line break and joins the lines as they are.
    if (continued) continue;
    result.push(words(current));
    current = undefined;
  }
  if (current) result.push(words(current));
  return result;
}

function words(chars: readonly { ch: string; at: number }[]): Word[] {
  const out: Word[] = [];
  let i = 0;
  while (i < chars.length) {
    if (/\s/.test(chars[i].ch)) {
      i++;
      continue;
    }
    const first = i;
    while (i < chars.length && !/\s/.test(chars[i].ch)) i++;
    const run = chars.slice(first, i);
    const contiguous = run.every((c, k) => k === 0 || c.at === run[k - 1].at + 1);
    out.push({ text: run.map((c) => c.ch).join(''), start: run[0].at, contiguous });
  }
  return out;
}

/** Whether a stage reference names a build stage, a stage number, `scratch`, or is built from a variable. */
function isLocal(value: string, stages: ReadonlySet<string>): boolean {
  const lower = value.toLowerCase();
  return lower === 'scratch' || /^\d+$/.test(value) || value.includes('$') || stages.has(lower);
}

/**
 * `FROM [--platform=...] <image> [AS <name>]` and `COPY --from=<image>`;
 * stage names and numbers, `scratch` and `$VARIABLE` references are not images to rewrite.
 */
export function scanDockerfile(text: string): Site[] {
  const starts = lineStarts(text);
  const stages = new Set<string>();
  const sites: Site[] = [];
  const site = (start: number, value: string) => sites.push({ start, end: start + value.length, line: lineAt(starts, start), value });
  for (const ins of instructions(text)) {
    const keyword = ins[0]?.text.toUpperCase();
    if (keyword === 'FROM') {
      const args = ins.slice(1).filter((w) => !w.text.startsWith('--'));
      const image = args[0];
      if (image && !isLocal(image.text, stages) && image.contiguous) site(image.start, image.text);
      if (args[1]?.text.toUpperCase() === 'AS' && args[2]) stages.add(args[2].text.toLowerCase());
    } else if (keyword === 'COPY') {
      for (const w of ins.slice(1)) {
        if (!w.text.startsWith('--')) break;
        const m = /^--from=(.+)$/i.exec(w.text);
        if (m && !isLocal(m[1], stages) && w.contiguous) site(w.start + '--from='.length, m[1]);
      }
    }
  }
  return sites;
}
