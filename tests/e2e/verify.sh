#!/usr/bin/env bash
# Issue 8: `cvpdf verify` — the ATS check. It passes (exit 0, every string found in order) on
# cvpdf's own output for every design in English and Chinese, and on the long academic sample;
# it fails (exit 5) with the right finding, located in the profile, on deliberately damaged PDFs
# (tests/e2e/damage_pdf.py): a word changed, a run removed, two headings swapped, a wrong and a
# missing ToUnicode entry, a truncated file, a PDF another program wrote, an encrypted one;
# and it reads no PDF with PoDoFo (hostile.sh checks the binary).
source "$(dirname "$0")/lib.bash" "$@"
P="$SRC/data/profile.yaml"

render() {  # render PROFILE DESIGN LANG OUT
  "$CVPDF" "$1" -t "$2" --lang "$3" -o "$4" -q || fail "render $1 $2 $3"
}

# verify_ok PDF PROFILE DESIGN LANG: exit 0, a summary naming N of N strings, no error.
verify_ok() {
  local rc=0
  "$CVPDF" verify "$1" --profile "$2" -t "$3" --lang "$4" > "$WORK/out.txt" 2> "$WORK/err.txt" || rc=$?
  [ "$rc" -eq 0 ] || { cat "$WORK/err.txt"; fail "verify $3 $4: exit $rc"; }
  grep -Eq ': ([0-9]+) of \1 strings of .* found in order' "$WORK/out.txt" || { cat "$WORK/out.txt"; fail "verify $3 $4: summary"; }
  ! grep -q ": error:" "$WORK/err.txt" || fail "verify $3 $4: errors printed with exit 0"
}

for design in classic sidebar compact academic; do
  for lang in en zh; do
    render "$P" "$design" "$lang" "$WORK/$design.$lang.pdf"
    verify_ok "$WORK/$design.$lang.pdf" "$P" "$design" "$lang"
  done
done
pass "verify: 4 designs × en, zh of data/profile.yaml clean"

for design in classic sidebar; do
  for lang in en zh; do
    render "$SRC/samples/academic-long.yaml" "$design" "$lang" "$WORK/long.pdf"
    verify_ok "$WORK/long.pdf" "$SRC/samples/academic-long.yaml" "$design" "$lang"
  done
done
pass "verify: the long academic sample (8 pages) clean in classic and sidebar, en and zh"

# The five-language profile: every language clean, Arabic too (its runs are written in logical
# order). Arabic drawn in visual order is what verify would report as reading backwards: see
# the damaged-PDF cases below.
F="$SRC/tests/e2e/data/lang_five.yaml"
for lang in en zh-Hans ja de ar; do
  "$CVPDF" "$F" --lang "$lang" -o "$WORK/five.pdf" -q || fail "render five $lang"
  verify_ok "$WORK/five.pdf" "$F" classic "$lang"
done
# The Arabic name drawn in visual order instead: reported as reading backwards, not as missing.
$PY "$SRC/tests/e2e/damage_pdf.py" visual-order "$WORK/five.pdf" "$WORK/visual.pdf"
rc=0; "$CVPDF" verify "$WORK/visual.pdf" --profile "$F" --lang ar > /dev/null 2> "$WORK/err.txt" || rc=$?
[ "$rc" -eq 5 ] || { cat "$WORK/err.txt"; fail "verify ar in visual order: exit $rc"; }
grep -q "error: 'شينيي ليو' reads backwards in the PDF's text (page 1): 'ويل يينيش'" "$WORK/err.txt" ||
  { cat "$WORK/err.txt"; fail "verify ar: the name in visual order not reported as reversed"; }
pass "verify: five languages clean (en, zh-Hans, ja, de, ar); Arabic in visual order reported as reading backwards"

