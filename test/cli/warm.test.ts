/** `ecr-ptc warm` against a local ECR API endpoint (GetAuthorizationToken) and a local registry (Docker Registry API v2). */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalEcrEndpoint, REGISTRY_TOKEN } from './support/ecr-endpoint';
import { LocalRegistry, manifestOf } from './support/registry-endpoint';
import { BIN, ensureBinary, runCli, testEnv } from './support/cli';
import { CACHE_HOST, GOLDEN, scratch, STACK, WORKLOADS } from './support/workloads';

let endpoint: LocalEcrEndpoint;
let registry: LocalRegistry;
beforeAll(async () => {
  ensureBinary();
  [endpoint, registry] = await Promise.all([LocalEcrEndpoint.start(), LocalRegistry.start()]);
});
afterAll(() => Promise.all([endpoint.close(), registry.close()]));
beforeEach(() => {
  endpoint.reset();
  registry.reset();
});

const options = () => ['--synth', STACK, '--endpoint-url', endpoint.url, '--registry-url', registry.url];
const warm = (args: string[], tty = false) => runCli(['warm', ...options(), ...args], { tty });
const digest = (n: string) => `sha256:${n.repeat(64)}`;

/** The cache repository names of the fixtures' references, with the tags they ask for. */
const FIXTURE_IMAGES: readonly [string, string][] = [
  ['docker-hub/library/postgres', '16-alpine'], ['docker-hub/library/redis', '7.4'], ['docker-hub/library/nginx', '1.27'],
  ['quay/acme/tools', '1'], ['ghcr/acme/protoc', '25.1'], ['docker-hub/library/node', '22-bookworm-slim'],
  ['quay/jetstack/cert-manager-ctl', 'v1.15.3'], ['k8s/kubectl', 'v1.31.0'], ['docker-hub/bitnami/postgresql', '16.4.0-debian-12-r0'],
  ['ghcr/acme/dashboard', '1.2.0'], ['docker-hub/library/nginx', 'latest'], ['docker-hub/library/busybox', '1.36'],
  ['ghcr/acme/migrate', '2.4.1'], ['docker-hub/library/nginx', '1.27.3'], ['quay/prometheus/node-exporter', 'v1.8.2'],
  ['docker-hub/library/envoyproxy', 'v1.31'], ['docker-hub/bitnami/redis', '7.4'], ['docker-hub/datadog/agent', '7'],
  ['k8s/pause', '3.10'], ['central/report', '2025.1'], ['ecr-public/aws-cli/aws-cli', '2.17.0'], ['quay/prometheus/prometheus', 'v2.54.1'],
  // Helm image maps: the tag from the map
  ['quay/prometheuscommunity/postgres-exporter', 'v0.15.0'], ['docker-hub/library/haproxy', '3.0'],
];

