/**
 * `ecr-ptc warm --synth <cdk.tf.json> [--concurrency N] <image reference | path>...`: pulls each image's manifest
 * through the cache once, so the first real pull is fast and digest-pinned deployments find their image.
 *
 * ECR's pull through cache fetches an uncached image by tag only: a first pull by digest alone finds nothing. So a
 * `name:tag@digest` reference is warmed by its tag, and the digest the tag gives is checked against the pin.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GlobalOptions } from '../args';
import { backoff, createEcrClient, millis, REQUEST_TIMEOUT_ENV, RETRY_BASE_DELAY_ENV } from '../client';
import { CliError, EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, UsageError } from '../errors';
import { formatJson, type CliIo } from '../output';
import { mapWithLimit } from '../pool';
import { classify, type CacheRule } from '../workloads/cache-rules';
import { authorize, loadRules, type Authorization } from '../workloads/context';
import { collectFiles, readAll } from '../workloads/files';
import { manifest, RegistryNetworkError, type ManifestAnswer, type RegistryOptions } from '../workloads/registry';
import { scan, ScanError } from '../workloads/scan';

/** `warm` arguments. */
export interface WarmArgs {
  readonly synth: string;
  /** `--stack`: one stack of an output directory. */
  readonly stack?: string;
  /** Image references and files or directories to read them from. */
  readonly inputs: readonly string[];
  readonly concurrency: number;
  /** Base URL of the Docker Registry API instead of `https://<cache host>` (tests, proxies). */
  readonly registryUrl?: string;
}

/** What warming an image came to. */
export type WarmStatus = 'cached' | 'already-cached' | 'failed';

/** One image warmed. */
export interface WarmResult {
  /** The reference as written. */
  readonly reference: string;
  /** The reference through the cache. */
  readonly cacheReference: string;
  readonly status: WarmStatus;
  /** The digest the cache holds for it. */
  readonly digest?: string;
  readonly reason?: string;
  readonly fix?: string;
}

/** An image to warm: its repository in the cache and the tag or digest to request. */
interface Job {
  readonly reference: string;
  readonly cacheReference: string;
  readonly host: string;
  readonly name: string;
  readonly tag?: string;
  readonly digest?: string;
}

function jobOf(rules: readonly CacheRule[], reference: string): Job {
  const c = classify(rules, reference);
  if (c.kind === 'not-a-reference') throw new UsageError(`'${reference}' is neither a file nor an image reference`);
  if (c.kind === 'not-covered') {
    throw new CliError(`${reference}: no rule of the stack caches ${c.ref.host ?? 'docker.io'}: add a rule for it, or leave it out`);
  }
  if (c.kind === 'cached' && !c.rule) {
    throw new CliError(`${reference}: in the cache registry, but under no rule's prefix: not an image the cache pulls through`);
  }
  const cacheReference = c.kind === 'bypass' ? c.to : reference;
  const host = cacheReference.slice(0, cacheReference.indexOf('/'));
  const { tag, digest } = c.ref;
  const path = cacheReference.slice(host.length + 1).replace(/@.*$/, '');
  const name = tag === undefined ? path : path.slice(0, path.lastIndexOf(':'));
  return { reference, cacheReference, host, name, tag: tag ?? (digest ? undefined : 'latest'), digest };
}

function failure(status: number, answer: ManifestAnswer, job: Job, by: string): { reason: string; fix: string } {
  const said = answer.error ? `: ${answer.error}` : '';
  if (status === 404 && job.tag === undefined) {
    return {
      reason: `the cache has no image ${by} (HTTP 404${said}); ECR fetches an uncached image by tag only`,
      fix: 'write the reference as name:tag@digest so warm pulls the tag and checks the digest',
    };
  }
  if (status === 404) {
    return {
      reason: `the upstream registry has no ${by}, or the rule cannot reach it (HTTP 404${said})`,
      fix: "check the tag upstream, and the rule with 'ecr-ptc validate --synth'",
    };
  }
  if (status === 401 || status === 403) {
    return {
      reason: `the cache refused the request (HTTP ${status}${said})`,
      fix: 'grant the caller ecr:BatchGetImage, ecr:BatchImportUpstreamImage and ecr:CreateRepository on the rule\'s repositories (grantPull)',
    };
  }
  if (status === 429) {
    return { reason: `throttled by the cache after ${answer.attempts} attempts (HTTP 429)`, fix: 'lower --concurrency, or run warm again later' };
  }
  return { reason: `the cache answered HTTP ${status}${said} after ${answer.attempts} attempt(s)`, fix: 'run warm again later' };
}

