#!/usr/bin/env bash
# The README's test command: install what is needed, build with warnings as errors, run every
# test (unit, golden frame dumps, diagnostics, end-to-end PDF checks). .ci/run runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset ci
cmake --build --preset ci -j "$(nproc)"
ctest --preset ci
