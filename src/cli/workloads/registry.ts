/**
 * The Docker Registry HTTP API v2 (the OCI distribution API) as `warm` speaks it to the cache: HEAD and GET on
 * `/v2/<name>/manifests/<reference>`, Basic authentication with the ECR authorization token, retries with backoff
 * on throttling (429), server errors (5xx) and dropped connections.
 *
 * @see https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pulling-manifests
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html
 */
import { createHash } from 'node:crypto';

/** Every manifest type a pull accepts: OCI index and manifest, Docker manifest list and image manifest v2. */
export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

/** The answer to a manifest request. */
export interface ManifestAnswer {
  readonly status: number;
  /** `Docker-Content-Digest`, else the SHA-256 of the body (for a GET). */
  readonly digest?: string;
  /** The registry's error code and message, for a failure (`MANIFEST_UNKNOWN: ...`). */
  readonly error?: string;
  /** Attempts made, first included. */
  readonly attempts: number;
}

/** How requests are made. */
export interface RegistryOptions {
  /** `https://<registry host>`, or the `--registry-url` override. */
  readonly baseUrl: string;
  /** The ECR authorization token (`base64(AWS:<password>)`). */
  readonly token: string;
  /** Attempts per request, first included. */
  readonly maxAttempts: number;
  /** Milliseconds to wait before attempt n (n >= 1). */
  readonly delay: (attempt: number) => number;
  /** Milliseconds one attempt may take. */
  readonly timeoutMs: number;
}

/** A request that failed on every attempt without an HTTP answer. */
export class RegistryNetworkError extends Error {
  constructor(readonly attempts: number, message: string) {
    super(message);
  }
}

function retryable(status: number): boolean {
  return status === 429 || status >= 500;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function errorText(body: string): string | undefined {
  try {
    const first = (JSON.parse(body) as { errors?: { code?: string; message?: string }[] }).errors?.[0];
    if (first) return [first.code, first.message].filter(Boolean).join(': ');
  } catch {
    // not the registry's JSON error document
  }
  return body.trim().slice(0, 200) || undefined;
}

/** HEAD or GET of a manifest, retried on 429, 5xx and network errors. */
export async function manifest(options: RegistryOptions, method: 'HEAD' | 'GET', name: string, reference: string): Promise<ManifestAnswer> {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/v2/${name}/manifests/${reference}`;
  let lastError = '';
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(url, {
        method,
        headers: { Accept: MANIFEST_ACCEPT, Authorization: `Basic ${options.token}` },
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const body = method === 'GET' ? Buffer.from(await res.arrayBuffer()) : Buffer.alloc(0);
      if (retryable(res.status) && attempt < options.maxAttempts) {
        const after = Number(res.headers.get('retry-after'));
        await sleep(Number.isFinite(after) && after > 0 ? Math.min(after * 1000, 20_000) : options.delay(attempt));
        continue;
      }
      if (res.ok) {
        const header = res.headers.get('docker-content-digest') ?? undefined;
        const digest = header ?? (method === 'GET' ? `sha256:${createHash('sha256').update(body).digest('hex')}` : undefined);
        return { status: res.status, digest, attempts: attempt };
      }
      return { status: res.status, error: errorText(body.toString('utf8')), attempts: attempt };
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      lastError = e.cause?.code ?? (e.name === 'TimeoutError' ? 'ETIMEDOUT' : e.message);
      if (attempt >= options.maxAttempts) throw new RegistryNetworkError(attempt, lastError);
      await sleep(options.delay(attempt));
    }
  }
}
