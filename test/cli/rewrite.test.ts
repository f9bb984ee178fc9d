/** `ecr-ptc rewrite`: goldens, idempotence, --check, --dry-run, --json, bad input, atomic writes. */
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCOUNT_ID, LocalEcrEndpoint } from './support/ecr-endpoint';
import { runCli } from './support/cli';
import { CACHE_HOST, copyWorkloads, GOLDEN, modes, scratch, snapshot, STACK, stackWith, WORKLOADS, writeStack } from './support/workloads';

let endpoint: LocalEcrEndpoint;
beforeAll(async () => {
  endpoint = await LocalEcrEndpoint.start();
});
afterAll(() => endpoint.close());
beforeEach(() => endpoint.reset());

const at = () => ['--endpoint-url', endpoint.url];
const rewrite = (args: string[], cwd?: string) => runCli(['rewrite', '--synth', STACK, ...at(), ...args], { cwd });

/** The 23 references of the fixtures that bypass the cache, as --check prints them (paths relative to the tree). */
const CHECK_LINES = [
  'compose/compose.yaml:11: postgres:16-alpine -> <cache>/docker-hub/library/postgres:16-alpine',
  'compose/compose.yaml:15: redis:7.4 -> <cache>/docker-hub/library/redis:7.4',
  'docker/Containerfile:3: nginx:1.27 -> <cache>/docker-hub/library/nginx:1.27',
  'docker/Containerfile:6: quay.io/acme/tools:1 -> <cache>/quay/acme/tools:1',
  'docker/Dockerfile:7: ghcr.io/acme/protoc:25.1 -> <cache>/ghcr/acme/protoc:25.1',
  'docker/Dockerfile:17: docker.io/library/node:22-bookworm-slim@sha256:2f5ec0d8d3a5e5b9c3e5f9c4a6f0b7d4b4ed5c3d6dfd7f5a7e8c3a1b2c4d5e6f -> ' +
    '<cache>/docker-hub/library/node:22-bookworm-slim@sha256:2f5ec0d8d3a5e5b9c3e5f9c4a6f0b7d4b4ed5c3d6dfd7f5a7e8c3a1b2c4d5e6f',
  'docker/Dockerfile:25: quay.io/jetstack/cert-manager-ctl:v1.15.3 -> <cache>/quay/jetstack/cert-manager-ctl:v1.15.3',
  'docker/Dockerfile:27: registry.k8s.io/kubectl:v1.31.0 -> <cache>/k8s/kubectl:v1.31.0',
  'helm/values.yaml:9: docker.io/bitnami/postgresql -> <cache>/docker-hub/bitnami/postgresql',
  'helm/values.yaml:17: quay.io/prometheuscommunity/postgres-exporter -> <cache>/quay/prometheuscommunity/postgres-exporter',
  'helm/values.yaml:23: docker.io/busybox -> <cache>/docker-hub/library/busybox',
  'helm/values.yaml:41: ghcr.io/acme/dashboard:1.2.0 -> <cache>/ghcr/acme/dashboard:1.2.0',
  'manifests/workloads.yaml:11: nginx -> <cache>/docker-hub/library/nginx',
  'manifests/workloads.yaml:16: busybox:1.36 -> <cache>/docker-hub/library/busybox:1.36',
  'manifests/workloads.yaml:36: ghcr.io/acme/migrate:2.4.1 -> <cache>/ghcr/acme/migrate:2.4.1',
  'manifests/workloads.yaml:40: docker.io/library/nginx:1.27.3@sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a -> ' +
    '<cache>/docker-hub/library/nginx:1.27.3@sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a',
  'manifests/workloads.yaml:42: quay.io/prometheus/node-exporter:v1.8.2 -> <cache>/quay/prometheus/node-exporter:v1.8.2',
  'manifests/workloads.yaml:60: index.docker.io/bitnami/redis:7.4 -> <cache>/docker-hub/bitnami/redis:7.4',
  'manifests/workloads.yaml:73: registry-1.docker.io/datadog/agent:7 -> <cache>/docker-hub/datadog/agent:7',
  'manifests/workloads.yaml:75: registry.k8s.io/pause:3.10 -> <cache>/k8s/pause:3.10',
  'manifests/workloads.yaml:86: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/platform/report:2025.1 -> <cache>/central/report:2025.1',
  'manifests/workloads.yaml:101: public.ecr.aws/aws-cli/aws-cli:2.17.0 -> <cache>/ecr-public/aws-cli/aws-cli:2.17.0',
  'manifests/workloads.yaml:113: quay.io/prometheus/prometheus:v2.54.1 -> <cache>/quay/prometheus/prometheus:v2.54.1',
].map((l) => l.replace(/<cache>/g, CACHE_HOST));

