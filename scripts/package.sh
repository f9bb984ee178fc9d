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
# The whole step is skipped when dist/ was built after the current .jsii, or from an identical .jsii
# (a rebuild by `npm test` rewrites the file with the same content); FORCE=1 rebuilds.
# TARGETS="python java" limits pacmak to some targets (default: all of js python go java).
# MAVEN_REPO_LOCAL=<dir> makes the Java build use that Maven repository instead of ~/.m2.
#
# The packages depend on cdktf and constructs only (plus each language's jsii runtime).
# Java: the build resolves com.hashicorp:cdktf [0.21.0,0.22.0), which Maven Central lacks (it ends at
# 0.19.2; docs/BINDINGS.md). test/bindings/peers/build-peers.sh installs a local build of it into
# MAVEN_REPO_LOCAL; without it the Java target fails here.
# Go: pacmak's compile check (`go mod tidy` + `go build` on the generated module) takes cdktf v0.21.0,
# constructs and the jsii runtime from the Go module proxy, as a user's build does.
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

# 2. Skip when dist/ comes from this assembly and already has every requested target.
# The stamp holds the targets built (line 1) and the sha256 of the .jsii they were built from (line 2).
jsii_hash="$(sha256sum .jsii | cut -d' ' -f1)"
current_stamp() {
  [ -f "$stamp" ] || return 1
  [ "$stamp" -nt .jsii ] || [ "$(sed -n 2p "$stamp")" = "$jsii_hash" ]
}
if [ "$FORCE" != 1 ] && current_stamp; then
  built="$(sed -n 1p "$stamp")"
  missing=0
  for t in $TARGETS; do
    case " $built " in *" $t "*) ;; *) missing=1 ;; esac
  done
  if [ "$missing" = 0 ]; then
    log "dist/ was built from this .jsii (targets: $built); skipping (FORCE=1 rebuilds)"
    exit 0
  fi
fi

# 3. Translate the examples of README.md and the doc comments.
log "jsii-rosetta extract"
bash scripts/rosetta.sh .jsii

# 4. Package. Go runs on its own so that a Go failure does not hide the other targets' results.
# Targets built earlier from the same assembly stay; the requested ones are rebuilt from scratch.
previous=""
if [ "$FORCE" != 1 ] && current_stamp; then previous="$(sed -n 1p "$stamp")"; else rm -rf dist; fi
rm -f "$stamp"
mkdir -p dist
for t in $TARGETS; do rm -rf "dist/$t"; done
other=()
want_go=0
for t in $TARGETS; do
  if [ "$t" = go ]; then want_go=1; else other+=("$t"); fi
done

status=0
done_targets=()
if [ "${#other[@]}" -gt 0 ]; then
  maven_flags=()
  if [ -n "${MAVEN_REPO_LOCAL:-}" ]; then maven_flags=(--maven-local-repository "$MAVEN_REPO_LOCAL"); fi
  log "jsii-pacmak -t ${other[*]}"
  if npx --no-install jsii-pacmak --no-npmignore --rosetta-tablet .jsii.tabl.json "${maven_flags[@]}" -t "${other[@]}"; then
    done_targets+=("${other[@]}")
  else
    status=1
  fi
fi

if [ "$want_go" = 1 ]; then
  log "jsii-pacmak -t go"
  if npx --no-install jsii-pacmak --no-npmignore --rosetta-tablet .jsii.tabl.json -t go; then
    done_targets+=(go)
  else
    status=1
    log "Go: the generated module did not pass pacmak's compile check (see above); sources are in dist/go"
  fi
fi

# The npm tarball ships the package README (README.md without its repository-only blocks), as the other languages do
# through the assembly.
if [ -d dist/js ]; then
  for tgz in dist/js/*.tgz; do node scripts/package-readme.js --tarball "$tgz"; done
fi

kept=""
for t in $previous; do
  case " $TARGETS " in *" $t "*) ;; *) kept="$kept $t" ;; esac
done
all="$(echo $kept "${done_targets[@]}")"
if [ -n "$all" ]; then
  printf '%s\n%s\n' "$all" "$jsii_hash" > "$stamp"
fi
log "done (targets built: ${done_targets[*]:-none}, status $status)"
find dist -maxdepth 6 -type f \( -name "*.tgz" -o -name "*.whl" -o -name "*.tar.gz" -o -name "*.jar" -o -name go.mod \) | sort
exit $status
