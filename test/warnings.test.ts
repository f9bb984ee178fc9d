/**
 * The library's warnings reach the terminal when an app is run without the cdktf/cdktn CLI (node, ts-node, python,
 * go, java), once; under the CLI, which prints the manifest's warnings itself, the library prints nothing.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformStack, Testing } from 'cdktf';
import * as errors from '../src/private/errors';
import { CLI_ENV } from '../src/private/warnings';
import { PullThroughCacheRule, UpstreamRegistry } from '../src';

let outdir: string;
let written: string[];
let saved: string | undefined;

beforeEach(() => {
  outdir = mkdtempSync(join(tmpdir(), 'ecr-ptc-warnings-'));
  written = [];
  saved = process.env[CLI_ENV];
  delete process.env[CLI_ENV];
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
});

afterEach(() => {
  jest.restoreAllMocks();
  if (saved === undefined) delete process.env[CLI_ENV];
  else process.env[CLI_ENV] = saved;
  rmSync(outdir, { recursive: true, force: true });
});

/**
 * An app whose stack warns twice: at construction (a Region of a partition without pull through cache) and in a
 * validation at synth (no provider, so the rule without region has no known Region).
 */
function warningApp(): App {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'app');
  new PullThroughCacheRule(stack, 'China', { upstream: UpstreamRegistry.quay(), region: 'cn-north-1' });
  new PullThroughCacheRule(stack, 'Quay', { upstream: UpstreamRegistry.kubernetes() });
  return app;
}

const EXPECTED = [
  `WARN [app/China]: ${errors.unsupportedPartitionWarning('cn-north-1')}`,
  `WARN [app]: ${errors.noProviderWarning(['app/Quay'])}`,
];

function manifestWarnings(): string[] {
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
  return manifest.stacks.app.annotations.map((a: { constructPath: string; message: string }) => `WARN [${a.constructPath}]: ${a.message}`);
}

test('without the CLI, app.synth() writes each warning to standard error once', () => {
  warningApp().synth();
  const lines = written.join('').split('\n').filter((l) => l !== '');
  expect(lines.sort()).toEqual([...EXPECTED].sort());
  expect(manifestWarnings().sort()).toEqual([...EXPECTED].sort());
});

test('under the CLI (which sets the variable for the app and prints the manifest), nothing is written twice', () => {
  process.env[CLI_ENV] = 'true';
  warningApp().synth();
  expect(written.join('')).toBe('');
  expect(manifestWarnings().sort()).toEqual([...EXPECTED].sort());
});

test('a stack without warnings writes nothing', () => {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'app');
  new PullThroughCacheRule(stack, 'Quay', { upstream: UpstreamRegistry.quay(), region: 'eu-west-1' });
  app.synth();
  expect(written.join('')).toBe('');
});

test('Testing.synth (unit tests of a user\'s stack) writes nothing', () => {
  const stack = new TerraformStack(Testing.app(), 'app');
  new PullThroughCacheRule(stack, 'China', { upstream: UpstreamRegistry.quay(), region: 'cn-north-1' });
  Testing.synth(stack, true);
  expect(written.join('')).toBe('');
});
