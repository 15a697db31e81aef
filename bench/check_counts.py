#!/usr/bin/env python3
"""bench/check_counts.py — the `bench` CTest: instruction counts per stage against a baseline.

    python3 bench/check_counts.py BUILD_DIR            # check (ctest -L bench)
    python3 bench/check_counts.py BUILD_DIR --refresh  # rewrite bench/baseline.txt

Runs build/cvpdf under callgrind on short inputs — the seed profile in English and Chinese with
everything an earlier run keeps (font index, date memos, font programs, shape memo), the same
again with only the font index and the date memos, a generated 100-entry profile
(bench/gen_entries.py) likewise, and the seed profile in English once more without any of it
(fontconfig built) — and reads the inclusive
instruction count of each pipeline stage (load, resolve, compose, fonts, shape, hyphenate,
break, layout, subset, write) and of the whole process. Fails when a count grows by more than 10 % over
bench/baseline.txt; a count that fell by more than 10 % is reported so the baseline can be
refreshed (bench/refresh_baseline.sh).

Why it is repeatable: callgrind counts instructions, not time; the fonts are the pinned ones
(--no-system-fonts --font-dir fonts: no fontconfig system configuration), the date is
SOURCE_DATE_EPOCH, and cvpdf runs under `env -i` with a fixed environment, so the same binary
and inputs give the same counts on any machine load. A new compiler or library version moves
counts: refresh the baseline then, in its own commit. Exit 77 (skipped) without valgrind.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BASELINE = os.path.join(HERE, "baseline.txt")
TOLERANCE = 0.10
SKIP = 77

# stage → the function whose inclusive count is the stage (demangled name prefix).
STAGES = [
    ("load", "cvpdf::cli::load("),  # reading the file, and the profile memo or yaml-cpp
    ("resolve", "cvpdf::i18n::resolve("),
    ("compose", "cvpdf::compose::compose_document("),
    ("fonts", "cvpdf::text::FontStore::find("),
    ("shape", "cvpdf::layout::shape_paragraph("),
    ("hyphenate", "cvpdf::layout::(anonymous namespace)::Builder::hyphen_points("),
    ("break", "cvpdf::linebreak::fit_knuth_plass("),
    ("layout", "cvpdf::layout::layout_to_pages("),
    ("subset", "cvpdf::pdf::prepare_fonts("),  # and compressing the programs; encoding the images
    ("write", "cvpdf::pdf::write_pdf"),
]

# (name, arguments, font index): "warm" and "fresh" cases are measured after an unmeasured run
# has filled the font index (text/font_index.h), as in a pre-commit hook; "off" cases build fontconfig's
# configuration every run (CVPDF_FONT_INDEX=off), the path of a first run. Every case runs with
# --jobs 1: a single language otherwise uses the second core (face warm-up, the PDF writer's
# tasks), whose work callgrind would count outside the stage that asked for it, split as the
# threads happened to take it. With one thread the same work is counted, each in its stage.
#
# "warm" keeps everything the unmeasured run left in the cache folder, as a pre-commit hook
# finds it: the font index, the date memos, the loaded profile (cli/profile_memo.h), the subset
# font programs and encoded images (pdf/program_cache.h, pdf/image_cache.h) and the shape memo
# (text/shape_memo.h). "fresh" removes the last four before the measured run, so that reading
# the profile, shaping, subsetting and encoding are counted in full: the path of a profile
# edited everywhere, and the code those caches skip.
CASES = [
    ("seed-en", ["{root}/data/profile.yaml", "--lang", "en", "--jobs", "1"], "warm"),
    ("seed-zh", ["{root}/data/profile.yaml", "--lang", "zh", "--jobs", "1"], "warm"),
    ("seed-en-fresh", ["{root}/data/profile.yaml", "--lang", "en", "--jobs", "1"], "fresh"),
    ("seed-zh-fresh", ["{root}/data/profile.yaml", "--lang", "zh", "--jobs", "1"], "fresh"),
    ("seed-en-noindex", ["{root}/data/profile.yaml", "--lang", "en", "--jobs", "1"], "off"),
    ("entries-100", ["{work}/entries-100.yaml", "--lang", "en", "--jobs", "1"], "fresh"),
]
KEPT_FOLDERS = ["programs", "shapes", "profiles"]  # in $XDG_CACHE_HOME/cvpdf (cli/cache_folder.h)


def run_case(cvpdf, work, name, args, index):
    out = os.path.join(work, name + ".callgrind")
    argv = [a.format(root=ROOT, work=work) for a in args]
    env = {"PATH": "/usr/bin:/bin", "HOME": work, "LC_ALL": "C", "TZ": "UTC",
           "SOURCE_DATE_EPOCH": "1764028800", "XDG_CACHE_HOME": os.path.join(work, "cache")}
    if index == "off":
        env["CVPDF_FONT_INDEX"] = "off"
    tail = ["--no-system-fonts", "--font-dir", os.path.join(ROOT, "fonts"),
            "-o", os.path.join(work, name + ".pdf")]
    if index in ("warm", "fresh"):
        subprocess.run([cvpdf, *argv, *tail], env=env, cwd=work, capture_output=True, check=True)
    if index == "fresh":
        for folder in KEPT_FOLDERS:
            shutil.rmtree(os.path.join(env["XDG_CACHE_HOME"], "cvpdf", folder), ignore_errors=True)
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out, cvpdf, *argv, *tail]
    done = subprocess.run(cmd, env=env, cwd=work, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"bench: {name}: cvpdf failed ({done.returncode}):\n{done.stderr[-2000:]}")
    report = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", out],
                            capture_output=True, text=True, check=True).stdout
    counts = {}
    for line in report.splitlines():
        m = re.match(r"\s*([\d,]+)\s+(?:\([^)]*\)\s+)?(.*)$", line)
        if not m:
            continue
        value, what = int(m.group(1).replace(",", "")), m.group(2)
        if what.startswith("PROGRAM TOTALS"):
            counts["total"] = value
        func = what.split(":", 1)[1] if what.startswith("???:") or ".cpp:" in what else what
        for stage, prefix in STAGES:
            if func.startswith(prefix) and stage not in counts:
                counts[stage] = value
    return counts


def measure(build):
    cvpdf = os.path.join(os.path.abspath(build), "cvpdf")
    work = tempfile.mkdtemp(prefix="cvpdf-bench-")
    try:
        with open(os.path.join(work, "entries-100.yaml"), "w", encoding="utf-8") as f:
            f.write(subprocess.run([sys.executable, os.path.join(HERE, "gen_entries.py"), "100"],
                                   capture_output=True, text=True, check=True).stdout)
        return {name: run_case(cvpdf, work, name, args, index) for name, args, index in CASES}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def read_baseline():
    base = {}
    with open(BASELINE, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                case, stage, count = line.split()
                base[(case, stage)] = int(count)
    return base


def write_baseline(counts):
    with open(BASELINE, "w", encoding="utf-8") as f:
        f.write("# Instruction counts (callgrind, inclusive) per case and stage: bench/check_counts.py.\n"
                "# Refresh with bench/refresh_baseline.sh BUILD_DIR after an intended change.\n")
        for case, stages in counts.items():
            for stage in [s for s, _ in STAGES] + ["total"]:
                if stage in stages:
                    f.write(f"{case} {stage} {stages[stage]}\n")


def compare(counts, base):
    bad = 0
    for (case, stage), was in sorted(base.items()):
        now = counts.get(case, {}).get(stage)
        if now is None:
            print(f"FAIL {case} {stage}: not measured (function renamed? refresh the baseline)")
            bad += 1
            continue
        change = (now - was) / was if was else 0.0
        verdict = "FAIL" if change > TOLERANCE else ("note" if change < -TOLERANCE else "ok  ")
        bad += verdict == "FAIL"
        print(f"{verdict} {case:12} {stage:10} {was:>13,} → {now:>13,}  {change:+7.1%}")
    return bad


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    if not (shutil.which("valgrind") and shutil.which("callgrind_annotate")):
        print("bench: valgrind is not installed; skipped")
        return SKIP
    counts = measure(sys.argv[1])
    if "--refresh" in sys.argv[2:]:
        write_baseline(counts)
        print(f"bench: wrote {BASELINE}")
        return 0
    bad = compare(counts, read_baseline())
    if bad:
        print(f"bench: {bad} count(s) grew by more than {TOLERANCE:.0%}: find the cause "
              "(callgrind_annotate --inclusive=yes) or, if intended, refresh the baseline")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
