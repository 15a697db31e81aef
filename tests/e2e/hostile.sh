#!/usr/bin/env bash
# Hostile input end to end (issue 7): limits refused fast with located errors, a 10 000-character
# word kept inside the page, PDF syntax in a profile never becoming PDF syntax, no JavaScript,
# Launch or OpenAction ever, terminal escapes and bidi overrides escaped in messages, files
# named by a profile confined to its folder, and no PDF parser in the binary.
source "$(dirname "$0")/lib.bash" "$@"
cd "$WORK"

# 1. A 20 000-entry profile is refused by the entry limit, located, in well under a second.
$PY - <<'PY'
with open("many.yaml", "w") as f:
    f.write("cv:\n  name: Many\n  sections:\n    notes:\n")
    f.write("".join(f"      - bullet: note {i}\n" for i in range(20000)))
PY
rc=0
cpu_ms many.ms "$CVPDF" many.yaml -o many.pdf 2>err.txt || rc=$?
ms=$(cat many.ms)
[ "$rc" -eq 1 ] || fail "20 000 entries: exit $rc, expected 1"
grep -q "^many.yaml:2005:9: error: more than 2000 entries in the profile" err.txt ||
  fail "20 000 entries: $(head -3 err.txt)"
[ ! -e many.pdf ] || fail "20 000 entries: a PDF was written"
[ "$ms" -lt "$(bound_ms 2000)" ] || fail "20 000 entries took $ms ms of CPU to refuse"  # ~0.5 s
pass "20 000 entries refused at line 2005 in $ms ms of CPU"

# 1b. An endless file is read up to the read limit only, then refused.
rc=0
cpu_ms zero.ms "$CVPDF" check /dev/zero 2>zero.err || rc=$?
ms=$(cat zero.ms)
[ "$rc" -ne 0 ] && [ "$rc" -le 3 ] || fail "/dev/zero: exit $rc"
grep -q "the file is larger than 16 MiB, the most cvpdf reads from one file" zero.err ||
  fail "/dev/zero: $(head -2 zero.err)"
[ "$ms" -lt "$(bound_ms 1000)" ] || fail "/dev/zero took $ms ms of CPU"
pass "/dev/zero refused after 16 MiB in $ms ms of CPU"

# 1c. Pages: a CV of exactly 60 pages is written, one of 61 refused, located. The bullet counts
# that give 60 and 61 pages (1558 and 1559 two-line bullets in the classic layout today) are read
# from the frame dump of a longer CV — the page each bullet ends on — so the test keeps testing
# the limit itself when the layout changes.
pages_yaml() {  # pages_yaml N: a profile of N two-line bullets
  $PY - "$1" <<'PY'
import sys
n = int(sys.argv[1])
with open(f"pages{n}.yaml", "w") as f:
    f.write("cv:\n  name: Pages\n  sections:\n    notes:\n")
    f.write("".join(f"      - bullet: note {i} with a sentence long enough to take two lines of "
                    "the page in the classic layout of cvpdf, which is what we want here\n"
                    for i in range(n)))
PY
}
pages_yaml 1800
"$CVPDF" dump --stage frames pages1800.yaml > pages1800.frames 2>/dev/null || true
at=$($PY - pages1800.frames <<'PY'
import re, sys
page, ends = 0, []
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"page (\d+) ", line)
    if m:
        page = int(m.group(1))
    elif line.rstrip().endswith('what we want here"'):  # a bullet's last line
        ends.append(page)
if not ends or ends[-1] <= 60:
    sys.exit(f"1800 bullets end on page {ends[-1] if ends else '?'}: make the test's CV longer")
print(sum(1 for p in ends if p <= 60))  # bullets that fit in 60 pages
PY
) || fail "pages: no count found"
for n in "$at" $((at + 1)); do
  pages_yaml "$n"
  set +e
  "$CVPDF" "pages$n.yaml" -o "pages$n.pdf" 2>pages.err
  rc=$?
  set -e
  if [ "$n" = "$at" ]; then
    [ "$rc" -eq 0 ] || fail "$n bullets (60 pages) refused: $(head -2 pages.err)"
    pages=$(pdfinfo "pages$n.pdf" | awk '/^Pages:/ {print $2}')
    [ "$pages" = 60 ] || fail "$n bullets: $pages pages written, expected exactly 60"
  else
    [ "$rc" -eq 1 ] || fail "$n bullets: exit $rc, expected 1"
    grep -q "^pages$n.yaml:1:1: error: the CV takes 61 pages, more than the limit of 60" pages.err ||
      fail "$n bullets: $(head -2 pages.err)"
    [ ! -e "pages$n.pdf" ] || fail "$n bullets: a PDF was written"
  fi
  echo "  $n bullets: exit $rc"
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
cpu_ms stars.ms "$CVPDF" dump --stage frames stars.yaml >/dev/null 2>&1 || true
ms=$(cat stars.ms)
[ "$ms" -lt "$(bound_ms 3000)" ] || fail "runs of * and [ took $ms ms of CPU"  # ~0.7 s
pass "runs of 60 000 '*' and '[' in $ms ms of CPU"

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
# Keys, action types, URIs and name tokens outside strings (tests/e2e/no_active_content.py).
$PY "$SRC/tests/e2e/no_active_content.py" --uris inject.pdf > inject.uris || fail "inject: active content"
grep -q '%C3%A9' inject.uris || fail "inject: é not percent-encoded in $(cat inject.uris)"
# The checker itself finds what it must: a hand-made PDF with an OpenAction running JavaScript.
$PY - <<'PY'
objs = [b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>",
        b"<< /S /JavaScript /JS (app.alert\\(1\\)) >>"]
