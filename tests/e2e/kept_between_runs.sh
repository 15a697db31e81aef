#!/usr/bin/env bash
# Issue 9, what a run keeps for the next in $XDG_CACHE_HOME/cvpdf (cli/cache_folder.h): the
# loaded profile (cli/profile_memo.h) in profiles/, subset font programs (pdf/program_cache.h)
# and encoded PNGs (pdf/image_cache.h) in programs/, and HarfBuzz's output for the profile and
# its languages (text/shape_memo.h) in shapes/. The PDFs
# are byte-identical with all of it off (CVPDF_FONT_INDEX=off: no cache folder), cold, warm and
# corrupt, alone and in a batch; a warm run rewrites nothing; what was kept is really used.
source "$(dirname "$0")/lib.bash" "$@"
cd "$WORK"
FIVE=$SRC/tests/e2e/data/lang_five.yaml
programs() { find "$XDG_CACHE_HOME/cvpdf/programs" -name 'font-*.bin' 2>/dev/null | sort; }
kept_files() { find "$XDG_CACHE_HOME/cvpdf/programs" "$XDG_CACHE_HOME/cvpdf/shapes" "$XDG_CACHE_HOME/cvpdf/profiles" -type f 2>/dev/null | sort; }
listing() { for f in $(kept_files); do echo "$f $(stat -c %i "$f") $(md5sum <"$f")"; done; }
contents() { for f in $(find "$XDG_CACHE_HOME/cvpdf/programs" -type f | sort); do echo "$f $(md5sum <"$f")"; done; }

for lang in en zh-Hans ar; do
  export XDG_CACHE_HOME="$WORK/cache-$lang"
  CVPDF_FONT_INDEX=off "$CVPDF" "$FIVE" --lang $lang -o off.pdf 2>/dev/null || fail "$lang: render, cache off"
  [[ -z $(kept_files) ]] || fail "$lang: CVPDF_FONT_INDEX=off kept files"
  "$CVPDF" "$FIVE" --lang $lang -o cold.pdf 2>/dev/null || fail "$lang: render, cache cold"
  faces=$(pdffonts cold.pdf | tail -n +3 | grep -vc 'Type 3')
  [[ $(programs | wc -l) == "$faces" ]] || fail "$lang: $(programs | wc -l) kept programs for $faces embedded faces"
  [[ $(kept_files | grep -c '/shapes/shapes-.*\.bin$') == 1 ]] || fail "$lang: no shape memo after a cold run"
  before=$(listing)
  kept=$(contents)
  "$CVPDF" "$FIVE" --lang $lang -o warm.pdf 2>/dev/null || fail "$lang: render, cache warm"
  [[ $(listing) == "$before" ]] || fail "$lang: a warm run rewrote kept files"
  for f in $(kept_files); do printf 'cvpdf font program 1\ngarbage' >"$f"; done
  "$CVPDF" "$FIVE" --lang $lang -o corrupt.pdf 2>err.txt || fail "$lang: render, cache corrupt"
  [[ -s err.txt ]] && { cat err.txt; fail "$lang: corrupt kept files gave diagnostics"; }
  [[ $(contents) == "$kept" ]] || fail "$lang: corrupt kept programs were not made again as they were"
  # (The memo made again may hold more runs than the first: with the font index warm, the spare
  # thread's warm-up shapes its samples too.)
  head -c 15 "$XDG_CACHE_HOME"/cvpdf/shapes/shapes-*.bin | grep -q '^cvpdf shapes 1' || fail "$lang: corrupt memo not made again"
  for f in cold warm corrupt; do cmp off.pdf $f.pdf || fail "$lang: kept files ($f) changed the PDF"; done
  pass "$lang: byte-identical with kept programs and shapes off, cold, warm and corrupt ($faces faces)"
done

# A batch shares one folder: the same files off, cold and warm.
export XDG_CACHE_HOME="$WORK/cache-batch"
render_all off "$FIVE" CVPDF_FONT_INDEX=off || fail "batch, cache off"
render_all cold "$FIVE" || fail "batch, cache cold"
kept=$(programs | wc -l)
before=$(listing)
render_all warm "$FIVE" || fail "batch, cache warm"
[[ $(listing) == "$before" ]] || fail "batch: a warm run rewrote kept files"
changed=$(same_files off cold warm) || fail "batch: kept files changed $changed"
pass "batch of 5 languages: $kept kept programs, byte-identical files off, cold and warm"

# What a run embeds is the kept program: each entry's stream replaced (checksum made right).
export XDG_CACHE_HOME="$WORK/cache-used"
"$CVPDF" "$SRC/data/profile.yaml" --lang en -o a.pdf 2>/dev/null || fail "render"
for f in $(programs); do
  $PY - "$f" <<'PY'
import struct, sys
path = sys.argv[1]
body = open(path, "rb").read()[:-8]
i = body.index(b"\n") + 1
def field(at):
    n = struct.unpack_from("<I", body, at)[0]
    return at + 4 + n
