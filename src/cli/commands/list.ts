import { paginateDescribePullThroughCacheRules, type PullThroughCacheRule } from '@aws-sdk/client-ecr';
import { EXIT_OK } from '../errors';
import { formatJson, formatTable } from '../output';
import { normaliseUpstreamPrefix, secretNameFromArn } from '../registries';
import type { CommandContext } from './context';

/** Page size for DescribePullThroughCacheRules: the API maximum. */
export const PAGE_SIZE = 1000;

/** All rules of the registry, paging DescribePullThroughCacheRules 1000 at a time. */
export async function fetchRules(ctx: CommandContext): Promise<PullThroughCacheRule[]> {
  const rules: PullThroughCacheRule[] = [];
  const pages = paginateDescribePullThroughCacheRules(
    { client: ctx.client, pageSize: PAGE_SIZE },
    { registryId: ctx.global.registryId },
  );
  for await (const page of pages) {
    rules.push(...(page.pullThroughCacheRules ?? []));
  }
  return rules;
}

/** A rule as JSON with the API's field names; timestamps as ISO 8601. */
export function ruleJson(rule: PullThroughCacheRule): Record<string, unknown> {
  return {
    ecrRepositoryPrefix: rule.ecrRepositoryPrefix,
    upstreamRegistryUrl: rule.upstreamRegistryUrl,
    upstreamRegistry: rule.upstreamRegistry,
    upstreamRepositoryPrefix: rule.upstreamRepositoryPrefix,
    credentialArn: rule.credentialArn,
    customRoleArn: rule.customRoleArn,
    registryId: rule.registryId,
    createdAt: rule.createdAt?.toISOString(),
    updatedAt: rule.updatedAt?.toISOString(),
  };
}

/** How a rule authenticates upstream, shortened for a table cell. */
export function authSummary(rule: { credentialArn?: string; customRoleArn?: string }): string {
  if (rule.credentialArn) return `secret ${secretNameFromArn(rule.credentialArn) ?? rule.credentialArn}`;
  if (rule.customRoleArn) return `role ${rule.customRoleArn.replace(/^arn:[^:]+:iam::\d+:role\//, '')}`;
  return '-';
}

/** `ecr-ptc list`. */
export async function runList(ctx: CommandContext): Promise<number> {
  const rules = await fetchRules(ctx);
  if (ctx.global.json) {
    ctx.io.stdout(formatJson(rules.map(ruleJson)));
    return EXIT_OK;
  }
  if (rules.length === 0) {
    ctx.io.stdout(`no pull-through cache rules in ${ctx.region}\n`);
    return EXIT_OK;
  }
  ctx.io.stdout(
    formatTable(
      ['PREFIX', 'UPSTREAM', 'TYPE', 'UPSTREAM PREFIX', 'AUTH', 'UPDATED'],
      rules.map((r) => [
        r.ecrRepositoryPrefix ?? '',
        r.upstreamRegistryUrl ?? '',
        r.upstreamRegistry ?? '-',
        normaliseUpstreamPrefix(r.upstreamRepositoryPrefix),
        authSummary(r),
        (r.updatedAt ?? r.createdAt)?.toISOString().replace(/\.\d{3}Z$/, 'Z') ?? '-',
      ]),
    ),
  );
  return EXIT_OK;
}
