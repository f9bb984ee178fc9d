#!/usr/bin/env bash
# Runs the Python, Go and Java binding tests against the jsii-pacmak artifacts, plus the packaging,
# API.md and README-translation checks, and writes ".test-results/bindings.counts" as
# "<passed> <failed>", summed from the runners' own reports (pytest junit XML, `go test -json`,
# Surefire XML). A language whose setup fails counts as failed, never as zero tests.
#
#   bash test/bindings/run.sh            (scripts/test-all.sh calls it)
#   ONLY="python go" bash test/bindings/run.sh      run some languages only (checks always run)
#
# What comes from where: Python's cdktf (and the AWS provider for the Python programs) from PyPI; Go's
# cdktf, constructs and jsii runtime from the Go module proxy; Java's constructs and jsii runtime from
# Maven Central, and cdktf 0.21 (which Central lacks) built locally by peers/build-peers.sh. The
# Python venv, the Java peer and the Go modules are set up in the background while jsii-pacmak runs.
#
# Caches kept between local runs (all ignored by git): test/bindings/python/.venv,
# test/bindings/java/.m2, Go's module cache, .gen/peers. CI starts without them.
set -uo pipefail
cd "$(dirname "$0")/../.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 CHECKPOINT_DISABLE=1
root="$PWD"
results="$root/.test-results/bindings"
rm -rf "$results" && mkdir -p "$results"
work="$root/.tmp/bindings"
rm -rf "$work" && mkdir -p "$work"
export MAVEN_REPO_LOCAL="$root/test/bindings/java/.m2"
ONLY="${ONLY:-python go java}"
CDKTF_VERSION="$(node -p 'require("cdktf/package.json").version')"
PROVIDER_VERSION="$(node -p 'require("@cdktf/provider-aws/package.json").version')"
venv="$root/test/bindings/python/.venv"

passed=0
failed=0
summary=()
record() { # name passed failed [skipped]
  local skipped=""
  [ "${4:-0}" != 0 ] && skipped=", $4 skipped"
  passed=$((passed + $2)); failed=$((failed + $3))
  summary+=("$(printf '%-16s %3d passed, %d failed%s' "$1" "$2" "$3" "$skipped")")
  echo "[bindings] $1: $2 passed, $3 failed$skipped"
}
step() { echo "[bindings] --- $* ($(date +%T))"; }
wants() { case " $ONLY " in *" $1 "*) return 0 ;; esac; return 1; }

# Python packages from PyPI, installed while the rest builds.
python_setup() {
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv" || return 1
  "$venv/bin/pip" install -q --disable-pip-version-check \
    "cdktf==${CDKTF_VERSION}" "cdktf-cdktf-provider-aws==${PROVIDER_VERSION}" "pytest>=8,<9"
}
if wants python; then
  step "python: venv and PyPI packages (background)"
  python_setup > "$work/python-setup.log" 2>&1 &
  python_setup_pid=$!
fi

# 0. The jsii assembly; scripts/test-all.sh has normally built it already.
if [ ! -f .jsii ] || [ ! -f lib/index.js ] || [ -n "$(find src -newer .jsii -print -quit)" ]; then
  step "build"
  npm run --silent build:all > "$work/build.log" 2>&1 || tail -30 "$work/build.log"
fi

# 1. In the background: the Java peer that Maven Central lacks (cdktf 0.21), and the Go modules.
if wants java; then
  step "java: local com.hashicorp:cdktf (background)"
  bash test/bindings/peers/build-peers.sh > "$work/peers.log" 2>&1 &
  peers_pid=$!
fi
if wants go; then
  step "go: modules from the module proxy (background)"
  (cd test/bindings/go && go mod download github.com/hashicorp/terraform-cdk-go/cdktf \
    github.com/aws/constructs-go/constructs/v10 github.com/aws/jsii-runtime-go) > "$work/go-setup.log" 2>&1 &
  go_setup_pid=$!
fi

# 2. Build and package (skipped when dist/ was built from this .jsii); Java last, on the local cdktf.
step "package"
targets="js"
for l in python go; do wants "$l" && targets="$targets $l"; done
TARGETS="$targets" bash scripts/package.sh > "$work/package.log" 2>&1
package_rc=$?
peers_ok=1
if wants java; then
  if wait "$peers_pid"; then
    step "package java"
    TARGETS="java" bash scripts/package.sh >> "$work/package.log" 2>&1 || package_rc=1
  else
    peers_ok=0
    tail -30 "$work/peers.log"
  fi
fi
grep -hE '^\[(package|peers)\]' "$work/peers.log" "$work/package.log" 2>/dev/null
[ "$package_rc" = 0 ] || tail -40 "$work/package.log"
built=" $(sed -n 1p dist/.package-stamp 2>/dev/null) "

# 3. The TypeScript reference document.
step "typescript reference stack"
ts_ok=0
if npx --no-install tsc -p tsconfig.examples.json > "$work/ts.log" 2>&1 \
  && node test/bindings/tools/ts-reference.js "$work/ts" > "$work/ts.out" 2>> "$work/ts.log"; then
  export TS_REFERENCE_JSON="$(tail -1 "$work/ts.out")"
  ts_ok=1
else
  cat "$work/ts.log"
fi

