/** What every command that reads `--synth` shares: loading the stacks, the default Region, the summary count. */
import type { GlobalOptions } from '../args';
import { createEcrClient } from '../client';
import { describeError, UsageError } from '../errors';
import { formatJson, type CliIo } from '../output';
import { loadSynthesizedStacks, type SynthesizedStack } from '../terraform';

/** What a `--synth` command runs with: no client yet, as each Region gets its own. */
export interface SynthContext {
  readonly io: CliIo;
  readonly global: GlobalOptions;
}

/** The region the SDK would use without --region (AWS_REGION, the profile), or the error that says there is none. */
export async function defaultRegion(ctx: SynthContext): Promise<string | Error> {
  const probe = createEcrClient(ctx.global, ctx.io.env);
  try {
    return await probe.config.region();
  } catch (err) {
    return new Error(describeError(err, { profile: ctx.global.profile }));
  } finally {
    probe.destroy();
  }
}

/** `4 rule(s)`, `4 rule(s) (1 referenced)`, `4 rule(s) in 2 stacks`: the start of a summary line. */
export function checkedCount(stacks: readonly SynthesizedStack[], referenced: number, total: number): string {
  const refs = referenced > 0 ? ` (${referenced} referenced)` : '';
  const where = stacks.length > 1 ? ` in ${stacks.length} stacks` : '';
  return `${total} rule(s)${refs}${where}`;
}

/**
 * The stacks of `--synth`, each with its rules; exit 2 (`UsageError`) when none declares or references a rule,
 * unless `--allow-empty`, in which case the message is written and the result is empty.
 */
export async function stacksToCheck(io: CliIo, global: GlobalOptions,
  args: { readonly synth: string; readonly stack?: string; readonly allowEmpty: boolean }): Promise<SynthesizedStack[]> {
  const stacks = await loadSynthesizedStacks(io.cwd, args.synth, args.stack);
  if (stacks.some((s) => s.rules.length + s.references.length > 0)) return stacks;
  if (!args.allowEmpty) {
    const which = stacks.length === 1
      ? `stack '${stacks[0].name}' neither declares an aws_ecr_pull_through_cache_rule nor references one`
      : `none of its ${stacks.length} stacks (${stacks.map((s) => s.name).join(', ')}) declares an aws_ecr_pull_through_cache_rule or references one`;
    throw new UsageError(`--synth ${args.synth}: ${which} (data.aws_ecr_pull_through_cache_rule): nothing to check`,
      'pass the stack that has the rules (of an output directory: --stack NAME), or --allow-empty when a stack without rules is expected');
  }
  if (global.json) io.stdout(formatJson([]));
  else {
    const names = stacks.map((s) => `stack ${s.name} (${s.file})`);
    const which = names.length === 1 ? names[0] : `none of ${names.join(', ')}`;
    io.stdout(`nothing to check (--allow-empty): ${which} ${names.length === 1 ? 'declares and references no' : 'declares or references a'} pull-through cache rule\n`);
  }
  return [];
}