describe('rewrite', () => {
  test('rewrites every covered reference, byte for byte as the goldens (comments, quotes, CRLF, layout kept)', async () => {
    const dir = copyWorkloads();
    const r = await rewrite(['.'], dir);
    expect(r.stderr).toBe('rewrote 23 reference(s) in 5 of 5 file(s)\n');
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual(CHECK_LINES);
    expect(snapshot(dir)).toEqual(snapshot(GOLDEN));
    // The caller's account came from one GetAuthorizationToken call (in the provider's Region).
    expect(endpoint.requests.map((q) => [q.operation, q.region])).toEqual([['GetAuthorizationToken', 'us-east-1']]);
  });

  test('the goldens differ from the inputs only inside the rewritten references', () => {
    const before = snapshot(WORKLOADS);
    const after = snapshot(GOLDEN);
    for (const [file, text] of Object.entries(before)) {
      const a = text.split('\n');
      const b = after[file].split('\n');
      expect(b.length).toBe(a.length);
      a.forEach((line, i) => {
        if (line === b[i]) return;
        // What is left of a changed line without its reference is the same on both sides.
        const shape = (s: string) => s.replace(/[\w.:@/-]*(?:docker|quay|ghcr|k8s|ecr|postgres|redis|nginx|busybox|bitnami|prometheus|aws)[\w.:@/-]*/g, '<ref>');
        expect(`${file}:${i + 1}: ${shape(b[i])}`).toBe(`${file}:${i + 1}: ${shape(line)}`);
      });
    }
    // CRLF files keep CRLF on every line.
    expect(after['compose/compose.yaml'].split('\n').slice(0, -1).every((l) => l.endsWith('\r'))).toBe(true);
    expect(after['docker/Containerfile'].split('\n').slice(0, -1).every((l) => l.endsWith('\r'))).toBe(true);
  });

  test('a second run changes nothing, and --check then passes', async () => {
    const dir = copyWorkloads(GOLDEN);
    const before = snapshot(dir);
    const again = await rewrite(['.'], dir);
    expect(again).toEqual({ code: 0, stdout: '', stderr: 'rewrote 0 reference(s) in 0 of 5 file(s)\n' });
    expect(snapshot(dir)).toEqual(before);
    const check = await rewrite(['--check', '.'], dir);
    expect(check).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  test('--check lists what bypasses the cache, exits 1 and writes nothing', async () => {
    const dir = copyWorkloads();
    const r = await rewrite(['--check', 'manifests', 'helm/values.yaml', 'compose', 'docker/Dockerfile', 'docker/Containerfile'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n').sort()).toEqual([...CHECK_LINES].sort());
    expect(r.stderr).toBe("23 reference(s) in 5 file(s) bypass the cache: run 'ecr-ptc rewrite' without --check\n");
    expect(snapshot(dir)).toEqual(snapshot(WORKLOADS));
  });

  test('--dry-run prints a unified diff that patch applies to give the goldens, and writes nothing', async () => {
    const dir = copyWorkloads();
    const r = await rewrite(['--dry-run', '.'], dir);
    expect(r.code).toBe(0);
    expect(snapshot(dir)).toEqual(snapshot(WORKLOADS));
    expect(r.stdout).toContain([
      '--- a/helm/values.yaml',
      '+++ b/helm/values.yaml',
      '@@ -6,22 +6,22 @@',
      '   imageRegistry: ""',
      ' ',
      ' image:',
      '-  registry: docker.io',
      '+  registry: 111122223333.dkr.ecr.us-east-1.amazonaws.com',
      '-  repository: bitnami/postgresql   # the database',
      '+  repository: docker-hub/bitnami/postgresql   # the database',
    ].join('\n'));
    execFileSync('patch', ['-s', '-p1'], { cwd: dir, input: r.stdout });
    expect(snapshot(dir)).toEqual(snapshot(GOLDEN));
  });

  test('--json: file, line, from and to of each change', async () => {
    const dir = copyWorkloads();
    const r = await rewrite(['--check', '--json', 'helm'], dir);
    expect(r.code).toBe(1);
    const changes = JSON.parse(r.stdout);
    expect(changes).toHaveLength(4);
    expect(changes[2]).toEqual({
      file: 'helm/values.yaml', line: 23, from: 'docker.io/busybox', to: `${CACHE_HOST}/docker-hub/library/busybox`,
    });
  });

  test('--registry-id and --region: no AWS call; the Kubernetes rule of the chosen Region', async () => {
    const dir = copyWorkloads();
    const r = await rewrite(['--check', '--registry-id', '444455556666', '--region', 'eu-west-1', 'manifests'], dir);
    expect(endpoint.requests).toEqual([]);
    // Only Kubernetes has rules in two Regions: --region picks eu-west-1; the others stay in us-east-1.
    expect(r.stdout).toContain('manifests/workloads.yaml:75: registry.k8s.io/pause:3.10 -> 444455556666.dkr.ecr.eu-west-1.amazonaws.com/k8s/pause:3.10\n');
    expect(r.stdout).toContain('manifests/workloads.yaml:11: nginx -> 444455556666.dkr.ecr.us-east-1.amazonaws.com/docker-hub/library/nginx\n');
  });

  test('files keep their mode, and no temporary file is left', async () => {
    const dir = copyWorkloads();
    chmodSync(join(dir, 'helm', 'values.yaml'), 0o640);
    chmodSync(join(dir, 'docker', 'Dockerfile'), 0o755);
    const before = modes(dir);
    const inode = statSync(join(dir, 'helm', 'values.yaml')).ino;
    expect((await rewrite(['.'], dir)).code).toBe(0);
    expect(modes(dir)).toEqual(before);
    // Replaced by rename, not written in place.
    expect(statSync(join(dir, 'helm', 'values.yaml')).ino).not.toBe(inode);
    expect(Object.keys(snapshot(dir)).sort()).toEqual(Object.keys(snapshot(GOLDEN)).sort());
  });

  test('.git and node_modules are skipped, other file names are not read', async () => {
    const dir = scratch();
    for (const sub of ['.git', 'node_modules', 'k8s']) cpSync(join(WORKLOADS, 'manifests'), join(dir, sub), { recursive: true });
    writeFileSync(join(dir, 'k8s', 'notes.txt'), 'image: nginx\n');
    const r = await rewrite(['--check', '.'], dir);
    expect(r.stdout.split('\n').filter(Boolean).every((l) => l.startsWith('k8s/workloads.yaml:'))).toBe(true);
    expect(r.code).toBe(1);
  });
});

describe('rewrite: bad input changes no file', () => {
  test('YAML that does not parse: named with its line, left untouched, the others rewritten, exit 2', async () => {
    const dir = copyWorkloads();
    const broken = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - image: nginx\n      args: [unclosed\n';
    writeFileSync(join(dir, 'manifests', 'broken.yaml'), broken);
    const r = await rewrite(['.'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ecr-ptc: manifests\/broken\.yaml:7: not valid YAML, left unchanged: .+\nrewrote 23 reference\(s\) in 5 of 6 file\(s\)\n$/);
    expect(readFileSync(join(dir, 'manifests', 'broken.yaml'), 'utf8')).toBe(broken);
    expect(readFileSync(join(dir, 'manifests', 'workloads.yaml'), 'utf8')).toBe(readFileSync(join(GOLDEN, 'manifests', 'workloads.yaml'), 'utf8'));
  });

  test('a path that does not exist: exit 2 before anything is written', async () => {
    const dir = copyWorkloads();
    const r = await rewrite(['manifests', 'no-such-dir'], dir);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'ecr-ptc: cannot read no-such-dir: ENOENT\n' });
    expect(snapshot(dir)).toEqual(snapshot(WORKLOADS));
  });

  test('a file rewrite does not read, named explicitly: exit 2', async () => {
    const dir = copyWorkloads();
    writeFileSync(join(dir, 'notes.txt'), 'image: nginx\n');
    const r = await rewrite(['notes.txt', 'manifests'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ecr-ptc: notes.txt: not a file rewrite reads (YAML ending in .yaml or .yml, or a Dockerfile or Containerfile)\n');
    expect(snapshot(dir)).toEqual({ ...snapshot(WORKLOADS), 'notes.txt': 'image: nginx\n' });
  });

  test.each([
    // The --synth reader every gating command shares: anything that is not a synthesized stack is exit 2.
    ['not JSON', '{"resource": ', /^ecr-ptc: --synth .*cdk\.tf\.json: not JSON \(/],
    ['a JSON document that is no stack', '[1, 2, 3]', /^ecr-ptc: --synth .*cdk\.tf\.json: the file holds an array, not a Terraform JSON configuration/],
    ['a stack without rules', stackWith({}, 'us-east-1'),
      /^ecr-ptc: .*cdk\.tf\.json declares no aws_ecr_pull_through_cache_rule: pass the cdk\.tf\.json of the stack that declares the cache\n$/],
    ['rules for one upstream in two Regions, no provider Region',
      stackWith({ A: { ecr_repository_prefix: 'k8s', upstream_registry_url: 'registry.k8s.io', region: 'eu-west-1' },
        B: { ecr_repository_prefix: 'k8s', upstream_registry_url: 'registry.k8s.io', region: 'ap-southeast-2' } }),
      /^ecr-ptc: ambiguous Region: rules for registry\.k8s\.io exist in eu-west-1, ap-southeast-2: pass --region with the Region your workloads pull from\n$/],
    ['a prefix known only at apply',
      stackWith({ A: { ecr_repository_prefix: '${var.prefix}', upstream_registry_url: 'quay.io' } }, 'us-east-1'),
      /^ecr-ptc: aws_ecr_pull_through_cache_rule\.A: its ecr_repository_prefix is the Terraform expression \$\{var\.prefix\}, known only at apply: /],
    ['two rules for one upstream in one Region',
      stackWith({ A: { ecr_repository_prefix: 'quay-a', upstream_registry_url: 'quay.io' }, B: { ecr_repository_prefix: 'quay-b', upstream_registry_url: 'quay.io' } }, 'us-east-1'),
      /^ecr-ptc: rules aws_ecr_pull_through_cache_rule\.A and aws_ecr_pull_through_cache_rule\.B both cache quay\.io in us-east-1: /],
  ])('%s: exit 2, nothing written', async (_, doc, message) => {
    const dir = copyWorkloads();
    const r = await runCli(['rewrite', '--synth', writeStack(doc), '--registry-id', ACCOUNT_ID, '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(snapshot(dir)).toEqual(snapshot(WORKLOADS));
  });

  test('--region settles rules for one upstream in two Regions', async () => {
    const dir = copyWorkloads();
    const stack = writeStack(stackWith({
      A: { ecr_repository_prefix: 'k8s', upstream_registry_url: 'registry.k8s.io', region: 'eu-west-1' },
      B: { ecr_repository_prefix: 'k8s', upstream_registry_url: 'registry.k8s.io', region: 'ap-southeast-2' },
    }));
    const r = await runCli(['rewrite', '--synth', stack, '--registry-id', ACCOUNT_ID, '--region', 'ap-southeast-2', '--check', 'docker'], { cwd: dir });
    expect(r.stdout).toBe(`docker/Dockerfile:27: registry.k8s.io/kubectl:v1.31.0 -> ${ACCOUNT_ID}.dkr.ecr.ap-southeast-2.amazonaws.com/k8s/kubectl:v1.31.0\n`);
    expect(r.code).toBe(1);
  });

  test('usage errors', async () => {
    expect((await runCli(['rewrite', '--synth', STACK])).stderr).toBe('ecr-ptc: rewrite needs at least one file or directory\nrun \'ecr-ptc --help\' for usage\n');
    expect((await runCli(['rewrite', 'x'])).stderr).toMatch(/^ecr-ptc: rewrite needs --synth <path to cdk.tf.json>\n/);
    expect((await runCli(['rewrite', '--synth', STACK, '--check', '--dry-run', 'x'])).stderr).toMatch(/^ecr-ptc: --check and --dry-run cannot be used together\n/);
    expect((await runCli(['list', 'x'])).stderr).toMatch(/^ecr-ptc: unexpected argument 'x'\n/);
  });
});

describe('rewrite: --synth an output directory', () => {
  test('the rules of the stacks its manifest lists, or of --stack', async () => {
    const out = scratch('out');
    mkdirSync(join(out, 'stacks', 'platform-cache'), { recursive: true });
    mkdirSync(join(out, 'stacks', 'apps'), { recursive: true });
    cpSync(STACK, join(out, 'stacks', 'platform-cache', 'cdk.tf.json'));
    writeFileSync(join(out, 'stacks', 'apps', 'cdk.tf.json'), JSON.stringify(stackWith({}, 'us-east-1')));
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({
      version: '0.21.0',
      stacks: {
        'platform-cache': { name: 'platform-cache', synthesizedStackPath: 'stacks/platform-cache/cdk.tf.json' },
        'apps': { name: 'apps', synthesizedStackPath: 'stacks/apps/cdk.tf.json' },
      },
    }));
    const dir = copyWorkloads();
    const all = await runCli(['rewrite', '--synth', out, '--registry-id', ACCOUNT_ID, '--check', '.'], { cwd: dir });
    expect(all.code).toBe(1);
    expect(all.stdout.trimEnd().split('\n')).toHaveLength(23);
    const one = await runCli(['rewrite', '--synth', out, '--stack', 'apps', '--registry-id', ACCOUNT_ID, '--check', '.'], { cwd: dir });
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/declares no aws_ecr_pull_through_cache_rule/);
  });
});

describe('rewrite: a ROOT cache prefix adds no segment', () => {
  test('ECR Public under ROOT', async () => {
    const dir = copyWorkloads();
    const stack = writeStack(stackWith({ Public: { ecr_repository_prefix: 'ROOT', upstream_registry_url: 'public.ecr.aws' } }, 'us-east-1'));
    const r = await runCli(['rewrite', '--synth', stack, '--registry-id', ACCOUNT_ID, '--check', 'manifests'], { cwd: dir });
    expect(r.stdout).toBe(`manifests/workloads.yaml:101: public.ecr.aws/aws-cli/aws-cli:2.17.0 -> ${CACHE_HOST}/aws-cli/aws-cli:2.17.0\n`);
  });
});

test('the scratch copies hold every fixture', () => {
  expect(readdirSync(WORKLOADS).sort()).toEqual(['compose', 'docker', 'helm', 'manifests']);
});