# API.md is checked in the background while the language tests run; its result is recorded with
# the other checks at the end.
step "checks: API.md (background)"
# jsii-docgen walks **/.jsii from the repository root and follows symbolic links: rosetta's scratch
# compilation directories, which link back into the tree, live outside it (mktemp). Ones left inside
# by older checkouts would send that walk round a loop, so they are dropped.
rm -rf .gen/rosetta .gen/cdktn/.gen/rosetta
bash scripts/docgen.sh --check > "$work/docgen.log" 2>&1 &
docgen_pid=$!

# 4. Python: pytest over the wheel in a venv.
if wants python; then
  step "python"
  if wait "$python_setup_pid" && [[ "$built" == *" python "* ]] && [ "$ts_ok" = 1 ] \
    && "$venv/bin/pip" install -q --disable-pip-version-check --force-reinstall --no-deps dist/python/*.whl; then
    (cd test/bindings/python && "$venv/bin/python" -m pytest -p no:cacheprovider -q \
      --junitxml="$results/python.xml" .)
    counts="$(python3 - "$results/python.xml" <<'EOF'
import sys, xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except Exception:
    print("0 1"); sys.exit()
suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
t = sum(int(s.get("tests", 0)) for s in suites)
bad = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
skip = sum(int(s.get("skipped", 0)) for s in suites)
print(t - bad - skip, bad if t else max(bad, 1), skip)
EOF
)"
    record python $counts
  else
    tail -20 "$work/python-setup.log"
    record python 0 1
  fi
fi

# 5. Go: go test -json over the module in dist/go.
if wants go; then
  step "go"
  if wait "$go_setup_pid" && [[ "$built" == *" go "* ]] && [ "$ts_ok" = 1 ]; then
    (cd test/bindings/go && go test -json -count=1 ./... > "$results/go.json" 2> "$results/go.stderr")
    counts="$(python3 - "$results/go.json" <<'EOF'
import json, sys
passed = failed = skipped = pkg_failed = 0
for line in open(sys.argv[1]):
    try:
        e = json.loads(line)
    except ValueError:
        continue
    if e.get("Test") and "/" not in e["Test"]:
        if e.get("Action") == "pass": passed += 1
        elif e.get("Action") == "fail": failed += 1
        elif e.get("Action") == "skip": skipped += 1
    elif not e.get("Test") and e.get("Action") == "fail":
        pkg_failed += 1
# A package that failed without any failed test (build error, panic outside a test) is one failure.
print(passed, failed if failed or not pkg_failed else pkg_failed, skipped)
EOF
)"
    [ "$counts" = "0 0 0" ] && counts="0 1 0"
    grep -h '"Output"' "$results/go.json" | python3 -c 'import json,sys
for l in sys.stdin:
    o=json.loads(l).get("Output","")
    if o.startswith(("--- ","    ","FAIL","ok ")): sys.stdout.write(o)' | head -40
    head -20 "$results/go.stderr"
    record go $counts
  else
    tail -20 "$work/go-setup.log"
    record go 0 1
  fi
fi

# 6. Java: mvn test over the jar in dist/java.
if wants java; then
  step "java"
  rm -rf test/bindings/java/target/surefire-reports
  # Maven never fetches a release version again: drop the copy of our jar from an earlier run so
  # that this run resolves the one in dist/java.
  rm -rf "$MAVEN_REPO_LOCAL/io/github/cdktf-ecr-pull-through-cache"
  if [ "$peers_ok" = 1 ] && [[ "$built" == *" java "* ]] && [ "$ts_ok" = 1 ]; then
    (cd test/bindings/java && mvn -B -q -Dmaven.repo.local="$MAVEN_REPO_LOCAL" test > "$work/java.log" 2>&1) \
      || grep -vE 'Download(ing|ed) from' "$work/java.log" | tail -40
    counts="$(python3 - test/bindings/java/target/surefire-reports <<'EOF'
import glob, os, sys, xml.etree.ElementTree as ET
t = bad = skip = 0
for f in glob.glob(os.path.join(sys.argv[1], "TEST-*.xml")):
    s = ET.parse(f).getroot()
    t += int(s.get("tests", 0)); skip += int(s.get("skipped", 0))
    bad += int(s.get("failures", 0)) + int(s.get("errors", 0))
print(t - bad - skip, bad if t else 1, skip)
EOF
)"
    cp test/bindings/java/target/surefire-reports/TEST-*.xml "$results/" 2>/dev/null
    record java $counts
  else
    record java 0 1
  fi
fi

# 7. Checks: API.md up to date, README examples compile (jsii-rosetta --strict).
step "checks"
if wait "$docgen_pid"; then record api-md 1 0; else cat "$work/docgen.log"; record api-md 0 1; fi
if bash scripts/rosetta.sh --strict --cache-from .jsii.tabl.json --cache-to "$work/rosetta-cache.json" .jsii > "$work/rosetta.log" 2>&1; then
  record rosetta-strict 1 0
else
  grep -v '^\s*$' "$work/rosetta.log" | tail -30
  record rosetta-strict 0 1
fi

mkdir -p .test-results
echo "$passed $failed" > .test-results/bindings.counts
printf '%s\n' "${summary[@]}"
echo "bindings: ${passed} passed, ${failed} failed"
[ "$failed" = 0 ]
