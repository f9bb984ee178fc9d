#!/usr/bin/env bash
# Placeholder until the binding programs exist.
echo "bench: language bindings not benchmarked yet" >&2
