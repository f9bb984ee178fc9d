import { parseArgs } from '../../src/cli/args';
import { UsageError } from '../../src/cli/errors';

test('global options go before or after the command, as --name value or --name=value', () => {
  expect(parseArgs(['--region=eu-west-1', 'validate', '--prefix', 'a', '--json', '--prefix=b', '--concurrency', '2', '--profile', 'ci'])).toEqual({
    kind: 'run',
    global: { region: 'eu-west-1', profile: 'ci', registryId: undefined, endpointUrl: undefined, json: true, debug: false, maxAttempts: 5 },
    args: { command: 'validate', prefixes: ['a', 'b'], concurrency: 2 },
  });
});

test('defaults', () => {
  expect(parseArgs(['validate'])).toMatchObject({ args: { prefixes: [], concurrency: 5 }, global: { maxAttempts: 5, json: false } });
  expect(parseArgs(['import', '--language', 'go'])).toMatchObject({ args: { language: 'go', stackName: 'ecr-pull-through-cache', out: undefined } });
  expect(parseArgs(['diff', '--synth', 'cdktf.out/stacks/x/cdk.tf.json'])).toMatchObject({ args: { synth: 'cdktf.out/stacks/x/cdk.tf.json' } });
});

test('help and version win over everything else', () => {
  expect(parseArgs(['list', '--bogus', '--help'])).toEqual({ kind: 'help' });
  expect(parseArgs(['--version'])).toEqual({ kind: 'version' });
});

test.each([
  [['list', 'extra'], "unexpected argument 'extra'"],
  [['list', '--region', 'a', '--region', 'b'], '--region given more than once'],
  [['list', '--endpoint-url', 'localhost:4566'], "--endpoint-url must be an http(s) URL, got 'localhost:4566'"],
  [['list', '--max-attempts', '0'], "--max-attempts must be an integer from 1 to 20, got '0'"],
  [['list', '--max-attempts', '2.5'], "--max-attempts must be an integer from 1 to 20, got '2.5'"],
  [['list', '--prefix', 'a'], "--prefix is not an option of 'list'"],
  [['list', '--synth', 'x'], "--synth is not an option of 'list'"],
  [['validate', '--wait', '5m'], '--wait needs --synth <path to cdk.tf.json or cdktf.out>'],
  [['validate', '--synth', 'x', '--prefix', 'a'], '--prefix and --synth cannot be used together: --synth validates the rules the stack declares'],
  [['validate', '--synth', 'x', '--wait', '5 minutes'], "--wait must be a duration such as 90s, 5m, 1h or a number of seconds, got '5 minutes'"],
  [['validate', '--synth', 'x', '--wait', '1.5m'], "--wait must be a duration such as 90s, 5m, 1h or a number of seconds, got '1.5m'"],
  [['validate', '--synth', 'x', '--wait', '25h'], "--wait must be at most 24h, got '25h'"],
  [['diff', '--wait', '1m', '--synth', 'x'], "--wait is not an option of 'diff'"],
])('%j is a usage error', (argv, message) => {
  expect(() => parseArgs(argv)).toThrow(new UsageError(message));
});

test('--stack and --allow-empty go with --synth, for validate and diff', () => {
  expect(parseArgs(['validate', '--synth', 'cdktf.out', '--stack', 'cache', '--allow-empty'])).toMatchObject({
    args: { command: 'validate-synth', synth: 'cdktf.out', stack: 'cache', allowEmpty: true },
  });
  expect(parseArgs(['diff', '--synth', 'cdktf.out'])).toMatchObject({ args: { command: 'diff', stack: undefined, allowEmpty: false } });
  expect(parseArgs(['diff', '--synth', 'cdktf.out', '--stack=cache', '--allow-empty'])).toMatchObject({ args: { stack: 'cache', allowEmpty: true } });
});

test('validate --synth: --wait takes seconds, minutes or hours; default 0', () => {
  expect(parseArgs(['validate', '--synth', 'cdk.tf.json'])).toMatchObject({
    args: { command: 'validate-synth', synth: 'cdk.tf.json', waitSeconds: 0, concurrency: 5 },
  });
  for (const [raw, seconds] of [['90s', 90], ['5m', 300], ['1h', 3600], ['45', 45], ['0', 0], ['24h', 86400]] as const) {
    expect(parseArgs(['validate', '--synth', 'cdk.tf.json', '--wait', raw])).toMatchObject({ args: { waitSeconds: seconds } });
  }
});
