/** Runs `ecr-ptc` in-process (its `main`) or as the compiled binary, against a local endpoint. */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import { ACCESS_KEY_ID } from './ecr-endpoint';

/** The repository root. */
export const ROOT = join(__dirname, '..', '..', '..');
/** The compiled CLI. */
export const BIN = join(ROOT, 'lib', 'cli', 'main.js');
/** The one library file the CLI is built with besides src/cli: it imports nothing. */
export const REGISTRY_TABLE = join(ROOT, 'src', 'private', 'registry-table.ts');
/**
 * Every library file the CLI is built with besides src/cli: the registry table, image reference parsing and the
 * reference-to-cache mapping, which import nothing but each other.
 */
export const SHARED_WITH_CLI = ['registry-table', 'image-reference', 'image-mapping'].map((name) => join(ROOT, 'src', 'private', `${name}.ts`));

/** What a run produced. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Environment for an isolated SDK: fake static credentials, no shared files, no instance metadata, fast retries. */
export function testEnv(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    AWS_ACCESS_KEY_ID: ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_SESSION_TOKEN: undefined,
    AWS_PROFILE: undefined,
    AWS_DEFAULT_PROFILE: undefined,
    AWS_REGION: undefined,
    AWS_DEFAULT_REGION: undefined,
    AWS_ENDPOINT_URL: undefined,
    AWS_ENDPOINT_URL_ECR: undefined,
    AWS_MAX_ATTEMPTS: undefined,
    AWS_RETRY_MODE: undefined,
    AWS_CONFIG_FILE: join(ROOT, 'test', 'cli', 'support', 'no-such-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(ROOT, 'test', 'cli', 'support', 'no-such-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined,
    AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined,
    AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
    ECR_PTC_RETRY_BASE_DELAY_MS: '2',
    ECR_PTC_WAIT_BASE_DELAY_MS: '5',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...overrides,
  };
}

/** Runs `main` in this process with captured output; `env` entries are applied to process.env for the run. */
export async function runCli(
  args: readonly string[],
  options: { env?: Record<string, string | undefined>; tty?: boolean; cwd?: string } = {},
): Promise<CliResult> {
  const env = testEnv(options.env);
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) {
    saved[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  let stdout = '';
  let stderr = '';
  try {
    const code = await main(args, {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      stderrIsTTY: options.tty ?? false,
      env,
      cwd: options.cwd ?? process.cwd(),
    });
    return { code, stdout, stderr };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Compiles the CLI (`tsc -p tsconfig.cli.json`) unless lib/cli is newer than its sources. */
export function ensureBinary(): void {
  const newest = Math.max(newestMtime(join(ROOT, 'src', 'cli')), ...SHARED_WITH_CLI.map((f) => statSync(f).mtimeMs));
  const built = [BIN, ...SHARED_WITH_CLI.map((f) => f.replace(join(ROOT, 'src'), join(ROOT, 'lib')).replace(/\.ts$/, '.js'))];
  if (built.every((f) => existsSync(f)) && Math.min(...built.map((f) => statSync(f).mtimeMs)) >= newest) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.cli.json'], {
    cwd: ROOT,
    stdio: 'pipe',
  });
}

/** Runs `node lib/cli/main.js` in a child process with {@link testEnv} (plus `env`). */
export function runBinary(args: readonly string[], env: Record<string, string | undefined> = {}, cwd = ROOT): Promise<CliResult> {
  return runNode([BIN, ...args], env, cwd);
}

/** Runs `node <args>` in a child process with {@link testEnv} (plus `env`). */
export function runNode(args: readonly string[], env: Record<string, string | undefined> = {}, cwd = ROOT): Promise<CliResult> {
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, ...testEnv(env) })) if (v !== undefined) childEnv[k] = v;
  return new Promise((resolve) => {
    execFile(process.execPath, args, { env: childEnv, cwd, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
