#!/usr/bin/env bash
# Builds the publishable artifacts of the CDK Terrain flavor, as scripts/package.sh does for cdktf:
#   dist/cdktn/js      npm tarball of cdktn-ecr-pull-through-cache
#   dist/cdktn/python  wheel + sdist (dist cdktn-ecr-pull-through-cache, module cdktn_ecr_pull_through_cache)
#   dist/cdktn/go      Go module github.com/cdktf-ecr-pull-through-cache/cdktn-ecr-pull-through-cache-go
#   dist/cdktn/java    Maven repository layout (io.github.cdktf-ecr-pull-through-cache:cdktn-ecr-pull-through-cache)
#
# Steps: build .gen/cdktn (scripts/build-cdktn.sh); API.md of the cdktn assembly (jsii-docgen); `jsii-rosetta
# extract` of README and doc examples against cdktn; jsii-pacmak (full build) in .gen/cdktn, whose dist/ links to
# dist/cdktn. The Go and Java builds need the cdktn core for their language, which the Go module proxy and Maven
# Central do not serve: test/bindings/cdktn/peers.sh builds both from cdktn's jsii assembly (Go: offered to pacmak
# through the lookup it does for local builds of dependencies; Java: installed into $MAVEN_REPO_LOCAL).
#
# Skipped when dist/cdktn was built from the same .jsii with every requested target; FORCE=1 rebuilds.
# TARGETS="python java" limits the targets (default: js python go java).
# MAVEN_REPO_LOCAL=<dir>: the Maven repository for the Java build and its cdktn peer (default
# test/bindings/cdktn/.m2).
set -euo pipefail
cd "$(dirname "$0")/.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 CHECKPOINT_DISABLE=1
root="$PWD"
FORCE="${FORCE:-0}"
TARGETS="${TARGETS:-js python go java}"
export MAVEN_REPO_LOCAL="${MAVEN_REPO_LOCAL:-$root/test/bindings/cdktn/.m2}"
stamp="$root/dist/cdktn/.package-stamp"
log() { echo "[package:cdktn] $*"; }

bash scripts/build-cdktn.sh
cd .gen/cdktn

jsii_hash="$(sha256sum .jsii | cut -d' ' -f1)"
if [ "$FORCE" != 1 ] && [ -f "$stamp" ] && [ "$(sed -n 2p "$stamp")" = "$jsii_hash" ]; then
  missing=0
  for t in $TARGETS; do case " $(sed -n 1p "$stamp") " in *" $t "*) ;; *) missing=1 ;; esac; done
  if [ "$missing" = 0 ]; then
    log "dist/cdktn was built from this .jsii (targets: $(sed -n 1p "$stamp")); skipping (FORCE=1 rebuilds)"
    exit 0
  fi
fi
previous=""
if [ -f "$stamp" ] && [ "$(sed -n 2p "$stamp")" = "$jsii_hash" ]; then previous="$(sed -n 1p "$stamp")"; else rm -rf "$root/dist/cdktn"/*; fi
rm -f "$stamp"

# API reference of this assembly (its examples import cdktn-ecr-pull-through-cache); part of the npm package.
log "jsii-docgen"
"$root/node_modules/.bin/jsii-docgen" -l typescript -o API > /dev/null

# README and doc examples, compiled against cdktn in a directory that resolves this package, its peers and the
# provider package that README examples use.
log "jsii-rosetta extract"
# Outside the repository: jsii-docgen searches the tree for assemblies and would follow the links back into it.
rosetta="$(mktemp -d)"
mkdir -p "$rosetta/node_modules/@cdktn"
ln -s "$PWD" "$rosetta/node_modules/$(node -p 'require("./package.json").name')"
for p in cdktn constructs @cdktn/provider-aws; do ln -s "$PWD/node_modules/$p" "$rosetta/node_modules/$p"; done
"$root/node_modules/.bin/jsii-rosetta" extract --directory "$rosetta" .jsii
rm -rf "$rosetta"

peers=()
case " $TARGETS " in *" go "*) peers+=(go) ;; esac
case " $TARGETS " in *" java "*) peers+=(java) ;; esac
if [ "${#peers[@]}" -gt 0 ]; then bash "$root/test/bindings/cdktn/peers.sh" "${peers[@]}"; fi

status=0
built=()
for t in $TARGETS; do rm -rf "dist/$t"; done
other=()
for t in $TARGETS; do [ "$t" = go ] || other+=("$t"); done
if [ "${#other[@]}" -gt 0 ]; then
  log "jsii-pacmak -t ${other[*]}"
  if "$root/node_modules/.bin/jsii-pacmak" --no-npmignore --rosetta-tablet .jsii.tabl.json \
    --maven-local-repository "$MAVEN_REPO_LOCAL" -t "${other[@]}"; then
    built+=("${other[@]}")
  else
    status=1
  fi
fi

case " $TARGETS " in *" go "*)
  # pacmak looks for a local build of a dependency at <its package dir>/<its jsii outdir>/go/<its package>.
  link="$PWD/node_modules/cdktn/$(node -p 'require("cdktn/package.json").jsii.outdir')/go/cdktn"
  made_link=0
  if [ ! -e "$link" ]; then
    mkdir -p "$(dirname "$link")" && ln -s "$root/.gen/peers-cdktn/go/cdktn" "$link" && made_link=1
  fi
  log "jsii-pacmak -t go (cdktn from .gen/peers-cdktn/go/cdktn)"
  if "$root/node_modules/.bin/jsii-pacmak" --no-npmignore --rosetta-tablet .jsii.tabl.json -t go; then
    built+=(go)
  else
    status=1
  fi
  if [ "$made_link" = 1 ]; then rm -f "$link"; rmdir -p "$(dirname "$link")" 2>/dev/null || true; fi
esac

kept=""
for t in $previous; do case " $TARGETS " in *" $t "*) ;; *) kept="$kept $t" ;; esac; done
all="$(echo $kept "${built[@]}")"
[ -n "$all" ] && printf '%s\n%s\n' "$all" "$jsii_hash" > "$stamp"
log "done (targets built: ${built[*]:-none}, status $status)"
find "$root/dist/cdktn" -maxdepth 6 -type f \( -name "*.tgz" -o -name "*.whl" -o -name "*.tar.gz" -o -name "*.jar" -o -name go.mod \) | sed "s#^$root/##" | sort
exit $status
