/** Exit codes of `ecr-ptc`. */
export const EXIT_OK = 0;
/** Drift found, or a rule failed validation. */
export const EXIT_FINDINGS = 1;
/** Usage, credential, network or service errors. */
export const EXIT_ERROR = 2;

/** An error the CLI reports as one line, with the given exit code. */
export class CliError extends Error {
  /**
   * @param message one-line message shown to the user
   * @param exitCode process exit code
   * @param cause the error it reports, shown under `--debug`
   */
  constructor(message: string, readonly exitCode: number = EXIT_ERROR, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'CliError';
  }
}

/** What follows a usage error unless it says something more precise. */
export const USAGE_HINT = "run 'ecr-ptc --help' for usage";

/** A problem with the command line itself, or with a file it names. */
export class UsageError extends CliError {
  /**
   * @param message one-line message shown to the user
   * @param hint the second line: what was expected, or where to read about it
   */
  constructor(message: string, readonly hint: string = USAGE_HINT) {
    super(message, EXIT_ERROR);
    this.name = 'UsageError';
  }
}

/** What the CLI knows about the call that failed, to make its message precise. */
export interface ErrorContext {
  /** The endpoint override, if any. */
  readonly endpointUrl?: string;
  /** The region in use, if known. */
  readonly region?: string;
  /** The profile in use, if any. */
  readonly profile?: string;
}

interface SdkErrorShape {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { attempts?: number; httpStatusCode?: number };
  cause?: unknown;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND',
]);

const CREDENTIAL_REJECTED = new Set([
  'UnrecognizedClientException', 'InvalidSignatureException',
  'IncompleteSignatureException', 'ExpiredTokenException', 'InvalidClientTokenId', 'SignatureDoesNotMatch',
]);

function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}

function networkCode(err: SdkErrorShape): string | undefined {
  for (let e: SdkErrorShape | undefined = err, depth = 0; e && depth < 4; e = e.cause as SdkErrorShape | undefined, depth++) {
    if (e.code && NETWORK_CODES.has(e.code)) return e.code;
    if (e.name === 'TimeoutError') return 'ETIMEDOUT';
    if (typeof e.message === 'string') {
      if (/socket hang up/i.test(e.message)) return 'ECONNRESET';
      if (/TimeoutError|did not complete within/.test(e.message)) return 'ETIMEDOUT';
      // Errors from another realm reach us re-wrapped with only their text.
      const named = /\b(E[A-Z_]{3,})\b/.exec(e.message);
      if (named && NETWORK_CODES.has(named[1])) return named[1];
    }
  }
  return undefined;
}

function attemptsSuffix(err: SdkErrorShape): string {
  const attempts = err.$metadata?.attempts;
  return attempts && attempts > 1 ? ` after ${attempts} attempts` : '';
}

/**
 * Turns any error thrown while talking to AWS into a single line a user can act on.
 * `CliError`s keep their message.
 */
export function describeError(error: unknown, ctx: ErrorContext = {}): string {
  if (error instanceof CliError) return error.message;
  const err = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as SdkErrorShape;
  const name = err.name ?? '';
  const message = firstLine(err.message ?? String(error));
  const where = ctx.endpointUrl ?? (ctx.region ? `the ECR API in ${ctx.region}` : 'the ECR API');

  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(message)) {
    const profile = ctx.profile ? ` for profile '${ctx.profile}'` : '';
    return `no AWS credentials found${profile}: set AWS_PROFILE or --profile, run 'aws sso login', or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY`;
  }
  if (/Region is missing/i.test(message)) {
    return 'no AWS region: pass --region, set AWS_REGION, or set region in the profile';
  }
  const code = networkCode(err);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    // Offline, behind a proxy or with broken DNS every host fails to resolve: name those first, not the Region.
    const hint = ctx.endpointUrl
      ? 'check --endpoint-url, DNS and the network'
      : 'check the network and DNS (ecr-ptc connects directly, not through HTTPS_PROXY), or pass --endpoint-url';
    return `cannot resolve the host of ${where} (${code}): ${hint}`;
  }
  if (code) {
    return `cannot reach ${where} (${code}${attemptsSuffix(err)}): check the network, proxy or --endpoint-url`;
  }
  if (name === 'AccessDeniedException' || name === 'AccessDenied') {
    return `access denied: ${message}`;
  }
  if (name === 'MissingAuthenticationTokenException') {
    return `the request reached ${where} unsigned (${name}): a proxy may strip the Authorization header, or the endpoint is not the ECR API`;
  }
  if (CREDENTIAL_REJECTED.has(name)) {
    return `AWS rejected the credentials (${name}): ${message}`;
  }
  if (name === 'ThrottlingException' || name === 'TooManyRequestsException' || name === 'RequestLimitExceeded') {
    return `throttled by ECR${attemptsSuffix(err)}: retry later or lower --concurrency`;
  }
  if (name === 'ServerException' || err.$metadata?.httpStatusCode === 500 || err.$metadata?.httpStatusCode === 503) {
    return `ECR server error${attemptsSuffix(err)}: ${message}`;
  }
  if (name && name !== 'Error') {
    return `${name}: ${message}`;
  }
  return message;
}
