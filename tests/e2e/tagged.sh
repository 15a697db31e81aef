#!/usr/bin/env bash
# Issue 8: the tagged PDF, exact text and metadata, for every design (layouts/*.yaml) and for
# en and zh (data/profile.yaml), ar and ja (tests/e2e/data/lang_five.yaml). For each PDF:
# check_structure.py (MarkInfo, StructTreeRoot, ParentTree against every MCID, OBJR for every
# link, Tabs, Figure /Alt, XMP agreeing with Info) and every profile string recovered in source
# order by pdftotext, by mutool (content-stream order) and by the structure tree
# (pdfinfo -struct-text, tree order; the sidebar's sections after the main column's) — for ar
# too: right-to-left runs are written in logical order (frame::GlyphRun::rtl).
# Then: a hyphenated word extracts whole (pdftotext: ActualText), icons read as words in both
# extractors (ToUnicode), a Chinese name in the English CV and English words in the Chinese one
# carry /Lang, the outline is in the document's language, and the bytes stay deterministic.
source "$(dirname "$0")/lib.bash" "$@"
SIDEBAR=skills,languages,interests,certifications,honors_and_awards,awards
FIVE="$SRC/tests/e2e/data/lang_five.yaml"

n=0
for design in classic sidebar compact academic; do
  for spec in "$SRC/data/profile.yaml en" "$SRC/data/profile.yaml zh" "$FIVE ar" "$FIVE ja"; do
    set -- $spec
    profile=$1 lang=$2 pdf="$WORK/$design-$2.pdf"
    "$CVPDF" "$profile" -t "$design" --lang "$lang" -o "$pdf" 2> "$WORK/stderr.txt" \
      || { cat "$WORK/stderr.txt"; fail "render $lang in $design"; }
    $PY "$SRC/tests/e2e/check_structure.py" "$pdf" > "$WORK/structure.txt" \
      || { cat "$WORK/structure.txt"; fail "structure of $lang in $design"; }
    # pdftotext's default mode orders text blocks by position and interleaves the sidebar with
    # the main column's lines: for the sidebar, the order is checked in its -raw (stream) order
    # and the default mode only for completeness (but not for Arabic: right-to-left text is
    # written in logical order, the pen moving leftwards, which -raw reads a letter per line).
    pdftotext -enc UTF-8 $([ $design = sidebar ] && [ $lang != ar ] && echo -raw) "$pdf" "$WORK/text.txt"
    pdftotext -enc UTF-8 "$pdf" "$WORK/default.txt"
    $PY "$SRC/tests/e2e/check_text.py" "$profile" "$lang" "$WORK/default.txt" > "$WORK/check.txt" \
      || { cat "$WORK/check.txt"; fail "pdftotext lost text ($lang in $design)"; }
    mutool draw -q -F txt -o "$WORK/mutool.txt" "$pdf" 2> /dev/null
    pdfinfo -struct-text "$pdf" > "$WORK/struct.txt"
    # Arabic: the content stream holds right-to-left runs in logical order (frame::GlyphRun::rtl),
    # which mutool 1.21 and poppler's structure text (content order, no /ActualText) need;
    # pdftotext sorts by position and puts right-to-left lines back in logical order itself.
    for x in text mutool struct; do
      $PY "$SRC/tests/e2e/check_text.py" "$profile" "$lang" "$WORK/$x.txt" --order \
        $([ $design = sidebar ] && echo --sidebar $SIDEBAR) $([ $x = struct ] && echo --struct) > "$WORK/check.txt" \
        || { cat "$WORK/check.txt"; fail "$x: text lost or out of order ($lang in $design)"; }
    done
    n=$((n + 1))
  done
done
pass "$n PDFs (4 designs × en, zh, ar, ja): structure valid, text complete and in order in pdftotext, mutool and the structure tree"

