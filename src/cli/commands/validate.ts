import {
  PullThroughCacheRuleNotFoundException,
  ValidatePullThroughCacheRuleCommand,
  type ECRClient,
  type ValidatePullThroughCacheRuleResponse,
} from '@aws-sdk/client-ecr';
import { CliError, EXIT_FINDINGS, EXIT_OK } from '../errors';
import { invalidRuleHint, type RuleFacts } from '../hints';
import { formatJson } from '../output';
import { mapWithLimit } from '../pool';
import type { CommandContext } from './context';
import { fetchRules } from './list';

/** The result of one ValidatePullThroughCacheRule call, or `undefined` when no rule has that prefix. */
export async function validateRule(
  client: ECRClient,
  prefix: string,
  registryId: string | undefined,
): Promise<ValidatePullThroughCacheRuleResponse | undefined> {
  try {
    return await client.send(new ValidatePullThroughCacheRuleCommand({ ecrRepositoryPrefix: prefix, registryId }));
  } catch (err) {
    if (err instanceof PullThroughCacheRuleNotFoundException) return undefined;
    throw err;
  }
}

/** The fields of a validation result, with the API's names. */
export type ValidationFields = Pick<
  ValidatePullThroughCacheRuleResponse,
  'ecrRepositoryPrefix' | 'registryId' | 'upstreamRegistryUrl' | 'credentialArn' | 'customRoleArn' | 'upstreamRepositoryPrefix' | 'failure'
> & { readonly isValid?: boolean };

/** A validation result as JSON with the API's field names, and the hint for an invalid rule. */
export function validationJson(r: ValidationFields, hint: string | undefined): Record<string, unknown> {
  return {
    ecrRepositoryPrefix: r.ecrRepositoryPrefix,
    registryId: r.registryId,
    upstreamRegistryUrl: r.upstreamRegistryUrl,
    credentialArn: r.credentialArn,
    customRoleArn: r.customRoleArn,
    upstreamRepositoryPrefix: r.upstreamRepositoryPrefix,
    isValid: Boolean(r.isValid),
    failure: r.failure,
    hint: r.isValid ? undefined : hint,
  };
}

/** What a live rule's own ARNs say about it. */
export function liveFacts(r: ValidationFields, region: string): RuleFacts {
  return { region, registryId: r.registryId, credentialArns: [r.credentialArn], customRoleArns: [r.customRoleArn] };
}

async function validateOne(ctx: CommandContext, prefix: string): Promise<ValidatePullThroughCacheRuleResponse> {
  const result = await validateRule(ctx.client, prefix, ctx.global.registryId);
  if (!result) throw new CliError(`no pull-through cache rule with prefix '${prefix}' in ${ctx.region}`);
  return result;
}

/** `ecr-ptc validate`. */
export async function runValidate(
  ctx: CommandContext,
  args: { readonly prefixes: readonly string[]; readonly concurrency: number },
): Promise<number> {
  const prefixes =
    args.prefixes.length > 0
      ? [...new Set(args.prefixes)]
      : (await fetchRules(ctx)).map((r) => r.ecrRepositoryPrefix).filter((p): p is string => Boolean(p));

  const progress = ctx.io.stderrIsTTY && !ctx.global.json;
  let done = 0;
  const results = await mapWithLimit(prefixes, args.concurrency, async (prefix) => {
    const result = await validateOne(ctx, prefix);
    done++;
    if (progress) ctx.io.stderr(`\rvalidating ${done}/${prefixes.length}`);
    return result;
  });
  if (progress && prefixes.length > 0) ctx.io.stderr('\r\x1b[K');

  const invalid = results.filter((r) => !r.isValid);
  if (ctx.global.json) {
    ctx.io.stdout(formatJson(results.map((r) => validationJson(r, invalidRuleHint(r.failure, liveFacts(r, ctx.region))))));
  } else {
    const width = Math.max(0, ...results.map((r) => (r.ecrRepositoryPrefix ?? '').length));
    for (const r of results) {
      const status = r.isValid ? 'valid  ' : 'INVALID';
      ctx.io.stdout(`${status}  ${(r.ecrRepositoryPrefix ?? '').padEnd(width)}  ${r.upstreamRegistryUrl ?? ''}\n`);
      if (!r.isValid) {
        ctx.io.stdout(`         failure: ${r.failure ?? '(no reason given)'}\n`);
        const hint = invalidRuleHint(r.failure, liveFacts(r, ctx.region));
        if (hint) ctx.io.stdout(`         fix: ${hint}\n`);
      }
    }
    ctx.io.stdout(`${results.length} rule(s): ${results.length - invalid.length} valid, ${invalid.length} invalid\n`);
  }
  return invalid.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}
