#!/usr/bin/env bash
# Issue 6: every design (layouts/*.yaml) renders the seed profile and the photo samples; the PDFs
# pass qpdf --check and give back every string; the sidebar is read main column first (content-
# stream order: pdftotext -raw and mutool); photos are sniffed by content; a photo bomb, a path
# out of the profile's folder and a truncated PNG are refused; icons extract as words; design
# overrides from the profile and from --set work, and a bad one is a located error.
source "$(dirname "$0")/lib.bash" "$@"
PH="$SRC/tests/photos"

render() {  # render PROFILE DESIGN OUT [args…]: must succeed without errors
  local profile=$1 design=$2 out=$3; shift 3
  "$CVPDF" "$profile" -t "$design" -o "$out" "$@" 2> "$WORK/stderr.txt" || { cat "$WORK/stderr.txt"; fail "render $profile in $design"; }
  grep -q ": error:" "$WORK/stderr.txt" && { cat "$WORK/stderr.txt"; fail "errors for $profile in $design"; }
  qpdf --check "$out" > /dev/null || fail "qpdf --check $out"
}

for design in classic sidebar compact academic; do
  for profile in "$SRC/data/profile.yaml" "$PH/profile-jpeg.yaml" "$PH/profile-png.yaml" "$PH/profile-photo-named-png.yaml"; do
    name=$(basename "$profile" .yaml)
    render "$profile" "$design" "$WORK/$design-$name.pdf"
    pdftotext -enc UTF-8 "$WORK/$design-$name.pdf" "$WORK/$design-$name.txt"
    $PY "$SRC/tests/e2e/check_text.py" "$profile" en "$WORK/$design-$name.txt" || fail "text lost: $name in $design"
  done
  pdfimages -list "$WORK/$design-profile-jpeg.pdf" | grep -q jpeg || [ "$design" = compact ] || fail "$design: no JPEG passthrough"
  pdfimages -list "$WORK/$design-profile-png.pdf" | grep -q smask || [ "$design" = compact ] || fail "$design: PNG without its alpha mask"
done
# The seed in English and Chinese: no warning in any design (a long free-text date such as
# "2023 – 2028 (expected)" widens its date column or goes under the title, never overfull;
# tests/layout/long-dates.yaml has a longer one).
for design in classic sidebar compact academic; do
  for lang in en zh; do
    "$CVPDF" "$SRC/data/profile.yaml" -t "$design" --lang "$lang" -o "$WORK/warn.pdf" 2> "$WORK/stderr.txt" || fail "render $design $lang"
    [ ! -s "$WORK/stderr.txt" ] || { cat "$WORK/stderr.txt"; fail "warnings for the seed in $design ($lang)"; }
  done
