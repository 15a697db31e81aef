#!/usr/bin/env bash
# Issue 5, watch: `cvpdf watch` renders, re-renders when the profile is replaced the way
# editors save (a new file renamed over the old one), prints errors without exiting, and stops
# cleanly (exit 0) on SIGINT. Every wait is bounded so that the test cannot hang CI.
source "$(dirname "$0")/lib.bash" "$@"
cd "$WORK"
cp "$SRC/data/profile.yaml" profile.yaml
timeout "$(bound_ms 60)" "$CVPDF" watch profile.yaml -o cv.pdf 2>watch.log &
pid=$!
trap 'kill -9 $pid 2>/dev/null || true; rm -rf "$WORK"' EXIT

# wait_for CONDITION...: polls for up to 15 s (times CVPDF_TIME_FACTOR, lib.bash).
wait_for() { for _ in $(seq "$(bound_ms 150)"); do if "$@"; then return 0; fi; sleep 0.1; done; return 1; }
renders() { grep -c "rendered cv.pdf" watch.log || true; }

wait_for test -s cv.pdf || fail "no first render: $(cat watch.log)"
first=$(md5sum <cv.pdf)
pass "first render"

# An editor's save: write a new file, rename it over the profile.
sed 's/Second-year Ph.D. student/Third-year Ph.D. student/' profile.yaml >.profile.yaml.swp
mv .profile.yaml.swp profile.yaml
changed() { [[ $(md5sum <cv.pdf) != "$first" ]]; }
wait_for changed || fail "no re-render after the profile changed: $(cat watch.log)"
pdftotext cv.pdf - | grep -q "Third-year" || fail "re-render does not show the change"
pass "re-rendered after the profile was replaced"

# An invalid profile: errors printed, the watch goes on, the PDF stays.
n=$(renders); good=$(md5sum <cv.pdf)
sed -i 's/^  sections:$/  sectoins:/' profile.yaml
has_error() { grep -q "unknown key 'sectoins'" watch.log; }
wait_for has_error || fail "no error printed: $(cat watch.log)"
kill -0 $pid 2>/dev/null || fail "watch exited on an error"
[[ $(md5sum <cv.pdf) == "$good" ]] || fail "PDF changed by a failed render"
sed -i 's/^  sectoins:$/  sections:/' profile.yaml
more() { (( $(renders) > n )); }
wait_for more || fail "no render after the fix: $(cat watch.log)"
pass "errors printed, watching goes on"

# Ctrl-C: a clean stop.
kill -INT $pid
rc=0; wait $pid || rc=$?
[[ $rc == 0 ]] || fail "watch exit $rc after SIGINT: $(cat watch.log)"
grep -q "cvpdf watch: stopped" watch.log || fail "no clean stop"
pass "SIGINT stops the watch cleanly"
