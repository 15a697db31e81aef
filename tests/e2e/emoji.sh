#!/usr/bin/env bash
# Colour emoji (issue 6), with the pinned fonts only: tests/layout/emoji.yaml (😄, a ZWJ family,
# a skin tone, a flag, ❤ with VS16, ✓ as text) must
#   - extract as its exact code points with pdftotext and with mutool (the invisible Type 3 text);
#   - embed one image XObject per distinct emoji glyph (five, though 😄 is drawn three times);
#   - show colour on the page (pdftoppm -r 150: the yellow of 😄's face);
# and without the colour font (the pinned fonts less NotoColorEmoji.ttf) the same profile's
# 😄 and ✓ come from Symbola: no warning (no tofu), the same text, no colour and no image.
source "$(dirname "$0")/lib.bash" "$@"

profile="$SRC/tests/layout/emoji.yaml"
line='Hi! 😄 Family 👨‍👩‍👧, thumbs 👍🏽, flag 🇫🇷, heart ❤️ and a tick ✓. Twice: 😄😄.'

# PPM → the number of yellow pixels (😄's face; the themes use no yellow)
colour_pixels() {
  $PY - "$1" <<'EOF'
import sys
data = open(sys.argv[1], "rb").read()
parts = data.split(maxsplit=4)           # P6 width height maxval pixels
assert parts[0] == b"P6", parts[0]
pixels = parts[4]
count = 0
for i in range(0, len(pixels) - 2, 3):
    r, g, b = pixels[i], pixels[i + 1], pixels[i + 2]
    if r > 200 and g > 150 and b < 90:
        count += 1
print(count)
EOF
}

render() {  # render FONTDIR OUT.pdf
  "$CVPDF" "$profile" --no-system-fonts --font-dir "$1" -o "$2" 2> "$WORK/stderr.txt" || {
    cat "$WORK/stderr.txt"; fail "render with $1"; }
  [ ! -s "$WORK/stderr.txt" ] || { cat "$WORK/stderr.txt"; fail "warnings with $1"; }
  qpdf --check "$2" > /dev/null || fail "qpdf --check $2"
}

# --- with the colour font ----------------------------------------------------------------------
render "$SRC/fonts" "$WORK/colour.pdf"
pdftotext "$WORK/colour.pdf" "$WORK/poppler.txt"
grep -qxF "$line" "$WORK/poppler.txt" || { cat "$WORK/poppler.txt"; fail "pdftotext does not give the emoji line"; }
mutool draw -q -F txt -o "$WORK/mupdf.txt" "$WORK/colour.pdf" 2> /dev/null
sed 's/[[:space:]]*$//' "$WORK/mupdf.txt" | grep -qxF "$line" || { cat "$WORK/mupdf.txt"; fail "mutool does not give the emoji line"; }
pdffonts "$WORK/colour.pdf" | grep -q 'Type 3' || fail "no Type 3 font for the emoji text layer"
images=$(pdfimages -list "$WORK/colour.pdf" | awk '$3 == "image" {print $11}' | sort -u | wc -l)
[ "$images" = 5 ] || { pdfimages -list "$WORK/colour.pdf"; fail "expected 5 image objects (one per emoji glyph), got $images"; }
drawn=$(pdfimages -list "$WORK/colour.pdf" | awk '$3 == "image"' | wc -l)
[ "$drawn" = 7 ] || fail "expected 7 emoji drawn, got $drawn"
# Emoji bitmaps have about a hundred colours: written /Indexed (a palette, one byte a pixel).
indexed=$(pdfimages -list "$WORK/colour.pdf" | awk '$3 == "image" && $6 == "index"' | wc -l)
[ "$indexed" = 7 ] || { pdfimages -list "$WORK/colour.pdf"; fail "expected 7 indexed-colour emoji, got $indexed"; }
pdftoppm -r 150 -f 1 -l 1 "$WORK/colour.pdf" "$WORK/colour"
coloured=$(colour_pixels "$WORK"/colour-1.ppm)
[ "$coloured" -gt 300 ] || fail "the emoji are not in colour ($coloured yellow pixels)"

# --- without it: monochrome from Symbola -------------------------------------------------------
mkdir "$WORK/mono"
for f in "$SRC"/fonts/*.ttf "$SRC"/fonts/*.otf; do
  [ "$(basename "$f")" = NotoColorEmoji.ttf ] || ln -s "$f" "$WORK/mono/"
done
mono_profile="$WORK/mono.yaml"
sed 's/^      - .*/      - "Hi! 😄 and a tick ✓."/' "$profile" > "$mono_profile"
profile="$mono_profile"
render "$WORK/mono" "$WORK/mono.pdf"
pdftotext "$WORK/mono.pdf" - | grep -qxF 'Hi! 😄 and a tick ✓.' || fail "pdftotext (monochrome)"
pdffonts "$WORK/mono.pdf" | grep -q 'Symbola' || fail "Symbola not used for 😄 without the colour font"
[ "$(pdfimages -list "$WORK/mono.pdf" | tail -n +3 | wc -l)" = 0 ] || fail "images without the colour font"
pdftoppm -r 150 -f 1 -l 1 "$WORK/mono.pdf" "$WORK/mono"
mono_coloured=$(colour_pixels "$WORK"/mono-1.ppm)
[ "$mono_coloured" = 0 ] || fail "yellow without the colour font ($mono_coloured pixels)"
pass "emoji: exact text (pdftotext, mutool), $images image objects for $drawn emoji, $coloured yellow pixels; monochrome fallback without the colour font"
