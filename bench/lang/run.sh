#!/usr/bin/env bash
# The reference stack and the library's import from Python and Go, without any prebuilt provider package, against
# TypeScript, as whole processes in turn (bench/harness.py).
#
#   bash bench/lang/run.sh RESULTS_DIR [RUNS] [WARMUP]
#
# Python: a virtual environment of its own (.tmp/bench-lang/venv: cdktf from PyPI at the version of node_modules/cdktf,
# and this library's wheel: dist/python's when it was built from the current .jsii, else one built here with
# jsii-pacmak into .tmp/bench-lang/dist). The reference program is the bindings' test/bindings/python/app.py, run by
# bench/lang/python-no-provider.py so that its AwsProvider is written as stack overrides and no provider package is
# imported. One series, in turn: the bare interpreter, `import cdktf`, `import cdktf` + this library, the jsii floor
# (bench/lang/python-floor.py with as many jsii calls as the reference program makes, counted with JSII_DEBUG), the
# reference program; and the same steps in Node.js (empty program, require cdktf, require this library, the
# TypeScript reference stack).
#
# Go: test/bindings/go, once it no longer imports the prebuilt provider module, built against a Go module generated
# here from the current .jsii (a copy of its go.mod points there; nothing under test/bindings is written); else
# recorded as pending with the reason. Each language's cdk.tf.json must equal TypeScript's before it is timed.
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
RESULTS=${1:?results directory}
RUNS=${BENCH_LANG_RUNS:-${2:-7}}
WARMUP=${3:-1}
[ "$WARMUP" -gt 1 ] && WARMUP=1
WORK="$ROOT/.tmp/bench-lang"
mkdir -p "$WORK" "$RESULTS"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 CHECKPOINT_DISABLE=1
STATUS="$RESULTS/lang-status.json"
rm -f "$RESULTS"/lang-*.json  # a language not measured this time leaves no figures of an earlier run behind
STACK=ecr-pull-through-cache-example
declare -A NOTES
log() { echo "bench(lang): $*" >&2; }
jsii_hash=$(sha256sum .jsii | cut -d' ' -f1)

TS_JSON="$WORK/ts/stacks/$STACK/cdk.tf.json"
rm -rf "$WORK/ts" && BENCH_SYNTH_OUT="$WORK/ts" node bench/synth/example.js

# --- the language packages, built from the current .jsii when dist/ holds an older one -------------------------------
# fresh_dist TARGET: dist/TARGET when the package there carries this .jsii, else .tmp/bench-lang/dist/TARGET (built).
assembly_of_wheel() { # the sha256 of the .jsii inside a wheel's jsii tarball
  python3 - "$1" <<'PY'
import hashlib, io, sys, tarfile, zipfile
with zipfile.ZipFile(sys.argv[1]) as whl:
    name = next(n for n in whl.namelist() if n.endswith('.jsii.tgz'))
    with tarfile.open(fileobj=io.BytesIO(whl.read(name))) as tgz:
        print(hashlib.sha256(tgz.extractfile('package/.jsii').read()).hexdigest())
PY
}
pacmak() { # pacmak TARGET: generates (and for python builds) the TARGET package into .tmp/bench-lang/dist
  local stamp="$WORK/dist/.$1-stamp"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$jsii_hash" ]; then
    log "building the $1 package from the current .jsii (jsii-pacmak -t $1)"
    rm -rf "$WORK/dist/$1"
    npx --no-install jsii-pacmak --no-npmignore -t "$1" -o "$WORK/dist" > "$WORK/pacmak-$1.log" 2>&1 || return 1
    echo "$jsii_hash" > "$stamp"
  fi
}

