#!/usr/bin/env bash
# bench/refresh_baseline.sh — rewrite bench/baseline.txt (the `bench` CTest's instruction counts)
# from the given build, after a change that moves them on purpose (an optimisation, a new
# compiler or library version). Commit the new baseline on its own, with the reason.
#
#   bash bench/refresh_baseline.sh [BUILD_DIR]      (default: build-ci)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
exec python3 "$here/check_counts.py" "${1:-$(dirname "$here")/build-ci}" --refresh
