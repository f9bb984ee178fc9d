#!/usr/bin/env bash
# The CDK Terrain flavor in Python, Go and Java: packages it (scripts/package-cdktn.sh, dist/cdktn/), generates the
# cdktn reference programs from the cdktf ones (test/bindings/cdktn/generate.js), runs them, and compares each
# cdk.tf.json with the TypeScript cdktn document. Writes ".test-results/cdktn-bindings.counts" as
# "<passed> <failed>", summed from the runners' own reports; a language whose setup fails counts as failed.
#
#   Python  a venv with cdktn and cdktn-provider-aws from PyPI (the versions the npm side uses) and the wheel of
#           dist/cdktn/python; pytest over the generated programs and test/bindings/cdktn/test_packaging.py.
#   Go      the module of dist/cdktn/go; cdktn's Go module built locally (test/bindings/cdktn/peers.sh); constructs
#           and the jsii runtime from the Go module proxy.
#   Java    the jar of dist/cdktn/java; io.cdktn:cdktn built locally into test/bindings/cdktn/.m2; constructs and
#           the jsii runtime from Maven Central.
#   Checks  the README and doc examples compile against cdktn (jsii-rosetta --strict).
#
#   bash test/bindings/cdktn/run.sh                       (scripts/test-all.sh calls it)
#   ONLY="python go" bash test/bindings/cdktn/run.sh      some languages only
# Caches kept between local runs (ignored by git): test/bindings/cdktn/.venv, test/bindings/cdktn/.m2,
# .gen/peers-cdktn, Go's module cache.
set -uo pipefail
cd "$(dirname "$0")/../../.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 CHECKPOINT_DISABLE=1
root="$PWD"
here=test/bindings/cdktn
results="$root/.test-results/cdktn-bindings"
work="$root/.tmp/bindings-cdktn"
rm -rf "$results" "$work" && mkdir -p "$results" "$work"
echo "0 1" > .test-results/cdktn-bindings.counts
export MAVEN_REPO_LOCAL="$root/$here/.m2"
ONLY="${ONLY:-python go java}"
venv="$root/$here/.venv"
gen="$root/.gen/cdktn/test/bindings"

passed=0; failed=0; summary=()
record() { # name passed failed
  passed=$((passed + $2)); failed=$((failed + $3))
  summary+=("$(printf '%-22s %3d passed, %d failed' "$1" "$2" "$3")")
  echo "[bindings:cdktn] $1: $2 passed, $3 failed"
}
step() { echo "[bindings:cdktn] --- $* ($(date +%T))"; }
wants() { case " $ONLY " in *" $1 "*) return 0 ;; esac; return 1; }

# 0. The cdktn flavor's tree (its versions are what the Python venv pins).
step "build"
bash scripts/build-cdktn.sh > "$work/build.log" 2>&1 || { tail -30 "$work/build.log"; exit 1; }
cdktn_version="$(node -p 'require("./flavors/cdktn/node_modules/cdktn/package.json").version')"
provider_version="$(node -p 'require("./flavors/cdktn/node_modules/@cdktn/provider-aws/package.json").version')"

# Python packages from PyPI, installed while the rest builds.
python_setup() {
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv" || return 1
  "$venv/bin/pip" install -q --disable-pip-version-check \
    "cdktn==${cdktn_version}" "cdktn-provider-aws==${provider_version}" "pytest>=8,<9" "packaging>=24"
}
if wants python; then
  step "python: venv and PyPI packages (background)"
  python_setup > "$work/python-setup.log" 2>&1 &
  python_setup_pid=$!
fi

# 1. Package (the Go and Java peers are built by the package script when missing).
step "package"
targets="js"
for l in python go java; do wants "$l" && targets="$targets $l"; done
TARGETS="$targets" bash scripts/package-cdktn.sh > "$work/package.log" 2>&1
package_rc=$?
grep -E '^\[(package:cdktn|peers:cdktn)\]' "$work/package.log"
[ "$package_rc" = 0 ] || grep -vE 'Download(ing|ed) from' "$work/package.log" | tail -40
built=" $(sed -n 1p dist/cdktn/.package-stamp 2>/dev/null) "