# --- Python --------------------------------------------------------------------------------------------------------------
python_ready() {
  local wheel
  wheel=$(ls dist/python/*.whl 2>/dev/null | head -1)
  if [ -z "$wheel" ] || [ "$(assembly_of_wheel "$wheel" 2>/dev/null)" != "$jsii_hash" ]; then
    pacmak python || { NOTES[python]="not measured: jsii-pacmak -t python failed (.tmp/bench-lang/pacmak-python.log)"; return 1; }
    wheel=$(ls "$WORK"/dist/python/*.whl | head -1)
  fi
  local venv="$WORK/venv" cdktf_version
  cdktf_version=$(node -p "require('cdktf/package.json').version")
  if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv" && "$venv/bin/pip" install -q "cdktf==$cdktf_version" ||
      { NOTES[python]="not measured: could not install cdktf $cdktf_version into .tmp/bench-lang/venv"; return 1; }
  fi
  if [ "$(cat "$venv/.wheel-stamp" 2>/dev/null)" != "$jsii_hash" ]; then
    "$venv/bin/pip" install -q --no-deps --force-reinstall "$wheel" && echo "$jsii_hash" > "$venv/.wheel-stamp" ||
      { NOTES[python]="not measured: could not install $wheel"; return 1; }
  fi
  PY="$venv/bin/python"
}

if python_ready; then
  APP="$ROOT/test/bindings/python/app.py"
  PY_REF="$PY $ROOT/bench/lang/python-no-provider.py $APP $WORK/python-out"
  rm -rf "$WORK/python-out"
  if ! JSII_DEBUG=1 $PY_REF > /dev/null 2> "$WORK/python-jsii-debug.log"; then
    NOTES[python]="not measured: the program failed: $(grep -v '^\s*$' "$WORK/python-jsii-debug.log" | tail -1 | cut -c1-200)"
  elif ! node bench/synth/check-same.js docs "$TS_JSON" "$WORK/python-out/stacks/$STACK/cdk.tf.json" python > "$WORK/python-compare.log" 2>&1; then
    NOTES[python]="not measured: its document differs from TypeScript's ($(grep -m1 'differ' "$WORK/python-compare.log" | cut -c1-200))"
  else
    # Calls from Python into the jsii runtime (each a request the runtime logs as '> {...}'), loads not counted.
    CALLS=$(grep '^> {' "$WORK/python-jsii-debug.log" | grep '"api":"' | grep -vc '"api":"load"')
    echo "{\"name\": \"lang-python-calls\", \"kind\": \"count\", \"calls\": $CALLS}" > "$RESULTS/lang-python-calls.json"
    python3 bench/harness.py series --warmup "$WARMUP" --runs "$RUNS" --name lang-python --json "$RESULTS/lang-python.json" \
      --step py0 'Python: empty program' "$PY -c pass" \
      --step py1 'Python: import cdktf' "$PY -c 'import cdktf'" \
      --step py2 'Python: import cdktf + this library' "$PY -c 'import cdktf; import cdktf_ecr_pull_through_cache'" \
      --step pyfloor "Python: jsii floor (App, stack, $CALLS jsii calls, synth)" "$PY $ROOT/bench/lang/python-floor.py $WORK/floor-out $CALLS" \
      --step pyref 'Python: reference stack' "$PY_REF" \
      --step ts0 'TypeScript: empty program' 'node bench/load/node-baseline.js' \
      --step ts1 'TypeScript: require cdktf' 'node bench/load/cdktf-only.js' \
      --step ts2 'TypeScript: require cdktf + this library' 'node bench/load/library.js' \
      --step tsref 'TypeScript: reference stack' 'node bench/synth/example.js' \
      --chain-start ts0 \
      --ratio 'Python: what importing this library adds, over what importing cdktf adds' 'py2-py1/py1-py0' 0.5 \
      --ratio 'Python reference stack / TypeScript reference stack' 'pyref/tsref' - \
      --ratio 'Python gap to TypeScript: share of it in starting Python and loading cdktf through jsii' 'py1-ts1/pyref-tsref' - \
      --ratio 'Python gap to TypeScript: share of it in the jsii floor above the imports (App, stack, calls, empty synth)' 'pyfloor-py2/pyref-tsref' - \
      && NOTES[python]="measured: test/bindings/python/app.py without the provider package ($CALLS jsii calls); its cdk.tf.json is TypeScript's" \
      || NOTES[python]="not measured: the harness failed (see above)"
  fi
fi

# --- Go ------------------------------------------------------------------------------------------------------------------
GO_DIR=test/bindings/go
if ! command -v go > /dev/null || [ ! -f "$GO_DIR/reference_stack.go" ]; then
  NOTES[go]="pending: no Go toolchain or no test/bindings/go program"
elif grep -q 'cdktf-provider-aws-go' "$GO_DIR"/*.go "$GO_DIR/go.mod"; then
  NOTES[go]="pending: test/bindings/go still imports the prebuilt provider module (cdktf-provider-aws-go); it is being changed to configure the provider without it"
elif ! pacmak go; then
  NOTES[go]="not measured: jsii-pacmak -t go failed (.tmp/bench-lang/pacmak-go.log)"
else
  sed "s#=> ../../../dist/go/ecrpullthroughcache#=> $WORK/dist/go/ecrpullthroughcache#" "$GO_DIR/go.mod" > "$WORK/go-bench.mod"
  cp "$GO_DIR/go.sum" "$WORK/go-bench.sum"
  if ! (cd "$GO_DIR" && GOFLAGS=-mod=mod go build -modfile="$WORK/go-bench.mod" -o "$WORK/go-reference" .) > "$WORK/go-build.log" 2>&1; then
    NOTES[go]="pending: the Go program does not build against the current assembly ($(grep -v '^#' "$WORK/go-build.log" | head -1 | cut -c1-200))"
  else
    rm -rf "$WORK/go-out"
    if ! "$WORK/go-reference" "$WORK/go-out" > "$WORK/go.log" 2>&1; then
      NOTES[go]="not measured: the program failed ($(tail -1 "$WORK/go.log" | cut -c1-200))"
    elif ! node bench/synth/check-same.js docs "$TS_JSON" "$WORK/go-out/stacks/$STACK/cdk.tf.json" go > "$WORK/go-compare.log" 2>&1; then
      NOTES[go]="not measured: its document differs from TypeScript's ($(grep -m1 'differ' "$WORK/go-compare.log" | cut -c1-200))"
    else
      python3 bench/harness.py compare --warmup "$WARMUP" --runs "$RUNS" --name lang-go --json "$RESULTS/lang-go.json" \
        --a-label 'Go, reference stack' --a "$WORK/go-reference $WORK/go-out" \
        --b-label 'TypeScript, reference stack' --b 'node bench/synth/example.js' \
        && NOTES[go]="measured: test/bindings/go without the provider module; its cdk.tf.json is TypeScript's" \
        || NOTES[go]="not measured: the harness failed (see above)"
    fi
  fi
fi

{
  printf '{"name": "lang-status", "kind": "status", "notes": {'
  sep=''
  for lang in python go; do
    printf '%s"%s": %s' "$sep" "$lang" "$(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "${NOTES[$lang]:-not run}")"
    sep=', '
  done
  printf '}}\n'
} > "$STATUS"
for lang in python go; do log "$lang: ${NOTES[$lang]:-not run}"; done
