#!/usr/bin/env bash
# Issue 9, the date memo (i18n/date_memo.h): a run whose dates an earlier run formatted takes
# ICU's answers from $XDG_CACHE_HOME/cvpdf/dates-*.memo instead of loading CLDR through ICU. The
# PDFs are byte-identical with the memo off (CVPDF_FONT_INDEX=off: no cache folder), cold, warm
# and corrupt, alone and in a batch; a warm run does not rewrite it; a memo is really read.
source "$(dirname "$0")/lib.bash" "$@"
cd "$WORK"
FIVE=$SRC/tests/e2e/data/lang_five.yaml
memos() { find "$XDG_CACHE_HOME/cvpdf" -name 'dates-*.memo' 2>/dev/null | sort; }

for lang in en zh-Hans ja de ar; do
  export XDG_CACHE_HOME="$WORK/cache-$lang"
  CVPDF_FONT_INDEX=off "$CVPDF" "$FIVE" --lang $lang -o off.pdf 2>/dev/null || fail "$lang: render, memo off"
  [[ -z $(memos) ]] || fail "$lang: CVPDF_FONT_INDEX=off wrote a date memo"
  "$CVPDF" "$FIVE" --lang $lang -o cold.pdf 2>/dev/null || fail "$lang: render, memo cold"
  memo=$(memos)
  [[ $(wc -l <<<"$memo") == 1 && -s $memo ]] || fail "$lang: no date memo after a cold run"
  head -1 "$memo" | grep -q "^cvpdf dates 1 icu [0-9.]* lang $lang\$" || fail "$lang: memo header: $(head -1 "$memo")"
  before=$(stat -c '%i %Y.%y' "$memo")
  sleep 0.01
  "$CVPDF" "$FIVE" --lang $lang -o warm.pdf 2>/dev/null || fail "$lang: render, memo warm"
  [[ $(stat -c '%i %Y.%y' "$memo") == "$before" ]] || fail "$lang: a warm run rewrote the memo"
  printf 'cvpdf dates 1 garbage\n\x01' >"$memo"
  "$CVPDF" "$FIVE" --lang $lang -o corrupt.pdf 2>err.txt || fail "$lang: render, memo corrupt"
  [[ -s err.txt ]] && { cat err.txt; fail "$lang: a corrupt memo gave diagnostics"; }
  head -1 "$memo" | grep -q "^cvpdf dates 1 icu" || fail "$lang: corrupt memo not rewritten"
  for f in cold warm corrupt; do cmp off.pdf $f.pdf || fail "$lang: memo $f changed the PDF"; done
  pass "$lang: byte-identical with the date memo off, cold, warm and corrupt"
done

# A batch writes one memo per language and gives the same files, cold and warm.
export XDG_CACHE_HOME="$WORK/cache-batch"
render_all off "$FIVE" CVPDF_FONT_INDEX=off || fail "batch, memo off"
render_all cold "$FIVE" || fail "batch, memo cold"
[[ $(memos | wc -l) == 5 ]] || fail "batch: $(memos | wc -l) date memos for 5 languages"
render_all warm "$FIVE" || fail "batch, memo warm"
changed=$(same_files off cold warm) || fail "batch: the memo changed $changed"
pass "batch of 5 languages: a memo each, byte-identical files off, cold and warm"

# The memo is what the run uses: an answer changed in it (checksum made right) is printed.
export XDG_CACHE_HOME="$WORK/cache-used"
"$CVPDF" "$SRC/data/profile.yaml" --lang en -o a.pdf 2>/dev/null || fail "render"
memo=$(memos)
grep -q $'^range y 2019 0 2023 0\t' "$memo" || fail "the memo lacks the range 2019–2023: $(cat "$memo")"
$PY - "$memo" <<'PY'
import sys
path = sys.argv[1]
body = open(path, encoding="utf-8").read()
body = body[:body.rindex("sum ")]
lines = [l if not l.startswith("range y 2019 0 2023 0\t") else "range y 2019 0 2023 0\tMEMOIZED-RANGE"
         for l in body.split("\n")]
body = "\n".join(lines)
h = 0xcbf29ce484222325
for b in body.encode():
    h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
open(path, "w", encoding="utf-8").write(body + "sum %016x\n" % h)
PY
"$CVPDF" "$SRC/data/profile.yaml" --lang en -o b.pdf 2>/dev/null || fail "render with an edited memo"
pdftotext b.pdf - | grep -q MEMOIZED-RANGE || fail "the edited memo's answer was not used"
pdftotext a.pdf - | grep -q '2019 – 2023' || fail "the range is not in the first PDF"
pass "a run takes its dates from the memo"
