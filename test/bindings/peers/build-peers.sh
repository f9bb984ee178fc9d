#!/usr/bin/env bash
# Builds the one peer binding that its registry does not serve (docs/BINDINGS.md, "Java"):
# com.hashicorp:cdktf 0.21.x for Java. Maven Central has no com.hashicorp:cdktf after 0.19.2.
# jsii-pacmak generates it from the installed npm package (node_modules/cdktf, its own jsii
# assembly), and Maven installs it into $MAVEN_REPO_LOCAL (default test/bindings/java/.m2), which
# scripts/package.sh and the Java tests use. The jar embeds cdktf's published npm tarball, which
# is what the jsii runtime loads.
#
# Nothing else is built locally: the library needs only cdktf and constructs at run time, Go takes
# cdktf, constructs and the jsii runtime from the module proxy, Python from PyPI, and Java takes
# constructs and the jsii runtime from Maven Central.
#
#   bash test/bindings/peers/build-peers.sh            (skipped when the jar is already installed)
set -euo pipefail
cd "$(dirname "$0")/../../.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
root="$PWD"
out="$root/.gen/peers"
m2="${MAVEN_REPO_LOCAL:-$root/test/bindings/java/.m2}"
log() { echo "[peers] $*"; }

cdktf_version="$(node -p 'require("cdktf/package.json").version')"
jar="$m2/com/hashicorp/cdktf/${cdktf_version}/cdktf-${cdktf_version}.jar"
if [ -f "$jar" ]; then
  log "Java: com.hashicorp:cdktf:${cdktf_version} already in $m2"
  exit 0
fi
log "Java: generating com.hashicorp:cdktf:${cdktf_version} from node_modules/cdktf"
rm -rf "$out/cdktf-out"
npx --no-install jsii-pacmak --code-only --force -t java -o "$out/cdktf-out" node_modules/cdktf
log "Java: installing it into $m2"
(cd "$out/cdktf-out/java" && mvn -B -q -Dmaven.repo.local="$m2" -DskipTests -Dmaven.javadoc.skip=true \
  -Dmaven.source.skip=true -Dgpg.skip=true install)
log "done"
