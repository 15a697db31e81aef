#!/usr/bin/env bash
# fonts/make-pinned.sh — regenerates the pinned test fonts in this folder.
#
# The golden tests (shaping one-liners, frame dumps, PDF checks) must not change when a machine
# has other fonts installed, so they use only these small cuts of Debian's fonts, made with
# hb-subset (libharfbuzz-bin). Run it from anywhere:
#
#     bash fonts/make-pinned.sh
#
# Needs: fonts-noto-core (Latin, Arabic, Hebrew), fonts-noto-cjk, fonts-symbola, fonts-noto-color-emoji, fonts-dejavu-core, fontconfig (fc-match), libharfbuzz-bin
# (hb-subset), GNU grep with -P. The source fonts are located with fontconfig, never by a
# hard-coded path or .ttc index: `fc-match -f '%{file}:%{index}' 'Noto Serif CJK SC'`.
#
# What is kept:
#   Latin faces  Basic Latin, Latin-1, Latin Extended-A, combining diacritics, General
#                Punctuation, a few symbols
#                (• · – — ‘ ’ “ ” … € →); all layout features (liga, kern, ...); all names.
#   CJK faces    ASCII, CJK punctuation, fullwidth forms, a fixed list of Han characters used
#                by the CV tests, plus every Han character found in data/*.yaml and
#                tests/**/*.yaml at generation time. The SC face is cut out of the .ttc.
#   Arabic faces Noto Naskh Arabic (body) and Noto Sans Arabic (headings): ASCII, the Arabic
#                block U+0600–06FF, the bidi and joining controls (ZWNJ, ZWJ, LRM, RLM,
#                isolates), General Punctuation; the GSUB closure keeps every positional form
#                and ligature (lam-alef) reachable from them.
#   Hebrew faces Noto Serif Hebrew, Noto Sans Hebrew: ASCII, the Hebrew block U+0590–05FF.
#   Symbola      😄 ✉ ☎ ⌂ ✓ (and space).
#   Noto Color Emoji  😄 👨‍👩‍👧 👍🏽 🇫🇷 ❤️ (and space): the PNG strike and the sequence ligatures.
# After adding Chinese text to data/ or tests/, run this again and commit the new fonts.
set -euo pipefail
export LC_ALL=C.UTF-8

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Common options: all layout features and scripts, all names (fontconfig must still find the
# family), no hinting (halves the size; PDF viewers do not use it).
common=(--layout-features='*' --layout-scripts='*' --name-IDs='*' --name-languages='*'
        --no-hinting --notdef-outline)

latin_unicodes='20-7E,A0-FF,100-17F,300-36F,2000-206F,20AC,2022,00B7,2192,2190,2191,2193,FB00-FB06'
cjk_fixed='北京大学哈尔滨工业威海计算机科学与技术学院网络空间安全数据工程研究所博士学士教育经历发表论文荣誉奖项报告教学助理联系邮箱电话简历至今年月日导师国家奖学金金牌银牌第名候选人中国青年创新杰出贡献者优秀学生高等学校程序设计竞赛省级区域赛站软件专业认证亚洲昆鹏昇腾开发者大会上海深圳广州南开清华复旦浙江南京武汉四川山东济南一二三四五六七八九十百千万亿零个人简介主要方向分布式系统深度学习并行训练推理加速自动化开源项目团队成员负责指导发表会议期刊在读预计毕业本科硕士课程秋季春季夏季冬季本科生计算概论'
cjk_unicodes='20-7E,A0-FF,2010-2027,2030-203B,3000-303F,FF00-FFEF'
symbola_text='😄✉☎⌂✓ '
arabic_unicodes='20-7E,A0,AB,BB,600-6FF,200C-200F,2010-2027,2066-2069'
hebrew_unicodes='20-7E,A0,590-5FF,200C-200F,2010-2027,2066-2069'
# Colour emoji for the emoji tests: 😄 (the seed profile), a ZWJ family, a skin tone, a flag,
# ❤ with VS16, and space (a run's trailing space). hb-subset keeps CBDT/CBLC (the PNGs) and the
# GSUB ligatures that make the sequences one glyph.
emoji_text='😄👨‍👩‍👧👍🏽🇫🇷❤️ '

# locate PATTERN → "file:index" of fontconfig's best match; fails if the family differs.
locate() {
  local pattern="$1" family="${1%%:*}" got
  got="$(fc-match -f '%{family[0]}' "$pattern")"
  if [[ "$got" != "$family" ]]; then
    echo "make-pinned: '$pattern' is not installed (fontconfig offers '$got')" >&2
    return 1
  fi
  fc-match -f '%{file}:%{index}' "$pattern"
}

# cut PATTERN OUTPUT SUBSET-OPTIONS... — subsets fontconfig's match for PATTERN.
cut() {
  local pattern="$1" out="$2" where file index
  shift 2
  if ! where="$(locate "$pattern")"; then
    echo "make-pinned: skipping $out" >&2
    return 0
  fi
  file="${where%:*}"
  index="${where##*:}"
  hb-subset --font-file="$file" --face-index="$index" "${common[@]}" "$@" \
    --output-file="$here/$out"
  printf '%-32s <- %s (face %s)\n' "$out" "$file" "$index"
}

# Han characters used by the test profiles, found at generation time.
han_file="$tmp/han.txt"
{
  printf '%s\n' "$cjk_fixed"
  shopt -s nullglob globstar
  for y in "$root"/data/*.yaml "$root"/tests/**/*.yaml; do
    grep -ohP '\p{Han}' "$y" || true
  done
} | grep -oP '\p{Han}' | sort -u | tr -d '\n' >"$han_file"
echo "make-pinned: $(grep -oP '\p{Han}' "$han_file" | wc -l) Han characters"

for style in Regular Bold Italic BoldItalic; do
  case $style in
    Regular) fc=':regular' ;; Bold) fc=':bold' ;; Italic) fc=':italic' ;; BoldItalic) fc=':bold:italic' ;;
  esac
  cut "Noto Serif$fc" "NotoSerif-$style.ttf" --unicodes="$latin_unicodes"
