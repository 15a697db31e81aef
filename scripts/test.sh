#!/usr/bin/env bash
# The README's test command: install what is needed, then for each preset — `ci` (release,
# warnings as errors) and `asan-ubsan` (AddressSanitizer + UndefinedBehaviorSanitizer, every
# report fatal) — build and run every test (unit, golden frame dumps, diagnostics, end-to-end
# PDF checks, bad inputs, fuzz corpora). .ci/run runs exactly this.
#
#   bash scripts/test.sh                 # both presets
#   bash scripts/test.sh ci              # one of them
#
# The ci build and run come first: a plain failure shows up before the slower sanitizer build.
set -euo pipefail
cd "$(dirname "$0")/.."
presets=("$@")
[ ${#presets[@]} -gt 0 ] || presets=(ci asan-ubsan)
bash scripts/setup.sh
for preset in "${presets[@]}"; do
  echo "== $preset"
  cmake --preset "$preset"
  cmake --build --preset "$preset" -j "$(nproc)"
  ctest --preset "$preset"
done
