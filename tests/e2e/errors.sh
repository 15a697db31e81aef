#!/usr/bin/env bash
# Errors point into the user's file (file:line:col), with a non-zero exit from the documented enum.
source "$(dirname "$0")/lib.bash" "$@"

expect() {  # expect CODE PATTERN -- args...
  local code=$1 pattern=$2; shift 3
  set +e
  "$CVPDF" "$@" > "$WORK/out.txt" 2> "$WORK/err.txt"
  local rc=$?
  set -e
  [ "$rc" -eq "$code" ] || { cat "$WORK/err.txt"; fail "exit $rc, expected $code for: $*"; }
  if [ -n "$pattern" ]; then
    grep -qE "$pattern" "$WORK/err.txt" || { cat "$WORK/err.txt"; fail "no '$pattern' in stderr for: $*"; }
  fi
}

expect 3 "missing\.yaml: error: cannot open the file" -- "$WORK/missing.yaml" -o "$WORK/x.pdf"

printf 'cv:\n  name: Xinyi Liu\n  sections:\n    education: [\n' > "$WORK/syntax.yaml"
expect 1 "syntax\.yaml:[0-9]+:[0-9]+: error: " -- "$WORK/syntax.yaml" -o "$WORK/x.pdf"

printf 'cv:\n  headline: PhD student\n' > "$WORK/noname.yaml"
expect 1 "noname\.yaml:[0-9]+:[0-9]+: error: .*name" -- "$WORK/noname.yaml" -o "$WORK/x.pdf"

printf 'cv:\n  name: Xinyi Liu\n  eduction: x\n' > "$WORK/typo.yaml"
expect 1 "typo\.yaml:3:3: error: unknown key 'eduction'" -- check "$WORK/typo.yaml"
grep -q "   3 |   eduction: x" "$WORK/err.txt" || grep -q " 3 |   eduction: x" "$WORK/err.txt" || fail "no source line shown"
grep -q "\^" "$WORK/err.txt" || fail "no caret"

expect 2 "" -- "$SRC/data/profile.yaml" --page-size b5

# A character no font covers is a warning naming it and where it is; the render still succeeds.
# (U+1FB00, from Symbols for Legacy Computing, is in none of the pinned fonts.)
printf 'cv:\n  name: Xinyi Liu\n  headline: "Glyph \xF0\x9F\xAC\x80 here"\n' > "$WORK/tofu.yaml"
expect 0 "tofu\.yaml:3:13: warning: character U\+1FB00 .* is not covered by any font" -- \
  "$WORK/tofu.yaml" --no-system-fonts --font-dir "$SRC/fonts" -o "$WORK/tofu.pdf"
[ -s "$WORK/tofu.pdf" ] || fail "no PDF for a profile with warnings"

expect 0 "" -- check "$SRC/data/profile.yaml"
pass "located errors and exit codes"
