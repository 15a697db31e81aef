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

# Time bounds catch a quadratic algorithm, not a constant factor. They are CPU time (user +
# system of the command and its children): on a shared machine the wall clock also counts other
# processes' work, and a hang is caught by CTest's timeout anyway. bound_ms MS is MS times
# CVPDF_TIME_FACTOR, which CTest sets (cmake/Sanitizers.cmake: 1, or 10 in the asan-ubsan build).
TIME_FACTOR=${CVPDF_TIME_FACTOR:-1}
[[ $TIME_FACTOR =~ ^[1-9][0-9]*$ ]] || TIME_FACTOR=1
bound_ms() { echo $(( $1 * TIME_FACTOR )); }
# cpu_ms FILE CMD…: runs CMD (its redirections are the caller's), writes the CPU milliseconds it
# took to FILE and returns CMD's exit status.
cpu_ms() {
  local file=$1 TIMEFORMAT='%3U %3S' rc=0
  shift
  { time "$@" 2>&3 3>&-; } 3>&2 2> "$file.time" || rc=$?
  awk '{ printf "%d\n", ($1 + $2) * 1000 }' "$file.time" > "$file"
  return "$rc"
}

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }

# render_all DIR PROFILE [NAME=VALUE...]: PROFILE in all its languages, as one batch, into
# DIR/cv.<lang>.pdf, with NAME=VALUE in cvpdf's environment.
render_all() {
  local dir=$1 profile=$2
  shift 2
  mkdir -p "$dir"
  env "$@" "$CVPDF" "$profile" --lang all -o "$dir/cv.{lang}.pdf" 2>/dev/null
}
# same_files DIR OTHER...: each PDF in DIR is in every OTHER folder, byte for byte; else names it.
same_files() {
  local dir=$1 f other
  shift
  for f in "$dir"/*.pdf; do
    for other in "$@"; do cmp -s "$f" "$other/${f##*/}" || { echo "${f##*/}"; return 1; }; done
  done
}
