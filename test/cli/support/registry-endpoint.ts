/**
 * A local pull through cache registry for the `warm` tests: a real HTTP server on loopback speaking the Docker
 * Registry HTTP API v2 for manifests (HEAD and GET `/v2/<name>/manifests/<reference>`), with ECR's behaviour:
 * Basic authentication with the token of GetAuthorizationToken, an uncached image fetched from the "upstream" on a
 * GET by tag (never by digest alone), and fault injection (throttling, server errors, dropped connections, latency).
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackServer } from './loopback';
import { REGISTRY_TOKEN } from './ecr-endpoint';

/** The media type the registry serves manifests as. */
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

/** A fault for the next `count` manifest requests (default: all), optionally only for one repository. */
export interface RegistryFault {
  readonly kind: 'throttle' | 'server-error' | 'drop' | 'latency';
  readonly count?: number;
  readonly ms?: number;
  readonly name?: string;
}

/** One request received. */
export interface RegistryRequest {
  readonly method: string;
  readonly name: string;
  readonly reference: string;
  readonly accept: string;
  status: number;
}

/** A manifest body and its digest. */
export interface Manifest {
  readonly body: string;
  readonly digest: string;
}

/** A manifest for an image, distinct per (name, tag, generation). */
export function manifestOf(name: string, tag: string, generation = 1): Manifest {
  const body = JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [], annotations: { name, tag, generation: String(generation) } });
  return { body, digest: `sha256:${createHash('sha256').update(body).digest('hex')}` };
}

/** The local registry. */
export class LocalRegistry extends LoopbackServer {
  static async start(): Promise<LocalRegistry> {
    const registry = new LocalRegistry();
    await registry.listen();
    return registry;
  }

  /** Every manifest request, in arrival order. */
  readonly requests: RegistryRequest[] = [];
  /** Whether responses carry `Docker-Content-Digest` (ECR's did not always). */
  sendDigestHeader = true;
  /** The Basic credentials accepted: the token the local ECR endpoint hands out. */
  acceptedToken = REGISTRY_TOKEN;

  /** Upstream images by cache repository name, then tag. */
  private readonly upstream = new Map<string, Map<string, Manifest>>();
  /** Cached manifests by cache repository name, then tag or digest. */
  private readonly cached = new Map<string, Map<string, Manifest>>();
  private faults: { fault: RegistryFault; remaining: number }[] = [];

  private constructor() {
    super();
  }

  /** An image the upstream registry has, under its cache repository name (e.g. `docker-hub/library/nginx`). */
  seedUpstream(name: string, tag: string, manifest: Manifest = manifestOf(name, tag)): Manifest {
    let tags = this.upstream.get(name);
    if (!tags) this.upstream.set(name, (tags = new Map()));
    tags.set(tag, manifest);
    return manifest;
  }

  /** An image already in the cache. */
  seedCached(name: string, tag: string, manifest: Manifest = manifestOf(name, tag)): Manifest {
    this.seedUpstream(name, tag, manifest);
    this.store(name, tag, manifest);
    return manifest;
  }

  /** Whether the cache holds `name` at a tag or digest. */
  isCached(name: string, reference: string): boolean {
    return this.cached.get(name)?.has(reference) ?? false;
  }

  inject(fault: RegistryFault): void {
    this.faults.push({ fault, remaining: fault.count ?? Infinity });
  }

  reset(): void {
    this.upstream.clear();
    this.cached.clear();
    this.faults = [];
    this.requests.length = 0;
    this.maxInFlight = 0;
    this.sendDigestHeader = true;
    this.acceptedToken = REGISTRY_TOKEN;
  }

  private store(name: string, tag: string, manifest: Manifest): void {
    let refs = this.cached.get(name);
    if (!refs) this.cached.set(name, (refs = new Map()));
    refs.set(tag, manifest);
    refs.set(manifest.digest, manifest);
  }

  protected async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for await (const _ of req); // drain
    const m = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(req.url ?? '');
    const entry: RegistryRequest = {
      method: req.method ?? '',
      name: m?.[1] ?? '',
      reference: m?.[2] ?? '',
      accept: String(req.headers.accept ?? ''),
      status: 0,
    };
    this.requests.push(entry);
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      entry.status = status;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const error = (status: number, code: string, message: string) =>
      send(status, JSON.stringify({ errors: [{ code, message }] }));

    for (const active of this.faults) {
      if (active.remaining <= 0 || (active.fault.name !== undefined && active.fault.name !== entry.name)) continue;
      active.remaining--;
      const { kind, ms } = active.fault;
      if (kind === 'latency') {
        await new Promise((resolve) => setTimeout(resolve, ms ?? 10));
        continue;
      }
      if (kind === 'drop') {
        req.socket.destroy();
        return;
      }
      if (kind === 'throttle') return error(429, 'TOOMANYREQUESTS', 'Rate exceeded');
      return error(500, 'INTERNAL_ERROR', 'We encountered an internal error');
    }

    if (req.headers.authorization !== `Basic ${this.acceptedToken}`) return error(401, 'DENIED', 'Your authorization token is invalid.');
    if (!m || (req.method !== 'GET' && req.method !== 'HEAD')) return error(404, 'NOT_FOUND', `${req.method} ${req.url} is not served here`);
    if (!entry.accept.includes(OCI_INDEX)) return error(404, 'MANIFEST_UNKNOWN', 'no manifest in an accepted media type');

    const { name, reference } = entry;
    let manifest = this.cached.get(name)?.get(reference);
    if (!manifest && req.method === 'GET' && !reference.startsWith('sha256:')) {
      // A pull through cache fetches an uncached image on a GET by tag.
      const upstream = this.upstream.get(name)?.get(reference);
      if (upstream) {
        this.store(name, reference, upstream);
        manifest = upstream;
      }
    }
    if (!manifest) return error(404, 'MANIFEST_UNKNOWN', `The image with reference ${reference} does not exist in repository ${name}`);
    const headers: Record<string, string> = { 'content-type': OCI_INDEX };
    if (this.sendDigestHeader) headers['docker-content-digest'] = manifest.digest;
    send(200, manifest.body, headers);
  }
}
