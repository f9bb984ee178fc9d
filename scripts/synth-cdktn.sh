#!/usr/bin/env bash
# Synthesizes the example app on CDK Terrain into cdktn.out/: the same examples/ as `npm run synth`, built into the
# cdktn flavor (scripts/build-cdktn.sh) and run with node, as `cdktn synth` runs an app. Needs no AWS credentials and
# no Terraform binary.
#
#   bash scripts/synth-cdktn.sh       (npm run synth:cdktn)
set -euo pipefail
cd "$(dirname "$0")/.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 CHECKPOINT_DISABLE=1
bash scripts/build-cdktn.sh
rm -rf cdktn.out
CDKTF_OUTDIR="$PWD/cdktn.out" node .gen/cdktn/.gen/examples/main.js
stack=cdktn.out/stacks/ecr-pull-through-cache-example/cdk.tf.json
test -s "$stack"
echo "[synth:cdktn] wrote $stack ($(node -p "Object.values(require('./$stack').resource).reduce((n, r) => n + Object.keys(r).length, 0)") resources, cdktn $(node -p "require('./$stack')['//'].metadata.version"))"