describe('warm', () => {
  test('pulls each manifest through the cache once: HEAD, then GET by tag, with the ECR token and every manifest type', async () => {
    registry.seedUpstream('docker-hub/library/nginx', '1.27');
    registry.seedCached('quay/prometheus/node-exporter', 'v1.8.2');
    const nginx = manifestOf('docker-hub/library/nginx', '1.27').digest;
    const exporter = manifestOf('quay/prometheus/node-exporter', 'v1.8.2').digest;
    const r = await warm(['nginx:1.27', 'quay.io/prometheus/node-exporter:v1.8.2']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe([
      `cached          nginx:1.27 -> ${CACHE_HOST}/docker-hub/library/nginx:1.27 (${nginx})`,
      `already cached  quay.io/prometheus/node-exporter:v1.8.2 -> ${CACHE_HOST}/quay/prometheus/node-exporter:v1.8.2 (${exporter})`,
      '2 image(s): 1 cached, 1 already cached, 0 failed',
      '',
    ].join('\n'));
    expect(r.code).toBe(0);
    expect(registry.isCached('docker-hub/library/nginx', '1.27')).toBe(true);
    expect(registry.requests.map((q) => `${q.method} ${q.name}:${q.reference} ${q.status}`).sort()).toEqual([
      'GET docker-hub/library/nginx:1.27 200',
      'HEAD docker-hub/library/nginx:1.27 404',
      'HEAD quay/prometheus/node-exporter:v1.8.2 200',
    ]);
    expect(new Set(registry.requests.map((q) => q.accept))).toEqual(new Set([
      'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, ' +
        'application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.docker.distribution.manifest.v2+json',
    ]));
    // The account from one GetAuthorizationToken to read the rules, one per cache host for the token.
    expect(endpoint.counts()).toEqual({ GetAuthorizationToken: 2 });
    expect(REGISTRY_TOKEN).toBe(Buffer.from('AWS:local-registry-password').toString('base64'));
  });

  test('references from the files rewrite reads (Helm maps with their tag or digest), before and after the rewrite', async () => {
    for (const [name, tag] of FIXTURE_IMAGES) registry.seedUpstream(name, tag);
    // The pinned references pin what their tags hold; the Helm map pinned by digest alone is in the cache already.
    registry.seedUpstream('docker-hub/library/nginx', '1.27.3', { ...manifestOf('n', '1'), digest: 'sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a' });
    registry.seedUpstream('docker-hub/library/node', '22-bookworm-slim', { ...manifestOf('n', '2'), digest: 'sha256:2f5ec0d8d3a5e5b9c3e5f9c4a6f0b7d4b4ed5c3d6dfd7f5a7e8c3a1b2c4d5e6f' });
    registry.seedCached('docker-hub/library/busybox', 'stable', { ...manifestOf('b', '1'), digest: 'sha256:9ae97d36d26566ff84e8893c64a6dc4fe8ca6d1144bf5b87b2b85a32def253c7' });
    const first = await warm([WORKLOADS, '--json']);
    expect(first.stderr).toBe('');
    const results = JSON.parse(first.stdout) as { status: string; cacheReference: string; reason?: string }[];
    expect(results.filter((x) => x.status !== 'cached').map((x) => `${x.status} ${x.cacheReference}`)).toEqual([
      `already-cached ${CACHE_HOST}/docker-hub/library/busybox@sha256:9ae97d36d26566ff84e8893c64a6dc4fe8ca6d1144bf5b87b2b85a32def253c7`,
    ]);
    expect(results.map((x) => x.cacheReference)).toContain(`${CACHE_HOST}/docker-hub/bitnami/postgresql:16.4.0-debian-12-r0`);
    expect(results).toHaveLength(25);
    expect(first.code).toBe(0);
    const second = await warm([GOLDEN, '--json']);
    const again = JSON.parse(second.stdout) as { status: string; cacheReference: string }[];
    expect(again.map((x) => x.cacheReference).sort()).toEqual(results.map((x) => x.cacheReference).sort());
    expect(again.filter((x) => x.status !== 'already-cached')).toEqual([]);
    expect(second.code).toBe(0);
  });

  test('a Helm image map without tag or digest is skipped with a note (the chart decides the tag)', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'values.yaml'), 'image:\n  registry: quay.io\n  repository: org/app\nsidecar:\n  image:\n    registry: quay.io\n    repository: org/side\n    tag: "2"\n');
    registry.seedUpstream('quay/org/side', '2');
    const r = await runCli(['warm', ...options(), 'values.yaml'], { cwd: dir });
    expect(r.stderr).toBe('values.yaml:2: quay.io/org/app has no tag or digest in its image map (the chart decides it): not warmed\n');
    expect(r.stdout).toContain('1 image(s): 1 cached, 0 already cached, 0 failed\n');
    expect(r.code).toBe(0);
  });

  test('name:tag@digest is warmed by tag and its digest checked; a mismatch is a failure with its fix', async () => {
    const redis = registry.seedUpstream('docker-hub/library/redis', '7.4');
    const app = registry.seedUpstream('quay/org/app', '1', manifestOf('quay/org/app', '1', 2));
    const r = await warm([`quay.io/org/app:1@${digest('a')}`, `redis:7.4@${redis.digest}`]);
    expect(r.stdout).toBe([
      `FAILED          quay.io/org/app:1@${digest('a')} -> ${CACHE_HOST}/quay/org/app:1@${digest('a')} (${app.digest})`,
      `                failure: tag 1 is ${app.digest} in the cache, but the reference pins ${digest('a')}`,
      '                fix: update the pin to the digest the tag has now, or use the tag the pinned digest was published under',
      `cached          redis:7.4@${redis.digest} -> ${CACHE_HOST}/docker-hub/library/redis:7.4@${redis.digest} (${redis.digest})`,
      '2 image(s): 1 cached, 0 already cached, 1 failed',
      '',
    ].join('\n'));
    expect(r.code).toBe(1);
    // Requested by tag only: a first request by digest would find nothing.
    expect(new Set(registry.requests.map((q) => q.reference))).toEqual(new Set(['1', '7.4']));
  });

  test('without Docker-Content-Digest, the digest is the SHA-256 of the manifest', async () => {
    registry.sendDigestHeader = false;
    const redis = registry.seedUpstream('docker-hub/library/redis', '7.4');
    const r = await warm([`redis:7.4@${redis.digest}`, '--json']);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ status: 'cached', digest: redis.digest });
    expect(r.code).toBe(0);
  });

  test('a digest alone finds only what is cached: the failure says to add the tag', async () => {
    const cached = registry.seedCached('k8s/pause', '3.10');
    const r = await warm([`registry.k8s.io/pause@${cached.digest}`, `registry.k8s.io/etcd@${digest('e')}`, '--json']);
    expect(JSON.parse(r.stdout)).toEqual([
      { reference: `registry.k8s.io/pause@${cached.digest}`, cacheReference: `${CACHE_HOST}/k8s/pause@${cached.digest}`, status: 'already-cached', digest: cached.digest },
      {
        reference: `registry.k8s.io/etcd@${digest('e')}`,
        cacheReference: `${CACHE_HOST}/k8s/etcd@${digest('e')}`,
        status: 'failed',
        reason: `the cache has no image digest ${digest('e')} (HTTP 404: MANIFEST_UNKNOWN: The image with reference ${digest('e')} does not exist in repository k8s/etcd); ` +
          'ECR fetches an uncached image by tag only',
        fix: 'write the reference as name:tag@digest so warm pulls the tag and checks the digest',
      },
    ]);
    expect(r.code).toBe(1);
  });

  test('a missing image fails with the reason and its fix; the others are warmed', async () => {
    registry.seedUpstream('ghcr/acme/app', '1');
    const r = await warm(['ghcr.io/acme/app:1', 'ghcr.io/acme/gone:9']);
    expect(r.stdout).toContain([
      `FAILED          ghcr.io/acme/gone:9 -> ${CACHE_HOST}/ghcr/acme/gone:9`,
      '                failure: the upstream registry has no tag 9, or the rule cannot reach it (HTTP 404: MANIFEST_UNKNOWN: The image with reference 9 does not exist in repository ghcr/acme/gone)',
      "                fix: check the tag upstream, and the rule with 'ecr-ptc validate --synth'",
    ].join('\n'));
    expect(r.stdout).toContain('2 image(s): 1 cached, 0 already cached, 1 failed\n');
    expect(r.code).toBe(1);
  });

  test('throttling and server errors are retried with backoff', async () => {
    registry.seedUpstream('docker-hub/library/nginx', '1.27');
    registry.inject({ kind: 'throttle', count: 2 });
    registry.inject({ kind: 'server-error', count: 2 });
    const r = await warm(['nginx:1.27']);
    expect(r.stdout).toContain('1 image(s): 1 cached, 0 already cached, 0 failed\n');
    expect(r.code).toBe(0);
    expect(registry.requests.map((q) => `${q.method} ${q.status}`)).toEqual(['HEAD 429', 'HEAD 429', 'HEAD 500', 'HEAD 500', 'HEAD 404', 'GET 200']);
  });

  test('throttling that does not stop: failed after --max-attempts, with the fix', async () => {
    registry.inject({ kind: 'throttle' });
    const r = await warm(['nginx:1.27', '--max-attempts', '3']);
    expect(r.stdout).toContain('failure: throttled by the cache after 3 attempts (HTTP 429)\n                fix: lower --concurrency, or run warm again later\n');
    expect(registry.requests).toHaveLength(3);
    expect(r.code).toBe(1);
  });

  test('a refused token: failed with the permissions to grant', async () => {
    registry.acceptedToken = 'another-token';
    const r = await warm(['nginx:1.27']);
    expect(r.stdout).toContain([
      '                failure: the cache refused the request (HTTP 401)',
      "                fix: grant the caller ecr:BatchGetImage, ecr:BatchImportUpstreamImage and ecr:CreateRepository on the rule's repositories (grantPull)",
    ].join('\n'));
    expect(r.code).toBe(1);
  });

  test('no AWS credentials: exit 2 before any registry request', async () => {
    const r = await runCli(['warm', ...options(), 'nginx:1.27'], { env: { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ecr-ptc: no AWS credentials found/);
    expect(registry.requests).toEqual([]);
  });

  test('at most --concurrency requests at once (default 5)', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `quay/org/app${i}`);
    for (const name of names) registry.seedUpstream(name, '1');
    registry.inject({ kind: 'latency', ms: 40 });
    const refs = names.map((n) => `quay.io/${n.slice('quay/'.length)}:1`);
    expect((await warm(refs)).code).toBe(0);
    expect(registry.maxInFlight).toBe(5);
    registry.reset();
    for (const name of names) registry.seedUpstream(name, '1');
    registry.inject({ kind: 'latency', ms: 40 });
    expect((await warm([...refs, '--concurrency', '2'])).code).toBe(0);
    expect(registry.maxInFlight).toBe(2);
  });

  test('on a terminal, a progress line per image on stderr', async () => {
    registry.seedUpstream('docker-hub/library/nginx', '1.27');
    registry.seedCached('k8s/pause', '3.10');
    const r = await warm(['nginx:1.27', 'registry.k8s.io/pause:3.10', '--concurrency', '1'], true);
    expect(r.stderr).toBe('[1/2] cached: nginx:1.27\n[2/2] already cached: registry.k8s.io/pause:3.10\n');
  });

  test('a connection dropped on every attempt fails that image; a second run warms it and skips the rest', async () => {
    registry.seedUpstream('docker-hub/library/nginx', '1.27');
    registry.seedUpstream('quay/org/app', '1');
    registry.inject({ kind: 'drop', name: 'quay/org/app' });
    const r = await warm(['nginx:1.27', 'quay.io/org/app:1', '--max-attempts', '2']);
    expect(r.stdout).toMatch(/FAILED {10}quay\.io\/org\/app:1 -> .*\n {16}failure: cannot reach http:\/\/127\.0\.0\.1:\d+ \(.+ after 2 attempt\(s\)\)\n {16}fix: check the network and proxy, then run warm again: images already warmed are skipped\n/);
    expect(r.code).toBe(1);
    registry.reset();
    registry.seedCached('docker-hub/library/nginx', '1.27');
    registry.seedUpstream('quay/org/app', '1');
    const again = await warm(['nginx:1.27', 'quay.io/org/app:1']);
    expect(again.stdout).toContain('2 image(s): 1 cached, 1 already cached, 0 failed\n');
    expect(again.code).toBe(0);
  });

  test('an interrupted run (the process killed mid-way) is finished by running it again', async () => {
    const names = Array.from({ length: 6 }, (_, i) => `quay/org/svc${i}`);
    for (const name of names) registry.seedUpstream(name, '1');
    registry.inject({ kind: 'latency', ms: 150 });
    const refs = names.map((n) => `quay.io/${n.slice('quay/'.length)}:1`);
    const child = spawn(process.execPath, [BIN, 'warm', ...options(), '--concurrency', '1', ...refs], {
      env: Object.fromEntries(Object.entries({ ...process.env, ...testEnv() }).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv,
      stdio: 'ignore',
    });
    await waitFor(() => names.filter((n) => registry.isCached(n, '1')).length >= 2, 20_000);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const warmed = names.filter((n) => registry.isCached(n, '1')).length;
    expect(warmed).toBeGreaterThanOrEqual(2);
    expect(warmed).toBeLessThan(names.length);
    registry.reset();
    for (const name of names) registry.seedUpstream(name, '1');
    // What the killed run warmed is in the cache; the rest is not.
    for (const name of names.slice(0, warmed)) registry.seedCached(name, '1');
    const again = await warm(refs);
    expect(again.stdout).toContain(`6 image(s): ${6 - warmed} cached, ${warmed} already cached, 0 failed\n`);
    expect(again.code).toBe(0);
  }, 40_000);

  test('input errors: exit 2', async () => {
    const notCovered = await warm(['registry.example.com/team/tool:1']);
    expect(notCovered).toEqual({ code: 2, stdout: '', stderr: 'ecr-ptc: registry.example.com/team/tool:1: no rule of the stack caches registry.example.com: add a rule for it, or leave it out\n' });
    const own = await warm([`${CACHE_HOST}/shop/web:4.2.0`]);
    expect(own.stderr).toBe(`ecr-ptc: ${CACHE_HOST}/shop/web:4.2.0: in the cache registry, but under no rule's prefix: not an image the cache pulls through\n`);
    expect(own.code).toBe(2);
    const neither = await warm(['Not A Reference']);
    expect(neither.stderr).toBe("ecr-ptc: 'Not A Reference' is neither a file nor an image reference\nrun 'ecr-ptc --help' for usage\n");
    const url = await runCli(['warm', '--synth', STACK, '--registry-url', 'ftp://x', 'nginx']);
    expect(url.stderr).toMatch(/^ecr-ptc: --registry-url must be an http\(s\) URL, got 'ftp:\/\/x'\n/);
    const none = await runCli(['warm', '--synth', STACK]);
    expect(none.stderr).toMatch(/^ecr-ptc: warm needs at least one image reference, file or directory\n/);
    expect(registry.requests).toEqual([]);
  });
});

async function waitFor(condition: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
