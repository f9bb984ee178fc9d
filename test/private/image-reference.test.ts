import { ImageReferenceError, parseImageReference, referenceSuffix } from '../../src/private/image-reference';

describe('parseImageReference', () => {
  const digest = `sha256:${'a'.repeat(64)}`;
  test.each([
    ['nginx', { path: 'nginx' }],
    ['nginx:1.27', { path: 'nginx', tag: '1.27' }],
    ['bitnami/redis:7.2', { path: 'bitnami/redis', tag: '7.2' }],
    ['docker.io/library/nginx', { host: 'docker.io', path: 'library/nginx' }],
    ['ghcr.io/org/app@' + digest, { host: 'ghcr.io', path: 'org/app', digest }],
    ['localhost:5000/app:dev', { host: 'localhost:5000', path: 'app', tag: 'dev' }],
    ['localhost/app', { host: 'localhost', path: 'app' }],
    ['registry.k8s.io/pause:3.10', { host: 'registry.k8s.io', path: 'pause', tag: '3.10' }],
    [`app:1@${digest}`, { path: 'app', tag: '1', digest }],
  ])('%s', (image, expected) => {
    expect(parseImageReference(image)).toEqual({ host: undefined, tag: undefined, digest: undefined, ...expected });
  });

  test.each([
    ['', 'it is empty'],
    ['ng inx', 'it contains whitespace'],
    ['Nginx', "repository path component 'Nginx' must be lowercase letters and digits separated by '.', '_', '__' or '-'"],
    ['nginx:', "tag '' is not a valid tag (letters, digits, '_', '.', '-'; at most 128)"],
    [`nginx:${'t'.repeat(129)}`, `tag '${'t'.repeat(129)}' is not a valid tag (letters, digits, '_', '.', '-'; at most 128)`],
    ['nginx@md5:abc', "digest 'md5:abc' is not of the form 'sha256:<hex>'"],
    ['ghcr.io/', 'it names no repository'],
    ['a//b', "repository path component '' must be lowercase letters and digits separated by '.', '_', '__' or '-'"],
  ])('refuses "%s"', (image, reason) => {
    expect(() => parseImageReference(image)).toThrow(new ImageReferenceError(reason));
  });

  test('referenceSuffix keeps tag and digest as written', () => {
    expect(referenceSuffix(parseImageReference(`a:1@sha256:${'b'.repeat(64)}`))).toBe(`:1@sha256:${'b'.repeat(64)}`);
    expect(referenceSuffix(parseImageReference('a'))).toBe('');
  });
});
