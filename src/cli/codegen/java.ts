import { coreNames, type CoreNames } from './core';
import { headerLines, lowerCamel, usesCredentials, type ImportPlan, type OptionValue, type PresetCall } from './model';

/** Java package of the library (cdktf flavor). */
export const JAVA_PACKAGE = coreNames('cdktf').java.library;

/** A Java string literal. */
export function javaString(value: string): string {
  return JSON.stringify(value);
}

function value(v: OptionValue): string {
  return v.kind === 'string' ? javaString(v.value) : `UpstreamCredential.fromSecretArn(${javaString(v.arn)})`;
}

function upstream(call: PresetCall): string {
  if (!call.optionsType) return `UpstreamRegistry.${call.preset}()`;
  const options = call.options.map((o) => `                            .${o.name}(${value(o.value)})`);
  return [`UpstreamRegistry.${call.preset}(${call.optionsType}.builder()`, ...options, '                            .build())'].join('\n');
}

/**
 * A complete Java program (`com.mycompany.app.Main`, as `cdktf init` lays it out) for the core (cdktf by default)
 * declaring the plan's rules.
 */
export function generateJava(plan: ImportPlan, core: CoreNames = coreNames('cdktf')): string {
  const n = core.java;
  const types = new Set(['PullThroughCache', 'UpstreamRegistry']);
  if (plan.rules.length > 0) ['PullThroughCacheRule', 'PullThroughCacheRuleProps'].forEach((t) => types.add(t));
  if (usesCredentials(plan)) types.add('UpstreamCredential');
  for (const rule of plan.rules) if (rule.upstream.optionsType) types.add(rule.upstream.optionsType);

  const body: string[] = [];
  for (const rule of plan.rules) {
    const variable = `${lowerCamel(rule.id)}Rule`;
    body.push(
      '',
      `            PullThroughCacheRule ${variable} = cache.addRule(${javaString(rule.id)}, PullThroughCacheRuleProps.builder()`,
      `                    .ecrRepositoryPrefix(${javaString(rule.ecrRepositoryPrefix)})`,
      `                    .upstream(${upstream(rule.upstream)})`,
      '                    .build());',
      `            ${variable}.getResource().importFrom(${javaString(rule.ecrRepositoryPrefix)});`,
    );
  }
  return [
    ...headerLines(plan).map((l) => `// ${l}`),
    'package com.mycompany.app;',
    '',
    `import ${n.core}.App;`,
    `import ${n.core}.TerraformStack;`,
    ...[...types].sort().map((t) => `import ${n.library}.${t};`),
    'import java.util.List;',
    'import java.util.Map;',
    'import software.constructs.Construct;',
    '',
    'public class Main {',
    '    static class EcrPullThroughCacheStack extends TerraformStack {',
    '        EcrPullThroughCacheStack(final Construct scope, final String id) {',
    '            super(scope, id);',
    '',
    '            // The AWS provider, without provider bindings: the blocks the prebuilt AwsProvider would write.',
    `            this.addOverride("terraform.required_providers.aws", Map.of("source", ${javaString(core.awsProviderSource)}, "version", ${javaString(core.awsProviderVersion)}));`,
    `            this.addOverride("provider.aws", List.of(Map.of("region", ${javaString(plan.region)})));`,
    '            PullThroughCache cache = PullThroughCache.Builder.create(this, "PullThroughCache").build();',
    ...body,
    '        }',
    '    }',
    '',
    '    public static void main(String[] args) {',
    '        App app = new App();',
    `        new EcrPullThroughCacheStack(app, ${javaString(plan.stackName)});`,
    '        app.synth();',
    '    }',
    '}',
    '',
  ].join('\n');
}
