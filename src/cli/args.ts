import { CORES, shippedCore, type Core } from './codegen/core';
import { UsageError } from './errors';

/** Languages `import` can write. */
export const LANGUAGES = ['typescript', 'python', 'go', 'java'] as const;
/** A language `import` can write. */
export type Language = (typeof LANGUAGES)[number];

/** Options every command accepts. */
export interface GlobalOptions {
  readonly region?: string;
  readonly profile?: string;
  readonly registryId?: string;
  readonly endpointUrl?: string;
  readonly json: boolean;
  readonly debug: boolean;
  /** Total attempts per API call, first try included (SDK standard retry mode). */
  readonly maxAttempts: number;
}

/** A command and its own options. */
export type CommandArgs =
  | { readonly command: 'list' }
  | { readonly command: 'validate'; readonly prefixes: readonly string[]; readonly concurrency: number }
  | {
    readonly command: 'validate-synth'; readonly synth: string; readonly waitSeconds: number; readonly concurrency: number;
    readonly stack?: string; readonly allowEmpty: boolean;
  }
  | { readonly command: 'diff'; readonly synth: string; readonly stack?: string; readonly allowEmpty: boolean }
  | { readonly command: 'import'; readonly language: Language; readonly core: Core; readonly out?: string; readonly stackName: string }
  | {
    readonly command: 'rewrite'; readonly synth: string; readonly stack?: string; readonly paths: readonly string[];
    readonly mode: 'write' | 'check' | 'dry-run';
  }
  | {
    readonly command: 'warm'; readonly synth: string; readonly stack?: string; readonly inputs: readonly string[];
    readonly concurrency: number; readonly registryUrl?: string;
  };

/** The outcome of parsing argv. */
export type ParsedArgs =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'run'; readonly global: GlobalOptions; readonly args: CommandArgs };

const COMMANDS = ['list', 'validate', 'diff', 'import', 'rewrite', 'warm'] as const;
/** Commands that take positional arguments after their name. */
const WITH_OPERANDS: readonly CommandName[] = ['rewrite', 'warm'];
type CommandName = (typeof COMMANDS)[number];

interface OptionSpec {
  readonly value: boolean;
  readonly repeatable?: boolean;
  /** Commands that accept the option; undefined = all. */
  readonly commands?: readonly CommandName[];
}

const OPTIONS: Readonly<Record<string, OptionSpec>> = {
  'region': { value: true },
  'profile': { value: true },
  'registry-id': { value: true },
  'endpoint-url': { value: true },
  'json': { value: false },
  'debug': { value: false },
  'max-attempts': { value: true },
  'prefix': { value: true, repeatable: true, commands: ['validate'] },
  'concurrency': { value: true, commands: ['validate', 'warm'] },
  'synth': { value: true, commands: ['validate', 'diff', 'rewrite', 'warm'] },
  'check': { value: false, commands: ['rewrite'] },
  'dry-run': { value: false, commands: ['rewrite'] },
  'registry-url': { value: true, commands: ['warm'] },
  'wait': { value: true, commands: ['validate'] },
  'stack': { value: true, commands: ['validate', 'diff', 'rewrite', 'warm'] },
  'allow-empty': { value: false, commands: ['validate', 'diff'] },
  'language': { value: true, commands: ['import'] },
  'core': { value: true, commands: ['import'] },
  'out': { value: true, commands: ['import'] },
  'stack-name': { value: true, commands: ['import'] },
};

/** Default for `import --stack-name`. */
export const DEFAULT_STACK_NAME = 'ecr-pull-through-cache';

/**
 * Default for `import --core`: the core of the package this CLI ships in (lib/cli/ and src/cli/ both sit two levels
 * below its package.json), cdktn for `cdktn-ecr-pull-through-cache`, cdktf for `cdktf-ecr-pull-through-cache`.
 */
export const DEFAULT_CORE: Core = shippedCore((require('../../package.json') as { name: string }).name);

