import { coreNames, type CoreNames } from './core';
import { headerLines, lowerCamel, usesCredentials, type ImportPlan, type OptionValue, type PresetCall } from './model';

/** A TypeScript single-quoted string literal. */
export function tsString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

function value(v: OptionValue): string {
  return v.kind === 'string' ? tsString(v.value) : `UpstreamCredential.fromSecretArn(${tsString(v.arn)})`;
}

function upstream(call: PresetCall, indent: string): string {
  if (!call.optionsType) return `UpstreamRegistry.${call.preset}()`;
  const options = call.options.map((o) => `${indent}  ${o.name}: ${value(o.value)},`);
  return [`UpstreamRegistry.${call.preset}({`, ...options, `${indent}})`].join('\n');
}

/** A complete TypeScript program for the core (cdktf by default) declaring the plan's rules. */
export function generateTypeScript(plan: ImportPlan, core: CoreNames = coreNames('cdktf')): string {
  const n = core.typescript;
  const names = ['PullThroughCache', ...(usesCredentials(plan) ? ['UpstreamCredential'] : []), 'UpstreamRegistry'];
  const body: string[] = [];
  for (const rule of plan.rules) {
    const variable = `${lowerCamel(rule.id)}Rule`;
    body.push(
      '',
      `    const ${variable} = cache.addRule(${tsString(rule.id)}, {`,
      `      ecrRepositoryPrefix: ${tsString(rule.ecrRepositoryPrefix)},`,
      `      upstream: ${upstream(rule.upstream, '      ')},`,
      '    });',
      `    ${variable}.resource.importFrom(${tsString(rule.ecrRepositoryPrefix)});`,
    );
  }
  const cache = plan.rules.length > 0 ? 'const cache = ' : '';
  return [
    ...headerLines(plan).map((l) => `// ${l}`),
    `import { App, TerraformStack } from ${tsString(n.core)};`,
    "import { Construct } from 'constructs';",
    `import { AwsProvider } from ${tsString(n.provider)};`,
    `import { ${names.join(', ')} } from ${tsString(n.library)};`,
    '',
    'class EcrPullThroughCacheStack extends TerraformStack {',
    '  constructor(scope: Construct, id: string) {',
    '    super(scope, id);',
    '',
    `    new AwsProvider(this, 'aws', { region: ${tsString(plan.region)} });`,
    `    ${cache}new PullThroughCache(this, 'PullThroughCache', {});`,
    ...body,
    '  }',
    '}',
    '',
    'const app = new App();',
    `new EcrPullThroughCacheStack(app, ${tsString(plan.stackName)});`,
    'app.synth();',
    '',
  ].join('\n');
}
