/** Where rewrite finds image references: YAML by source range, Dockerfiles by BuildKit's reading. */
import { kindOf, scan, scanDockerfile, ScanError, scanYaml } from '../../src/cli/workloads/scan';

const values = (sites: { value: string; line: number }[]) => sites.map((s) => `${s.line}:${s.value}`);

describe('YAML', () => {
  test('the offsets are exactly the value, inside its quotes', () => {
    const text = 'a:\n  image: "nginx:1"   # c\nb: {image: \'quay.io/x/y\'}\nc:\n  - image: &img ghcr.io/o/a\n  - image: *img\n';
    const sites = scanYaml(text);
    expect(sites.map((s) => text.slice(s.start, s.end))).toEqual(['nginx:1', 'quay.io/x/y', 'ghcr.io/o/a']);
    expect(values(sites)).toEqual(['2:nginx:1', '3:quay.io/x/y', '5:ghcr.io/o/a']);
  });

  test('every document of a stream', () => {
    expect(values(scanYaml('image: a\n---\nimage: b\n...\n---\nx:\n  image: c\n'))).toEqual(['1:a', '3:b', '7:c']);
  });

  test('not rewritten in place: block scalars, escapes, non-strings, maps with build', () => {
    const text = [
      'a:\n  image: |\n    nginx\n',
      'b:\n  image: "ngi\\x6ex"\n',
      'c:\n  image: 42\n',
      'd:\n  image:\n    name: nginx\n',
      'services:\n  web:\n    build: .\n    image: acme/web\n',
    ].join('');
    expect(scanYaml(text)).toEqual([]);
  });

  test('a Helm map: registry and repository, at the registry\'s line', () => {
    const text = 'image:\n  tag: "1"\n  repository: bitnami/redis\n  registry: docker.io\n';
    const [site] = scanYaml(text);
    expect(site.value).toBe('docker.io/bitnami/redis');
    expect(site.line).toBe(4);
    expect(text.slice(site.helm!.repository.start, site.helm!.repository.end)).toBe('bitnami/redis');
  });

  test('YAML that does not parse: a ScanError with the line', () => {
    expect(() => scanYaml('a: 1\nb: [\n')).toThrow(ScanError);
    try {
      scanYaml('a: 1\nb: "x\n');
    } catch (e) {
      expect((e as ScanError).line).toBe(3);
    }
  });
});

describe('Dockerfile', () => {
  test('FROM with flags and stage names, COPY --from, stage references left alone', () => {
    const text = [
      'ARG BASE=alpine',
      'FROM --platform=$BUILDPLATFORM golang:1.23 AS Build',
      'FROM build AS test',
      'FROM BUILD',
      'FROM scratch',
      'FROM ${BASE}',
      'FROM $BASE AS base',
      'COPY --from=0 /a /a',
      'COPY --from=base /a /a',
      'COPY --chown=1:1 --from=quay.io/x/y:1 /a /a',
      'COPY --from=$IMG /a /a',
      'ADD --chown=1:1 https://example.com/x /x',
      'RUN --mount=type=bind,from=nginx,target=/x true',
      'from nginx:1.27',
    ].join('\n');
    expect(values(scanDockerfile(text))).toEqual(['2:golang:1.23', '10:quay.io/x/y:1', '14:nginx:1.27']);
  });

  test('line continuations, comment lines inside them, and a reference split by a continuation', () => {
    const text = 'FROM \\\n  # a comment inside\n  nginx:1.27 AS web\nFROM quay.io/x/\\\ny:1\nRUN echo \\\n  FROM ghcr.io/not/an-image\n';
    const sites = scanDockerfile(text);
    expect(values(sites)).toEqual(['3:nginx:1.27']);
    expect(text.slice(sites[0].start, sites[0].end)).toBe('nginx:1.27');
  });

  test('the escape parser directive', () => {
    const text = '# escape=`\r\nFROM nginx:1 `\r\n  AS web\r\nRUN dir C:\\ \r\nFROM web\r\nFROM quay.io/a/b:2\r\n';
    expect(values(scanDockerfile(text))).toEqual(['2:nginx:1', '6:quay.io/a/b:2']);
  });

  test('a directive after the first instruction is a comment', () => {
    const text = 'FROM nginx:1 AS a\n# escape=`\nFROM quay.io/a/b:2 `\n';
    expect(values(scanDockerfile(text))).toEqual(['1:nginx:1', '3:quay.io/a/b:2']);
  });
});

test.each([
  ['deploy.yaml', 'yaml'],
  ['values.YML', 'yaml'],
  ['Dockerfile', 'dockerfile'],
  ['Containerfile', 'dockerfile'],
  ['Dockerfile.prod', 'dockerfile'],
  ['api.Dockerfile', 'dockerfile'],
  ['build.containerfile', 'dockerfile'],
  ['notes.txt', undefined],
  ['Dockerfiles', undefined],
  ['chart.json', undefined],
])('kindOf(%s) = %s', (name, kind) => {
  expect(kindOf(name)).toBe(kind);
});

test('scan dispatches on the kind', () => {
  expect(values(scan('yaml', 'image: nginx\n'))).toEqual(['1:nginx']);
  expect(values(scan('dockerfile', 'FROM nginx\n'))).toEqual(['1:nginx']);
});
