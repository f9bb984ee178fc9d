#!/usr/bin/env bash
# Builds the publishable artifacts of every jsii target:
#   dist/js      npm tarball
#   dist/python  wheel + sdist
#   dist/go      Go module source (github.com/cdktf-ecr-pull-through-cache/cdktf-ecr-pull-through-cache-go)
#   dist/java    Maven repository layout with the jar, sources and javadoc
#
# Steps: build (jsii + CLI) when the assembly is missing or older than the sources,
# `jsii-rosetta extract` so README and doc examples are translated into each language,
# then `jsii-pacmak` (full build, not --code-only).
#
# The whole step is skipped when dist/ was built after the current .jsii; FORCE=1 rebuilds.
# TARGETS="python java" limits pacmak to some targets (default: all of js python go java).
#
# Go: pacmak's Go build runs `go mod tidy` + `go build` on the generated module, which needs the
# prebuilt AWS provider module github.com/cdktf/cdktf-provider-aws-go/aws/v21. The Go module proxy
# refuses every v21 version of it (see docs/BINDINGS.md). When GO_PROVIDER_DIR points to a local
# copy of that module (test/bindings/go/provider.sh generates one from the npm package), it is
# offered to pacmak through the lookup pacmak does for local builds of dependencies. Without it,
# the Go target is generated and the failure of its compile check is reported, not hidden.
set -euo pipefail
cd "$(dirname "$0")/.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 CHECKPOINT_DISABLE=1

FORCE="${FORCE:-0}"
TARGETS="${TARGETS:-js python go java}"
stamp=dist/.package-stamp

log() { echo "[package] $*"; }

# 1. Build when needed.
needs_build=0
if [ ! -f .jsii ] || [ ! -f lib/index.js ]; then
  needs_build=1
elif [ -n "$(find src README.md package.json -newer .jsii -print -quit 2>/dev/null)" ]; then
  needs_build=1
fi
if [ "$needs_build" = 1 ]; then
  log "building (npm run build:all)"
  npm run --silent build:all
fi

# 2. Skip when dist/ is newer than the assembly and already has every requested target.
if [ "$FORCE" != 1 ] && [ -f "$stamp" ] && [ "$stamp" -nt .jsii ]; then
  built="$(cat "$stamp")"
  missing=0
  for t in $TARGETS; do
    case " $built " in *" $t "*) ;; *) missing=1 ;; esac
  done
  if [ "$missing" = 0 ]; then
    log "dist/ is newer than .jsii (targets: $built); skipping (FORCE=1 rebuilds)"
    exit 0
  fi
fi

# 3. Translate the examples of README.md and the doc comments.
log "jsii-rosetta extract"
npx --no-install jsii-rosetta extract --compress-cache=false .jsii

# 4. Package. Go runs on its own so that a Go failure does not hide the other targets' results.
rm -rf dist "$stamp"
mkdir -p dist
other=()
want_go=0
for t in $TARGETS; do
  if [ "$t" = go ]; then want_go=1; else other+=("$t"); fi
done

status=0
done_targets=()
if [ "${#other[@]}" -gt 0 ]; then
  log "jsii-pacmak -t ${other[*]}"
  if npx --no-install jsii-pacmak --rosetta-tablet .jsii.tabl.json -t "${other[@]}"; then
    done_targets+=("${other[@]}")
  else
    status=1
  fi
fi

if [ "$want_go" = 1 ]; then
  # pacmak finds a local build of a dependency at <dependency package dir>/<its jsii outdir>/go/<package>.
  provider_link=""
  if [ -n "${GO_PROVIDER_DIR:-}" ] && [ -f "${GO_PROVIDER_DIR}/go.mod" ]; then
    provider_pkg="$(node -p 'require.resolve("@cdktf/provider-aws/package.json").replace(/package\.json$/, "")')"
    provider_out="$(node -p 'require("@cdktf/provider-aws/package.json").jsii.outdir')"
    provider_link="${provider_pkg}${provider_out}/go/aws"
    if [ ! -e "$provider_link" ]; then
      mkdir -p "$(dirname "$provider_link")"
      ln -s "$(cd "$GO_PROVIDER_DIR" && pwd)" "$provider_link"
    else
      provider_link=""   # already there (not ours): leave it alone
    fi
    log "Go: using the local AWS provider module at $GO_PROVIDER_DIR"
  fi
  log "jsii-pacmak -t go"
  if npx --no-install jsii-pacmak --rosetta-tablet .jsii.tabl.json -t go; then
    done_targets+=(go)
  else
    status=1
    log "Go: the generated module did not pass pacmak's compile check (see above); sources are in dist/go"
  fi
  if [ -n "$provider_link" ]; then
    rm -f "$provider_link"
    rmdir -p "$(dirname "$provider_link")" 2>/dev/null || true
  fi
fi

if [ "$status" = 0 ]; then
  echo "${done_targets[*]}" > "$stamp"
fi
log "done (targets built: ${done_targets[*]:-none}, status $status)"
ls -R dist | head -40
exit $status
