#!/usr/bin/env bash
# The PDF writer is a module beside the program (cli/pdf_writer.h): found beside it, through a
# symbolic link to the program, and in the installed layout; without it, a clear error (exit 3)
# and the old PDF intact, with one thread or with the module loaded ahead on a spare one.
source "$(dirname "$0")/lib.bash" "$@"

module="$(dirname "$CVPDF")/cvpdf-pdf.so"
[ -f "$module" ] || fail "no module beside $CVPDF"
"$CVPDF" "$SRC/data/profile.yaml" -o "$WORK/ref.pdf" 2>/dev/null || fail "render in the build tree"

# 1. The program alone: every way of rendering fails the same way and writes nothing.
mkdir -p "$WORK/alone"
cp "$CVPDF" "$WORK/alone/cvpdf"
echo "previous" > "$WORK/alone/cv.pdf"
for args in "--jobs 1" "--jobs 2" "--lang all --jobs 2"; do
  set +e
  # shellcheck disable=SC2086
  "$WORK/alone/cvpdf" "$SRC/data/profile.yaml" $args -o "$WORK/alone/cv.pdf" 2> "$WORK/err.txt"
  rc=$?
  set -e
  [ "$rc" -eq 3 ] || fail "without the module ($args): exit $rc, expected 3"
  grep -q "cvpdf's PDF writer cannot be loaded ($WORK/alone/cvpdf-pdf.so: not there" "$WORK/err.txt" ||
    fail "without the module ($args): no clear error: $(cat "$WORK/err.txt")"
  grep -q "hint: install cvpdf with \`cmake --install" "$WORK/err.txt" || fail "no hint ($args)"
  [ "$(cat "$WORK/alone/cv.pdf")" = previous ] || fail "the old PDF changed ($args)"
done
# What needs no PDF does not need the module.
"$WORK/alone/cvpdf" --version >/dev/null || fail "--version without the module"
"$WORK/alone/cvpdf" check "$SRC/data/profile.yaml" 2>/dev/null || fail "check without the module"

# 2. A module that is not a module of this build is refused by name.
cp "$SRC/fonts/FontAwesome.ttf" "$WORK/alone/cvpdf-pdf.so"
set +e
"$WORK/alone/cvpdf" "$SRC/data/profile.yaml" --jobs 1 -o "$WORK/alone/cv.pdf" 2> "$WORK/err.txt"
rc=$?
set -e
[ "$rc" -eq 3 ] || fail "a broken module: exit $rc, expected 3"
grep -q "$WORK/alone/cvpdf-pdf.so: " "$WORK/err.txt" || fail "a broken module not named: $(cat "$WORK/err.txt")"

# 3. A symbolic link to the program finds the module beside the program itself.
ln -s "$(readlink -f "$CVPDF")" "$WORK/alone/cvlink"
"$WORK/alone/cvlink" "$SRC/data/profile.yaml" -o "$WORK/link.pdf" 2>/dev/null || fail "through a link"
cmp -s "$WORK/link.pdf" "$WORK/ref.pdf" || fail "through a link: other bytes"

# 4. The installed layout: bin/cvpdf and lib/cvpdf/cvpdf-pdf.so.
mkdir -p "$WORK/prefix/bin" "$WORK/prefix/lib/cvpdf"
cp "$CVPDF" "$WORK/prefix/bin/cvpdf"
cp "$module" "$WORK/prefix/lib/cvpdf/"
for jobs in 1 2; do
  "$WORK/prefix/bin/cvpdf" "$SRC/data/profile.yaml" --jobs $jobs -o "$WORK/inst.pdf" 2>/dev/null ||
    fail "installed layout, --jobs $jobs"
  cmp -s "$WORK/inst.pdf" "$WORK/ref.pdf" || fail "installed layout: other bytes"
done
pass "module found beside, through a link and installed; without it exit 3 and the old PDF intact"

# 5. RTLD_DEEPBIND (cli/pdf_writer.cpp): the module's libraries bind to their own definitions
# first, so a variable the program holds a copy of (a copy relocation) is, for them, the
# library's original. That is harmless only for data nobody writes after start-up, or whose
# stale original errs on the safe side: vtables and type_info (read-only), std::nothrow,
# stdin/stdout/stderr (the same FILE pointers, never reassigned) and __libc_single_threaded
# (libc's original stays 0, "not single-threaded": atomic reference counts, never fewer). Any
# other shared variable fails here, and the flag must go or the variable be dealt with.
if command -v readelf >/dev/null && command -v nm >/dev/null && command -v ldd >/dev/null; then
  readelf -rW "$CVPDF" | awk '$3 == "R_X86_64_COPY" { sub(/@.*/, "", $5); print $5 }' | sort -u > "$WORK/copies.txt"
  libs=("$module")
  while read -r lib; do libs+=("$lib"); done < <(ldd "$module" | awk '$3 ~ /^\// { print $3 }')
  for lib in "${libs[@]}"; do
    nm -D --undefined-only "$lib" | awk '{ sub(/@.*/, "", $2); print $2 }' | sort -u |
      comm -12 - "$WORK/copies.txt" |
      grep -vE '^(_ZT[VTIS].*|_ZSt7nothrow|stdin|stdout|stderr|__libc_single_threaded)$' > "$WORK/shared.txt" || true
    [ -s "$WORK/shared.txt" ] && fail "$(basename "$lib") uses copies the program holds of: $(tr '\n' ' ' < "$WORK/shared.txt")"
  done
  pass "the module's ${#libs[@]} libraries share no writable variable with the program under RTLD_DEEPBIND"
fi

# 6. With libraries preloaded (LD_PRELOAD, /etc/ld.so.preload) the module is loaded without
# RTLD_DEEPBIND: a preloaded malloc must serve the module's libraries too. The loader's own
# account of each object's lookup scopes (LD_DEBUG=scopes) says which way it was loaded.
first_scope() {  # the first object of the module's first lookup scope
  LD_DEBUG=scopes "$@" "$CVPDF" "$SRC/data/profile.yaml" --jobs 1 -o "$WORK/scoped.pdf" 2>&1 >/dev/null |
    grep -A1 'object=.*cvpdf-pdf\.so' | awk '/scope 0:/ { print $4; exit }'
}
if [ ! -e /etc/ld.so.preload ] && [ -z "${LD_PRELOAD:-}" ]; then
  [[ $(first_scope env) == */cvpdf-pdf.so ]] || fail "the module's own libraries are not searched first"
  cmp -s "$WORK/scoped.pdf" "$WORK/ref.pdf" || fail "deep binding: other bytes"
  [[ $(first_scope env LD_PRELOAD=libz.so.1) != */cvpdf-pdf.so ]] ||
    fail "with LD_PRELOAD the module was still loaded with RTLD_DEEPBIND"
  cmp -s "$WORK/scoped.pdf" "$WORK/ref.pdf" || fail "with LD_PRELOAD: other bytes"
  pass "RTLD_DEEPBIND without preloaded libraries, not with LD_PRELOAD; the same bytes both ways"
fi
