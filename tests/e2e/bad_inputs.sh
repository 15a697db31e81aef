#!/usr/bin/env bash
# The bad-input suite (issue 7): every tests/bad/<case>.yaml (made by tests/bad/make_cases.py)
# through `cvpdf check` or a render (tests/bad/<case>.cmd), each in under 2 s of CPU, compared with
# tests/bad/<case>.expected: the exit code, then every error and warning headline, word for word.
# CVPDF_REGEN=1 rewrites the .expected files (review the diff).
source "$(dirname "$0")/lib.bash" "$@"
cd "$SRC/tests/bad"
n=0
for input in *.yaml; do
  name=${input%.yaml}
  cmd=$(cat "$name.cmd")
  rc=0
  if [ "$cmd" = render ]; then
    cpu_ms "$WORK/ms" "$CVPDF" "$input" -o "$WORK/out.pdf" 2>"$WORK/err" >/dev/null || rc=$?
  else
    cpu_ms "$WORK/ms" "$CVPDF" check "$input" 2>"$WORK/err" >/dev/null || rc=$?
  fi
  ms=$(cat "$WORK/ms")
  [ "$ms" -lt "$(bound_ms 2000)" ] || fail "$name took $ms ms of CPU"
  { echo "exit $rc"; grep -aE '^[^ ].*: (error|warning|note): ' "$WORK/err" || true; } > "$WORK/got"
  if [ "${CVPDF_REGEN:-}" = 1 ]; then
    cp "$WORK/got" "$name.expected"
  elif ! diff -u "$name.expected" "$WORK/got" >&2; then
    fail "$name: answer differs (CVPDF_REGEN=1 to accept)"
  fi
  [ "$rc" -ne 0 ] || grep -q 'warning' "$WORK/got" || fail "$name: accepted silently"
  [ "$rc" -le 3 ] || fail "$name: exit $rc (a crash or a bug)"
  n=$((n + 1))
done
[ "$n" -ge 60 ] || fail "only $n bad inputs"
pass "$n bad inputs: exit codes and messages as expected"
