#!/usr/bin/env bash
# Every sample profile renders without an error, and its text comes back out of the PDF.
source "$(dirname "$0")/lib.bash" "$@"

shopt -s nullglob
n=0
for profile in "$SRC"/samples/*.yaml; do
  name=$(basename "$profile" .yaml)
  "$CVPDF" "$profile" -o "$WORK/$name.pdf" 2> "$WORK/stderr.txt" || { cat "$WORK/stderr.txt"; fail "render $name"; }
  grep -q ": error:" "$WORK/stderr.txt" && { cat "$WORK/stderr.txt"; fail "errors for $name"; }
  pdftotext -enc UTF-8 "$WORK/$name.pdf" "$WORK/$name.txt"
  $PY "$SRC/tests/e2e/check_text.py" "$profile" en "$WORK/$name.txt" || fail "text lost in $name"
  n=$((n + 1))
done
[ "$n" -gt 0 ] || fail "no samples"
pass "$n samples render"