/** Usage text printed by `--help`. */
export const USAGE = `Usage: ecr-ptc <command> [options]

Commands:
  list                          list the pull-through cache rules of a registry
  validate [--prefix P ...]     validate rules with ValidatePullThroughCacheRule
           [--concurrency N]    (default 5 calls at a time)
  validate --synth <path>       validate the rules synthesized stacks declare or reference,
           [--wait DURATION]    each in its own Region; retry invalid or missing ones until all
                                are valid or DURATION (90s, 5m, 1h or seconds) is over (default 0)
  diff --synth <path>           compare synthesized stacks with the live rules, per Region
     <path>: a stack's cdk.tf.json, the output directory of cdktf/cdktn synth (cdktf.out), or
             its manifest.json (every stack it lists, or --stack NAME); a stack with no rule
             to check is an error unless --allow-empty
  import --language <lang>      write a program (typescript|python|go|java)
         [--core cdktf|cdktn]   for CDK for Terraform or CDK Terrain (default: ${DEFAULT_CORE},
                                the core this package is built for)
         [--out FILE] [--stack-name NAME]
  rewrite --synth <path>        point the image references of manifests, Helm values, compose
          [--check | --dry-run] files and Dockerfiles under PATH at the cache; --check lists
          PATH...               references that bypass it (exit 1 if any), --dry-run prints a diff
  warm --synth <path>           pull each image's manifest through the cache once
       [--concurrency N]        (default 5 at a time); images as references or from files
       [--registry-url U]       (registry API endpoint override, default https://<cache host>)
       IMAGE|PATH...

Global options:
  --region R        AWS region (default: AWS_REGION or the profile's region)
  --profile P       shared config profile
  --registry-id ID  12-digit registry (account) ID (default: the caller's)
  --endpoint-url U  ECR API endpoint override
  --max-attempts N  attempts per API call, retries included (default 5)
  --json            machine-readable output with the API's field names
  --debug           print stack traces
  -h, --help        this text;  --version  the version

Exit codes: 0 ok, 1 invalid or missing rules, drift, references that bypass the cache (rewrite
--check) or images not warmed, 2 usage, credential, network or service errors, a --synth path that
is not a synthesized stack, YAML that does not parse, or a rule that could not be checked.
`;

/** The longest `--wait`: one day. */
export const MAX_WAIT_SECONDS = 24 * 60 * 60;

const DURATION_UNITS: Readonly<Record<string, number>> = { '': 1, 's': 1, 'm': 60, 'h': 3600 };

/** Parses a duration such as `90s`, `5m`, `1h` or `120` (seconds) into seconds. Throws `UsageError`. */
export function parseDuration(name: string, raw: string): number {
  const m = /^(\d+)([smh]?)$/.exec(raw);
  if (!m) throw new UsageError(`--${name} must be a duration such as 90s, 5m, 1h or a number of seconds, got '${raw}'`);
  const seconds = Number(m[1]) * DURATION_UNITS[m[2]];
  if (seconds > MAX_WAIT_SECONDS) throw new UsageError(`--${name} must be at most 24h, got '${raw}'`);
  return seconds;
}

function positiveInt(name: string, raw: string, max: number): number {
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
    throw new UsageError(`--${name} must be an integer from 1 to ${max}, got '${raw}'`);
  }
  return Number(raw);
}

