#!/usr/bin/env bash
# Synthesizes the example app into cdktf.out/ with cdktf-cli. Needs no AWS credentials and no Terraform binary.
set -euo pipefail
cd "$(dirname "$0")/.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
export CHECKPOINT_DISABLE=1
npx tsc -p tsconfig.examples.json
npx cdktf synth --output cdktf.out
