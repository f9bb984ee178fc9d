/**
 * A local ECR API endpoint for the CLI tests: a real HTTP server on loopback speaking AWS JSON 1.1,
 * enforcing the API model's constraints and the pull-through cache rules' service errors, with
 * fault injection (throttling, server errors, latency, dropped connections) and a request log.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackServer } from './loopback';
import { loadModel, loadPaginator, validateInput, type ApiError, type ApiModel, type Paginator } from './model-validator';

/** The account every test registry belongs to unless a rule says otherwise. */
export const ACCOUNT_ID = '111122223333';
/** The access key the endpoint accepts by default. */
export const ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
/** The password GetAuthorizationToken hands out (user `AWS`), which the local registry accepts. */
export const REGISTRY_PASSWORD = 'local-registry-password';
/** The `Authorization: Basic` value for {@link REGISTRY_PASSWORD}. */
export const REGISTRY_TOKEN = Buffer.from(`AWS:${REGISTRY_PASSWORD}`).toString('base64');

/** The quota of rules per registry (not adjustable in AWS). */
export const RULE_QUOTA = 50;

/** A rule as stored (the API's field names). */
export interface StoredRule {
  ecrRepositoryPrefix: string;
  upstreamRegistryUrl: string;
  registryId: string;
  upstreamRegistry?: string;
  credentialArn?: string;
  customRoleArn?: string;
  upstreamRepositoryPrefix?: string;
  createdAt: number;
  updatedAt?: number;
}

/**
 * A rule to seed; registryId defaults to {@link ACCOUNT_ID}. A rule with a `region` exists only in that Region,
 * as in AWS; one without answers in every Region (most tests use one Region).
 */
export type SeedRule = Omit<StoredRule, 'registryId' | 'createdAt'> & { registryId?: string; createdAt?: number; region?: string };

/** A stored rule and the Region it lives in (undefined: every Region). */
interface PlacedRule {
  readonly rule: StoredRule;
  readonly region?: string;
}

/** A Secrets Manager secret as ECR sees it. */
export interface SeedSecret {
  readonly arn: string;
  readonly username?: string;
  readonly accessToken?: string;
  /** The value is not the JSON ECR expects. */
  readonly malformed?: boolean;
  /** Encrypted with a customer managed key ECR cannot use. */
  readonly customKmsKey?: boolean;
  /** Its resource policy denies ECR. */
  readonly deniesEcr?: boolean;
}

/** An injected fault. `count` requests are affected (default: all). */
export interface Fault {
  readonly kind: 'throttle' | 'server-error' | 'drop' | 'latency';
  readonly count?: number;
  /** For `latency`. */
  readonly ms?: number;
  /** Only these operations (default: any). */
  readonly operations?: readonly string[];
}

/** One request the endpoint received. */
export interface LoggedRequest {
  readonly operation: string;
  readonly body: unknown;
  readonly accessKeyId?: string;
  readonly region?: string;
  /** HTTP status sent, or 0 for a dropped connection. */
  status: number;
  errorType?: string;
}

interface ActiveFault {
  readonly fault: Fault;
  remaining: number;
}

