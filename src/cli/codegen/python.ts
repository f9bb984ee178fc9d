import { coreNames, type CoreNames } from './core';
import { headerLines, snakeCase, usesCredentials, type ImportPlan, type OptionValue, type PresetCall } from './model';

/** A Python double-quoted string literal. */
export function pyString(value: string): string {
  return JSON.stringify(value);
}

function value(v: OptionValue): string {
  return v.kind === 'string' ? pyString(v.value) : `UpstreamCredential.from_secret_arn(${pyString(v.arn)})`;
}

function upstream(call: PresetCall): string {
  const method = `UpstreamRegistry.${snakeCase(call.preset)}`;
  if (!call.optionsType) return `${method}()`;
  const options = call.options.map((o) => `                ${snakeCase(o.name)}=${value(o.value)},`);
  return [`${method}(`, ...options, '            )'].join('\n');
}

/** A complete Python program for the core (cdktf by default) declaring the plan's rules. */
export function generatePython(plan: ImportPlan, core: CoreNames = coreNames('cdktf')): string {
  const n = core.python;
  const names = ['PullThroughCache', ...(usesCredentials(plan) ? ['UpstreamCredential'] : []), 'UpstreamRegistry'];
  const body: string[] = [];
  for (const rule of plan.rules) {
    const variable = `${snakeCase(rule.id)}_rule`;
    body.push(
      '',
      `        ${variable} = cache.add_rule(`,
      `            ${pyString(rule.id)},`,
      `            ecr_repository_prefix=${pyString(rule.ecrRepositoryPrefix)},`,
      `            upstream=${upstream(rule.upstream)},`,
      '        )',
      `        ${variable}.resource.import_from(${pyString(rule.ecrRepositoryPrefix)})`,
    );
  }
  return [
    '#!/usr/bin/env python',
    ...headerLines(plan).map((l) => `# ${l}`),
    'from constructs import Construct',
    `from ${n.core} import App, TerraformStack`,
    `from ${n.provider} import AwsProvider`,
    `from ${n.library} import ${names.join(', ')}`,
    '',
    '',
    'class EcrPullThroughCacheStack(TerraformStack):',
    '    def __init__(self, scope: Construct, id: str):',
    '        super().__init__(scope, id)',
    '',
    `        AwsProvider(self, "aws", region=${pyString(plan.region)})`,
    '        cache = PullThroughCache(self, "PullThroughCache")',
    ...body,
    '',
    '',
    'app = App()',
    `EcrPullThroughCacheStack(app, ${pyString(plan.stackName)})`,
    'app.synth()',
    '',
  ].join('\n');
}
