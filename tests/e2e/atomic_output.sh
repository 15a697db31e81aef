#!/usr/bin/env bash
# Nothing lost: a failing render leaves the old PDF byte-for-byte intact and no temporary file.
source "$(dirname "$0")/lib.bash" "$@"

out="$WORK/out"
mkdir -p "$out"
"$CVPDF" "$SRC/data/profile.yaml" -o "$out/cv.pdf" 2>/dev/null || fail "first render"
cp "$out/cv.pdf" "$WORK/before.pdf"

# 1. An invalid profile.
printf 'cv:\n  name: "Xinyi Liu\n  headline: x\n' > "$WORK/bad.yaml"
if "$CVPDF" "$WORK/bad.yaml" -o "$out/cv.pdf" 2>/dev/null; then fail "bad profile accepted"; fi
cmp "$out/cv.pdf" "$WORK/before.pdf" || fail "old PDF changed after a failed render"

# 2. A missing profile.
if "$CVPDF" "$WORK/nope.yaml" -o "$out/cv.pdf" 2>/dev/null; then fail "missing profile accepted"; fi
cmp "$out/cv.pdf" "$WORK/before.pdf" || fail "old PDF changed after a missing profile"

# 3. A read-only folder (skipped as root, who can write anyway).
if [ "$(id -u)" -ne 0 ]; then
  chmod a-w "$out"
  if "$CVPDF" "$SRC/data/profile.yaml" --lang zh -o "$out/cv.pdf" 2>/dev/null; then fail "wrote into a read-only folder"; fi
  chmod u+w "$out"
  cmp "$out/cv.pdf" "$WORK/before.pdf" || fail "old PDF changed in a read-only folder"
fi

# 4. A target folder that does not exist: error, exit 3 (I/O).
set +e
"$CVPDF" "$SRC/data/profile.yaml" -o "$WORK/no/such/dir/cv.pdf" 2>/dev/null
rc=$?
set -e
[ "$rc" -eq 3 ] || fail "missing folder: exit $rc, expected 3"

# 5. A successful re-render replaces the file in one step and keeps its mode.
chmod 0640 "$out/cv.pdf"
"$CVPDF" "$SRC/data/profile.yaml" --lang zh -o "$out/cv.pdf" 2>/dev/null || fail "re-render"
[ "$(stat -c %a "$out/cv.pdf")" = 640 ] || fail "mode not kept"
if cmp -s "$out/cv.pdf" "$WORK/before.pdf"; then fail "re-render did not replace the file"; fi

leftovers=$(find "$out" -name '.*tmp*' | wc -l)
[ "$leftovers" -eq 0 ] || fail "$leftovers temporary files left"
pass "old PDF intact after 3 failures, no temporary files"

# 6. The same bytes again: the file is not written anew (same inode, no temporary file) but its
#    modification time is now's, as after a write; --if-changed leaves even the time alone.
"$CVPDF" "$SRC/data/profile.yaml" --lang zh -o "$out/same.pdf" 2>/dev/null || fail "render"
touch -d '2001-01-01 00:00:00' "$out/same.pdf"
inode=$(stat -c %i "$out/same.pdf")
"$CVPDF" "$SRC/data/profile.yaml" --lang zh -o "$out/same.pdf" 2>/dev/null || fail "render again"
[[ $(stat -c %i "$out/same.pdf") == "$inode" ]] || fail "identical bytes written anew"
(( $(stat -c %Y "$out/same.pdf") > $(date -d '2020-01-01' +%s) )) || fail "identical bytes: time not set"
touch -d '2001-01-01 00:00:00' "$out/same.pdf"
"$CVPDF" "$SRC/data/profile.yaml" --lang zh --if-changed -o "$out/same.pdf" 2>/dev/null || fail "render --if-changed"
[[ $(stat -c %Y "$out/same.pdf") == $(date -d '2001-01-01 00:00:00' +%s) ]] || fail "--if-changed set the time"
# Another language's bytes: written anew.
"$CVPDF" "$SRC/data/profile.yaml" --lang en -o "$out/same.pdf" 2>/dev/null || fail "render en"
[[ $(stat -c %i "$out/same.pdf") != "$inode" ]] || fail "new bytes not written as a new file"
pdftotext "$out/same.pdf" - | grep -q "Peking University" || fail "new bytes not in the file"
pass "identical bytes: file kept, time set (not with --if-changed); new bytes: a new file"