# The seed CV (classic, en): what the tree holds.
"$CVPDF" "$SRC/data/profile.yaml" -o "$WORK/en.pdf"
"$CVPDF" "$SRC/data/profile.yaml" --lang zh -o "$WORK/zh.pdf"
pdfinfo -struct-text "$WORK/en.pdf" > "$WORK/en.struct"
grep -q '^  H1 (block)$' "$WORK/en.struct" || fail "no H1 for the name"
[ "$(grep -c '^    H2 (block)$' "$WORK/en.struct")" -ge 6 ] || fail "fewer than 6 section titles (H2 in Sect)"
grep -q '^ *Lbl (block)$' "$WORK/en.struct" || fail "no list label (bullet)"
links=$(pdfinfo -url "$WORK/en.pdf" | tail -n +2 | wc -l)
objrs=$(grep -c '^ *Object [0-9]* 0$' "$WORK/en.struct")
[ "$links" -eq "$objrs" ] || fail "$links link annotations but $objrs OBJR in the tree"
pass "seed CV: H1, Sect/H2, L/LI/Lbl, $objrs links each with an OBJR"

# A hyphenated line end extracts as the whole word (ActualText on its first part, "" on the
# rest): the seed's honours have "Program-" / "ming" in the classic design.
"$CVPDF" dump --stage frames "$SRC/data/profile.yaml" > "$WORK/frames.txt"
grep -q '"Program" +hyphen actual="Programming"' "$WORK/frames.txt" || fail "the hyphenated word's parts are not marked"
pdftotext -enc UTF-8 "$WORK/en.pdf" - | grep -q "ICPC Collegiate Programming$" || fail "pdftotext: the hyphenated word is not whole"
pdftotext -enc UTF-8 "$WORK/en.pdf" - | grep -q "^ming" && fail "pdftotext: the hyphenated word's rest is read twice"
pass "a hyphenated word extracts whole"

# Icons: the word in both extractors, never the private-use code point.
"$CVPDF" "$SRC/samples/design-sidebar.yaml" -o "$WORK/sb.pdf"
for tool in "pdftotext -enc UTF-8 $WORK/sb.pdf -" "mutool draw -q -F txt -o - $WORK/sb.pdf"; do
  $tool 2> /dev/null > "$WORK/icons.txt"
  grep -q "Email: jane.doe@example.com" "$WORK/icons.txt" || fail "${tool%% *}: no 'Email:' before the address"
  grep -qP "[\x{F000}-\x{F2FF}]" "$WORK/icons.txt" && fail "${tool%% *}: an icon extracted as a private-use character"
done
pass "icons read as words in pdftotext and mutool"

# /Lang on spans in the other language, and the outline in the document's language.
qpdf --qdf --object-streams=disable "$WORK/zh.pdf" "$WORK/zh.qdf"
grep -aq "/Lang (en)" "$WORK/zh.qdf" || fail "zh: no English span tagged /Lang (en)"
cat > "$WORK/mixed.yaml" <<'YAML'
settings: {languages: [en, zh]}
cv:
  name: Ada Lovelace
  sections:
    education:
      - institution: {en: "Peking University (北京大学)", zh: 北京大学}
        area: Mathematics
        start_date: 2020
YAML
"$CVPDF" "$WORK/mixed.yaml" -o "$WORK/mixed.pdf"
qpdf --qdf --object-streams=disable "$WORK/mixed.pdf" "$WORK/mixed.qdf"
grep -aq "/Lang (zh-Hans)" "$WORK/mixed.qdf" || fail "en: the Chinese name is not tagged /Lang (zh-Hans)"
mutool show "$WORK/zh.pdf" outline > "$WORK/outline.txt" 2> /dev/null
for title in 个人简介 教育经历 发表论文; do
  grep -q "$title" "$WORK/outline.txt" || { cat "$WORK/outline.txt"; fail "zh outline lacks $title"; }
done
pass "/Lang on other-language spans; the zh outline is in Chinese"

# XMP: the same date as Info, from SOURCE_DATE_EPOCH; and deterministic bytes.
qpdf --qdf --object-streams=disable "$WORK/en.pdf" "$WORK/en.qdf"
grep -aq "<xmp:CreateDate>2025-11-25T00:00:00Z</xmp:CreateDate>" "$WORK/en.qdf" || fail "XMP CreateDate"
"$CVPDF" "$SRC/data/profile.yaml" -o "$WORK/en2.pdf"
cmp -s "$WORK/en.pdf" "$WORK/en2.pdf" || fail "two renders differ"
pass "XMP dates from SOURCE_DATE_EPOCH; byte-identical renders"