# verify_fails KIND PATTERN: the damaged classic English PDF gives exit 5 and PATTERN on stderr.
render "$P" classic en "$WORK/good.pdf"
verify_fails() {
  local kind=$1 pattern=$2 rc=0
  if [ "$kind" != none ]; then $PY "$SRC/tests/e2e/damage_pdf.py" "$kind" "$WORK/good.pdf" "$WORK/bad.pdf"; fi
  "$CVPDF" verify "$WORK/bad.pdf" --profile "$P" > "$WORK/out.txt" 2> "$WORK/err.txt" || rc=$?
  [ "$rc" -eq 5 ] || { cat "$WORK/err.txt"; fail "$kind: exit $rc, not 5"; }
  grep -Eq -- "$pattern" "$WORK/err.txt" || { cat "$WORK/err.txt"; fail "$kind: no '$pattern'"; }
}
# The qpdf rewrite the damage starts from (every object in place, a classic xref) passes.
$PY "$SRC/tests/e2e/damage_pdf.py" none "$WORK/good.pdf" "$WORK/plain.pdf"
verify_ok "$WORK/plain.pdf" "$P" classic en
name_line=$(grep -n '^  name: Xinyi Liu' "$P" | cut -d: -f1)
# The name is still in the bio and the author lists: it is reported as not where it belongs,
# with what the PDF has there instead.
verify_fails change-word "profile.yaml:$name_line:9: error: 'Xinyi Liu' is out of order in the PDF: it is on page 1, but not before 'Second-year"
grep -q "there the PDF reads 'Xniyi Liu'" "$WORK/err.txt" || { cat "$WORK/err.txt"; fail "change-word: no quote of what the PDF reads"; }
verify_fails remove-run "profile.yaml:[0-9]+:[0-9]+: error: '.*' is missing from the PDF's text"
verify_fails swap-runs "error: 'About Me' is out of order in the PDF: it is on page 1, but not after 'xy.liu@stu.pku.edn.cn' and before 'Hi!"
grep -q "error: 'Education' is out of order" "$WORK/err.txt" || { cat "$WORK/err.txt"; fail "swap-runs: Education not reported"; }
verify_fails tounicode "error: '.*' is missing from the PDF's text"
verify_fails unmap "page 1: [0-9]+ glyphs? ha(s|ve) no text in its font's ToUnicode map"
verify_fails truncate "bad.pdf: error: cannot read the PDF back: no 'startxref' at the end: the file is truncated"
verify_fails producer "bad.pdf: error: this PDF was not written by cvpdf \(its Producer is 'LibreOffice 7.4'\)"
# A tagged PDF (issue 8 item 1) whose content has an MCID the structure tree does not reach.
rc=0; $PY "$SRC/tests/e2e/damage_pdf.py" mcid "$WORK/good.pdf" "$WORK/bad.pdf" || rc=$?
if [ "$rc" -eq 0 ]; then
  verify_fails none "bad.pdf: error: page 1: marked content MCID 9999 is not reachable from the structure tree"
  grep -q "error: page 1: the structure tree names MCID [0-9]*, which the page's content does not have" "$WORK/err.txt" || fail "mcid: the orphan MCID not reported"
else
  [ "$rc" -eq 3 ] || fail "damage_pdf.py mcid: exit $rc"
  echo "note: the PDF is not tagged; the structure-tree damage case is skipped"
fi
qpdf --encrypt "" owner 256 -- "$WORK/good.pdf" "$WORK/bad.pdf"
verify_fails none "error: cannot read the PDF back: the PDF is encrypted"
pass "verify: a changed word, a removed run, swapped headings, a wrong and a missing ToUnicode entry, truncation, another producer, encryption: exit 5, located"

# The wrong language or layout is a finding too (most strings missing), and bad command lines.
rc=0; "$CVPDF" verify "$WORK/good.pdf" --profile "$P" --lang zh > /dev/null 2>&1 || rc=$?
[ "$rc" -eq 5 ] || fail "an English PDF verified as Chinese: exit $rc"
rc=0; "$CVPDF" verify "$WORK/good.pdf" > /dev/null 2>&1 || rc=$?
[ "$rc" -eq 2 ] || fail "verify without --profile: exit $rc"
rc=0; "$CVPDF" verify "$WORK/none.pdf" --profile "$P" > /dev/null 2> "$WORK/err.txt" || rc=$?
[ "$rc" -eq 3 ] || fail "verify of a missing file: exit $rc"
pass "verify: wrong language exit 5, no profile exit 2, missing PDF exit 3"
