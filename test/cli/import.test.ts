import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transpileModule, ModuleKind, ScriptTarget } from 'typescript';
import { pascalCaseId, planImport } from '../../src/cli/codegen/model';
import { LocalEcrEndpoint } from './support/ecr-endpoint';
import { ROOT, runCli } from './support/cli';
import { EVERY_KIND, REGION, secretArn, seedEveryKind, UPSTREAM_ROLE_ARN } from './support/fixtures';

let endpoint: LocalEcrEndpoint;
let dir: string;
beforeAll(async () => {
  endpoint = await LocalEcrEndpoint.start();
  dir = mkdtempSync(join(tmpdir(), 'ecr-ptc-import-'));
});
afterAll(() => endpoint.close());
beforeEach(() => endpoint.reset());

// The programs of these tests are cdktf ones in either flavor (test/cli/import-core.test.ts covers --core cdktn and the
// default core); the round trip below runs the default, the core this package is built for.
const importWithDefaultCore = (language: string, ...extra: string[]) =>
  runCli(['import', '--language', language, '--region', REGION, '--endpoint-url', endpoint.url, ...extra]);
const importAs = (language: string, ...extra: string[]) => importWithDefaultCore(language, '--core', 'cdktf', ...extra);

/** Asserts that each of `lines` is a whole line of `text`. */
function expectLines(text: string, lines: readonly string[]): void {
  const actual = text.split('\n');
  for (const line of lines) expect(actual).toContain(line);
}

const golden = (name: string) => readFileSync(join(__dirname, 'golden', name), 'utf8');

describe('golden output for three rules (Docker Hub, ECR with role and prefix, Quay)', () => {
  beforeEach(() => endpoint.seedRules(EVERY_KIND[0], EVERY_KIND[8], EVERY_KIND[5]));

  test.each([
    ['typescript', 'three-rules.ts.txt'],
    ['python', 'three-rules.py.txt'],
    ['go', 'three-rules.go.txt'],
    ['java', 'three-rules.java.txt'],
  ])('%s', async (language, file) => {
    const r = await importAs(language);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(golden(file));
  });
});