i = field(i)          # the key
i = field(i)          # the program
flate_at = i          # 1 if the stream is compressed
end = field(i + 4)    # the stream as written
new = body[:flate_at] + struct.pack("<I", 0) + struct.pack("<I", 8) + b"TAMPERED" + body[end:]
h = 0xcbf29ce484222325
for c in new:
    h = ((h ^ c) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
open(path, "wb").write(new + struct.pack("<II", h & 0xFFFFFFFF, h >> 32))
PY
done
"$CVPDF" "$SRC/data/profile.yaml" --lang en -o b.pdf 2>/dev/null || fail "render with edited programs"
n=$(grep -ac TAMPERED b.pdf || true)
[[ $n -ge 1 ]] || fail "the edited programs were not used"
grep -aq TAMPERED a.pdf && fail "TAMPERED in the first PDF"
pass "a run embeds the programs it kept"

# The seed CV's emoji is kept encoded (pdf/image_cache.h).
[[ $(find "$XDG_CACHE_HOME/cvpdf/programs" -name 'image-*.bin' | wc -l) == 1 ]] || fail "no kept image for the seed CV's emoji"

# A profile edited in one paragraph: its other runs come from the memo, the PDF is what a run
# without any cache gives.
export XDG_CACHE_HOME="$WORK/cache-edit"
sed 's/Beijing/Peking/' "$SRC/data/profile.yaml" >edited.yaml
cp "$SRC/data/profile.yaml" seed.yaml
"$CVPDF" seed.yaml --lang en -o seed.pdf 2>/dev/null || fail "render seed"
cp edited.yaml seed.yaml
"$CVPDF" seed.yaml --lang en -o warm-edit.pdf 2>/dev/null || fail "render edited, memo warm"
CVPDF_FONT_INDEX=off "$CVPDF" seed.yaml --lang en -o off-edit.pdf 2>/dev/null || fail "render edited, cache off"
cmp warm-edit.pdf off-edit.pdf || fail "an edited profile with a warm memo gives another PDF than without"
pdftotext warm-edit.pdf - | grep -q Peking || fail "the edit is not in the PDF"
pass "an edited profile: the memo's runs and the new ones give the PDF a run without it gives"

# A loaded profile (cli/profile_memo.h): a profile with a warning, rendered cold and warm, prints
# the same message and gives the same PDF as with nothing kept; a warm run rewrites nothing; the
# profile edited gives the edited message and PDF.
export XDG_CACHE_HOME="$WORK/cache-profile"
sed 's/^settings:$/settings:\n  langauge_typo: en/' "$SRC/data/profile.yaml" >warned.yaml
grep -q langauge_typo warned.yaml || fail "could not add an unknown key"
CVPDF_FONT_INDEX=off "$CVPDF" warned.yaml --lang en -o off-w.pdf 2>off-w.txt || fail "render, nothing kept"
grep -q "warned.yaml:7:3: warning: unknown key 'langauge_typo' in settings" off-w.txt || fail "no warning: $(cat off-w.txt)"
"$CVPDF" warned.yaml --lang en -o cold-w.pdf 2>cold-w.txt || fail "render, profile memo cold"
memo=$(find "$XDG_CACHE_HOME/cvpdf/profiles" -name 'profile-*.bin')
[[ $(wc -l <<<"$memo") == 1 && -s $memo ]] || fail "no profile memo after a cold run"
before=$(stat -c '%i' "$memo")$(md5sum <"$memo")
"$CVPDF" warned.yaml --lang en -o warm-w.pdf 2>warm-w.txt || fail "render, profile memo warm"
[[ $(stat -c '%i' "$memo")$(md5sum <"$memo") == "$before" ]] || fail "a warm run rewrote the profile memo"
cmp off-w.txt cold-w.txt && cmp off-w.txt warm-w.txt || fail "the messages differ with the profile memo"
cmp off-w.pdf cold-w.pdf && cmp off-w.pdf warm-w.pdf || fail "the PDF differs with the profile memo"
set +e; "$CVPDF" warned.yaml --lang en --strict -o strict.pdf 2>/dev/null; rc=$?; set -e
[[ $rc == 1 ]] || fail "--strict with a kept warning: exit $rc, expected 1"
sed -i 's/^  langauge_typo: en$/  langauge_typo: en\n  other_typo: 1/' warned.yaml
"$CVPDF" warned.yaml --lang en -o edited-w.pdf 2>edited-w.txt || fail "render, edited"
grep -q "warned.yaml:8:3: warning: unknown key 'other_typo' in settings" edited-w.txt || fail "edit not seen: $(cat edited-w.txt)"
CVPDF_FONT_INDEX=off "$CVPDF" warned.yaml --lang en -o off-e.pdf 2>off-e.txt || fail "render edited, nothing kept"
cmp off-e.txt edited-w.txt && cmp off-e.pdf edited-w.pdf || fail "an edited profile differs from a run with nothing kept"
pass "a loaded profile: same messages and PDF cold, warm and with nothing kept; an edit is seen"
