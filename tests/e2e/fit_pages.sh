#!/usr/bin/env bash
# Fit to N pages: settings.max_pages in the profile applies unless --max-pages is given; a CV
# that cannot fit is a located error with exit 1; a bad settings.max_pages is a located error.
source "$(dirname "$0")/lib.bash" "$@"
FONTS=(--no-system-fonts --font-dir "$SRC/fonts")

run() {  # run CODE OUT.pdf -- args...: exit code checked, stderr in $WORK/err.txt
  local code=$1 out=$2; shift 3
  set +e
  "$CVPDF" "$@" "${FONTS[@]}" -o "$out" > /dev/null 2> "$WORK/err.txt"
  local rc=$?
  set -e
  [ "$rc" -eq "$code" ] || { cat "$WORK/err.txt"; fail "exit $rc, expected $code for: $*"; }
}
pages() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }
with_setting() {  # with_setting VALUE PROFILE OUT.yaml: the profile with settings.max_pages
  sed "s/^settings:\$/settings:\n  max_pages: $1/" "$2" > "$3"
  grep -q "^  max_pages: $1\$" "$3" || fail "no settings block in $2"
}

# The seed takes two pages as designed.
run 0 "$WORK/seed.pdf" -- "$SRC/data/profile.yaml"
[ "$(pages "$WORK/seed.pdf")" = 2 ] || fail "the seed should take 2 pages unshrunk"

# settings.max_pages: 1 shrinks it onto one page, with a note saying how much.
with_setting 1 "$SRC/data/profile.yaml" "$WORK/one.yaml"
run 0 "$WORK/one.pdf" -- "$WORK/one.yaml"
[ "$(pages "$WORK/one.pdf")" = 1 ] || fail "settings.max_pages: 1 did not give one page"
grep -qE "note: fitted in 1 page \(from 2\): spacing ×0\.[0-9]+, leading ×[01]\.[0-9]+, font size ×[01]\.[0-9]+" \
  "$WORK/err.txt" || { cat "$WORK/err.txt"; fail "no fit note"; }

# --max-pages wins over the profile's value: 2 pages allowed, nothing shrunk.
run 0 "$WORK/two.pdf" -- "$WORK/one.yaml" --max-pages 2
[ "$(pages "$WORK/two.pdf")" = 2 ] || fail "--max-pages 2 did not override settings.max_pages: 1"
grep -q "fitted" "$WORK/err.txt" && fail "--max-pages 2 still shrank the CV"
cmp -s "$WORK/two.pdf" "$WORK/seed.pdf" || fail "--max-pages 2 should give the unshrunk PDF"

# Cannot fit: the error says by how much, located at settings.max_pages; exit 1, no PDF.
with_setting 4 "$SRC/samples/academic-long.yaml" "$WORK/long.yaml"
line=$(grep -n "^  max_pages: 4" "$WORK/long.yaml" | cut -d: -f1)
run 1 "$WORK/long.pdf" -- "$WORK/long.yaml" --lang en
grep -qE "long\.yaml:$line:14: error: the CV does not fit in 4 pages: at the smallest the theme allows it takes [0-9]+ pages, overflowing by [0-9]+ pt of text" \
  "$WORK/err.txt" || { cat "$WORK/err.txt"; fail "no located overflow error"; }
[ -e "$WORK/long.pdf" ] && fail "a PDF was written for a CV that does not fit"
# The same from the command line: located at the profile, exit 1 (not an I/O error).
run 1 "$WORK/long.pdf" -- "$SRC/samples/academic-long.yaml" --lang en --max-pages 4
grep -qE "academic-long\.yaml:1:1: error: the CV does not fit in 4 pages" "$WORK/err.txt" \
  || { cat "$WORK/err.txt"; fail "no overflow error for --max-pages"; }

# A bad value: 0, negative, text — a located error, exit 1.
for bad in 0 -2 two; do
  with_setting "$bad" "$SRC/data/profile.yaml" "$WORK/bad.yaml"
  line=$(grep -n "^  max_pages:" "$WORK/bad.yaml" | cut -d: -f1)
  run 1 "$WORK/bad.pdf" -- "$WORK/bad.yaml"
  grep -q "bad\.yaml:$line:14: error: settings.max_pages must be a whole number of pages from 1 to 60, found '$bad'" \
    "$WORK/err.txt" || { cat "$WORK/err.txt"; fail "no located error for max_pages: $bad"; }
done
set +e; "$CVPDF" "$SRC/data/profile.yaml" --max-pages 0 -o "$WORK/x.pdf" 2> "$WORK/err.txt"; rc=$?; set -e
[ "$rc" = 2 ] || fail "--max-pages 0 should be a usage error (exit 2), got $rc"
pass "settings.max_pages and --max-pages"
