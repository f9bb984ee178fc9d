#!/usr/bin/env node
import { parseArgs, USAGE, type CommandArgs } from './args';
import { createEcrClient, resolvedRegion } from './client';
import type { CommandContext } from './commands/context';
import { runDiff } from './commands/diff';
import { runImport } from './commands/import';
import { runList } from './commands/list';
import { runRewrite } from './commands/rewrite';
import { runValidate } from './commands/validate';
import { runValidateSynth } from './commands/validate-synth';
import { runWarm } from './commands/warm';
import { CliError, describeError, EXIT_ERROR, EXIT_OK, UsageError, type ErrorContext } from './errors';
import { processIo, type CliIo } from './output';

function version(): string {
  try {
    // lib/cli/main.js and src/cli/main.ts both sit two levels below package.json.
    return (require('../../package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** Runs a command that works in one Region with one client. */
function dispatch(ctx: CommandContext, args: Exclude<CommandArgs, { command: 'validate-synth' | 'diff' | 'rewrite' | 'warm' }>): Promise<number> {
  switch (args.command) {
    case 'list':
      return runList(ctx);
    case 'validate':
      return runValidate(ctx, args);
    case 'import':
      return runImport(ctx, args);
  }
}

/**
 * Runs `ecr-ptc` with the given arguments (without node and script path) and returns the exit code.
 * Nothing is thrown: errors are written to `io.stderr` as one line (with the stack under `--debug`).
 */
export async function main(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const cli: CliIo = { ...processIo(), ...io };
  let debug = argv.includes('--debug');
  let errorContext: ErrorContext = {};
  try {
    const parsed = parseArgs(argv);
    if (parsed.kind === 'help') {
      cli.stdout(USAGE);
      return EXIT_OK;
    }
    if (parsed.kind === 'version') {
      cli.stdout(`${version()}\n`);
      return EXIT_OK;
    }
    const { global, args } = parsed;
    debug = global.debug;
    errorContext = { endpointUrl: global.endpointUrl, region: global.region, profile: global.profile };
    // Each rule of a stack is checked in its own Region, with a client per Region.
    if (args.command === 'validate-synth') return await runValidateSynth({ io: cli, global }, args);
    if (args.command === 'diff') return await runDiff({ io: cli, global }, args);
    // The rules' Regions decide which clients rewrite and warm need.
    if (args.command === 'rewrite') return await runRewrite({ io: cli, global }, args);
    if (args.command === 'warm') return await runWarm({ io: cli, global }, args);
    const client = createEcrClient(global, cli.env);
    try {
      const region = await resolvedRegion(client);
      errorContext = { ...errorContext, region };
      return await dispatch({ io: cli, global, client, region }, args);
    } finally {
      client.destroy();
    }
  } catch (err) {
    cli.stderr(`ecr-ptc: ${describeError(err, errorContext)}\n`);
    if (err instanceof UsageError) cli.stderr(`${err.hint}\n`);
    if (debug && err instanceof Error && err.stack) cli.stderr(`${err.stack}\n`);
    if (debug && err instanceof Error && err.cause instanceof Error && err.cause.stack) cli.stderr(`caused by: ${err.cause.stack}\n`);
    return err instanceof CliError ? err.exitCode : EXIT_ERROR;
  }
}

if (require.main === module) {
  // The SDK warns about future Node.js support on every run; a CLI user cannot act on it.
  if (!process.argv.includes('--debug')) process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
