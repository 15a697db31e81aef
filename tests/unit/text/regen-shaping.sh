#!/usr/bin/env bash
# tests/unit/text/regen-shaping.sh — regenerates the expected column of the shaping one-liners
# with HarfBuzz's own hb-shape (libharfbuzz-bin), on the pinned fonts in fonts/.
#
#   shaping.tests            font;text;glyphs   hb-shape --no-glyph-names --no-positions
#   shaping-positions.tests  font;text;glyphs   hb-shape --no-glyph-names (advances and
#                                               offsets in font units)
# Both use --utf8-clusters --cluster-level=1, as text::shape does (byte offsets,
# MONOTONE_CHARACTERS). Lines starting with '#' and empty lines are kept as they are.
# Review the diff before committing: the expected column is the reference.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
fonts="$here/../../../fonts"

regen() {
  local file="$1"
  shift
  local tmp
  tmp="$(mktemp)"
  while IFS= read -r line || [[ -n "$line" ]]; do
    if [[ -z "$line" || "$line" == \#* ]]; then
      printf '%s\n' "$line" >>"$tmp"
      continue
    fi
    IFS=';' read -r font text _ <<<"$line"
    expected="$(hb-shape --no-glyph-names --utf8-clusters --cluster-level=1 "$@" \
      "$fonts/$font" "$text")"
    printf '%s;%s;%s\n' "$font" "$text" "${expected:1:${#expected}-2}" >>"$tmp"
  done <"$here/$file"
  mv "$tmp" "$here/$file"
}

regen shaping.tests --no-positions
regen shaping-positions.tests
