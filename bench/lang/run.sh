#!/usr/bin/env bash
# The reference stack synthesized from Python, Go and Java (the standalone programs under test/bindings/, built
# against the packaged artifacts in dist/) against TypeScript (bench/synth/example.js), as whole processes A B A B.
# Each language first proves that it synthesizes the same document as TypeScript (test/bindings/tools/compare-synth.js);
# a language whose toolchain or build is missing is recorded as skipped with the reason, not timed.
#
#   bash bench/lang/run.sh RESULTS_DIR [RUNS] [WARMUP]       (BENCH_LANG_RUNS overrides RUNS; default 3: ~30 s a run)
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
RESULTS=${1:?results directory}
RUNS=${BENCH_LANG_RUNS:-3}
WARMUP=${3:-1}
[ "$WARMUP" -gt 1 ] && WARMUP=1
WORK="$ROOT/.tmp/bench-lang"
mkdir -p "$WORK"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 CHECKPOINT_DISABLE=1
STATUS="$RESULTS/lang-status.json"
declare -A NOTES

TS_JSON="$WORK/ts/stacks/ecr-pull-through-cache-example/cdk.tf.json"
rm -rf "$WORK/ts" && BENCH_SYNTH_OUT="$WORK/ts" node bench/synth/example.js

# same LANG OUTDIR: the language's document equals TypeScript's.
same() {
  node test/bindings/tools/compare-synth.js "$TS_JSON" "$2/stacks/ecr-pull-through-cache-example/cdk.tf.json" "$1"
}

bench_lang() { # bench_lang LANG 'command with OUTDIR'
  local lang=$1 cmd=$2 out="$WORK/$1-out"
  rm -rf "$out"
  if ! eval "${cmd//OUTDIR/$out}" > "$WORK/$lang.log" 2>&1; then
    NOTES[$lang]="not measured: the program failed (see .tmp/bench-lang/$lang.log): $(grep -v '^\s*$' "$WORK/$lang.log" | tail -1 | cut -c1-200)"
    return
  fi
  if ! same "$lang" "$out" > "$WORK/$lang-compare.log" 2>&1; then
    NOTES[$lang]="not measured: its document differs from TypeScript's ($(tail -1 "$WORK/$lang-compare.log" | cut -c1-200))"
    return
  fi
  python3 bench/harness.py compare --warmup "$WARMUP" --runs "$RUNS" --name "lang-$lang" --json "$RESULTS/lang-$lang.json" \
    --a-label "$lang" --a "${cmd//OUTDIR/$out}" \
    --b-label 'TypeScript' --b 'node bench/synth/example.js'
  NOTES[$lang]="measured; its cdk.tf.json is the same as TypeScript's (compare-synth.js)"
}

# Python: the venv test/bindings/run.sh makes, with the wheel from dist/python installed.
PY="$ROOT/test/bindings/python/.venv/bin/python"
if [ -x "$PY" ] && "$PY" -c 'import cdktf_ecr_pull_through_cache' 2>/dev/null; then
  bench_lang python "$PY $ROOT/test/bindings/python/app.py OUTDIR"
  # The library's share of the Python figure: the same program against cdktf + AwsProvider alone (an empty stack).
  if [ -f "$RESULTS/lang-python.json" ] && [ "${BENCH_LANG_FLOOR:-1}" = 1 ]; then
    python3 bench/harness.py compare --warmup 0 --runs "$RUNS" --name lang-python-floor --json "$RESULTS/lang-python-floor.json" \
      --a-label 'Python, reference stack' --a "$PY $ROOT/test/bindings/python/app.py $WORK/python-out" \
      --b-label 'Python, cdktf + AwsProvider only' --b "$PY $ROOT/bench/lang/python-floor.py $WORK/python-floor-out"
  fi
else
  NOTES[python]="pending: no test/bindings/python/.venv with the package installed (run test/bindings/run.sh first)"
fi

# Go: the reference program built once into a binary (the build is not timed).
if command -v go >/dev/null && [ -f test/bindings/go/reference_stack.go ]; then
  if (cd test/bindings/go && go build -o "$WORK/go-reference" .) > "$WORK/go-build.log" 2>&1; then
    bench_lang go "$WORK/go-reference OUTDIR"
  else
    NOTES[go]="blocked: the Go program does not build here ($(tail -1 "$WORK/go-build.log" | cut -c1-200)); the module proxy does not serve the prebuilt AWS provider module for v21"
  fi
else
  NOTES[go]="pending: no Go toolchain or no test/bindings/go program"
fi

# Java: the reference program as Maven compiled it (target/classes), run with java directly on its resolved class path,
# so that Maven's own start-up is not timed. The class path is the one the bindings' last Maven test run resolved
# (surefire's report), without test classes and JUnit; failing that, maven-dependency-plugin offline.
JAVA_DIR=test/bindings/java
JAVA_MAIN=io.github.cdktf_ecr_pull_through_cache.bindingstest.Main
java_classpath() {
  local report
  report=$(ls "$JAVA_DIR"/target/surefire-reports/TEST-*.xml 2>/dev/null | head -1)
  if [ -n "$report" ]; then
    python3 - "$report" <<'PY'
import re, sys
text = open(sys.argv[1], encoding='utf-8').read()
m = re.search(r'name="surefire.test.class.path" value="([^"]*)"', text)
if not m:
    sys.exit(1)
keep = [e for e in m.group(1).split(':') if e and not e.endswith('/test-classes')
        and not re.search(r'/(org/junit|org/opentest4j|org/apiguardian)/', e)]
print(':'.join(keep))
PY
    return
  fi
  mvn -q -o -f "$JAVA_DIR/pom.xml" dependency:build-classpath -Dmdep.outputFile="$WORK/java.classpath" >/dev/null 2>&1 &&
    echo "$ROOT/$JAVA_DIR/target/classes:$(cat "$WORK/java.classpath")"
}
if command -v java >/dev/null && [ -f "$JAVA_DIR/target/classes/${JAVA_MAIN//.//}.class" ]; then
  if CP=$(java_classpath) && [ -n "$CP" ]; then
    bench_lang java "java -cp $CP $JAVA_MAIN OUTDIR"
  else
    NOTES[java]="pending: no resolved class path for the Java program (run the Java bindings tests first)"
  fi
else
  NOTES[java]="pending: no java or no compiled test/bindings/java program (target/classes)"
fi

{
  printf '{"name": "lang-status", "kind": "status", "notes": {'
  sep=''
  for lang in python go java; do
    printf '%s"%s": %s' "$sep" "$lang" "$(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "${NOTES[$lang]:-not run}")"
    sep=', '
  done
  printf '}}\n'
} > "$STATUS"
for lang in python go java; do echo "bench: $lang: ${NOTES[$lang]:-not run}"; done
