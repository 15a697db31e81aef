#!/usr/bin/env bash
# From the frame tree: no word outside the text area, no overlapping words, no page ending with
# a section title, no author name split across lines — for the seed profile and the long
# academic sample, in every language.
source "$(dirname "$0")/lib.bash" "$@"

for profile in "$SRC/data/profile.yaml" "$SRC/samples/academic-long.yaml"; do
  name=$(basename "$profile" .yaml)
  "$CVPDF" dump --stage frames --lang all "$profile" > "$WORK/$name.txt" 2> "$WORK/err.txt" \
    || { cat "$WORK/err.txt"; fail "dump $name"; }
  $PY "$SRC/tests/e2e/frame_check.py" "$SRC/layouts/classic.yaml" < "$WORK/$name.txt" \
    || fail "frame geometry of $name"
  $PY "$SRC/tests/e2e/names_check.py" "$profile" < "$WORK/$name.txt" || fail "names split in $name"
  grep -q "overfull" "$WORK/err.txt" && { grep overfull "$WORK/err.txt"; fail "overfull lines in $name"; }
  pass "$name: $(grep -c '^page' "$WORK/$name.txt") pages, geometry clean, no name split, no overfull line"
done