/** Parses `ecr-ptc` arguments (without the node and script paths). Throws `UsageError`. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  let command: CommandName | undefined;
  const operands: string[] = [];
  const values = new Map<string, string[]>();
  const flags = new Set<string>();

  if (argv[0] === 'help' || argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  if (argv.includes('--version')) return { kind: 'version' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      if (command && WITH_OPERANDS.includes(command)) {
        operands.push(arg);
        continue;
      }
      if (command) throw new UsageError(`unexpected argument '${arg}'`);
      if (!(COMMANDS as readonly string[]).includes(arg)) {
        throw new UsageError(`unknown command '${arg}' (expected one of: ${COMMANDS.join(', ')})`);
      }
      command = arg as CommandName;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const spec = OPTIONS[name];
    if (!spec) throw new UsageError(`unknown option '--${name}'`);
    if (!spec.value) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      flags.add(name);
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) {
      value = arg.slice(eq + 1);
    } else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      i++;
    }
    const list = values.get(name) ?? [];
    if (list.length > 0 && !spec.repeatable) throw new UsageError(`--${name} given more than once`);
    values.set(name, [...list, value]);
  }

  if (!command) throw new UsageError('missing command (list, validate, diff, import, rewrite or warm); see --help');
  for (const name of [...values.keys(), ...flags]) {
    const allowed = OPTIONS[name].commands;
    if (allowed && !allowed.includes(command)) throw new UsageError(`--${name} is not an option of '${command}'`);
  }

  const one = (name: string) => values.get(name)?.[0];
  const registryId = one('registry-id');
  if (registryId !== undefined && !/^\d{12}$/.test(registryId)) {
    throw new UsageError(`--registry-id must be a 12-digit account ID, got '${registryId}'`);
  }
  const endpointUrl = one('endpoint-url');
  if (endpointUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(endpointUrl)) {
    throw new UsageError(`--endpoint-url must be an http(s) URL, got '${endpointUrl}'`);
  }
  const region = one('region');
  const maxAttempts = one('max-attempts');
  const global: GlobalOptions = {
    region,
    profile: one('profile'),
    registryId,
    endpointUrl,
    json: flags.has('json'),
    debug: flags.has('debug'),
    maxAttempts: maxAttempts === undefined ? 5 : positiveInt('max-attempts', maxAttempts, 20),
  };

  switch (command) {
    case 'list':
      return { kind: 'run', global, args: { command } };
    case 'validate': {
      const raw = one('concurrency');
      const concurrency = raw === undefined ? 5 : positiveInt('concurrency', raw, 50);
      const synth = one('synth');
      const wait = one('wait');
      if (synth === undefined) {
        for (const name of ['wait', 'stack', 'allow-empty']) {
          if (values.has(name) || flags.has(name)) throw new UsageError(`--${name} needs --synth <path to cdk.tf.json or cdktf.out>`);
        }
        return { kind: 'run', global, args: { command, prefixes: values.get('prefix') ?? [], concurrency } };
      }
      if (values.has('prefix')) throw new UsageError('--prefix and --synth cannot be used together: --synth validates the rules the stack declares');
      if (!synth) throw new UsageError('--synth needs a path to cdk.tf.json or cdktf.out');
      const waitSeconds = wait === undefined ? 0 : parseDuration('wait', wait);
      return {
        kind: 'run',
        global,
        args: { command: 'validate-synth', synth, waitSeconds, concurrency, stack: one('stack'), allowEmpty: flags.has('allow-empty') },
      };
    }
    case 'diff': {
      const synth = one('synth');
      if (!synth) throw new UsageError('diff needs --synth <path to cdk.tf.json or cdktf.out>');
      return { kind: 'run', global, args: { command, synth, stack: one('stack'), allowEmpty: flags.has('allow-empty') } };
    }
    case 'import': {
      const language = one('language');
      if (!language) throw new UsageError(`import needs --language (${LANGUAGES.join(', ')})`);
      if (!(LANGUAGES as readonly string[]).includes(language)) {
        throw new UsageError(`unknown language '${language}' (expected one of: ${LANGUAGES.join(', ')})`);
      }
      const core = one('core') ?? DEFAULT_CORE;
      if (!(CORES as readonly string[]).includes(core)) {
        throw new UsageError(`unknown core '${core}' (expected one of: ${CORES.join(', ')})`);
      }
      return {
        kind: 'run',
        global,
        args: { command, language: language as Language, core: core as Core, out: one('out'), stackName: one('stack-name') ?? DEFAULT_STACK_NAME },
      };
    }
    case 'rewrite': {
      const synth = one('synth');
      if (!synth) throw new UsageError('rewrite needs --synth <path to cdk.tf.json>');
      if (operands.length === 0) throw new UsageError('rewrite needs at least one file or directory');
      if (flags.has('check') && flags.has('dry-run')) throw new UsageError('--check and --dry-run cannot be used together');
      const mode = flags.has('check') ? 'check' : flags.has('dry-run') ? 'dry-run' : 'write';
      return { kind: 'run', global, args: { command, synth, stack: one('stack'), paths: operands, mode } };
    }
    case 'warm': {
      const synth = one('synth');
      if (!synth) throw new UsageError('warm needs --synth <path to cdk.tf.json>');
      if (operands.length === 0) throw new UsageError('warm needs at least one image reference, file or directory');
      const raw = one('concurrency');
      const registryUrl = one('registry-url');
      if (registryUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(registryUrl)) {
        throw new UsageError(`--registry-url must be an http(s) URL, got '${registryUrl}'`);
      }
      const concurrency = raw === undefined ? 5 : positiveInt('concurrency', raw, 50);
      return { kind: 'run', global, args: { command, synth, stack: one('stack'), inputs: operands, concurrency, registryUrl } };
    }
  }
}
