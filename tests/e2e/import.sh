#!/usr/bin/env bash
# Importers: each case under tests/import/<case>/ imports to exactly its profile.yaml (golden)
# with exactly its expected.stderr (warnings with file:line:col), loads, renders, and every
# string of the imported profile comes back out of the PDF. The seed page (the first user's
# academicpages home page) must also show every fact listed in tests/import/seed/facts.txt.
# CVPDF_REGEN=1 rewrites the goldens: review the diff before committing it.
source "$(dirname "$0")/lib.bash" "$@"
export NO_COLOR=1
cd "$SRC"  # inputs are named relative to the source tree in comments and diagnostics

run_case() {  # run_case NAME FORMAT INPUT
  local name=$1 format=$2 input=$3 dir="tests/import/$1"
  "$CVPDF" import "$format" "$input" -o "$WORK/$name.yaml" 2> "$WORK/$name.stderr" ||
    { cat "$WORK/$name.stderr"; fail "import $name"; }
  if [ -n "${CVPDF_REGEN:-}" ]; then
    cp "$WORK/$name.yaml" "$dir/profile.yaml"
    cp "$WORK/$name.stderr" "$dir/expected.stderr"
  fi
  diff -u "$dir/profile.yaml" "$WORK/$name.yaml" || fail "$name: profile differs from golden"
  diff -u "$dir/expected.stderr" "$WORK/$name.stderr" || fail "$name: diagnostics differ"
  "$CVPDF" check "$WORK/$name.yaml" 2> "$WORK/$name.check" || { cat "$WORK/$name.check"; fail "check $name"; }
  "$CVPDF" "$WORK/$name.yaml" -o "$WORK/$name.pdf" 2> "$WORK/$name.render" ||
    { cat "$WORK/$name.render"; fail "render $name"; }
  pdftotext -enc UTF-8 "$WORK/$name.pdf" "$WORK/$name.txt"
  $PY "$SRC/tests/e2e/check_text.py" "$WORK/$name.yaml" en "$WORK/$name.txt" || fail "text lost in $name"
  pass "import $name"
}

run_case seed academicpages tests/import/seed/about.md
run_case site academicpages tests/import/site
run_case jsonresume-sample jsonresume tests/import/jsonresume-sample/resume.json

# Every fact of the seed page, written independently of the importer, is in the PDF's text.
$PY - "$SRC/tests/import/seed/facts.txt" "$WORK/seed.txt" <<'PYEOF'
import re, sys
norm = lambda s: re.sub(r"\s+", " ", s).strip()
text = norm(open(sys.argv[2], encoding="utf-8").read())
missing = [f for f in (l.strip() for l in open(sys.argv[1], encoding="utf-8"))
           if f and not f.startswith("#") and norm(f) not in text]
for f in missing:
    print("missing fact:", f)
sys.exit(1 if missing else 0)
PYEOF
pass "every fact of the seed page is in the PDF"

# An input that cannot be read: exit 3; an unknown format: exit 2.
set +e
"$CVPDF" import jsonresume "$WORK/none.json" -o "$WORK/x.yaml" 2> /dev/null; rc=$?
"$CVPDF" import linkedin x -o "$WORK/x.yaml" 2> /dev/null; rc2=$?
set -e
[ "$rc" -eq 3 ] || fail "missing input: exit $rc, expected 3"
[ "$rc2" -eq 2 ] || fail "unknown format: exit $rc2, expected 2"
[ ! -e "$WORK/x.yaml" ] || fail "a failed import wrote a file"
pass "import failures"
