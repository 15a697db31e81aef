#!/usr/bin/env bash
# Issue 9, the font index (text/font_index.h): a run whose font requests an earlier run answered
# takes them from $XDG_CACHE_HOME/cvpdf without building fontconfig's configuration; the PDFs
# are byte-identical with the index cold, warm, corrupt, or off (CVPDF_FONT_INDEX=off), with the
# system's fonts and with the pinned ones only.
source "$(dirname "$0")/lib.bash" "$@"
cd "$WORK"
PROFILE=$SRC/data/profile.yaml
index_files() { find "$XDG_CACHE_HOME/cvpdf" -name 'fonts-*.idx' 2>/dev/null | sort; }

for fonts in system pinned; do
  opts=()
  [[ $fonts == pinned ]] && opts=(--no-system-fonts --font-dir "$SRC/fonts")
  for lang in en zh; do
    export XDG_CACHE_HOME="$WORK/cache-$fonts-$lang"
    CVPDF_FONT_INDEX=off "$CVPDF" "$PROFILE" --lang $lang "${opts[@]}" -o off.pdf 2>/dev/null || fail "render, index off"
    [[ -z $(index_files) ]] || fail "CVPDF_FONT_INDEX=off wrote an index"
    "$CVPDF" "$PROFILE" --lang $lang "${opts[@]}" -o cold.pdf 2>/dev/null || fail "render, index cold"
    idx=$(index_files)
    [[ $(wc -l <<<"$idx") == 1 && -s $idx ]] || fail "no index file after a cold run ($fonts, $lang)"
    head -c 17 "$idx" | grep -q '^cvpdf-font-index' || fail "index header"
    "$CVPDF" "$PROFILE" --lang $lang "${opts[@]}" -o warm.pdf 2>/dev/null || fail "render, index warm"
    printf 'cvpdf-font-index\t1\tgarbage\n\x01' >"$idx"
    "$CVPDF" "$PROFILE" --lang $lang "${opts[@]}" -o corrupt.pdf 2>err.txt || fail "render, index corrupt"
    [[ -s err.txt ]] && { cat err.txt; fail "a corrupt index gave diagnostics"; }
    head -c 17 "$idx" | grep -q '^cvpdf-font-index' || fail "corrupt index not rebuilt"
    for f in cold warm corrupt; do cmp off.pdf $f.pdf || fail "$fonts fonts, $lang: index $f changed the PDF"; done
    pass "$fonts fonts, $lang: byte-identical with the index off, cold, warm and corrupt"
  done
done

# A warm run never reads fontconfig's configuration (strace, where installed). LeakSanitizer
# cannot run under ptrace (it fails the program at exit): no leak check in the two traced runs
# of the sanitizer build; every other run of the suite does it.
if command -v strace >/dev/null; then
  export XDG_CACHE_HOME="$WORK/cache-strace"
  untraced_leaks="${ASAN_OPTIONS:-}:detect_leaks=0"
  "$CVPDF" "$PROFILE" --lang zh -o a.pdf 2>/dev/null
  ASAN_OPTIONS=$untraced_leaks strace -f -e trace=open,openat -o trace.txt "$CVPDF" "$PROFILE" --lang zh -o b.pdf 2>/dev/null
  grep -q 'fonts\.conf' trace.txt && fail "a warm run read fonts.conf"
  grep -q 'fontconfig/.*cache' trace.txt && fail "a warm run read fontconfig's cache"
  ASAN_OPTIONS=$untraced_leaks strace -f -e trace=open,openat -o trace.txt env CVPDF_FONT_INDEX=off "$CVPDF" "$PROFILE" --lang zh -o c.pdf 2>/dev/null
  grep -q 'fonts\.conf' trace.txt || fail "strace does not see fontconfig when the index is off"
  pass "a warm run does not build fontconfig's configuration"
fi

# A font added to a --font-dir folder invalidates the index: the new family is found at once.
export XDG_CACHE_HOME="$WORK/cache-add"
mkdir -p extra
"$CVPDF" "$PROFILE" --no-system-fonts --font-dir "$SRC/fonts" --font-dir extra -o a.pdf 2>/dev/null || fail "render"
cp "$SRC/fonts/DejaVuSansMono.ttf" extra/Copy.ttf
cp "$SRC/fonts/NotoSerif-Regular.ttf" extra/
"$CVPDF" "$PROFILE" --no-system-fonts --font-dir "$SRC/fonts" --font-dir extra -o b.pdf 2>/dev/null || fail "render after adding fonts"
grep -q "extra/NotoSerif-Regular.ttf" "$(index_files)" || fail "the index does not know the fonts added to the folder"
pass "a changed font folder rebuilds the index"
