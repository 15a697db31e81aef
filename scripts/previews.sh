#!/usr/bin/env bash
# Regenerates samples/preview-<design>.png: page 1 of the seed profile (data/profile.yaml) in
# each design, and of samples/design-sidebar.yaml (a photo, skills, languages), at 60 dpi.
#   bash scripts/previews.sh [path/to/cvpdf]     (default: build/cvpdf)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cvpdf=${1:-$root/build/cvpdf}
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1764028800
shot() {  # shot PROFILE DESIGN NAME
  "$cvpdf" "$1" -t "$2" -o "$tmp/$3.pdf" -q
  pdftoppm -r 60 -png -f 1 -l 1 -singlefile "$tmp/$3.pdf" "$root/samples/preview-$3"
}
for design in classic sidebar compact academic; do shot "$root/data/profile.yaml" "$design" "$design"; done
shot "$root/samples/design-sidebar.yaml" sidebar sidebar-photo
ls -la "$root"/samples/preview-*.png
