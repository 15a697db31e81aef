#!/usr/bin/env bash
# Issue 5, batch and languages: the five-language profile (en, zh-Hans, ja, de, ar) rendered in
# one call; each PDF holds its translated section titles (data/locales), its CLDR dates and its
# extractable text; every batch PDF is byte-identical to the same language rendered alone; the
# regional Noto CJK face follows the language (SC, TC, JP, KR); one failing language writes
# nothing, unless --keep-going; the seed profile renders en and zh in one call.
#
# Arabic is right to left: bidi levels (UAX #9), runs placed in visual order, the page mirrored
# (dates on the left). pdftotext reads the glyphs back in logical order, wrapping right-to-left
# lines in bidi embedding marks (U+202A–202E), which the check drops; where a line mixes
# numbers and neutrals (a date range), poppler's own reordering may move a dash next to the
# year, so dates are checked word by word.
source "$(dirname "$0")/lib.bash" "$@"
FIVE=$SRC/tests/e2e/data/lang_five.yaml
cd "$WORK"
mkdir out

"$CVPDF" "$FIVE" --lang all -o 'out/cv.{lang}.pdf' 2>err.txt || { cat err.txt; fail "batch render"; }
grep -q "warning" err.txt && { cat err.txt; fail "warnings in the five-language batch"; }
for l in en zh-Hans ja de ar; do [[ -s out/cv.$l.pdf ]] || fail "no PDF for $l"; done
pass "five languages in one call"

# Text: titles from the locale files, dates as CLDR writes them, names as each language writes them.
for l in en zh-Hans ja de ar; do pdftotext -enc UTF-8 "out/cv.$l.pdf" "out/$l.txt"; done
$PY - "$WORK/out" <<'PY' || fail "translated text"
import sys
out = sys.argv[1]
want = {
    "en": ["Xinyi Liu", "Education", "Experience", "Publications", "Sep 2023 – present",
           "Jun – Sep 2022", "Ph.D. in Computer Science"],
    "zh-Hans": ["刘心怡", "教育经历", "工作经历", "发表论文", "2023年9月至今", "2022年6月至9月", "计算机科学博士"],
    "ja": ["劉心怡", "学歴", "職歴", "論文", "2023年9月～現在", "2022年6月～9月"],
    "de": ["Ausbildung", "Berufserfahrung", "Publikationen", "Sept. 2023 – heute", "Juni–Sept. 2022",
           "Promotion in Informatik"],
    "ar": ["شينيي ليو", "طالبة دكتوراه في علوم الحاسوب", "التعليم", "الخبرة المهنية", "المنشورات",
           "جامعة بكين", "دكتوراه في علوم الحاسوب", "مختبرات المثال", "متدربة بحثية", "سبتمبر",
           "٢٠٢٣", "حتى الآن", "يونيو", "٢٠٢٢", "٢٠٢٥"],
}
import re
def norm(s):  # pdftotext spaces CJK from digits; CLDR puts thin spaces around dashes
    s = re.sub("[\u202a-\u202e\u2066-\u2069]", "", s)  # bidi marks pdftotext adds
    return "".join(s.replace("\u2009", " ").split())
bad = 0
for lang, strings in want.items():
    text = norm(open(f"{out}/{lang}.txt", encoding="utf-8").read())
    for s in strings:
        if norm(s) not in text:
            print(f"{lang}: missing {s!r}"); bad += 1
# Arabic in logical order: the letters of every word as written, never reversed, and the
# section titles in the order of the profile.
ar = norm(open(f"{out}/ar.txt", encoding="utf-8").read())
for s in want["ar"]:
    r = norm(s)[::-1]
    if r != norm(s) and r in ar:
        print(f"ar: {s!r} extracted reversed"); bad += 1
titles = [ar.find(norm(t)) for t in ("التعليم", "الخبرة المهنية", "المنشورات")]
if titles != sorted(titles):
    print(f"ar: section titles out of order {titles}"); bad += 1
sys.exit(1 if bad else 0)
PY
pass "titles, dates and names in every language"

# Arabic is mirrored: the section titles end at the right margin, the dates start at the left.
pdftotext -bbox-layout "out/cv.ar.pdf" out/ar.html
$PY - out/ar.html <<'PY' || fail "Arabic layout not mirrored"
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
word = r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>'
# Right-to-left text is written in logical order, the pen moving leftwards: poppler makes a
# word of each letter and lists a line's words left to right. A box per line, with its text.
lines = []
for body in re.findall(r"<line [^>]*>(.*?)</line>", html, re.S):
    ws = [(float(a), float(b), t) for a, b, t in re.findall(word, body)]
    if ws:
        lines.append((min(w[0] for w in ws), max(w[1] for w in ws), "".join(w[2] for w in ws)))
def box(text): return [(a, b) for a, b, t in lines if text in (t, t[::-1])]
title, = box("التعليم")
year = [(float(a), float(b)) for a, b, t in re.findall(word, html) if t == "٢٠٢٣"][0]
print(f"title x {title}, year x {year}")
sys.exit(0 if title[1] > 500 and year[0] < 150 else 1)
PY
pass "Arabic: mirrored layout (titles at the right, dates at the left)"