out, offs = bytearray(b"%PDF-1.4\n"), []
for i, o in enumerate(objs, 1):
    offs.append(len(out))
    out += b"%d 0 obj\n%s\nendobj\n" % (i, o)
xref = len(out)
out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offs)
out += b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
open("evil.pdf", "wb").write(out)
PY
if $PY "$SRC/tests/e2e/no_active_content.py" evil.pdf 2>evil.err; then fail "the checker missed an OpenAction"; fi
for what in "key /OpenAction" "/S /JavaScript" "name /JavaScript outside a string"; do
  grep -qF "evil.pdf: $what" evil.err || fail "the checker missed '$what': $(cat evil.err)"
done
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

# 7. cvpdf never reads a PDF with PoDoFo: its parser (PdfParser, PdfMemDocument::Load, the
# PdfMemDocument(filename) constructor that loads) is neither linked into the PDF writer's module
# (cvpdf-pdf.so, the one object that uses PoDoFo: cli/pdf_writer.h) nor named in the sources,
# the program itself does not use PoDoFo, and PoDoFo is used only in src/pdf/ (DESIGN.md).
# `cvpdf verify` reads PDFs with its own small reader (src/verify/, issue 8), which is allowed.
parser='PoDoFo::(PdfParser|PdfParserObject|PdfXRefStreamParserObject)\b|PoDoFo::PdfMemDocument::(Load|InitFromParser|PdfMemDocument\((char|wchar_t) const\*)'
module="$(dirname "$CVPDF")/cvpdf-pdf.so"
[ -f "$module" ] || module="$CVPDF"  # built with pdf/ linked in (CVPDF_PDF_MODULE off)
nm -C -D --undefined-only "$module" > podofo.syms || fail "nm cannot read the module"
grep -q ' U PoDoFo::' podofo.syms || fail "nm lists no PoDoFo symbol: the check would be blind"
if grep -E "$parser" podofo.syms; then fail "the module links PoDoFo's PDF parser"; fi
# The pattern names real symbols: the PoDoFo library the module loads defines them.
lib=$(ldd "$module" | awk '/libpodofo/ {print $3}')
[ -n "$lib" ] || fail "the module does not load PoDoFo: the check would be blind"
[ "$(nm -C -D --defined-only "$lib" | grep -cE "$parser")" -ge 5 ] || fail "the parser pattern matches nothing in $lib"
for object in "$CVPDF" "$module"; do  # a static PoDoFo would show up as defined symbols
  nm -C "$object" > all.syms 2>/dev/null || true
  if grep -E " [TtWU] .*($parser)" all.syms; then fail "$object contains PoDoFo's PDF parser"; fi
done
if [ "$module" != "$CVPDF" ] && { nm -C -D "$CVPDF" | grep -q 'PoDoFo::' || ldd "$CVPDF" | grep -q libpodofo; }; then
  fail "the program itself uses PoDoFo"
fi
if grep -rnE '^\s*#\s*include\s*[<"]podofo' "$SRC/src" | grep -v "^$SRC/src/pdf/"; then
  fail "PoDoFo included outside src/pdf/"
fi
grep -rqE '^\s*#\s*include\s*[<"]podofo' "$SRC/src/pdf" || fail "no PoDoFo include found: the check would be blind"
if grep -rnE '\bPdfParser\b|PdfParserObject|PdfMemDocument::Load|\.Load\(|LoadFromBuffer|LoadFromDevice|PdfMemDocument\([^)]' \
     "$SRC/src/pdf" --include=*.cpp --include=*.h; then
  fail "src/pdf/ uses PoDoFo's PDF parser"
fi
pass "no PDF parser: binary and sources"