describe('every upstream kind maps to its preset', () => {
  beforeEach(() => seedEveryKind(endpoint));

  test('typescript', async () => {
    const { stdout } = await importAs('typescript');
    expectLines(stdout, [
      "    const dockerHubRule = cache.addRule('DockerHub', {",
      "      upstream: UpstreamRegistry.dockerHub({",
      `        credential: UpstreamCredential.fromSecretArn('${secretArn('docker-hub')}'),`,
      '      upstream: UpstreamRegistry.githubContainerRegistry({',
      '      upstream: UpstreamRegistry.gitlabContainerRegistry({',
      '      upstream: UpstreamRegistry.chainguard({',
      '      upstream: UpstreamRegistry.azureContainerRegistry({',
      "        registryName: 'contosoimages',",
      '      upstream: UpstreamRegistry.quay(),',
      '      upstream: UpstreamRegistry.kubernetes(),',
      '      upstream: UpstreamRegistry.ecrPublic(),',
      "        region: 'us-east-1',",
      "        accountId: '444455556666',",
      `        roleArn: '${UPSTREAM_ROLE_ARN}',`,
      "        repositoryPrefix: 'team',",
      "        region: 'eu-west-2',",
      "    west2Rule.resource.importFrom('west2');",
    ]);
    expect(stdout.match(/\.resource\.importFrom\(/g)).toHaveLength(EVERY_KIND.length);
    // A ROOT upstream prefix is the default and is not written.
    expect(stdout.match(/repositoryPrefix:/g)).toHaveLength(1);
  });

  test('python', async () => {
    const { stdout } = await importAs('python');
    expectLines(stdout, [
      '        docker_hub_rule = cache.add_rule(',
      '            upstream=UpstreamRegistry.docker_hub(',
      '            upstream=UpstreamRegistry.github_container_registry(',
      '            upstream=UpstreamRegistry.gitlab_container_registry(',
      '            upstream=UpstreamRegistry.azure_container_registry(',
      '                registry_name="contosoimages",',
      '            upstream=UpstreamRegistry.ecr_public(),',
      '            upstream=UpstreamRegistry.kubernetes(),',
      '                account_id="444455556666",',
      `                role_arn="${UPSTREAM_ROLE_ARN}",`,
      '                repository_prefix="team",',
      '        team_images_rule.resource.import_from("team-images")',
    ]);
    expect(stdout.match(/\.resource\.import_from\(/g)).toHaveLength(EVERY_KIND.length);
    const python = spawnSync('python3', ['-c', 'import ast,sys; ast.parse(sys.stdin.read())'], { input: stdout });
    if (!python.error) expect(python.stderr.toString()).toBe('');
  });

  test('go', async () => {
    const { stdout } = await importAs('go');
    expectLines(stdout, [
      '\tecrpullthroughcache "github.com/cdktf-ecr-pull-through-cache/cdktf-ecr-pull-through-cache-go/ecrpullthroughcache"',
      '\t\tUpstream: ecrpullthroughcache.UpstreamRegistry_DockerHub(&ecrpullthroughcache.CredentialedUpstreamOptions{',
      `\t\t\tCredential: ecrpullthroughcache.UpstreamCredential_FromSecretArn(jsii.String("${secretArn('docker-hub')}")),`,
      '\t\tUpstream: ecrpullthroughcache.UpstreamRegistry_AzureContainerRegistry(&ecrpullthroughcache.AzureContainerRegistryOptions{',
      '\t\t\tRegistryName: jsii.String("contosoimages"),',
      '\t\tUpstream:            ecrpullthroughcache.UpstreamRegistry_Kubernetes(),',
      '\t\tUpstream: ecrpullthroughcache.UpstreamRegistry_Ecr(&ecrpullthroughcache.EcrUpstreamOptions{',
      '\t\t\tAccountId:        jsii.String("444455556666"),',
      '\t\t\tRepositoryPrefix: jsii.String("team"),',
      '\tteamImagesRule.Resource().ImportFrom(jsii.String("team-images"), nil)',
    ]);
    const gofmt = spawnSync('gofmt', ['-l'], { input: stdout });
    if (!gofmt.error) expect(`${gofmt.stdout}${gofmt.stderr}`).toBe('');
  });

  test('java', async () => {
    const { stdout } = await importAs('java');
    expectLines(stdout, [
      'import io.github.cdktf_ecr_pull_through_cache.AzureContainerRegistryOptions;',
      'import io.github.cdktf_ecr_pull_through_cache.EcrUpstreamOptions;',
      '            PullThroughCacheRule dockerHubRule = cache.addRule("DockerHub", PullThroughCacheRuleProps.builder()',
      '                    .upstream(UpstreamRegistry.dockerHub(CredentialedUpstreamOptions.builder()',
      '                            .registryName("contosoimages")',
      '                    .upstream(UpstreamRegistry.ecrPublic())',
      '                            .accountId("444455556666")',
      `                            .roleArn("${UPSTREAM_ROLE_ARN}")`,
      '            teamImagesRule.getResource().importFrom("team-images");',
    ]);
    expect(stdout.match(/\.getResource\(\)\.importFrom\(/g)).toHaveLength(EVERY_KIND.length);
  });
});

test('an unrecognised upstream URL is an error naming it', async () => {
  endpoint.seedRules(EVERY_KIND[5], { ecrRepositoryPrefix: 'harbor', upstreamRegistryUrl: 'harbor.example.com' });
  const r = await importAs('typescript');
  expect(r).toEqual({
    code: 2,
    stdout: '',
    stderr: "ecr-ptc: rule 'harbor': unrecognised upstream registry URL 'harbor.example.com' (no preset of UpstreamRegistry produces it)\n",
  });
});

test('construct ids are PascalCase and unique', () => {
  const rule = (p: string) => ({ ecrRepositoryPrefix: p, upstreamRegistryUrl: 'quay.io' });
  const plan = planImport(['a-b', 'a_b', 'a/b', 'ROOT', '1st', 'pull-through-cache'].map(rule), REGION, 's');
  expect(plan.rules.map((r) => [r.ecrRepositoryPrefix, r.id])).toEqual([
    ['1st', 'Rule1st'],
    ['a_b', 'AB'],
    ['a-b', 'AB2'],
    ['a/b', 'AB3'],
    ['pull-through-cache', 'PullThroughCache2'],
    ['ROOT', 'Root'],
  ]);
  expect(pascalCaseId('docker-hub/library')).toBe('DockerHubLibrary');
});

test('--out writes the file and --stack-name names the stack', async () => {
  endpoint.seedRules(EVERY_KIND[5]);
  const out = join(dir, 'main.py');
  const r = await runCli(['import', '--language', 'python', '--out', out, '--stack-name', 'registry-cache', '--region', REGION, '--endpoint-url', endpoint.url]);
  expect(r).toEqual({ code: 0, stdout: '', stderr: `wrote 1 rule(s) to ${out}\n` });
  expect(readFileSync(out, 'utf8')).toContain('EcrPullThroughCacheStack(app, "registry-cache")\n');
});

describe('round trip: import → synth → diff', () => {
  const libIndex = join(ROOT, 'lib', 'index.js');

  test('the generated TypeScript program synthesizes the live rules with import blocks, and diff finds no drift', async () => {
    // Fails (is not skipped) when the library has not been built: `npm run build` first.
    expect(existsSync(libIndex)).toBe(true);
    seedEveryKind(endpoint);
    const generated = await importWithDefaultCore('typescript', '--stack-name', 'adopted');
    expect(generated.code).toBe(0);

    const library = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).name;
    const source = generated.stdout.replace(`from '${library}'`, `from ${JSON.stringify(libIndex)}`);
    expect(source).not.toBe(generated.stdout);
    const js = transpileModule(source, {
      compilerOptions: { module: ModuleKind.CommonJS, target: ScriptTarget.ES2022, esModuleInterop: true },
      reportDiagnostics: true,
    });
    expect(js.diagnostics ?? []).toEqual([]);
    const work = mkdtempSync(join(tmpdir(), 'ecr-ptc-roundtrip-'));
    writeFileSync(join(work, 'main.js'), js.outputText);
    execFileSync(process.execPath, ['main.js'], {
      cwd: work,
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules'), CHECKPOINT_DISABLE: '1' },
      stdio: 'pipe',
      timeout: 60_000,
    });
    const stackFile = join(work, 'cdktf.out', 'stacks', 'adopted', 'cdk.tf.json');
    const stack = JSON.parse(readFileSync(stackFile, 'utf8'));
    const declared = stack.resource.aws_ecr_pull_through_cache_rule as Record<string, { ecr_repository_prefix: string }>;
    expect(Object.values(declared).map((r) => r.ecr_repository_prefix).sort()).toEqual(EVERY_KIND.map((r) => r.ecrRepositoryPrefix).sort());
    const imports = (stack.import ?? []) as { to: string; id: string }[];
    expect(imports.map((i) => i.id).sort()).toEqual(EVERY_KIND.map((r) => r.ecrRepositoryPrefix).sort());
    for (const i of imports) expect(declared[i.to.replace('aws_ecr_pull_through_cache_rule.', '')].ecr_repository_prefix).toBe(i.id);

    endpoint.clearFaults();
    const diff = await runCli(['diff', '--synth', stackFile, '--region', REGION, '--endpoint-url', endpoint.url, '--json']);
    expect(diff.stderr).toBe('');
    const report = JSON.parse(diff.stdout);
    expect({ missing: report.missing, extra: report.extra, changed: report.changed, unchecked: report.unchecked }).toEqual({
      missing: [],
      extra: [],
      changed: [],
      unchecked: [],
    });
    expect(diff.code).toBe(0);
  });
});

test('a registry without rules still gives a program that compiles', async () => {
  const ts = await importAs('typescript');
  expect(ts.stdout).toContain("    new PullThroughCache(this, 'PullThroughCache', {});\n  }\n}\n");
  expect(ts.stdout).not.toContain('UpstreamCredential');
  expect(transpileModule(ts.stdout, { reportDiagnostics: true }).diagnostics).toEqual([]);
  const go = await importAs('go');
  expect(go.stdout).toContain('\tecrpullthroughcache.NewPullThroughCache(stack, jsii.String("PullThroughCache"), &ecrpullthroughcache.PullThroughCacheProps{})\n\n\treturn stack\n');
  const java = await importAs('java');
  expect(java.stdout).not.toContain('PullThroughCacheRuleProps');
  expect(ts.stdout.split('\n')[0]).toBe('// Generated by `ecr-ptc import` from the 0 pull-through cache rule(s) in eu-west-1.');
});