done
# No /JavaScript, /Launch, /OpenAction (or other active content) in any of them, URIs safe.
$PY "$SRC/tests/e2e/no_active_content.py" "$WORK"/*-profile*.pdf || fail "active content in a design's PDF"
pass "4 designs × 4 profiles render, qpdf clean, text round trip, no active content"

# Sidebar reading order, in content-stream order: the main column's last line comes before the
# sidebar's first (the contact items), in pdftotext -raw and in mutool's text.
render "$SRC/data/profile.yaml" sidebar "$WORK/sb.pdf"
pdftotext -raw -enc UTF-8 "$WORK/sb.pdf" "$WORK/sb.txt"
mutool draw -q -F txt -o "$WORK/sb.mu.txt" "$WORK/sb.pdf" 2> /dev/null
for txt in "$WORK/sb.txt" "$WORK/sb.mu.txt"; do
  main_last=$(grep -n "(KADC)" "$txt" | head -1 | cut -d: -f1)
  side_first=$(grep -n "xy.liu@stu.pku.edn.cn" "$txt" | head -1 | cut -d: -f1)
  side_last=$(grep -n "Silver Medal" "$txt" | head -1 | cut -d: -f1)
  [ -n "$main_last" ] && [ -n "$side_first" ] && [ -n "$side_last" ] || fail "sidebar text missing in $(basename "$txt")"
  [ "$main_last" -lt "$side_first" ] || fail "sidebar read before the main column ends ($(basename "$txt"))"
  [ "$(grep -n "HONORS" "$txt" | head -1 | cut -d: -f1)" -gt "$main_last" ] || fail "sidebar section interleaved"
done
pass "sidebar: main column whole, then the sidebar"

# Icons extract as words (ActualText), never as private-use characters.
pdftotext -enc UTF-8 "$WORK/sidebar-profile-jpeg.pdf" - | grep -q "^Email: ada@example.org" || fail "icon word missing"
pdftotext -enc UTF-8 "$WORK/sidebar-profile-jpeg.pdf" - | grep -qP "[\x{F000}-\x{F2FF}]" && fail "icon glyph extracted as PUA"
pass "icons read as words"

# Refused photos: each an error located at the photo field, no PDF written.
expect_error() {  # expect_error PROFILE PATTERN
  if "$CVPDF" "$1" -t sidebar -o "$WORK/bad.pdf" 2> "$WORK/stderr.txt"; then fail "$(basename "$1") accepted"; fi
  grep -q "$2" "$WORK/stderr.txt" || { cat "$WORK/stderr.txt"; fail "$(basename "$1"): no '$2'"; }
  [ ! -e "$WORK/bad.pdf" ] || fail "$(basename "$1"): a PDF was written"
}
expect_error "$PH/profile-bomb.yaml" "profile-bomb.yaml:5:10: error: photo 'bomb.png' declares 65000 × 65000"
expect_error "$PH/profile-escape.yaml" "profile-escape.yaml:5:10: error: .*outside the profile's folder"
expect_error "$PH/profile-truncated.yaml" "cannot embed the photo: the PNG data is corrupt or truncated"
pass "photo bomb, path escape and truncated PNG refused"

# Overrides: --set and the profile's design: block; located errors for bad ones.
render "$SRC/data/profile.yaml" classic "$WORK/letter.pdf" --set design.page.size=letter
pdfinfo "$WORK/letter.pdf" | grep -q "612 x 792" || fail "--set design.page.size=letter ignored"
cat > "$WORK/over.yaml" <<'YAML'
cv:
  name: Ada Lovelace
  sections:
    summary:
      - Wrote the first published algorithm.
design:
  theme: sidebar
  colors: {headings: "#1a4d8f"}
  sidebar: {width: 70mm}
YAML
"$CVPDF" dump --stage frames "$WORK/over.yaml" > "$WORK/over.txt" 2> "$WORK/stderr.txt" || { cat "$WORK/stderr.txt"; fail "override render"; }
grep -q "fill \[396.85,0 198.43x841.89\] #edf1f5" "$WORK/over.txt" || fail "design.theme / sidebar.width not applied"
grep -q '#1a4d8f glyphs=.*"SUMMARY"' "$WORK/over.txt" || fail "design.colors.headings not applied"
printf 'design:\n  sidebar: {widht: 70mm}\n  colors: {headings: blue-ish}\n' >> "$WORK/bad_over.yaml"
printf 'cv: {name: A}\n' >> "$WORK/bad_over.yaml"
"$CVPDF" "$WORK/bad_over.yaml" -o "$WORK/bad.pdf" 2> "$WORK/stderr.txt" && fail "bad override accepted"
grep -q "bad_over.yaml:3:22: error: 'blue-ish' is not a colour" "$WORK/stderr.txt" || { cat "$WORK/stderr.txt"; fail "bad colour not located"; }
grep -q "bad_over.yaml:2:20: error: unknown key .widht. in .sidebar." "$WORK/stderr.txt" || { cat "$WORK/stderr.txt"; fail "unknown override not warned"; }
if "$CVPDF" "$SRC/data/profile.yaml" -o "$WORK/bad.pdf" --set design.photo.shape=oval 2> "$WORK/stderr.txt"; then fail "--set oval accepted"; fi
grep -q "^--set design.photo.shape=oval: error: 'oval' is not one of round, square" "$WORK/stderr.txt" || { cat "$WORK/stderr.txt"; fail "--set error not located"; }
# Footer templates: an unknown part and an unknown placeholder are located errors with hints.
printf 'name: bad\nfooter:\n  left: "{name}"\n  centre: "x"\n  right: "{pgae} of {pages}"\n' > "$WORK/bad-footer.yaml"
if "$CVPDF" "$SRC/data/profile.yaml" -t "$WORK/bad-footer.yaml" -o "$WORK/bad.pdf" 2> "$WORK/stderr.txt"; then fail "bad footer accepted"; fi
grep -q "bad-footer.yaml:4:3: error: unknown key 'centre' in 'footer'" "$WORK/stderr.txt" || { cat "$WORK/stderr.txt"; fail "footer key error not located"; }
grep -q "did you mean 'center'" "$WORK/stderr.txt" || fail "no hint for the footer key"
grep -q "bad-footer.yaml:5:10: error: unknown placeholder '{pgae}' in the footer" "$WORK/stderr.txt" || { cat "$WORK/stderr.txt"; fail "footer placeholder error not located"; }
# {date}: the document's date, its month written out in each language; no date, a warning.
printf 'name: dated\nfooter: {right: "Updated {date}"}\n' > "$WORK/dated.yaml"
for lang in en zh; do
  "$CVPDF" "$SRC/data/profile.yaml" -t "$WORK/dated.yaml" --lang $lang -o "$WORK/dated.$lang.pdf" 2> "$WORK/stderr.txt" ||
    { cat "$WORK/stderr.txt"; fail "footer {date} ($lang)"; }
  [ ! -s "$WORK/stderr.txt" ] || { cat "$WORK/stderr.txt"; fail "footer {date} warned with a date ($lang)"; }
done
pdftotext "$WORK/dated.en.pdf" - | grep -q "^Updated November 2025$" || fail "footer {date} (en)"
pdftotext "$WORK/dated.zh.pdf" - | grep -q "^Updated 2025 *年 *11 *月$" || fail "footer {date} (zh)"
env -u SOURCE_DATE_EPOCH "$CVPDF" "$WORK/over.yaml" -t "$WORK/dated.yaml" -o "$WORK/undated.pdf" 2> "$WORK/stderr.txt" || fail "undated render"
grep -q "over.yaml: warning: the footer's {date} is left empty: the document has no date" "$WORK/stderr.txt" ||
  { cat "$WORK/stderr.txt"; fail "footer {date} without a date not warned"; }
pass "overrides: --set, design: block, located errors; footer {date}"
