/**
 * The registry table, the construct library's presets and the CLI's URL recognition must agree: one change
 * to the table, and every one of them follows or this test fails.
 */
import { recogniseUpstream } from '../../src/cli/registries';
import {
  fixedHost,
  imageHosts,
  matchHost,
  patternHost,
  REGISTRY_TABLE,
  registryEntry,
  type RegistryTableEntry,
} from '../../src/private/registry-table';
import { UpstreamCredential } from '../../src/upstream-credential';
import { UpstreamRegistry, UpstreamRegistryType } from '../../src/upstream-registry';

const credential = UpstreamCredential.fromSecretArn(
  'arn:aws:secretsmanager:us-east-1:111122223333:secret:ecr-pullthroughcache/docker-hub-AbCdEf',
);

/** Placeholder values for the registries without a fixed host, and the options their preset takes. */
const PATTERN_VALUES: Readonly<Record<string, Record<string, string>>> = {
  'azure-container-registry': { registryName: 'contosoimages' },
  'ecr': { accountId: '444455556666', region: 'us-east-2' },
};

/** Calls the entry's preset the way a user would. */
function callPreset(entry: RegistryTableEntry): UpstreamRegistry {
  const values = PATTERN_VALUES[entry.apiType] ?? {};
  switch (entry.credential) {
    case 'none':
      return (UpstreamRegistry[entry.preset] as () => UpstreamRegistry)();
    case 'required':
      return (UpstreamRegistry[entry.preset] as (o: object) => UpstreamRegistry)({ credential, ...values });
    case 'role':
      return (UpstreamRegistry[entry.preset] as (o: object) => UpstreamRegistry)(values);
  }
}

/** The host the table gives for an entry. */
function tableHost(entry: RegistryTableEntry): string {
  return entry.host ?? patternHost(entry.apiType, PATTERN_VALUES[entry.apiType]);
}

const byType = REGISTRY_TABLE.map((e) => [e.apiType, e] as const);

test('the table holds each UpstreamRegistryType exactly once, in the enum order', () => {
  expect(REGISTRY_TABLE.map((e) => e.apiType)).toEqual(Object.values(UpstreamRegistryType));
});

test('presets are unique static factories of UpstreamRegistry', () => {
  const presets = REGISTRY_TABLE.map((e) => e.preset);
  expect(new Set(presets).size).toBe(presets.length);
  for (const preset of presets) expect(typeof UpstreamRegistry[preset]).toBe('function');
});

test('each entry has either a fixed host or a host pattern, and its default prefix is its API type', () => {
  for (const e of REGISTRY_TABLE) {
    const hosts = Number(e.host !== undefined) + Number(e.hostPattern !== undefined);
    expect([e.apiType, hosts]).toEqual([e.apiType, 1]);
    expect(e.defaultEcrRepositoryPrefix).toBe(e.apiType);
  }
});

describe.each(byType)('%s', (_type, entry) => {
  test("the preset's type, url and default prefix are the table's", () => {
    const upstream = callPreset(entry);
    expect(upstream.type).toBe(entry.apiType);
    expect(upstream.url).toBe(tableHost(entry));
    expect(upstream.defaultEcrRepositoryPrefix).toBe(entry.defaultEcrRepositoryPrefix);
  });

  test('the CLI recognises the preset url as this preset', () => {
    const values = PATTERN_VALUES[entry.apiType] ?? {};
    expect(recogniseUpstream(`https://${tableHost(entry)}/`)).toEqual({
      preset: entry.preset,
      apiType: entry.apiType,
      credentialed: entry.credential === 'required',
      ...values,
    });
  });

  test('the credential need matches what the preset accepts', () => {
    const preset = UpstreamRegistry[entry.preset] as (o?: object) => UpstreamRegistry;
    if (entry.credential === 'required') {
      expect(() => preset({ ...PATTERN_VALUES[entry.apiType] })).toThrow(/credential/i);
    } else {
      expect(callPreset(entry).credential).toBeUndefined();
    }
    if (entry.credential === 'none') expect(preset.length).toBe(0);
    if (entry.credential === 'role') {
      const roleArn = 'arn:aws:iam::111122223333:role/ecr-pullthroughcache-upstream';
      expect(preset({ ...PATTERN_VALUES[entry.apiType], roleArn }).roleArn).toBe(roleArn);
    }
  });
});

test('image hosts: Docker Hub also answers to docker.io and index.docker.io; the CLI recognises only the upstream URL', () => {
  expect(imageHosts('docker-hub')).toEqual(['registry-1.docker.io', 'docker.io', 'index.docker.io']);
  for (const e of REGISTRY_TABLE.filter((x) => x.apiType !== 'docker-hub')) expect(e.extraImageHosts).toEqual([]);
  expect(recogniseUpstream('docker.io')).toBeUndefined();
  expect(recogniseUpstream('index.docker.io')).toBeUndefined();
});

test('host patterns: filled in, matched back, and strict', () => {
  expect(patternHost('ecr', { accountId: '123456789012', region: 'ap-southeast-5' })).toBe('123456789012.dkr.ecr.ap-southeast-5.amazonaws.com');
  expect(matchHost('123456789012.dkr.ecr.ap-southeast-5.amazonaws.com')).toEqual({
    entry: registryEntry('ecr'),
    values: { accountId: '123456789012', region: 'ap-southeast-5' },
  });
  // Unresolved tokens are inserted as they are (no `$` replacement patterns).
  expect(patternHost('azure-container-registry', { registryName: '${TfToken[TOKEN.1]}' })).toBe('${TfToken[TOKEN.1]}.azurecr.io');
  expect(matchHost('abcd.azurecr.io')).toBeUndefined();
  expect(matchHost('12345.dkr.ecr.us-east-1.amazonaws.com')).toBeUndefined();
  expect(matchHost('registry.example.com')).toBeUndefined();
});

test('lookups refuse what the table does not hold', () => {
  expect(() => registryEntry('harbor')).toThrow("no upstream registry type 'harbor' in the registry table");
  expect(() => fixedHost('ecr')).toThrow("upstream registry type 'ecr' has no fixed host");
  expect(() => patternHost('quay', {})).toThrow("upstream registry type 'quay' has a fixed host");
  expect(() => patternHost('ecr', { accountId: '123456789012' })).toThrow('no value for <region> in <accountId>.dkr.ecr.<region>.amazonaws.com');
});