# 2. The cdktn programs (from the cdktf ones) and the TypeScript cdktn reference document.
step "generate programs, TypeScript reference"
ts_ok=0
if node "$here/generate.js" > "$work/generate.log" 2>&1 \
  && node "$gen/tools/ts-reference.js" "$work/ts" > "$work/ts.out" 2> "$work/ts.log"; then
  export TS_REFERENCE_JSON="$(tail -1 "$work/ts.out")"
  ts_ok=1
else
  cat "$work/generate.log" "$work/ts.log"
fi

# 3. Python.
if wants python; then
  step "python"
  if wait "$python_setup_pid" && [[ "$built" == *" python "* ]] && [ "$ts_ok" = 1 ] \
    && "$venv/bin/pip" install -q --disable-pip-version-check --force-reinstall --no-deps dist/cdktn/python/*.whl; then
    (cd "$gen/python" && "$venv/bin/python" -m pytest -p no:cacheprovider -q --junitxml="$results/python.xml" . \
      "$root/$here/test_packaging.py")
    record python $(python3 "$here/counts.py" junit "$results/python.xml")
  else
    tail -20 "$work/python-setup.log"
    record python 0 1
  fi
fi

# 4. Go.
if wants go; then
  step "go"
  if [[ "$built" == *" go "* ]] && [ "$ts_ok" = 1 ] \
    && (cd "$gen/go" && GOFLAGS=-mod=mod go mod tidy) > "$work/go-tidy.log" 2>&1; then
    (cd "$gen/go" && go test -json -count=1 ./... > "$results/go.json" 2> "$results/go.stderr")
    grep -h '"Output"' "$results/go.json" | python3 -c 'import json,sys
for l in sys.stdin:
    o=json.loads(l).get("Output","")
    if o.startswith(("--- ","    ","FAIL","ok ")): sys.stdout.write(o)' | head -40
    head -20 "$results/go.stderr"
    record go $(python3 "$here/counts.py" go "$results/go.json")
  else
    cat "$work/go-tidy.log" 2>/dev/null | tail -20
    record go 0 1
  fi
fi

# 5. Java.
if wants java; then
  step "java"
  # Maven never fetches a release version again: drop our jar from an earlier run so that dist/cdktn/java is used.
  rm -rf "$MAVEN_REPO_LOCAL/io/github/cdktf-ecr-pull-through-cache"
  rm -rf "$gen/java/target/surefire-reports"
  if [[ "$built" == *" java "* ]] && [ "$ts_ok" = 1 ]; then
    (cd "$gen/java" && mvn -B -q -Dmaven.repo.local="$MAVEN_REPO_LOCAL" test > "$work/java.log" 2>&1) \
      || grep -vE 'Download(ing|ed) from' "$work/java.log" | tail -40
    record java $(python3 "$here/counts.py" junit "$gen"/java/target/surefire-reports/TEST-*.xml)
    cp "$gen"/java/target/surefire-reports/TEST-*.xml "$results/" 2>/dev/null
  else
    record java 0 1
  fi
fi

# 6. README and doc examples compile against cdktn. The package step's extract compiled every snippet and recorded
# the result in the tablet; --strict over that cache fails when any did not compile.
step "checks"
# Its compilation directory lives outside the repository, like the package step's (scripts/package-cdktn.sh).
rosetta_dir="$(mktemp -d)"
mkdir -p "$rosetta_dir/node_modules/@cdktn"
ln -s "$root/.gen/cdktn" "$rosetta_dir/node_modules/cdktn-ecr-pull-through-cache"
for p in cdktn constructs @cdktn/provider-aws; do ln -s "$root/.gen/cdktn/node_modules/$p" "$rosetta_dir/node_modules/$p"; done
if (cd .gen/cdktn && "$root/node_modules/.bin/jsii-rosetta" extract --strict --directory "$rosetta_dir" \
  --cache .jsii.tabl.json .jsii) > "$work/rosetta.log" 2>&1; then
  record rosetta-strict 1 0
else
  grep -v '^\s*$' "$work/rosetta.log" | tail -30
  record rosetta-strict 0 1
fi

rm -rf "$rosetta_dir"
echo "$passed $failed" > .test-results/cdktn-bindings.counts
printf '%s\n' "${summary[@]}"
echo "bindings (cdktn): ${passed} passed, ${failed} failed"
[ "$failed" = 0 ]
