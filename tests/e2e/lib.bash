# Shared helpers for the end-to-end scripts (sourced; not a test itself).
# Usage in a test: source "$(dirname "$0")/lib.bash" "$@"  → CVPDF, SRC, WORK set.
set -euo pipefail
CVPDF=$1
SRC=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export SOURCE_DATE_EPOCH=1764028800  # 2025-11-25 00:00:00 UTC: a fixed date, never the clock
export XDG_CACHE_HOME="$WORK/cache"  # the font index of these runs, not the user's
PY=/usr/bin/python3                  # Debian's python3 with python3-yaml (scripts/setup.sh)

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }
