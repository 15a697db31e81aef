#!/usr/bin/env bash
# Hostile input end to end (issue 7): limits refused fast with located errors, a 10 000-character
# word kept inside the page, PDF syntax in a profile never becoming PDF syntax, no JavaScript,
# Launch or OpenAction ever, terminal escapes and bidi overrides escaped in messages, files
# named by a profile confined to its folder, and no PDF parser in the binary.
source "$(dirname "$0")/lib.bash" "$@"
cd "$WORK"

# elapsed_ms CMD…: runs CMD (its status ignored) and prints how long it took.
elapsed_ms() {
  local start
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}

# 1. A 20 000-entry profile is refused by the entry limit, located, in well under a second.
$PY - <<'PY'
with open("many.yaml", "w") as f:
    f.write("cv:\n  name: Many\n  sections:\n    notes:\n")
    f.write("".join(f"      - bullet: note {i}\n" for i in range(20000)))
PY
set +e
"$CVPDF" many.yaml -o many.pdf 2>err.txt
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "20 000 entries: exit $rc, expected 1"
grep -q "^many.yaml:2005:9: error: more than 2000 entries in the profile" err.txt ||
  fail "20 000 entries: $(head -3 err.txt)"
[ ! -e many.pdf ] || fail "20 000 entries: a PDF was written"
ms=$(elapsed_ms "$CVPDF" check many.yaml)
[ "$ms" -lt 3000 ] || fail "20 000 entries took $ms ms to refuse"  # ~0.55 s on an idle machine
pass "20 000 entries refused at line 2005 in $ms ms"

# 1b. An endless file is read up to the read limit only, then refused.
ms=$(elapsed_ms "$CVPDF" check /dev/zero)
set +e
"$CVPDF" check /dev/zero 2>zero.err
rc=$?
set -e
[ "$rc" -ne 0 ] && [ "$rc" -le 3 ] || fail "/dev/zero: exit $rc"
grep -q "the file is larger than 16 MiB, the most cvpdf reads from one file" zero.err ||
  fail "/dev/zero: $(head -2 zero.err)"
[ "$ms" -lt 2000 ] || fail "/dev/zero took $ms ms"
pass "/dev/zero refused after 16 MiB in $ms ms"

# 1c. Pages: a CV of at most 60 pages is written, a longer one refused (1555 and 1560 two-line
# bullets give 60 and 61 pages with the classic layout today; the check holds for any count).
for n in 1555 1560; do
  $PY - "$n" <<'PY'
import sys
n = int(sys.argv[1])
with open(f"pages{n}.yaml", "w") as f:
    f.write("cv:\n  name: Pages\n  sections:\n    notes:\n")
    f.write("".join(f"      - bullet: note {i} with a sentence long enough to take two lines of "
                    "the page in the classic layout of cvpdf, which is what we want here\n"
                    for i in range(n)))
PY
  pages=$("$CVPDF" dump --stage frames "pages$n.yaml" 2>/dev/null | grep -c '^page ' || true)
  set +e
  "$CVPDF" "pages$n.yaml" -o "pages$n.pdf" 2>pages.err
  rc=$?
  set -e
  if [ "$pages" -le 60 ]; then
    [ "$rc" -eq 0 ] || fail "$pages pages refused: $(head -2 pages.err)"
  else
    [ "$rc" -eq 1 ] || fail "$pages pages: exit $rc"
    grep -q "^pages$n.yaml:1:1: error: the CV takes $pages pages, more than the limit of 60" pages.err ||
      fail "$pages pages: $(head -2 pages.err)"
  fi
  echo "  $n entries: $pages pages, exit $rc"
done
pass "the page limit"

# 2. A 10 000-character word stays inside the page (broken as an emergency, with a warning).
$PY - <<'PY'
word = "".join("abcdefghij"[i % 10] for i in range(10000))
with open("word.yaml", "w") as f:
    f.write(f"cv:\n  name: Word\n  sections:\n    notes:\n      - bullet: before {word} after\n")
PY
"$CVPDF" dump --stage frames word.yaml > word.frames 2>word.err || fail "long word: dump failed: $(head -3 word.err)"
$PY - word.frames <<'PY' || fail "long word leaves the page"
import re, sys
width = None
bad = []
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"page \d+ ([\d.]+)x([\d.]+)", line)
    if m:
        width = float(m.group(1))
    m = re.match(r"\s+text \(([-\d.]+),([-\d.]+)\) w=([\d.]+)", line)
    if m and width:
        x, w = float(m.group(1)), float(m.group(3))
        if x < 0 or x + w > width + 0.01:
            bad.append(line.strip()[:100])
if bad:
    print("\n".join(bad[:5]), file=sys.stderr)
    sys.exit(1)
PY
"$CVPDF" word.yaml -o word.pdf 2>/dev/null || fail "long word: render"
qpdf --check word.pdf >/dev/null || fail "long word: qpdf --check"
pass "a 10 000-character word stays inside the page"

# 3. Quadratic-looking Markdown at the scalar limit renders (or is refused) quickly.
$PY - <<'PY'
n = 60000
with open("stars.yaml", "w") as f:
    f.write("cv:\n  name: Stars\n  sections:\n    notes:\n")
    f.write(f"      - bullet: \"{'*' * n}\"\n")
    f.write(f"      - bullet: \"{'[' * n}\"\n")
    f.write(f"      - bullet: \"{'*a ' * (n // 3)}\"\n")
PY
ms=$(elapsed_ms "$CVPDF" dump --stage frames stars.yaml)
[ "$ms" -lt 20000 ] || fail "runs of * and [ took $ms ms"
pass "runs of 60 000 '*' and '[' in $ms ms"

# 4. PDF syntax in a profile stays text: title, author, URLs; no active content.
cat > inject.yaml <<'YAML'
cv:
  name: "Eve ) \\ >> /JavaScript (app.alert(1)) /OpenAction"
  headline: "endobj >> stream /Launch"
  website: "https://example.org/a)b\\c>>/JavaScript<</S/Launch>>(x) é"
  sections:
    notes:
      - bullet: "[link](https://example.org/q?a=1&b=)/JS(alert)>>) and [bad](javascript:alert(1))"
YAML
"$CVPDF" inject.yaml -o inject.pdf 2>inject.err || fail "inject: render failed: $(cat inject.err)"
grep -q "link to 'javascript:alert(1)' dropped" inject.err || fail "javascript: link not dropped"
qpdf --check inject.pdf >/dev/null || fail "inject: qpdf --check"
qpdf --qdf --object-streams=disable inject.pdf inject.qdf.pdf
qpdf --json inject.pdf > inject.json
$PY - inject.json <<'PY' || fail "inject: unsafe PDF structure"
import json, sys
doc = json.load(open(sys.argv[1]))
objs = doc.get("qpdf", [{}, {}])[1] if "qpdf" in doc else doc["objects"]
bad_keys = {"/JavaScript", "/JS", "/Launch", "/OpenAction", "/AA", "/SubmitForm", "/ImportData"}
found, uris = [], []
def walk(v):
    if isinstance(v, dict):
        for k, x in v.items():
            if k in bad_keys: found.append(k)
            if k == "/S" and x in bad_keys: found.append(x)
            if k == "/URI": uris.append(x)
            walk(x)
    elif isinstance(v, list):
        for x in v: walk(x)
walk(objs)
if found:
    sys.exit(f"active content keys: {found}")
for u in uris:
    s = u[2:] if u.startswith(("u:", "b:")) else u
    if any(ord(c) <= 0x20 or ord(c) >= 0x7f for c in s):
        sys.exit(f"URI not printable ASCII: {u!r}")
    if not s.startswith(("https://", "http://", "mailto:")):
        sys.exit(f"URI scheme: {u!r}")
if not any("%C3%A9" in u for u in uris):
    sys.exit(f"é not percent-encoded in {uris}")
PY
# No name token /JavaScript, /Launch or /OpenAction anywhere outside strings in the qdf file.
$PY - inject.qdf.pdf <<'PY' || fail "inject: a PDF name from the profile"
import re, sys
data = open(sys.argv[1], "rb").read()
# drop literal strings (balanced parentheses, escapes) and hex strings, then look for names
out, i, depth = bytearray(), 0, 0
while i < len(data):
    c = data[i:i+1]
    if depth == 0 and c == b"(":
        depth = 1
    elif depth > 0:
        if c == b"\\": i += 1
        elif c == b"(": depth += 1
        elif c == b")": depth -= 1
    else:
        out += c
    i += 1
