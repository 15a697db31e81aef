// text/shape.h — itemization, per-cluster font fallback, and shaping with HarfBuzz.
//
// Takes a UTF-8 text, a byte range in it, a style (font families in fallback order, weight,
// slant, size, language) and the text's bidi levels (text/bidi.h); gives glyphs run by run in
// logical order, each run's glyphs in visual order (a right-to-left run, shaped by HarfBuzz in
// direction RTL, starts with its logically last cluster), each glyph with the face it came from
// and the byte range of its cluster in the *whole* text (DESIGN.md rule 2). Reordering runs on
// a line is the caller's (UAX #9 rule L2, after line breaking). Guarantees: the shaper sees
// the surrounding text as context; a cluster is shaped with the first family in the stack that
// covers every code point of it (default-ignorables such as U+FE0F excepted); spaces and
// punctuation stay with their neighbours' font when it covers them; a character no font covers
// is reported once per (character, location) as a warning naming it (U+XXXX and the glyph) and
// drawn as .notdef of the first font — never silently. If no family of the stack is available
// at all, that is one warning and no glyphs. Implementation: itemize.cpp, shape.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "text/bidi.h"
#include "text/font_store.h"

namespace cvpdf::text {

/// The font side of a text style (layout maps theme roles to this).
struct Style {
  std::vector<std::string> families;  ///< fallback stack, first choice first
  int weight = 400;                   ///< 400 regular, 700 bold
  bool italic = false;
  double size = 10;                   ///< points
  std::string lang = "en";            ///< BCP 47; picks CJK regional faces, shaping language
};

/// One glyph, positioned in points relative to the pen.
struct ShapedGlyph {
  FaceId face = kNoFace;
  std::uint32_t gid = 0;
  double advance = 0;  ///< points
  double dx = 0;       ///< points
  double dy = 0;       ///< points, up
  /// Byte range of the cluster in the whole text; only the cluster's first glyph has a
  /// non-empty range (later glyphs of the same cluster have begin == end == the cluster's
  /// start). The cluster values are those of HarfBuzz's MONOTONE_CHARACTERS level.
  std::uint32_t text_begin = 0;
  std::uint32_t text_end = 0;
  /// HarfBuzz says breaking the line before this glyph needs reshaping (ligature, kerning).
  bool unsafe_to_break = false;
};

/// Shapes `text[begin, end)` with `style`. `loc` is where the text came from (for warnings).
/// `levels`: the bidi levels of the whole text (resolve_bidi); null: resolved here as one
/// left-to-right paragraph.
std::vector<ShapedGlyph> shape(FontStore& fonts, std::string_view text, std::size_t begin,
                               std::size_t end, const Style& style, core::Diagnostics& diags,
                               const core::SourceLoc& loc, const BidiLevels* levels = nullptr);

}  // namespace cvpdf::text
