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
# A single language warms its faces on the second core (text/warm_up.h); --jobs 1 does not.
# The bytes and the messages are the same, with the font index cold and warm, for each script.
for lang in en zh-Hans ja ar; do
  rm -rf "$XDG_CACHE_HOME"
  for pass_no in 1 2 3; do
    "$CVPDF" "$SRC/tests/e2e/data/lang_five.yaml" --lang "$lang" --jobs 1 -o "$WORK/one.pdf" 2>"$WORK/one.err" || fail "$lang: render"
    "$CVPDF" "$SRC/tests/e2e/data/lang_five.yaml" --lang "$lang" --jobs 2 -o "$WORK/two.pdf" 2>"$WORK/two.err" || fail "$lang: render"
    cmp "$WORK/one.pdf" "$WORK/two.pdf" || fail "$lang: warming the faces changed the bytes (pass $pass_no)"
    diff "$WORK/one.err" "$WORK/two.err" || fail "$lang: warming the faces changed the messages (pass $pass_no)"
  done
done
pass "en, zh-Hans, ja, ar: the same bytes and messages with and without warming the faces"
# With a spare core the default layout is parsed while the profile is read (cli/render.h
# parse_default_layout); a profile that names another layout, or a design, gets its own.
for profile in samples/engineer.yaml samples/design-sidebar.yaml samples/academic-long.yaml; do
  "$CVPDF" "$SRC/$profile" --jobs 1 -o "$WORK/one.pdf" 2>"$WORK/one.err" || fail "$profile: render"
  "$CVPDF" "$SRC/$profile" --jobs 2 -o "$WORK/two.pdf" 2>"$WORK/two.err" || fail "$profile: render"
  cmp "$WORK/one.pdf" "$WORK/two.pdf" || fail "$profile: the layout parsed ahead changed the bytes"
  diff "$WORK/one.err" "$WORK/two.err" || fail "$profile: the layout parsed ahead changed the messages"
done
printf 'cv:\n  name: A\ndesign:\n  theme: classic\n  bogus_key: 1\n' >"$WORK/named.yaml"
"$CVPDF" "$WORK/named.yaml" --jobs 1 -o "$WORK/one.pdf" 2>"$WORK/one.err"
"$CVPDF" "$WORK/named.yaml" --jobs 2 -o "$WORK/two.pdf" 2>"$WORK/two.err"
cmp "$WORK/one.pdf" "$WORK/two.pdf" || fail "design.theme classic: the bytes differ"
diff "$WORK/one.err" "$WORK/two.err" || fail "design.theme classic: the messages differ"
grep -q "bogus_key" "$WORK/two.err" || fail "the design's unknown key was not reported"
pass "layouts named or not, designs: the same bytes and messages with the layout parsed ahead"
# A different date gives a different file (the date is really used).
SOURCE_DATE_EPOCH=1700000000 "$CVPDF" "$SRC/data/profile.yaml" -o "$WORK/d.pdf" 2>/dev/null
"$CVPDF" "$SRC/data/profile.yaml" -o "$WORK/e.pdf" 2>/dev/null
if cmp -s "$WORK/d.pdf" "$WORK/e.pdf"; then fail "SOURCE_DATE_EPOCH ignored"; fi
pass "SOURCE_DATE_EPOCH changes the dates"