# A Hebrew co-author inside an English CV: drawn right to left, extracted in logical order,
# the English line around it left to right.
"$CVPDF" "$SRC/tests/layout/hebrew-name.yaml" -o he.pdf 2>err.txt || { cat err.txt; fail "Hebrew name"; }
grep -q warning err.txt && { cat err.txt; fail "warnings with a Hebrew name"; }
pdftotext -enc UTF-8 he.pdf he.txt
$PY -c 'import re, sys; t = re.sub("[\u202a-\u202e]", "", open(sys.argv[1], encoding="utf-8").read())
sys.exit(0 if "Xinyi Liu, דוד לוי, Bin Cui" in t else 1)' he.txt || { cat he.txt; fail "Hebrew co-author not extracted in order"; }
pass "a Hebrew co-author in an English author list"

# Batch vs single: the same bytes.
for l in en zh-Hans ja de ar; do
  "$CVPDF" "$FIVE" --lang "$l" -o "single.$l.pdf" 2>/dev/null || fail "single render $l"
  cmp -s "single.$l.pdf" "out/cv.$l.pdf" || fail "batch and single $l differ"
done
"$CVPDF" "$FIVE" --lang all --jobs 1 -o 'seq.{lang}.pdf' 2>/dev/null || fail "--jobs 1"
for l in en zh-Hans ja de ar; do cmp -s "seq.$l.pdf" "out/cv.$l.pdf" || fail "--jobs 1 differs ($l)"; done
pass "batch PDFs byte-identical to single renders and to --jobs 1"

# The regional CJK faces, by the PDF's font names (zh-Hant and ko: titles from their locale files).
"$CVPDF" "$FIVE" --lang zh-Hant,ko -o 'cjk.{lang}.pdf' 2>/dev/null || fail "zh-Hant, ko"
face() { pdffonts "$1" | grep -o 'Noto[A-Za-z]*CJK[a-z]*' | sed 's/.*CJK//' | sort -u | tr '\n' ' '; }
[[ $(face out/cv.zh-Hans.pdf) == "sc " ]] || fail "zh-Hans faces: $(face out/cv.zh-Hans.pdf)"
[[ $(face out/cv.ja.pdf) == "jp " ]] || fail "ja faces: $(face out/cv.ja.pdf)"
[[ $(face cjk.zh-Hant.pdf) == "tc " ]] || fail "zh-Hant faces: $(face cjk.zh-Hant.pdf)"
[[ $(face cjk.ko.pdf) == "kr " ]] || fail "ko faces: $(face cjk.ko.pdf)"
pdffonts out/cv.ar.pdf | grep -q NotoNaskhArabic || fail "no Arabic face"
pass "Noto CJK SC / TC / JP / KR by language; Noto Naskh Arabic"

# One bad language (--strict: zh's missing translations are errors) fails the batch: nothing
# written, a located error; --keep-going writes the good one and still fails.
cat >two.yaml <<'YAML'
settings: {languages: [en, zh]}
cv:
  name: Xinyi Liu
  headline: {en: Ph.D. student, zh: 博士研究生}
  sections:
    education:
      - institution: {en: Peking University}
        area: {en: Computer Science, zh: 计算机科学}
        start_date: 2023-09
YAML
rc=0; "$CVPDF" two.yaml --strict --lang all -o 'bad.{lang}.pdf' 2>err.txt || rc=$?
[[ $rc == 1 ]] || fail "strict batch exit $rc"
ls bad.*.pdf 2>/dev/null && fail "a partial batch was written"
grep -q "two.yaml:[0-9]*:[0-9]*: error: no 'zh' text here" err.txt || { cat err.txt; fail "no located error"; }
grep -q "no PDF written: 'zh' has errors" err.txt || fail "no summary of the failed language"
rc=0; "$CVPDF" two.yaml --strict --keep-going --lang all -o 'bad.{lang}.pdf' 2>err.txt || rc=$?
[[ $rc == 1 && -s bad.en.pdf && ! -e bad.zh.pdf ]] || fail "--keep-going (exit $rc)"
pass "a failing language writes nothing; --keep-going writes the others, exit 1"

# Progress lines only on a terminal: none in a pipe.
"$CVPDF" "$FIVE" --lang all -o 'out/cv.{lang}.pdf' 2>err.txt
[[ ! -s err.txt ]] || fail "progress in a pipe: $(cat err.txt)"
if command -v script >/dev/null; then
  script -qec "'$CVPDF' '$FIVE' --lang all -o 'tty.{lang}.pdf'" /dev/null >tty.txt </dev/null || true
  [[ $(grep -c 'wrote tty\.' tty.txt) == 5 ]] || fail "no progress lines on a terminal: $(cat tty.txt)"
  pass "progress lines on a terminal, quiet in a pipe"
fi

# The seed profile: en and zh in one call, identical to single renders.
"$CVPDF" "$SRC/data/profile.yaml" --lang all -o 'seed.{lang}.pdf' 2>/dev/null || fail "seed batch"
for l in en zh; do
  "$CVPDF" "$SRC/data/profile.yaml" --lang "$l" -o "seed1.$l.pdf" 2>/dev/null
  cmp -s "seed.$l.pdf" "seed1.$l.pdf" || fail "seed $l differs"
done
pass "seed profile: en and zh in one call, byte-identical"
