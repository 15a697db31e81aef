#!/usr/bin/env bash
# Issue 5, the pre-commit hook: samples/git-hooks/pre-commit in a throw-away git repository.
# A valid change to the profile: the commit passes and carries the re-rendered PDFs. An
# invalid change: the commit is refused with located errors, the PDFs untouched. An unrelated
# change: the PDFs are not rewritten. And `cvpdf check --pdf` tells a stale PDF (exit 1).
source "$(dirname "$0")/lib.bash" "$@"
unset SOURCE_DATE_EPOCH  # the hook pins the date itself (settings.current_date)
repo=$WORK/repo
mkdir "$repo" && cd "$repo"
git init -q . && git config user.email t@example.org && git config user.name Test
git config commit.gpgsign false
git config cvpdf.bin "$CVPDF"
git config cvpdf.output 'cv.{lang}.pdf'
cp "$SRC/samples/git-hooks/pre-commit" .git/hooks/pre-commit
sed 's/^settings:$/settings:\n  current_date: 2025-11-25/' "$SRC/data/profile.yaml" >profile.yaml
grep -q "current_date: 2025-11-25" profile.yaml || fail "could not pin the date"

git add profile.yaml && git commit -qm "profile" || fail "first commit refused"
git cat-file -e HEAD:cv.en.pdf && git cat-file -e HEAD:cv.zh.pdf || fail "PDFs not committed"
"$CVPDF" check --pdf 'cv.{lang}.pdf' profile.yaml 2>/dev/null || fail "fresh PDFs called stale"
pass "first commit renders and commits cv.en.pdf and cv.zh.pdf"

stamp() { stat -c '%i %Y %s' cv.en.pdf cv.zh.pdf; }
# 1. An unrelated change: the hook does nothing, the PDFs are not rewritten.
before=$(stamp); sleep 1
echo notes >notes.txt && git add notes.txt && git commit -qm "notes" || fail "unrelated commit refused"
[[ $(stamp) == "$before" ]] || fail "PDFs rewritten by an unrelated commit"
pass "unrelated change: PDFs not rewritten"

# 2. A profile change that does not change the English PDF: cv.en.pdf is left alone.
sed -i 's/zh: 北京大学计算机学院二年级博士研究生/zh: 北京大学计算机学院博士研究生/' profile.yaml
en_before=$(stat -c '%i %Y' cv.en.pdf); old_zh=$(git rev-parse HEAD:cv.zh.pdf)
"$CVPDF" check --pdf 'cv.{lang}.pdf' profile.yaml 2>err.txt && fail "stale PDF not detected"
grep -q "cv.zh.pdf: error: stale" err.txt || fail "check --pdf does not name the stale file"
git add profile.yaml && git commit -qm "headline" || fail "valid commit refused"
[[ $(git rev-parse HEAD:cv.zh.pdf) != "$old_zh" ]] || fail "cv.zh.pdf not updated in the commit"
[[ $(stat -c '%i %Y' cv.en.pdf) == "$en_before" ]] || fail "unchanged cv.en.pdf was rewritten"
git diff --quiet HEAD -- cv.zh.pdf || fail "working cv.zh.pdf differs from the committed one"
"$CVPDF" check --pdf 'cv.{lang}.pdf' profile.yaml 2>/dev/null || fail "committed PDFs stale"
pass "valid change: commit passes, the changed PDF is updated and committed, the other untouched"

# 3. An invalid change: refused with a located error, PDFs untouched.
before=$(stamp); head_before=$(git rev-parse HEAD)
sed -i 's/^  sections:$/  sectoins:/' profile.yaml
git add profile.yaml
if git commit -qm "broken" 2>err.txt; then fail "invalid profile committed"; fi
grep -q "profile.yaml:[0-9]*:[0-9]*: error: unknown key 'sectoins'" err.txt || { cat err.txt; fail "no located error"; }
[[ $(git rev-parse HEAD) == "$head_before" ]] || fail "a commit was made"
[[ $(stamp) == "$before" ]] || fail "PDFs touched by a refused commit"
pass "invalid change: commit refused with a located error, PDFs untouched"

# The pre-commit tool's hook definition parses and names the hook 'cvpdf'.
$PY - "$SRC/.pre-commit-hooks.yaml" <<'PY' || fail ".pre-commit-hooks.yaml"
import re, sys, yaml
hooks = yaml.safe_load(open(sys.argv[1]))
h = {x["id"]: x for x in hooks}["cvpdf"]
assert h["language"] == "system" and h["entry"].startswith("cvpdf")
assert re.search(h["files"], "cv/profile.yaml") and not re.search(h["files"], "layouts/classic.yaml")
PY
pass ".pre-commit-hooks.yaml: hook 'cvpdf', language system, profile pattern"