for name in (rb"/JavaScript", rb"/Launch", rb"/OpenAction", rb"/JS\b"):
    if re.search(name, bytes(out)):
        sys.exit(f"found {name!r} outside a string")
PY
pdftotext inject.pdf - | grep -qF 'Eve ) \ >> /JavaScript (app.alert(1)) /OpenAction' ||
  fail "inject: the name is not shown as written"
pass "PDF syntax in title, name and URLs stays text; no active content; URIs percent-encoded"

# 5. Terminal escapes and bidi overrides in echoed input are escaped in messages.
printf 'cv:\n  name: X\n  eduction\xe2\x80\xae: 1\n  sections:\n    s:\n      - bullet: "[a](ftp://x\xe2\x80\xaey)"\n' > bidi.yaml
"$CVPDF" check bidi.yaml 2>bidi.err || true
grep -q 'unknown key' bidi.err || fail "bidi: no error: $(cat bidi.err)"
if grep -q $'\xe2\x80\xae' bidi.err; then fail "bidi override echoed raw"; fi
grep -qF '\u{202E}' bidi.err || fail "bidi override not shown escaped"
printf 'cv:\n  name: "X\x1b[2J"\n' > esc.yaml
"$CVPDF" check esc.yaml 2>esc.err && fail "ESC accepted"
if grep -q $'\x1b' esc.err; then fail "ESC echoed raw"; fi
pass "bidi overrides and escape characters are escaped in messages"

# 6. Confinement: a layout named by the profile must be in its folder; --theme is the user's.
mkdir -p cv elsewhere
cp "$SRC/layouts/classic.yaml" elsewhere/evil.yaml
cp "$SRC/layouts/classic.yaml" cv/mine.yaml
ln -sf ../elsewhere/evil.yaml cv/link.yaml
for theme in ../elsewhere/evil.yaml link.yaml "$WORK/elsewhere/evil.yaml"; do
  printf 'cv:\n  name: X\nsettings:\n  theme: %s\n' "$theme" > cv/p.yaml
  set +e
  "$CVPDF" cv/p.yaml -o cv/p.pdf 2>conf.err
  rc=$?
  set -e
  [ "$rc" -eq 1 ] || fail "settings.theme $theme: exit $rc"
  grep -qF "cv/p.yaml:4:10: error: settings.theme '$theme' is outside the profile's folder" conf.err ||
    fail "settings.theme $theme: $(cat conf.err)"
done
printf 'cv:\n  name: X\nsettings:\n  theme: mine.yaml\n' > cv/p.yaml
"$CVPDF" cv/p.yaml -o cv/p.pdf 2>/dev/null || fail "a layout inside the profile's folder refused"
printf 'cv:\n  name: X\n' > cv/p.yaml
"$CVPDF" cv/p.yaml --theme elsewhere/evil.yaml -o cv/p.pdf 2>/dev/null || fail "--theme refused"
pass "settings.theme confined to the profile's folder (symlinks followed); --theme allowed"

# 7. cvpdf never reads a PDF: no PoDoFo parser in the binary or the sources.
if nm -C --undefined-only -D "$CVPDF" 2>/dev/null | grep -E 'PdfParser|PdfMemDocument::Load|PdfMemDocument::PdfMemDocument\(char const\*' ; then
  fail "the binary links PoDoFo's PDF parser"
fi
if nm -C "$CVPDF" 2>/dev/null | grep -E ' [TU] .*(PdfParser::|PdfMemDocument::Load)'; then
  fail "the binary contains PoDoFo's PDF parser"
fi
if grep -rnE 'PdfParser|PdfMemDocument::Load|PdfMemDocument\(const char|LoadFromBuffer|LoadFromDevice' "$SRC/src" --include=*.cpp --include=*.h; then
  fail "the sources use PoDoFo's PDF parser"
fi
pass "no PDF parser: binary and sources"
