/**
 * The package of one core in a stack of the other says which package to install, at construction, instead of failing
 * inside the core at synth (`_recordFunctionUsage is not a function`). Both directions, with the real cores: the
 * root build (lib/, on cdktf) in a CDK Terrain stack, and the CDK Terrain flavor (.gen/cdktn/lib) in a cdktf stack.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as errors from '../../src/private/errors';

const ROOT = join(__dirname, '..', '..');

interface Flavor { readonly core: 'cdktf' | 'cdktn'; readonly root: string }
const CDKTF: Flavor = { core: 'cdktf', root: ROOT };
const CDKTN: Flavor = { core: 'cdktn', root: join(ROOT, '.gen', 'cdktn') };

/* eslint-disable @typescript-eslint/no-require-imports */
const libraryOf = (flavor: Flavor) => require(join(flavor.root, 'lib', 'index.js'));
const coreOf = (flavor: Flavor) => require(require.resolve(flavor.core, { paths: [flavor.root] }));
/* eslint-enable @typescript-eslint/no-require-imports */

/** A stack of `flavor`'s core, with a provider block written as an override (no provider package of either core). */
function stackOf(flavor: Flavor): any {
  const { App, TerraformStack } = coreOf(flavor);
  const stack = new TerraformStack(new App({ outdir: mkdtempSync(join(tmpdir(), 'wrong-core-')) }), 'test');
  stack.addOverride('provider.aws', [{ region: 'us-east-1' }]);
  return stack;
}

/** Every construct of the library, made in `stack` with the library `lib`. */
const CONSTRUCTS: Array<[string, (lib: any, stack: any, core: any) => unknown]> = [
  ['PullThroughCacheRule', (lib, stack) => new lib.PullThroughCacheRule(stack, 'Construct', { upstream: lib.UpstreamRegistry.quay() })],
  ['PullThroughCacheRule.fromEcrRepositoryPrefix', (lib, stack) => lib.PullThroughCacheRule.fromEcrRepositoryPrefix(stack, 'Construct', 'quay')],
  ['PullThroughCache', (lib, stack) => new lib.PullThroughCache(stack, 'Construct')],
  ['PullThroughCacheRepositoryTemplate', (lib, stack) => new lib.PullThroughCacheRepositoryTemplate(stack, 'Construct', { prefix: 'quay' })],
  ['EcrUpstreamRole', (lib, stack) => new lib.EcrUpstreamRole(stack, 'Construct')],
  ['UpstreamCredentialSecret', (lib, stack, core) => {
    const token = new core.TerraformVariable(stack, 'token', { type: 'string', sensitive: true }).stringValue;
    return new lib.UpstreamCredentialSecret(stack, 'Construct', { secretName: 'docker-hub', username: 'u', accessToken: token });
  }],
];

describe.each([
  ['the cdktf package (lib/) in a CDK Terrain stack', CDKTF, CDKTN],
  ['the CDK Terrain package (.gen/cdktn/lib) in a cdktf stack', CDKTN, CDKTF],
])('%s', (_title, library, other) => {
  test.each(CONSTRUCTS)('%s names the package built for the stack\'s core', (_name, make) => {
    const stack = stackOf(other);
    expect(() => make(libraryOf(library), stack, coreOf(other))).toThrow(errors.otherCore('test/Construct', other.core, library.core).message);
  });

  test('the message names the package and the module of each language', () => {
    const message = errors.otherCore('test/Construct', other.core, library.core).message;
    expect(message).toContain(`npm ${other.core}-ecr-pull-through-cache,`);
    expect(message).toContain(`module ${other.core}_ecr_pull_through_cache`);
    expect(message).toContain(`/${other.core}-ecr-pull-through-cache-go/ecrpullthroughcache`);
    expect(message).toContain(`:${other.core}-ecr-pull-through-cache.`);
    expect(message).toContain(`comes from ${library.core}-ecr-pull-through-cache,`);
  });

  test('with its own core, the same stack with a secret synthesizes', () => {
    const lib = libraryOf(library);
    const stack = stackOf(library);
    const { TerraformVariable, Testing } = coreOf(library);
    const token = new TerraformVariable(stack, 'token', { type: 'string', sensitive: true }).stringValue;
    const secret = new lib.UpstreamCredentialSecret(stack, 'Hub', { secretName: 'docker-hub', username: 'u', accessToken: token });
    new lib.PullThroughCacheRule(stack, 'Rule', { upstream: lib.UpstreamRegistry.dockerHub({ credential: secret.credential }) });
    const json = JSON.parse(Testing.synth(stack, true));
    expect(Object.keys(json.resource.aws_ecr_pull_through_cache_rule)).toHaveLength(1);
  });
});

test('the package names in the message are the ones each flavor is published under', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { FLAVOR } = require(join(ROOT, 'scripts', 'flavor.js'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const root = require(join(ROOT, 'package.json'));
  for (const [core, pkg] of [['cdktf', root], ['cdktn', { name: FLAVOR.package.name, jsii: { targets: FLAVOR.package.jsiiTargets } }]] as const) {
    const t = pkg.jsii.targets;
    expect(errors.PACKAGES[core]).toEqual({
      title: errors.PACKAGES[core].title,
      npm: pkg.name,
      python: `${t.python.distName} (module ${t.python.module})`,
      go: `${t.go.moduleName}/${t.go.packageName}`,
      maven: `${t.java.maven.groupId}:${t.java.maven.artifactId}`,
    });
  }
});
