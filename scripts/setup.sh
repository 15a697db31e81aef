#!/usr/bin/env bash
# Installs every Debian package that cvpdf's build, fonts and tests need. Idempotent: run it
# as often as you like (as root, or with sudo available). Debian 12 (bookworm).
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake pkg-config ninja-build
  # libraries (DESIGN.md "Where things come from")
  libpodofo-dev libfreetype-dev libharfbuzz-dev libyaml-cpp-dev libcli11-dev doctest-dev
  libicu-dev libhyphen-dev libcmark-dev libfontconfig-dev zlib1g-dev libdeflate-dev
  # hyphenation patterns
  hyphen-en-us hyphen-de hyphen-fr hyphen-es hyphen-ru
  # fonts: Latin/Greek/Cyrillic serif + sans, CJK, a monochrome emoji/symbol fallback
  fonts-noto-core fonts-noto-cjk fonts-symbola fonts-dejavu-core
  # colour emoji (issue 6): a CBDT bitmap font, drawn as images (text/color.cpp)
  fonts-noto-color-emoji
  # layouts (issue 6): contact icons (FontAwesome 4.7), photos (PNG decoding)
  fonts-font-awesome libpng-dev
  # test tools: PDF readers and checkers, hb-shape/hb-subset
  poppler-utils qpdf mupdf-tools libharfbuzz-bin python3 python3-yaml python3-jsonschema
  # the `bench` CTest: instruction counts per stage (bench/check_counts.py)
  valgrind
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
