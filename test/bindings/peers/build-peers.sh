#!/usr/bin/env bash
# Builds local Go and Java bindings of the peer packages that their registries do not serve
# (docs/BINDINGS.md, "Peer bindings"):
#   - Go:   github.com/cdktf/cdktf-provider-aws-go/aws/v21 (the Go module proxy answers 403 for every
#           v21 version). Output: .gen/peers/provider-aws-out/go/aws, used through a replace in
#           test/bindings/go/go.mod and offered to jsii-pacmak by scripts/package.sh (GO_PROVIDER_DIR).
#   - Java: com.hashicorp:cdktf 0.21.x and com.hashicorp:cdktf-provider-aws 21.x (Maven Central has
#           no version after 0.19.2 and 18.0.3). Output: installed into the Maven repository
#           $MAVEN_REPO_LOCAL (default test/bindings/java/.m2), which scripts/package.sh and the
#           Java tests use.
# The provider bindings cover the types our API exposes plus AwsProvider (trim-provider.js); the
# code for those types is what jsii-pacmak generates for the full provider. At run time both load
# the published npm tarballs of cdktf and @cdktf/provider-aws, byte for byte.
#
#   bash test/bindings/peers/build-peers.sh [go] [java]      (default: both)
set -euo pipefail
cd "$(dirname "$0")/../../.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
root="$PWD"
out="$root/.gen/peers"
m2="${MAVEN_REPO_LOCAL:-$root/test/bindings/java/.m2}"
targets="${*:-go java}"
log() { echo "[peers] $*"; }

provider_version="$(node -p 'require("@cdktf/provider-aws/package.json").version')"
cdktf_version="$(node -p 'require("cdktf/package.json").version')"
mkdir -p "$out"

# The published tarball that the runtime loads, from the npm registry (or npm's cache).
tarball="$out/cdktf-provider-aws-${provider_version}.tgz"
if [ ! -s "$tarball" ]; then
  log "fetching @cdktf/provider-aws@${provider_version}"
  npm pack "@cdktf/provider-aws@${provider_version}" --pack-destination "$out" --silent >/dev/null
fi

# Trimmed assembly and generated code (a few seconds; redone every time, it depends on our .jsii).
node test/bindings/peers/trim-provider.js "$out/provider-aws"
pacmak_targets=()
for t in $targets; do pacmak_targets+=(-t "$t"); done
rm -rf "$out/provider-aws-out"
npx --no-install jsii-pacmak --code-only --force "${pacmak_targets[@]}" -o "$out/provider-aws-out" "$out/provider-aws"

case " $targets " in *" go "*)
  cp "$tarball" "$out/provider-aws-out/go/aws/jsii/cdktf-provider-aws-${provider_version}.tgz"
  log "Go provider module: $out/provider-aws-out/go/aws"
esac

case " $targets " in *" java "*)
  res="$out/provider-aws-out/java/src/main/resources/com/hashicorp/cdktf/providers/aws"
  cp "$tarball" "$res/provider-aws@${provider_version}.jsii.tgz"
  mvn_flags=(-B -q -Dmaven.repo.local="$m2" -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -Dgpg.skip=true)
  # cdktf core: generated in full from the installed package (its own tarball is the published one).
  if [ ! -f "$m2/com/hashicorp/cdktf/${cdktf_version}/cdktf-${cdktf_version}.jar" ]; then
    log "Java: generating and installing com.hashicorp:cdktf:${cdktf_version}"
    rm -rf "$out/cdktf-out"
    npx --no-install jsii-pacmak --code-only --force -t java -o "$out/cdktf-out" node_modules/cdktf
    (cd "$out/cdktf-out/java" && mvn "${mvn_flags[@]}" install)
  fi
  log "Java: installing com.hashicorp:cdktf-provider-aws:${provider_version} (trimmed) into $m2"
  (cd "$out/provider-aws-out/java" && mvn "${mvn_flags[@]}" install)
esac
log "done"