done
cut 'Noto Sans:regular' NotoSans-Regular.ttf --unicodes="$latin_unicodes"
cut 'Noto Sans:bold' NotoSans-Bold.ttf --unicodes="$latin_unicodes"
cut 'DejaVu Sans Mono:regular' DejaVuSansMono.ttf --unicodes="$latin_unicodes"

for fam in Serif Sans; do
  cut "Noto $fam CJK SC:regular" "Noto${fam}CJKsc-Regular.otf" \
    --unicodes="$cjk_unicodes" --text-file="$han_file"
  cut "Noto $fam CJK SC:bold" "Noto${fam}CJKsc-Bold.otf" \
    --unicodes="$cjk_unicodes" --text-file="$han_file"
done

for w in Regular Bold; do
  fc=":${w,,}"
  cut "Noto Naskh Arabic$fc" "NotoNaskhArabic-$w.ttf" --unicodes="$arabic_unicodes"
  cut "Noto Sans Arabic$fc" "NotoSansArabic-$w.ttf" --unicodes="$arabic_unicodes"
  cut "Noto Serif Hebrew$fc" "NotoSerifHebrew-$w.ttf" --unicodes="$hebrew_unicodes"
  cut "Noto Sans Hebrew$fc" "NotoSansHebrew-$w.ttf" --unicodes="$hebrew_unicodes"
done

cut 'Symbola' Symbola.ttf --text="$symbola_text"
cut 'Noto Color Emoji' NotoColorEmoji.ttf --text="$emoji_text"

du -ch "$here"/*.ttf "$here"/*.otf | tail -1

# FontAwesome 4.7 (fonts-font-awesome): the contact icons of compose/header.cpp only.
fa=/usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf
if [ -f "$fa" ]; then
  hb-subset --no-hinting --name-IDs='*' \
    --unicodes=F0E0,F095,F041,F0AC,F09B,F296,F08C,F2C1,F19D,F099,F16C,F167,F16D,F2C6,F1A1,F2D8,F0C3 \
    --output-file="$here/FontAwesome.ttf" "$fa"
else
  echo "make-pinned: fonts-font-awesome not installed; FontAwesome.ttf not cut" >&2
fi
