/** What `rewrite` and `warm` share: the stack's rules resolved for the cache account, and the ECR authorization. */
import { GetAuthorizationTokenCommand, type ECRClient } from '@aws-sdk/client-ecr';
import type { GlobalOptions } from '../args';
import { createEcrClient } from '../client';
import { CliError, describeError } from '../errors';
import type { CliIo } from '../output';
import { isUnresolved } from '../terraform';
import { cacheRules, readStack, requireRules, type CacheRule } from './cache-rules';

/** An ECR authorization: the registry it names and the Basic credentials for the Docker Registry API. */
export interface Authorization {
  /** The registry (account) ID of the caller, from `proxyEndpoint`. */
  readonly registryId: string;
  /** `base64(AWS:<password>)`, for `Authorization: Basic`. */
  readonly token: string;
}

/**
 * Calls GetAuthorizationToken, which every principal that pulls images may call, and reads the caller's registry ID
 * from its `proxyEndpoint` (`https://<registryId>.dkr.ecr.<region>.amazonaws.com`).
 *
 * @see https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_GetAuthorizationToken.html
 */
export async function authorize(client: ECRClient, ctx: { io: CliIo; global: GlobalOptions }, region: string): Promise<Authorization> {
  let data;
  try {
    data = (await client.send(new GetAuthorizationTokenCommand({}))).authorizationData?.[0];
  } catch (err) {
    throw new CliError(describeError(err, { endpointUrl: ctx.global.endpointUrl, region, profile: ctx.global.profile }), undefined, err);
  }
  const registryId = /^https:\/\/(\d{12})\.dkr\.ecr\./.exec(data?.proxyEndpoint ?? '')?.[1];
  if (!data?.authorizationToken || registryId === undefined) {
    throw new CliError(`GetAuthorizationToken in ${region} returned no usable authorization (proxyEndpoint '${data?.proxyEndpoint ?? ''}')`);
  }
  return { registryId, token: data.authorizationToken };
}

/** The region the SDK would use without `--region` (AWS_REGION, the profile), or `undefined`. */
async function sdkRegion(global: GlobalOptions, io: CliIo): Promise<string | undefined> {
  const probe = createEcrClient(global, io.env);
  try {
    return await probe.config.region();
  } catch {
    return undefined;
  } finally {
    probe.destroy();
  }
}

/** The stack's rules for the cache account: `--registry-id`, else the caller's (one GetAuthorizationToken call). */
export async function loadRules(ctx: { io: CliIo; global: GlobalOptions }, synth: string, stackName?: string): Promise<CacheRule[]> {
  const stack = await readStack(ctx.io.cwd, synth, stackName);
  const { global } = ctx;
  const fallbackRegion = global.region ?? (await sdkRegion(global, ctx.io));
  const options = { region: global.region, providerRegion: stack.providerRegion, fallbackRegion };
  requireRules(stack, synth);
  let registryId = global.registryId;
  if (registryId === undefined) {
    // Any Region of the stack answers for the caller's account.
    const region = global.region ?? stack.rules.find((r) => r.region !== undefined && !isUnresolved(r.region))?.region ?? fallbackRegion;
    if (region === undefined) throw new CliError("no AWS region to ask for the caller's account: pass --registry-id or --region");
    const client = createEcrClient({ ...global, region }, ctx.io.env);
    try {
      registryId = (await authorize(client, ctx, region)).registryId;
    } finally {
      client.destroy();
    }
  }
  return cacheRules(stack, synth, { ...options, registryId });
}
