import {
  PullThroughCacheRuleNotFoundException,
  ValidatePullThroughCacheRuleCommand,
  type ValidatePullThroughCacheRuleResponse,
} from '@aws-sdk/client-ecr';
import { CliError, EXIT_FINDINGS, EXIT_OK } from '../errors';
import { formatJson } from '../output';
import { mapWithLimit } from '../pool';
import type { CommandContext } from './context';
import { fetchRules } from './list';

interface HintRule {
  readonly test: RegExp;
  readonly hint: string;
}

/** Known failure reasons, most specific first. */
const HINTS: readonly HintRule[] = [
  {
    test: /(secret|ResourceNotFound).*(not found|does not exist|can't find|cannot find)|SecretNotFound/i,
    hint: "the secret in credentialArn does not exist: create it (name starting 'ecr-pullthroughcache/', same account and region as the rule) or point the rule at the right ARN",
  },
  {
    test: /decrypt|kms/i,
    hint: 'ECR cannot decrypt the secret: use the default aws/secretsmanager key, not a customer managed KMS key',
  },
  {
    test: /assume|sts:|trust/i,
    hint: 'ECR cannot assume customRoleArn: the role must exist in this account and trust pullthroughcache.ecr.amazonaws.com',
  },
  {
    test: /(access|permission).*(denied|secret)|not authorized|unable to access/i,
    hint: 'ECR cannot read the secret: check the secret resource policy and that it is in the same account and region as the rule',
  },
  {
    test: /format|json|parse|syntax/i,
    hint: 'the secret value must be JSON with the keys "username" and "accessToken"',
  },
  {
    test: /username|password|access ?token|authenticat|unauthori[sz]ed|\b401\b|credentials?/i,
    hint: 'the upstream registry rejected the username/accessToken in the secret: store a valid token (JSON {"username","accessToken"})',
  },
  {
    test: /reach|connect|timed? ?out|unavailable/i,
    hint: 'ECR could not reach the upstream registry: check the upstream URL and its status',
  },
];

/** A hint on what to fix for a validation failure reason, if the reason is recognised. */
export function failureHint(failure: string | undefined): string | undefined {
  if (!failure) return undefined;
  return HINTS.find((h) => h.test.test(failure))?.hint;
}

async function validateOne(ctx: CommandContext, prefix: string): Promise<ValidatePullThroughCacheRuleResponse> {
  try {
    return await ctx.client.send(
      new ValidatePullThroughCacheRuleCommand({ ecrRepositoryPrefix: prefix, registryId: ctx.global.registryId }),
    );
  } catch (err) {
    if (err instanceof PullThroughCacheRuleNotFoundException) {
      throw new CliError(`no pull-through cache rule with prefix '${prefix}' in ${ctx.region}`);
    }
    throw err;
  }
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
    ctx.io.stdout(
      formatJson(
        results.map((r) => ({
          ecrRepositoryPrefix: r.ecrRepositoryPrefix,
          registryId: r.registryId,
          upstreamRegistryUrl: r.upstreamRegistryUrl,
          credentialArn: r.credentialArn,
          customRoleArn: r.customRoleArn,
          upstreamRepositoryPrefix: r.upstreamRepositoryPrefix,
          isValid: Boolean(r.isValid),
          failure: r.failure,
          hint: r.isValid ? undefined : failureHint(r.failure),
        })),
      ),
    );
  } else {
    const width = Math.max(0, ...results.map((r) => (r.ecrRepositoryPrefix ?? '').length));
    for (const r of results) {
      const status = r.isValid ? 'valid  ' : 'INVALID';
      ctx.io.stdout(`${status}  ${(r.ecrRepositoryPrefix ?? '').padEnd(width)}  ${r.upstreamRegistryUrl ?? ''}\n`);
      if (!r.isValid) {
        ctx.io.stdout(`         failure: ${r.failure ?? '(no reason given)'}\n`);
        const hint = failureHint(r.failure);
        if (hint) ctx.io.stdout(`         fix: ${hint}\n`);
      }
    }
    ctx.io.stdout(`${results.length} rule(s): ${results.length - invalid.length} valid, ${invalid.length} invalid\n`);
  }
  return invalid.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}
