#!/usr/bin/env bash
# Same input, fonts and date → the same bytes: across runs, time zones and locales.
source "$(dirname "$0")/lib.bash" "$@"

for lang in en zh; do
  "$CVPDF" "$SRC/data/profile.yaml" --lang "$lang" -o "$WORK/a.pdf" 2>/dev/null || fail "render a"
  TZ=Asia/Kolkata LC_ALL=C.UTF-8 "$CVPDF" "$SRC/data/profile.yaml" --lang "$lang" -o "$WORK/b.pdf" 2>/dev/null || fail "render b"
  sleep 1
  TZ=America/Los_Angeles "$CVPDF" "$SRC/data/profile.yaml" --lang "$lang" -o "$WORK/c.pdf" 2>/dev/null || fail "render c"
  cmp "$WORK/a.pdf" "$WORK/b.pdf" || fail "TZ/locale changed the bytes ($lang)"
  cmp "$WORK/a.pdf" "$WORK/c.pdf" || fail "a second run changed the bytes ($lang)"
  # The date comes from SOURCE_DATE_EPOCH (2025-11-25), not the clock.
  pdfinfo "$WORK/a.pdf" | grep -q "^CreationDate:.*2025" || fail "CreationDate not from SOURCE_DATE_EPOCH"
  pass "$lang: three renders byte-identical ($(stat -c %s "$WORK/a.pdf") bytes)"
done
# A different date gives a different file (the date is really used).
SOURCE_DATE_EPOCH=1700000000 "$CVPDF" "$SRC/data/profile.yaml" -o "$WORK/d.pdf" 2>/dev/null
"$CVPDF" "$SRC/data/profile.yaml" -o "$WORK/e.pdf" 2>/dev/null
if cmp -s "$WORK/d.pdf" "$WORK/e.pdf"; then fail "SOURCE_DATE_EPOCH ignored"; fi
pass "SOURCE_DATE_EPOCH changes the dates"
