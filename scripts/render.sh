#!/usr/bin/env bash
# The README's first command: install what is needed, build, and render data/profile.yaml to
# cv.pdf (English; pass more cvpdf options after it, e.g. --lang zh -o cv.zh.pdf).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset default
cmake --build --preset default -j "$(nproc)"
if [ $# -eq 0 ]; then set -- -o cv.pdf; fi
./build/cvpdf data/profile.yaml "$@"
echo "wrote $(ls -1 cv*.pdf 2>/dev/null | tr '\n' ' ')"
