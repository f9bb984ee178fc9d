import { coreNames, type CoreNames } from './core';
import { headerLines, lowerCamel, type ImportPlan, type OptionValue, type PresetCall } from './model';

const PKG = 'ecrpullthroughcache';
/** Go import path of the library's package (cdktf flavor). */
export const GO_MODULE_PACKAGE = coreNames('cdktf').go.library;

/** A Go interpreted string literal. */
export function goString(value: string): string {
  return JSON.stringify(value);
}

function pascal(name: string): string {
  return name[0].toUpperCase() + name.slice(1);
}

function value(v: OptionValue): string {
  return v.kind === 'string'
    ? `jsii.String(${goString(v.value)})`
    : `${PKG}.UpstreamCredential_FromSecretArn(jsii.String(${goString(v.arn)}))`;
}

/** Key/value lines of a composite literal, values aligned the way gofmt aligns single-line pairs. */
function fields(pairs: readonly [string, string][], indent: string): string[] {
  const width = Math.max(...pairs.map(([k]) => k.length));
  return pairs.map(([k, v]) => `${indent}${`${k}:`.padEnd(width + 2)}${v},`);
}

function upstream(call: PresetCall): string {
  const fn = `${PKG}.UpstreamRegistry_${pascal(call.preset)}`;
  if (!call.optionsType) return `${fn}()`;
  const pairs = call.options.map((o): [string, string] => [pascal(o.name), value(o.value)]);
  return [`${fn}(&${PKG}.${call.optionsType}{`, ...fields(pairs, '\t\t\t'), '\t\t})'].join('\n');
}

/** A complete Go program (package main) for the core (cdktf by default) declaring the plan's rules. */
export function generateGo(plan: ImportPlan, core: CoreNames = coreNames('cdktf')): string {
  const n = core.go;
  const c = n.corePackage;
  const body: string[] = [];
  for (const rule of plan.rules) {
    const variable = `${lowerCamel(rule.id)}Rule`;
    body.push(
      '',
      `\t${variable} := cache.AddRule(jsii.String(${goString(rule.id)}), &${PKG}.PullThroughCacheRuleProps{`,
      `\t\tEcrRepositoryPrefix: jsii.String(${goString(rule.ecrRepositoryPrefix)}),`,
      // gofmt aligns a single-line value with the key above; a multi-line one stays unaligned.
      `\t\t${rule.upstream.optionsType ? 'Upstream: ' : 'Upstream:            '}${upstream(rule.upstream)},`,
      '\t})',
      `\t${variable}.Resource().ImportFrom(jsii.String(${goString(rule.ecrRepositoryPrefix)}), nil)`,
    );
  }
  const cache = plan.rules.length > 0 ? 'cache := ' : '';
  return [
    ...headerLines(plan).map((l) => `// ${l}`),
    'package main',
    '',
    'import (',
    '\t"github.com/aws/constructs-go/constructs/v10"',
    '\t"github.com/aws/jsii-runtime-go"',
    `\t"${n.core}"`,
    '',
    `\t${PKG} "${n.library}"`,
    ')',
    '',
    `func NewEcrPullThroughCacheStack(scope constructs.Construct, id string) ${c}.TerraformStack {`,
    `\tstack := ${c}.NewTerraformStack(scope, &id)`,
    '',
    '\t// The AWS provider, without provider bindings: the blocks the prebuilt AwsProvider would write.',
    '\tstack.AddOverride(jsii.String("terraform.required_providers.aws"), map[string]interface{}{',
    `\t\t"source":  ${goString(core.awsProviderSource)},`,
    `\t\t"version": ${goString(core.awsProviderVersion)},`,
    '\t})',
    `\tstack.AddOverride(jsii.String("provider.aws"), []interface{}{map[string]interface{}{"region": ${goString(plan.region)}}})`,
    `\t${cache}${PKG}.NewPullThroughCache(stack, jsii.String("PullThroughCache"), &${PKG}.PullThroughCacheProps{})`,
    ...body,
    '',
    '\treturn stack',
    '}',
    '',
    'func main() {',
    `\tapp := ${c}.NewApp(nil)`,
    `\tNewEcrPullThroughCacheStack(app, ${goString(plan.stackName)})`,
    '\tapp.Synth()',
    '}',
    '',
  ].join('\n');
}
