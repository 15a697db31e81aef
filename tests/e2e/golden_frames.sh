#!/usr/bin/env bash
# Frame-dump goldens: tests/layout/*.yaml typeset with the pinned fonts only (fonts/), a fixed
# date, every language of the profile; compared with tests/layout/*.expected line for line.
# Regenerate with CVPDF_REGEN=1 (then review the diff before committing it).
source "$(dirname "$0")/lib.bash" "$@"

shopt -s nullglob
n=0
for profile in "$SRC"/tests/layout/*.yaml; do
  expected="${profile%.yaml}.expected"
  "$CVPDF" dump --stage frames --no-system-fonts --font-dir "$SRC/fonts" --lang all \
    "$profile" > "$WORK/actual.txt" 2> "$WORK/stderr.txt" || { cat "$WORK/stderr.txt"; fail "dump $profile"; }
  if [ "${CVPDF_REGEN:-}" = 1 ]; then
    cp "$WORK/actual.txt" "$expected"
    echo "regenerated $(basename "$expected")"
  else
    [ -f "$expected" ] || fail "no $(basename "$expected") (run with CVPDF_REGEN=1 and review it)"
    diff -u "$expected" "$WORK/actual.txt" || fail "frames differ from $(basename "$expected")"
  fi
  n=$((n + 1))
done
[ "$n" -gt 0 ] || fail "no golden profiles in tests/layout"
pass "$n frame goldens"