async function warmOne(registry: RegistryOptions, job: Job): Promise<WarmResult> {
  const base = { reference: job.reference, cacheReference: job.cacheReference };
  const by = job.tag !== undefined ? `tag ${job.tag}` : `digest ${job.digest}`;
  const ref = job.tag ?? job.digest!;
  try {
    const head = await manifest(registry, 'HEAD', job.name, ref);
    let status: WarmStatus = 'already-cached';
    let answer = head;
    if (head.status === 404) {
      answer = await manifest(registry, 'GET', job.name, ref);
      status = 'cached';
    }
    if (answer.status !== 200) return { ...base, status: 'failed', ...failure(answer.status, answer, job, by) };
    let digest = answer.digest;
    if (digest === undefined) digest = (await manifest(registry, 'GET', job.name, ref)).digest;
    if (job.tag !== undefined && job.digest !== undefined && digest !== job.digest) {
      return {
        ...base,
        status: 'failed',
        digest,
        reason: `tag ${job.tag} is ${digest} in the cache, but the reference pins ${job.digest}`,
        fix: 'update the pin to the digest the tag has now, or use the tag the pinned digest was published under',
      };
    }
    return { ...base, status, digest };
  } catch (err) {
    if (!(err instanceof RegistryNetworkError)) throw err;
    return {
      ...base,
      status: 'failed',
      reason: `cannot reach ${registry.baseUrl} (${err.message} after ${err.attempts} attempt(s))`,
      fix: 'check the network and proxy, then run warm again: images already warmed are skipped',
    };
  }
}

const LABEL: Readonly<Record<WarmStatus, string>> = { 'cached': 'cached', 'already-cached': 'already cached', 'failed': 'FAILED' };

/** Runs `warm`. */
export async function runWarm(ctx: { io: CliIo; global: GlobalOptions }, args: WarmArgs): Promise<number> {
  const { io, global } = ctx;
  const paths = args.inputs.filter((i) => existsSync(resolve(io.cwd, i)));
  const references = args.inputs.filter((i) => !paths.includes(i));
  const files = await collectFiles(io.cwd, paths);
  const texts = await readAll(files);
  const rules = await loadRules(ctx, args.synth, args.stack);
  let unparsed = 0;
  files.forEach((file, i) => {
    try {
      for (const site of scan(file.kind, texts[i])) {
        const c = classify(rules, site.value);
        if (c.kind !== 'bypass' && !(c.kind === 'cached' && c.rule)) continue;
        if (site.helm && site.helm.pin === undefined) {
          io.stderr(`${file.display}:${site.line}: ${site.value} has no tag or digest in its image map (the chart decides it): not warmed\n`);
          continue;
        }
        references.push(`${site.value}${site.helm?.pin ?? ''}`);
      }
    } catch (err) {
      if (!(err instanceof ScanError)) throw err;
      unparsed++;
      io.stderr(`ecr-ptc: ${file.display}:${err.line}: not valid YAML, its images are not warmed: ${err.message}\n`);
    }
  });
  const jobs = [...new Set(references)].map((r) => jobOf(rules, r));
  const seen = new Set<string>();
  const unique = jobs.filter((j) => !seen.has(j.cacheReference) && seen.add(j.cacheReference));
  if (unique.length === 0) throw new CliError('no image to warm: give image references, or files that hold references a rule covers');

  // One authorization per cache host (Region); each answers for the whole registry there.
  const auth = new Map<string, Authorization>();
  for (const host of new Set(unique.map((j) => j.host))) {
    const region = host.split('.')[3];
    const client = createEcrClient({ ...global, region }, io.env);
    try {
      auth.set(host, await authorize(client, ctx, region));
    } finally {
      client.destroy();
    }
  }
  const timeoutMs = millis(io.env, REQUEST_TIMEOUT_ENV, 30_000);
  const delay = backoff(millis(io.env, RETRY_BASE_DELAY_ENV, 100));
  let done = 0;
  const results = await mapWithLimit(unique, args.concurrency, async (job) => {
    const registry: RegistryOptions = {
      baseUrl: args.registryUrl ?? `https://${job.host}`,
      token: auth.get(job.host)!.token,
      maxAttempts: global.maxAttempts,
      delay: (attempt) => Math.max(1, delay(attempt)),
      timeoutMs,
    };
    const result = await warmOne(registry, job);
    done++;
    if (io.stderrIsTTY) io.stderr(`[${done}/${unique.length}] ${LABEL[result.status]}: ${result.reference}\n`);
    return result;
  });

  if (global.json) {
    io.stdout(formatJson(results));
  } else {
    for (const r of results) {
      io.stdout(`${LABEL[r.status].padEnd(14)}  ${r.reference} -> ${r.cacheReference}${r.digest ? ` (${r.digest})` : ''}\n`);
      if (r.status === 'failed') io.stdout(`${''.padEnd(16)}failure: ${r.reason}\n${''.padEnd(16)}fix: ${r.fix}\n`);
    }
    const count = (s: WarmStatus) => results.filter((r) => r.status === s).length;
    io.stdout(`${results.length} image(s): ${count('cached')} cached, ${count('already-cached')} already cached, ${count('failed')} failed\n`);
  }
  if (results.some((r) => r.status === 'failed')) return EXIT_FINDINGS;
  return unparsed > 0 ? EXIT_ERROR : EXIT_OK;
}
