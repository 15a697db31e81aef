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
  grep -qE "$pattern" "$WORK/err.txt" || { cat "$WORK/err.txt"; fail "no '$pattern' in stderr for: $*"; }
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
printf 'cv:\n  name: Xinyi Liu\n  headline: "Glyph \xF0\x9F\x9C\x80 here"\n' > "$WORK/tofu.yaml"
expect 0 "tofu\.yaml:3:13: warning: .*U\+1F700" -- "$WORK/tofu.yaml" -o "$WORK/tofu.pdf"
[ -s "$WORK/tofu.pdf" ] || fail "no PDF for a profile with warnings"

expect 0 "" -- check "$SRC/data/profile.yaml"
pass "located errors and exit codes"