const AUTH = /^AWS4-HMAC-SHA256 Credential=([A-Z0-9]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request, ?SignedHeaders=[a-z0-9;-]+, ?Signature=[0-9a-f]{64}$/;

const KNOWN_UPSTREAMS: readonly [RegExp, string, boolean][] = [
  [/^registry-1\.docker\.io$/, 'docker-hub', true],
  [/^ghcr\.io$/, 'github-container-registry', true],
  [/^registry\.gitlab\.com$/, 'gitlab-container-registry', true],
  [/^cgr\.dev$/, 'chainguard', true],
  [/^[a-z0-9]{5,50}\.azurecr\.io$/, 'azure-container-registry', true],
  [/^quay\.io$/, 'quay', false],
  [/^registry\.k8s\.io$/, 'k8s', false],
  [/^public\.ecr\.aws$/, 'ecr-public', false],
  [/^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com$/, 'ecr', false],
];

/** Seconds since the epoch of the endpoint's clock at start and after reset; each write adds a minute. */
const START_CLOCK = Date.UTC(2026, 0, 15, 9, 30, 0) / 1000;

class ServiceError extends Error {
  constructor(readonly type: string, message: string, readonly status = 400) {
    super(message);
  }
}

/** The local endpoint. Start with {@link LocalEcrEndpoint.start}; stop with {@link LocalEcrEndpoint.close}. */
export class LocalEcrEndpoint extends LoopbackServer {
  /** Starts a server on 127.0.0.1 on a free port. */
  static async start(): Promise<LocalEcrEndpoint> {
    const endpoint = new LocalEcrEndpoint(loadModel(), loadPaginator('DescribePullThroughCacheRules'));
    await endpoint.listen();
    return endpoint;
  }

  /** Every request received, in arrival order. */
  readonly requests: LoggedRequest[] = [];
  /** Access keys accepted; any other gets UnrecognizedClientException. */
  readonly accessKeys = new Set<string>([ACCESS_KEY_ID]);
  /** Access keys whose identity has no ECR permissions (AccessDeniedException). */
  readonly deniedAccessKeys = new Set<string>();
  /** Caps the page size of DescribePullThroughCacheRules below maxResults, when set. */
  pageSizeOverride: number | undefined;

  private readonly rules = new Map<string, Map<string, PlacedRule>>();
  private readonly pendingRules: { rule: SeedRule; lookups: number }[] = [];
  private readonly validationFaults = new Map<string, { remaining: number; failure: string }>();
  private readonly secrets = new Map<string, SeedSecret>();
  private readonly roles = new Map<string, string>();
  private readonly upstreamLogins = new Map<string, { username: string; accessToken: string }>();
  private readonly registryPolicies = new Map<string, string>();
  private faults: ActiveFault[] = [];
  private clock = START_CLOCK;

  private constructor(
    private readonly model: ApiModel,
    private readonly paginator: Paginator,
  ) {
    super();
  }

  /** Adds rules directly (model-validated, but not counted against the quota), e.g. for paging tests. */
  seedRules(...rules: SeedRule[]): void {
    for (const seed of rules) {
      const { createdAt, region, ...rule } = seed;
      const error = validateInput(this.model, 'CreatePullThroughCacheRule', rule);
      if (error) throw new Error(`bad seed rule ${rule.ecrRepositoryPrefix}: ${error.message}`);
      const registryId = rule.registryId ?? ACCOUNT_ID;
      const stored: StoredRule = {
        ...rule,
        registryId,
        upstreamRegistry: rule.upstreamRegistry ?? this.upstreamType(rule.upstreamRegistryUrl),
        createdAt: createdAt ?? this.tick(),
      };
      this.registry(registryId).set(ruleKey(region, rule.ecrRepositoryPrefix), { rule: stored, region });
    }
  }

  /**
   * A rule that a deploy creates while the tests run: the first `lookups` requests that name it (in its Region)
   * get PullThroughCacheRuleNotFoundException, the next ones find it.
   */
  deployLater(rule: SeedRule, lookups: number): void {
    this.pendingRules.push({ rule, lookups });
  }

  /** The next `times` ValidatePullThroughCacheRule calls for `prefix` report `failure`, e.g. while IAM propagates. */
  failValidation(prefix: string, times: number, failure: string): void {
    this.validationFaults.set(prefix, { remaining: times, failure });
  }

  /** Adds a secret ECR can (or cannot) read. */
  seedSecret(secret: SeedSecret): void {
    this.secrets.set(secret.arn, secret);
  }

  /** Adds an IAM role trusting `trustedService`. */
  seedRole(arn: string, trustedService = 'pullthroughcache.ecr.amazonaws.com'): void {
    this.roles.set(arn, trustedService);
  }

  /** Sets the login an upstream host accepts. */
  seedUpstreamLogin(host: string, username: string, accessToken: string): void {
    this.upstreamLogins.set(host, { username, accessToken });
  }

  /**
   * Sets the registry permissions policy of a registry in a Region (the text as GetRegistryPolicy returns it), as
   * PutRegistryPolicy would: the whole document of that registry and Region.
   */
  seedRegistryPolicy(policyText: string, region: string, registryId = ACCOUNT_ID): void {
    const error = validateInput(this.model, 'PutRegistryPolicy', { policyText });
    if (error) throw new Error(`bad seed registry policy: ${error.message}`);
    this.registryPolicies.set(`${registryId} ${region}`, policyText);
  }

  /** Injects a fault. */
  inject(fault: Fault): void {
    this.faults.push({ fault, remaining: fault.count ?? Infinity });
  }

  /** Removes all faults, rules, secrets, roles and logins, and resets the log and counters. */
  reset(): void {
    this.rules.clear();
    this.pendingRules.length = 0;
    this.validationFaults.clear();
    this.secrets.clear();
    this.roles.clear();
    this.upstreamLogins.clear();
    this.registryPolicies.clear();
    this.accessKeys.clear();
    this.accessKeys.add(ACCESS_KEY_ID);
    this.deniedAccessKeys.clear();
    this.pageSizeOverride = undefined;
    this.clock = START_CLOCK;
    this.clearFaults();
  }

  /** Removes all faults and clears the request log and counters (rules stay). */
  clearFaults(): void {
    this.faults = [];
    this.requests.length = 0;
    this.maxInFlight = 0;
  }

  /** How many requests each operation received. */
  counts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const r of this.requests) counts[r.operation] = (counts[r.operation] ?? 0) + 1;
    return counts;
  }

  /** The rules of a registry in creation order: all of them, or those a request in `region` sees. */
  storedRules(registryId = ACCOUNT_ID, region?: string): StoredRule[] {
    return [...this.registry(registryId).values()]
      .filter((p) => region === undefined || p.region === undefined || p.region === region)
      .map((p) => p.rule);
  }

  private registry(id: string): Map<string, PlacedRule> {
    let registry = this.rules.get(id);
    if (!registry) this.rules.set(id, (registry = new Map()));
    return registry;
  }

  private tick(): number {
    return (this.clock += 60);
  }

  private upstreamType(url: string): string | undefined {
    const host = url.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
    return KNOWN_UPSTREAMS.find(([pattern]) => pattern.test(host))?.[1];
  }

  private takeFaults(operation: string): Fault[] {
    const taken: Fault[] = [];
    for (const active of this.faults) {
      if (active.remaining <= 0) continue;
      if (active.fault.operations && !active.fault.operations.includes(operation)) continue;
      active.remaining--;
      taken.push(active.fault);
    }
    return taken;
  }

  protected async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const target = String(req.headers['x-amz-target'] ?? '');
    const operation = target.startsWith(`${this.model.metadata.targetPrefix}.`) ? target.slice(target.indexOf('.') + 1) : target;
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : {};
    } catch {
      body = raw;
    }
    const auth = AUTH.exec(String(req.headers.authorization ?? ''));
    const entry: LoggedRequest = { operation, body, accessKeyId: auth?.[1], region: auth?.[3], status: 0 };
    this.requests.push(entry);

    const send = (status: number, payload: unknown, errorType?: string) => {
      entry.status = status;
      entry.errorType = errorType;
      const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': `req-${this.requests.length}` };
      if (errorType) headers['x-amzn-errortype'] = errorType;
      res.writeHead(status, headers).end(JSON.stringify(payload));
    };
    const sendError = (e: ApiError | ServiceError) =>
      send(e.status, { __type: e.type, message: e.message }, e.type);

    for (const fault of this.takeFaults(operation)) {
      if (fault.kind === 'latency') {
        await new Promise((resolve) => setTimeout(resolve, fault.ms ?? 10));
        continue;
      }
      if (fault.kind === 'drop') {
        req.socket.destroy();
        return;
      }
      if (fault.kind === 'throttle') return sendError(new ServiceError('ThrottlingException', 'Rate exceeded'));
      return sendError(new ServiceError('ServerException', 'We encountered an internal error. Please try again.', 500));
    }

    if (req.method !== 'POST' || req.url !== '/') {
      return sendError(new ServiceError('UnknownOperationException', `${req.method} ${req.url} is not supported`, 404));
    }
    if (!auth) {
      return sendError(new ServiceError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403));
    }
    if (!this.accessKeys.has(auth[1]) && !this.deniedAccessKeys.has(auth[1])) {
      return sendError(new ServiceError('UnrecognizedClientException', 'The security token included in the request is invalid.'));
    }
    if (auth[4] !== 'ecr') {
      return sendError(new ServiceError('InvalidSignatureException', `Credential should be scoped to correct service: 'ecr'.`));
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/x-amz-json-1.1')) {
      return sendError(new ServiceError('SerializationException', 'Expected Content-Type application/x-amz-json-1.1'));
    }
    if (this.deniedAccessKeys.has(auth[1])) {
      return sendError(
        new ServiceError(
          'AccessDeniedException',
          `User: arn:aws:iam::${ACCOUNT_ID}:user/readonly is not authorized to perform: ecr:${operation} on resource: ` +
            `arn:aws:ecr:${auth[3]}:${ACCOUNT_ID}:registry because no identity-based policy allows the ecr:${operation} action`,
        ),
      );
    }
    // Not a pull through cache operation, so not in the model copy: its input is an optional, deprecated registryIds.
    if (operation === 'GetAuthorizationToken') {
      return send(200, {
        authorizationData: [{
          authorizationToken: REGISTRY_TOKEN,
          expiresAt: this.clock + 12 * 3600,
          proxyEndpoint: `https://${ACCOUNT_ID}.dkr.ecr.${auth[3]}.amazonaws.com`,
        }],
      });
    }
    const invalid = validateInput(this.model, operation, body);
    if (invalid) return sendError(invalid);
    try {
      return send(200, this.dispatch(operation, body as Record<string, unknown>, auth[3]));
    } catch (err) {
      if (err instanceof ServiceError) return sendError(err);
      return sendError(new ServiceError('ServerException', String(err), 500));
    }
  }

  private dispatch(operation: string, input: Record<string, unknown>, region: string): unknown {
    switch (operation) {
      case 'DescribePullThroughCacheRules':
        return this.describe(input, region);
      case 'ValidatePullThroughCacheRule':
        return this.validate(input, region);
      case 'CreatePullThroughCacheRule':
        return this.create(input, region);
      case 'UpdatePullThroughCacheRule':
        return this.update(input, region);
      case 'DeletePullThroughCacheRule':
        return this.delete(input, region);
      case 'GetRegistryPolicy':
        return this.getRegistryPolicy(region);
      default:
        throw new ServiceError('UnknownOperationException', `The local endpoint does not implement ${operation}`);
    }
  }

  private find(input: Record<string, unknown>, region: string): StoredRule {
    const registryId = (input.registryId as string | undefined) ?? ACCOUNT_ID;
    const prefix = input.ecrRepositoryPrefix as string;
    const registry = this.registry(registryId);
    const placed = registry.get(ruleKey(region, prefix)) ?? registry.get(ruleKey(undefined, prefix));
    if (placed) return placed.rule;
    const pending = this.pendingRules.find(
      (p) => p.rule.ecrRepositoryPrefix === prefix && (p.rule.registryId ?? ACCOUNT_ID) === registryId && (p.rule.region ?? region) === region,
    );
    if (pending && pending.lookups-- <= 0) {
      this.pendingRules.splice(this.pendingRules.indexOf(pending), 1);
      this.seedRules(pending.rule);
      return this.find(input, region);
    }
    throw new ServiceError(
      'PullThroughCacheRuleNotFoundException',
      `The pull through cache rule with prefix '${prefix}' does not exist in the registry with id '${registryId}'`,
    );
  }

  private describe(input: Record<string, unknown>, region: string): unknown {
    const { input_token: tokenIn, output_token: tokenOut, limit_key: limitKey, result_key: resultKey } = this.paginator;
    const registryId = (input.registryId as string | undefined) ?? ACCOUNT_ID;
    const prefixes = input.ecrRepositoryPrefixes as string[] | undefined;
    if (prefixes && (input[limitKey] !== undefined || input[tokenIn] !== undefined)) {
      throw new ServiceError('InvalidParameterException', `${limitKey} and ${tokenIn} cannot be used with ecrRepositoryPrefixes`);
    }
    if (prefixes) {
      return { [resultKey]: prefixes.map((p) => this.find({ registryId, ecrRepositoryPrefix: p }, region)) };
    }
    const all = this.storedRules(registryId, region);
    let offset = 0;
    if (input[tokenIn] !== undefined) {
      const decoded = /^(\d+):(\d{12})$/.exec(Buffer.from(String(input[tokenIn]), 'base64').toString('utf8'));
      if (!decoded || decoded[2] !== registryId || Number(decoded[1]) > all.length) {
        throw new ServiceError('InvalidParameterException', `Invalid parameter at '${tokenIn}' failed to satisfy constraint: 'Invalid NextToken'`);
      }
      offset = Number(decoded[1]);
    }
    // Without a limit the API returns up to 100 results.
    const pageSize = Math.min((input[limitKey] as number | undefined) ?? 100, this.pageSizeOverride ?? Infinity);
    const page = all.slice(offset, offset + pageSize);
    const end = offset + page.length;
    return {
      [resultKey]: page,
      [tokenOut]: end < all.length ? Buffer.from(`${end}:${registryId}`).toString('base64') : undefined,
    };
  }

  private validate(input: Record<string, unknown>, region: string): unknown {
    const rule = this.find(input, region);
    const fault = this.validationFaults.get(rule.ecrRepositoryPrefix);
    const failure = fault && fault.remaining-- > 0 ? fault.failure : this.validationFailure(rule, region);
    return {
      ecrRepositoryPrefix: rule.ecrRepositoryPrefix,
      registryId: rule.registryId,
      upstreamRegistryUrl: rule.upstreamRegistryUrl,
      credentialArn: rule.credentialArn,
      customRoleArn: rule.customRoleArn,
      upstreamRepositoryPrefix: rule.upstreamRepositoryPrefix,
      isValid: failure === undefined,
      failure,
    };
  }

  private validationFailure(rule: StoredRule, region: string): string | undefined {
    if (rule.credentialArn) {
      const secret = this.secret(rule.credentialArn, region);
      if (!secret) return `Secret not found: the Secrets Manager secret ${rule.credentialArn} does not exist`;
      if (secret.customKmsKey) return `Unable to decrypt the secret ${rule.credentialArn}: access denied to its KMS key`;
      if (secret.deniesEcr) return `Access denied: Amazon ECR is not authorized to read the secret ${rule.credentialArn}`;
      if (secret.malformed) return 'The secret value is not valid JSON with the keys "username" and "accessToken"';
      const host = rule.upstreamRegistryUrl.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
      const login = this.upstreamLogins.get(host);
      if (!login || login.username !== secret.username || login.accessToken !== secret.accessToken) {
        return `Authentication with the upstream registry ${host} failed: invalid username or access token (401 Unauthorized)`;
      }
    }
    if (rule.customRoleArn) {
      const trusted = this.roles.get(rule.customRoleArn);
      if (trusted === undefined) return `Unable to assume role ${rule.customRoleArn}: the role does not exist`;
      if (trusted !== 'pullthroughcache.ecr.amazonaws.com') {
        return `Unable to assume role ${rule.customRoleArn}: its trust policy does not allow pullthroughcache.ecr.amazonaws.com`;
      }
    }
    return undefined;
  }

  /** A secret as ECR in `region` sees it: Secrets Manager ARNs name their Region, and ECR looks only in its own. */
  private secret(arn: string, region: string): SeedSecret | undefined {
    return arn.split(':')[3] === region ? this.secrets.get(arn) : undefined;
  }

  private create(input: Record<string, unknown>, region: string): unknown {
    const registryId = (input.registryId as string | undefined) ?? ACCOUNT_ID;
    const registry = this.registry(registryId);
    const visible = this.storedRules(registryId, region);
    const prefix = input.ecrRepositoryPrefix as string;
    const url = input.upstreamRegistryUrl as string;
    const host = url.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
    const known = KNOWN_UPSTREAMS.find(([pattern]) => pattern.test(host));
    if (!known) throw new ServiceError('UnsupportedUpstreamRegistryException', `The upstream registry ${url} is not supported`);
    const type = (input.upstreamRegistry as string | undefined) ?? known[1];
    if (type !== known[1]) {
      throw new ServiceError('InvalidParameterException', `upstreamRegistry '${type}' does not match upstreamRegistryUrl '${url}'`);
    }
    if (known[2] && !input.credentialArn) {
      throw new ServiceError('InvalidParameterException', `credentialArn is required for upstream registry '${type}'`);
    }
    if (!known[2] && input.credentialArn) {
      throw new ServiceError('InvalidParameterException', `credentialArn is not supported for upstream registry '${type}'`);
    }
    if (input.upstreamRepositoryPrefix !== undefined && type !== 'ecr') {
      throw new ServiceError('InvalidParameterException', `upstreamRepositoryPrefix is only supported for upstream registry 'ecr'`);
    }
    if (input.credentialArn && !this.secret(input.credentialArn as string, region)) {
      throw new ServiceError('SecretNotFoundException', `The secret ${String(input.credentialArn)} was not found`);
    }
    if (visible.some((r) => r.ecrRepositoryPrefix === prefix)) {
      throw new ServiceError(
        'PullThroughCacheRuleAlreadyExistsException',
        `A pull through cache rule with prefix '${prefix}' already exists in the registry with id '${registryId}'`,
      );
    }
    if (visible.length >= RULE_QUOTA) {
      throw new ServiceError(
        'LimitExceededException',
        `The maximum number of pull through cache rules (${RULE_QUOTA}) has been reached for the registry with id '${registryId}'`,
      );
    }
    const rule: StoredRule = {
      ecrRepositoryPrefix: prefix,
      upstreamRegistryUrl: url,
      registryId,
      upstreamRegistry: type,
      credentialArn: input.credentialArn as string | undefined,
      customRoleArn: input.customRoleArn as string | undefined,
      upstreamRepositoryPrefix: (input.upstreamRepositoryPrefix as string | undefined) ?? (type === 'ecr' ? 'ROOT' : undefined),
      createdAt: this.tick(),
    };
    registry.set(ruleKey(region, prefix), { rule, region });
    return rule;
  }

  private update(input: Record<string, unknown>, region: string): unknown {
    const rule = this.find(input, region);
    if (input.credentialArn !== undefined) rule.credentialArn = input.credentialArn as string;
    if (input.customRoleArn !== undefined) rule.customRoleArn = input.customRoleArn as string;
    rule.updatedAt = this.tick();
    return rule;
  }

  /** The registry is the caller's own: GetRegistryPolicy takes no registryId. */
  private getRegistryPolicy(region: string): unknown {
    const policyText = this.registryPolicies.get(`${ACCOUNT_ID} ${region}`);
    if (policyText === undefined) {
      throw new ServiceError('RegistryPolicyNotFoundException', `Registry policy does not exist in the registry with id '${ACCOUNT_ID}'`);
    }
    return { registryId: ACCOUNT_ID, policyText };
  }

  private delete(input: Record<string, unknown>, region: string): unknown {
    const rule = this.find(input, region);
    const registry = this.registry(rule.registryId);
    for (const [key, placed] of registry) if (placed.rule === rule) registry.delete(key);
    return rule;
  }
}

function ruleKey(region: string | undefined, prefix: string): string {
  return `${region ?? '*'} ${prefix}`;
}
