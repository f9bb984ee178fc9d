#!/usr/bin/env bash
# Generates API.md (the TypeScript API reference) from the jsii assembly with jsii-docgen.
#
#   bash scripts/docgen.sh           rewrite API.md
#   bash scripts/docgen.sh --check   fail if API.md differs from what the current assembly gives
#
# Builds first when .jsii is missing or older than the sources.
set -euo pipefail
cd "$(dirname "$0")/.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20

if [ ! -f .jsii ] || [ -n "$(find src -name '*.ts' -newer .jsii -print -quit)" ]; then
  npm run --silent build
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# jsii-docgen adds the extension itself.
npx --no-install jsii-docgen -l typescript -o "$tmp/API" > "$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }

if [ "${1:-}" = "--check" ]; then
  if [ ! -f API.md ]; then
    echo "API.md is missing: run scripts/docgen.sh"
    exit 1
  fi
  if ! diff -u API.md "$tmp/API.md" > "$tmp/diff"; then
    echo "API.md is stale: run scripts/docgen.sh and commit it. Differences:"
    head -60 "$tmp/diff"
    exit 1
  fi
  echo "API.md is up to date"
else
  cp "$tmp/API.md" API.md
  echo "wrote API.md ($(wc -l < API.md) lines)"
fi
