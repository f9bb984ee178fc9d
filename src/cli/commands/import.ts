import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Language } from '../args';
import { coreNames, type Core, type CoreNames } from '../codegen/core';
import { generateGo } from '../codegen/go';
import { generateJava } from '../codegen/java';
import { planImport, type ImportPlan } from '../codegen/model';
import { generatePython } from '../codegen/python';
import { generateTypeScript } from '../codegen/typescript';
import { CliError, EXIT_OK } from '../errors';
import type { CommandContext } from './context';
import { fetchRules } from './list';

const GENERATORS: Readonly<Record<Language, (plan: ImportPlan, core: CoreNames) => string>> = {
  typescript: generateTypeScript,
  python: generatePython,
  go: generateGo,
  java: generateJava,
};

/** Writes the program for a plan in the given language, for a core (default cdktf). */
export function generateProgram(language: Language, plan: ImportPlan, core: Core = 'cdktf'): string {
  return GENERATORS[language](plan, coreNames(core));
}

/** `ecr-ptc import --language <lang> [--core cdktf|cdktn] [--out FILE] [--stack-name NAME]`. */
export async function runImport(
  ctx: CommandContext,
  args: { readonly language: Language; readonly core: Core; readonly out?: string; readonly stackName: string },
): Promise<number> {
  const plan = planImport(await fetchRules(ctx), ctx.region, args.stackName);
  const program = generateProgram(args.language, plan, args.core);
  if (!args.out) {
    ctx.io.stdout(program);
    return EXIT_OK;
  }
  const path = resolve(ctx.io.cwd, args.out);
  try {
    await writeFile(path, program);
  } catch (err) {
    throw new CliError(`cannot write --out ${args.out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  ctx.io.stderr(`wrote ${plan.rules.length} rule(s) to ${args.out}\n`);
  return EXIT_OK;
}
