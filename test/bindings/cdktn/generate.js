#!/usr/bin/env node
// Writes the CDK Terrain versions of the Python, Go and Java reference programs and their tests, and of the
// TypeScript tools they call, from the cdktf ones in test/bindings/{python,go,java,tools}, by name substitution only:
// each language's cdktf names become the cdktn ones (RULES below; each rule must match, so a program that changes
// shape fails here instead of being half-translated). Nothing is kept by hand.
//
//   node test/bindings/cdktn/generate.js [--out DIR]     default .gen/cdktn/test/bindings
//
// Output beside the cdktn flavor (.gen/cdktn), so the tools' paths (../../.. = the package root, .gen/ for the
// compiled example, dist/ -> dist/cdktn) resolve to the flavor's files as they resolve to the root's for cdktf.
// The Go module gets one line more than a substitution: a replace of the cdktn core module by the local build of
// test/bindings/cdktn/peers.sh, which the Go module proxy does not serve.
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const { FLAVOR, swapModules } = require(path.join(ROOT, 'scripts', 'flavor.js'));
const SRC = path.join(ROOT, 'test', 'bindings');

const pkg = (name, paths) => JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`, { paths: [paths] }), 'utf8'));
const tnRoot = path.join(ROOT, FLAVOR.tooling);
const V = {
  cdktf: pkg('cdktf', ROOT).version,
  cdktn: pkg('cdktn', tnRoot).version,
  constructsTf: pkg('constructs', ROOT).version,
  constructsTn: pkg('constructs', tnRoot).version,
  providerTf: pkg('@cdktf/provider-aws', ROOT),
  providerTn: pkg('@cdktn/provider-aws', tnRoot),
};
const awsTf = V.providerTf.cdktf.provider.version;
const awsTn = V.providerTn.cdktf.provider.version;
const OPTIONAL = { optional: true };

/** Files per language (relative to test/bindings) and the substitutions that make them cdktn programs. */
const LANGUAGES = {
  python: {
    files: ['python/app.py', 'python/test_reference_stack.py', 'python/test_import_program.py'],
    rules: [
      // The programs `ecr-ptc import --core cdktn` writes: test/cli/golden/cdktn.
      ['ROOT / "test" / "cli" / "golden"', 'ROOT / "test" / "cli" / "golden" / "cdktn"'],
      ['from cdktf import', 'from cdktn import'],
      ['from cdktf_cdktf_provider_aws.', 'from cdktn_provider_aws.'],
      [/\bcdktf_ecr_pull_through_cache\b/g, 'cdktn_ecr_pull_through_cache'],
    ],
  },
  go: {
    files: ['go/go.mod', 'go/reference_stack.go', 'go/reference_stack_test.go', 'go/import_program_test.go'],
    rules: [
      ['filepath.Join(here, "..", "..", "cli", "golden")', 'filepath.Join(here, "..", "..", "cli", "golden", "cdktn")'],
      ['"github.com/cdktf/cdktf-provider-aws-go"', '"github.com/cdktn-io/cdktn-provider-aws-go"'],
      [`github.com/hashicorp/terraform-cdk-go/cdktf v${V.cdktf}`, `github.com/open-constructs/cdk-terrain-go/cdktn v${V.cdktn}`],
      [`github.com/aws/constructs-go/constructs/v10 v${V.constructsTf}`, `github.com/aws/constructs-go/constructs/v10 v${V.constructsTn}`],
      ['"github.com/hashicorp/terraform-cdk-go/cdktf"', '"github.com/open-constructs/cdk-terrain-go/cdktn"'],
      [/\bcdktf\.(?=[A-Z])/g, 'cdktn.'],
      ['github.com/cdktf-ecr-pull-through-cache/cdktf-ecr-pull-through-cache-go', 'github.com/cdktf-ecr-pull-through-cache/cdktn-ecr-pull-through-cache-go'],
      // The provider block written without bindings: what @cdktn/provider-aws's AwsProvider writes instead.
      [`"${awsTf}"`, `"${awsTn}"`],
      [/("source":\s*)"aws"/g, '$1"hashicorp/aws"'],
      [`@cdktf/provider-aws ${V.providerTf.version}`, `@cdktn/provider-aws ${V.providerTn.version}`, OPTIONAL],
    ],
    append: {
      'go/go.mod': '\n// The cdktn core for Go, which the Go module proxy does not serve: built by test/bindings/cdktn/peers.sh.\n' +
        `replace github.com/open-constructs/cdk-terrain-go/cdktn => ../../../../peers-cdktn/go/cdktn\n`,
    },
  },
  java: {
    files: [
      'java/pom.xml',
      'java/src/main/java/io/github/cdktf_ecr_pull_through_cache/bindingstest/Main.java',
      'java/src/main/java/io/github/cdktf_ecr_pull_through_cache/bindingstest/ReferenceStack.java',
      'java/src/test/java/io/github/cdktf_ecr_pull_through_cache/bindingstest/ReferenceStackTest.java',
      'java/src/test/java/io/github/cdktf_ecr_pull_through_cache/bindingstest/ImportProgramTest.java',
    ],
    rules: [
      ['Path.of("..", "cli", "golden")', 'Path.of("..", "cli", "golden", "cdktn")'],
      ['com.hashicorp.cdktf.providers.aws', 'io.cdktn.providers.aws', OPTIONAL],
      ['com.hashicorp.cdktf.', 'io.cdktn.cdktn.'],
      [/io([./])github([./])cdktf_ecr_pull_through_cache/g, 'io$1github$2cdktn_ecr_pull_through_cache'],
      [new RegExp(`<groupId>com\\.hashicorp</groupId>(\\s*)<artifactId>cdktf</artifactId>(\\s*)<version>${V.cdktf.replace(/\./g, '\\.')}</version>`, 'g'),
        `<groupId>io.cdktn</groupId>$1<artifactId>cdktn</artifactId>$2<version>${V.cdktn}</version>`],
      ['<artifactId>cdktf-ecr-pull-through-cache</artifactId>', '<artifactId>cdktn-ecr-pull-through-cache</artifactId>'],
      [new RegExp(`(<artifactId>constructs</artifactId>\\s*<version>)${V.constructsTf.replace(/\./g, '\\.')}<`, 'g'), `$1${V.constructsTn}<`],
      [`"${awsTf}"`, `"${awsTn}"`],
      ['Map.of("source", "aws"', 'Map.of("source", "hashicorp/aws"'],
      [`@cdktf/provider-aws ${V.providerTf.version}`, `@cdktn/provider-aws ${V.providerTn.version}`, OPTIONAL],
    ],
  },
};
/**
 * The tools the programs' tests call: JavaScript, the core's module name swapped as in the flavor; ts-program.js also
 * rewrites the import of the library by its package name, which is the cdktn one in the programs it runs.
 */
const TOOLS = ['tools/compare-synth.js', 'tools/constants.js', 'tools/ts-error.js', 'tools/ts-reference.js', 'tools/ts-program.js'];
const LIBRARY_NAME = [/'cdktf-ecr-pull-through-cache'/g, "'cdktn-ecr-pull-through-cache'"];

function apply(text, rule, counts, i) {
  const [from, to] = rule;
  const re = typeof from === 'string' ? new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g') : from;
  counts[i] += (text.match(re) || []).length;
  return text.replace(re, to);
}

/** { path relative to the output: content } of every generated file. */
function generate() {
  const out = new Map();
  for (const [language, { files, rules, append = {} }] of Object.entries(LANGUAGES)) {
    const counts = rules.map(() => 0);
    for (const file of files) {
      let text = fs.readFileSync(path.join(SRC, file), 'utf8');
      rules.forEach((rule, i) => { text = apply(text, rule, counts, i); });
      if (append[file]) text += append[file];
      out.set(file.replace(/cdktf_ecr_pull_through_cache/g, 'cdktn_ecr_pull_through_cache'), text);
    }
    rules.forEach((rule, i) => {
      if (counts[i] === 0 && !(rule[2] && rule[2].optional)) {
        throw new Error(`test/bindings/cdktn/generate.js: the ${language} rule ${String(rule[0])} no longer matches test/bindings/${language}`);
      }
    });
  }
  for (const file of TOOLS) {
    const text = swapModules(file, fs.readFileSync(path.join(SRC, file), 'utf8'), FLAVOR.modules);
    out.set(file, file === 'tools/ts-program.js' ? text.replace(...LIBRARY_NAME) : text);
  }
  return out;
}

module.exports = { generate, LANGUAGES, TOOLS };

if (require.main === module) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--out');
  const dest = i >= 0 ? path.resolve(args[i + 1]) : path.join(ROOT, '.gen', FLAVOR.core, 'test', 'bindings');
  const files = generate();
  for (const [rel, text] of files) {
    const file = path.join(dest, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text);
  }
  console.log(`[bindings:cdktn] ${files.size} files in ${path.relative(process.cwd(), dest) || '.'}`);
}
