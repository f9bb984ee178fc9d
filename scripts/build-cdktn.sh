#!/usr/bin/env bash
# Builds the CDK Terrain flavor (npm `cdktn-ecr-pull-through-cache`) in .gen/cdktn: what `npm run build` is for
# the cdktf flavor at the root.
#   1. flavors/cdktn/node_modules: `npm ci` from the committed manifest and lockfile (cdktn, constructs 10.6,
#      @cdktn/provider-aws, the CLI's bundled dependencies), when missing or older than the lockfile.
#   2. .gen/cdktn: generated from the sources by scripts/flavor.js (unchanged files keep their mtime).
#   3. jsii (the library and .jsii), tsc -p tsconfig.cli.json (the ecr-ptc bin) and scripts/bundle-lib.js
#      (lib/index.js as one file), when a source is newer than the last build; then the example app
#      (tsc -p tsconfig.examples.json into .gen/cdktn/.gen/examples).
#
#   bash scripts/build-cdktn.sh        (npm run build:cdktn)
#   FORCE=1 bash scripts/build-cdktn.sh   rebuild even when up to date
set -euo pipefail
cd "$(dirname "$0")/.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 CHECKPOINT_DISABLE=1
root="$PWD"
tooling=flavors/cdktn
out=.gen/cdktn
log() { echo "[build:cdktn] $*"; }

# 1. The flavor's own dependency tree. @cdktn/provider-aws asks for Node >= 22.11 and installs on Node 20 with an
# EBADENGINE warning; the library never loads it at run time (tests and examples do, on Node 20, 22 and 24).
if [ ! -f "$tooling/node_modules/.package-lock.json" ] || [ "$tooling/package-lock.json" -nt "$tooling/node_modules/.package-lock.json" ]; then
  log "npm ci --prefix $tooling"
  npm ci --prefix "$tooling" --no-audit --no-fund --loglevel=error
fi

# 2. Generate.
node scripts/flavor.js

# 3. Build when a generated input is newer than the last build.
stale() { # stale TARGET PATH...: TARGET missing, or a file under PATH newer than it
  [ ! -e "$1" ] && return 0
  local target="$1"; shift
  [ -n "$(find -L "$@" -newer "$target" -type f -print -quit 2>/dev/null)" ]
}
cd "$out"
if [ "${FORCE:-0}" = 1 ] || stale .jsii src package.json tsconfig.json README.md; then
  log "jsii"
  "$root/node_modules/.bin/jsii" --silence-warnings=reserved-word
  node "$root/scripts/package-readme.js" --assembly .jsii
  log "tsc -p tsconfig.cli.json"
  "$root/node_modules/.bin/tsc" -p tsconfig.cli.json
  node "$root/scripts/bundle-lib.js" .
fi
if [ "${FORCE:-0}" = 1 ] || stale .gen/examples/main.js examples src; then
  log "tsc -p tsconfig.examples.json"
  "$root/node_modules/.bin/tsc" -p tsconfig.examples.json
fi
log "ready: $out ($(node -p 'require("./package.json").name') on cdktn $(node -p 'require("cdktn/package.json").version'))"
