/**
 * The library's warnings (`[ecr-ptc:...]`), on the terminal as well as in the manifest.
 *
 * The core records a warning in `manifest.json`; the cdktf and cdktn CLIs read them from there and print them. An
 * app run without a CLI (`node main.js`, `ts-node`, `python app.py`, `go run`, a Java main) prints nothing, so the
 * warnings would stay unseen. Both CLIs start the app with `CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS=true` (they
 * print error annotations themselves rather than have the core throw): without it, this module writes the stack's
 * warnings to standard error once when the stack is synthesized; with it, the CLI prints them and this module does
 * not, so nothing appears twice.
 */
import { Annotations, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

/** Set by `cdktf synth` and `cdktn synth` (and deploy, diff, ...) for the app they run. */
export const CLI_ENV = 'CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS';

/**
 * Where the core looks for a construct's own synthesis step (its `addCustomSynthesis`, which the core does not export):
 * both cores call it for every construct of a stack during `app.synth()`, not during `Testing.synth()`.
 */
const CUSTOM_SYNTHESIS = Symbol.for('cdktf/customSynthesis');

const recorded = new WeakMap<object, Map<string, string>>();

/** Adds a warning to `scope` (the manifest's annotations) and keeps it for the terminal. */
export function warn(scope: IConstruct, message: string): void {
  Annotations.of(scope).addWarning(message);
  const stack = TerraformStack.of(scope);
  let lines = recorded.get(stack);
  if (lines === undefined) {
    lines = new Map();
    recorded.set(stack, lines);
  }
  // A warning added again by a second validation pass is one line.
  const line = `WARN [${scope.node.path}]: ${message}`;
  lines.set(line, line);
}

/**
 * Makes the stack of `first` (the first construct of this library in it) print its warnings when it is synthesized:
 * after the validations (which add some warnings), before the core writes the manifest.
 */
export function printWarningsAtSynth(first: IConstruct): void {
  const stack = TerraformStack.of(first);
  if (CUSTOM_SYNTHESIS in first) return;
  Object.defineProperty(first, CUSTOM_SYNTHESIS, {
    value: {
      onSynthesize: () => {
        const lines = recorded.get(stack);
        if (lines === undefined || lines.size === 0 || process.env[CLI_ENV] === 'true') return;
        process.stderr.write(`${[...lines.values()].join('\n')}\n`);
      },
    },
    enumerable: false,
  });
}
