import {
  cachePath,
  cacheReference,
  chooseRule,
  isDockerHubUrl,
  literalNamespace,
  OutsideUpstreamPrefixError,
  referenceHost,
  upstreamImageHosts,
  upstreamPath,
  urlHost,
  type CacheTarget,
  type MappableRule,
} from '../../src/private/image-mapping';
import { parseImageReference } from '../../src/private/image-reference';

const HOST = '111122223333.dkr.ecr.us-east-1.amazonaws.com';
const digest = `sha256:${'d'.repeat(64)}`;
const target = (t: Partial<CacheTarget> = {}): CacheTarget => ({ registryHost: HOST, dockerHub: false, ...t });

describe('cachePath', () => {
  test.each([
    [target({ cacheNamespace: 'docker-hub', dockerHub: true }), 'nginx', 'docker-hub/library/nginx'],
    [target({ cacheNamespace: 'docker-hub', dockerHub: true }), 'library/nginx', 'docker-hub/library/nginx'],
    [target({ cacheNamespace: 'docker-hub', dockerHub: true }), 'bitnami/redis', 'docker-hub/bitnami/redis'],
    // library/ is Docker Hub's alone
    [target({ cacheNamespace: 'quay' }), 'app', 'quay/app'],
    // ROOT: no segment
    [target({ dockerHub: true }), 'nginx', 'library/nginx'],
    [target({ cacheNamespace: 'a/b' }), 'org/app', 'a/b/org/app'],
    // ECR upstream prefix replaced by the cache prefix
    [target({ cacheNamespace: 'central', upstreamNamespace: 'platform' }), 'platform/api', 'central/api'],
    [target({ cacheNamespace: 'central', upstreamNamespace: 'platform/team' }), 'platform/team/a/b', 'central/a/b'],
  ])('%j %s', (t, path, expected) => {
    expect(cachePath(t, path)).toBe(expected);
  });

  test.each(['other/api', 'platformx/api', 'platform'])('%s is outside the upstream prefix platform', (path) => {
    const t = target({ cacheNamespace: 'central', upstreamNamespace: 'platform' });
    expect(() => cachePath(t, path)).toThrow(OutsideUpstreamPrefixError);
    expect(() => cachePath(t, path)).toThrow("outside the upstream repository prefix 'platform'");
  });

  test('cacheReference keeps tag and digest as written', () => {
    const t = target({ cacheNamespace: 'docker-hub', dockerHub: true });
    expect(cacheReference(t, parseImageReference(`nginx:1.27@${digest}`))).toBe(`${HOST}/docker-hub/library/nginx:1.27@${digest}`);
    expect(cacheReference(t, parseImageReference(`nginx@${digest}`))).toBe(`${HOST}/docker-hub/library/nginx@${digest}`);
    expect(cacheReference(t, parseImageReference('nginx'))).toBe(`${HOST}/docker-hub/library/nginx`);
  });
});

test.each([
  ['ROOT', undefined],
  ['ROOT/', undefined],
  ['', undefined],
  [undefined, undefined],
  ['docker-hub', 'docker-hub'],
  ['docker-hub/', 'docker-hub'],
  ['a/b/', 'a/b'],
])('literalNamespace(%j) = %j', (prefix, expected) => {
  expect(literalNamespace(prefix)).toBe(expected);
});

test('upstreamPath adds library/ only for Docker Hub single segments', () => {
  expect(upstreamPath(true, 'nginx')).toBe('library/nginx');
  expect(upstreamPath(true, 'a/b')).toBe('a/b');
  expect(upstreamPath(false, 'nginx')).toBe('nginx');
});

test.each([
  ['registry-1.docker.io', ['registry-1.docker.io', 'docker.io', 'index.docker.io'], true],
  ['https://registry-1.docker.io/', ['registry-1.docker.io', 'docker.io', 'index.docker.io'], true],
  ['quay.io', ['quay.io'], false],
  ['contosoimages.azurecr.io', ['contosoimages.azurecr.io'], false],
  ['444455556666.dkr.ecr.eu-west-1.amazonaws.com', ['444455556666.dkr.ecr.eu-west-1.amazonaws.com'], false],
  ['Registry.Example.com', ['registry.example.com'], false],
])('upstream URL %s: image hosts and Docker Hub', (url, hosts, hub) => {
  expect(upstreamImageHosts(url)).toEqual(hosts);
  expect(isDockerHubUrl(url)).toBe(hub);
});

test('urlHost and referenceHost', () => {
  expect(urlHost('HTTPS://Quay.io/v2/')).toBe('quay.io');
  expect(referenceHost(parseImageReference('nginx'))).toBe('docker.io');
  expect(referenceHost(parseImageReference('Quay.IO/org/app'))).toBe('quay.io');
});

describe('chooseRule', () => {
  const rule = (name: string, hosts: string[], t: Partial<CacheTarget> = {}) =>
    ({ name, upstreamHosts: hosts, target: target(t) }) as MappableRule & { name: string };
  const hub = rule('hub', ['registry-1.docker.io', 'docker.io', 'index.docker.io'], { dockerHub: true, cacheNamespace: 'docker-hub' });
  const ecr = '444455556666.dkr.ecr.eu-west-1.amazonaws.com';
  const wide = rule('wide', [ecr], { cacheNamespace: 'all' });
  const platform = rule('platform', [ecr], { cacheNamespace: 'central', upstreamNamespace: 'platform' });
  const team = rule('team', [ecr], { cacheNamespace: 'team', upstreamNamespace: 'platform/team' });
  const choose = (rules: MappableRule[], ref: string) => {
    const c = chooseRule(rules, parseImageReference(ref));
    return c.kind === 'rule' ? (c.rule as typeof hub).name : c.kind === 'no-rule' ? c.kind : `${c.kind}:${c.rules.map((r) => (r as typeof hub).name)}`;
  };

  test.each([
    [[hub], 'nginx', 'hub'],
    [[hub], 'docker.io/nginx', 'hub'],
    [[hub], 'quay.io/x', 'no-rule'],
    [[wide, platform, team], `${ecr}/platform/team/app`, 'team'],
    [[team, platform, wide], `${ecr}/platform/app`, 'platform'],
    [[platform, team, wide], `${ecr}/other/app`, 'wide'],
    [[platform, team], `${ecr}/other/app`, 'outside-prefix:platform,team'],
    [[hub, rule('hub2', ['docker.io'], { dockerHub: true })], 'nginx', 'ambiguous:hub,hub2'],
  ])('%#: %s', (rules, ref, expected) => {
    expect(choose(rules as MappableRule[], ref as string)).toBe(expected);
  });
});
