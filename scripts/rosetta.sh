#!/usr/bin/env bash
# Runs `jsii-rosetta extract` over this package's assembly in a compilation directory that resolves the package
# itself, its peer dependencies and the dev dependencies that README examples use but the library does not
# (the AWS provider's `AwsProvider`, `SecretsmanagerSecret`). Rosetta otherwise resolves only dependencies and peer
# dependencies, and the provider package is neither any more.
#
#   bash scripts/rosetta.sh [extract options...] .jsii
set -euo pipefail
cd "$(dirname "$0")/.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
# Outside the repository: tools that search the tree for assemblies (jsii-docgen) would follow the links back into it.
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
name="$(node -p 'require("./package.json").name')"
mkdir -p "$dir/node_modules/@cdktf"
ln -s "$PWD" "$dir/node_modules/$name"
for pkg in cdktf constructs @cdktf/provider-aws; do
  ln -s "$PWD/node_modules/$pkg" "$dir/node_modules/$pkg"
done
npx --no-install jsii-rosetta extract --directory "$dir" "$@"
