// pdf/fonts.h — the fonts of a frame document, subset once and ready to embed.
//
// Takes a frame::Document; gives one EmbeddedFont per distinct font face that some glyph run
// uses (faces no run uses are left out), each subset once with hb-subset (GIDs remapped, layout
// tables dropped, hinting dropped), with the codes content streams must write, the /W widths
// and the descriptor metrics. No PoDoFo here: document.cpp turns these values into objects.
// Failures (unreadable font, no glyphs, unsupported format, glyph id out of range, subsetting
// failure) are reported to the diagnostics and give std::nullopt.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "frame/frame.h"

namespace cvpdf::pdf {

/// FontDescriptor metrics in PDF glyph space (1/1000 em), from FreeType.
struct FontMetrics {
  double bbox[4] = {0, 0, 0, 0};  ///< xMin yMin xMax yMax
  double ascent = 0;
  double descent = 0;
  double cap_height = 0;
  double italic_angle = 0;  ///< degrees, counter-clockwise from vertical (post table)
  bool fixed_pitch = false;
};

/// One font face as it will be embedded: a subset program plus what content streams need.
struct EmbeddedFont {
  std::string resource;   ///< resource name "F1", "F2", … in order of first use
  std::string base_font;  ///< "ABCDEF+NotoSerif-Regular": subset tag + PostScript name
  bool cff = false;       ///< CIDFontType0 + FontFile3/CIDFontType0C, else CIDFontType2 + FontFile2
  std::string program;    ///< the subset sfnt (TrueType) or the bare subset 'CFF ' table
  FontMetrics metrics;
  /// Original glyph id → the 2-byte code (= CID) written in content streams.
  std::map<std::uint32_t, std::uint16_t> code_of;
  /// Code → advance in millionths of an em (thousandths of a /W unit), already rounded: /W
  /// and the TJ adjustments use exactly these values.
  std::map<std::uint16_t, std::int64_t> width_of;
  /// Code points of GlyphRun::trailing_space that this font has a glyph for → original gid.
  std::map<char32_t, std::uint32_t> char_gid;
};

/// All fonts of one document, and which frame font index maps to which of them.
struct FontTable {
  std::vector<EmbeddedFont> fonts;
  std::vector<int> slot;  ///< frame font index → index into `fonts`, or -1 if unused

  /// The embedded font for a run's `font` index (nullptr if out of range or unused).
  [[nodiscard]] const EmbeddedFont* for_run(int frame_font) const;
};

/// The single code point of `trailing_space`, or 0 if it is empty or longer than one.
char32_t trailing_code_point(const std::string& trailing_space);

/// Opens, validates and subsets every font used by a glyph run.
std::optional<FontTable> prepare_fonts(const frame::Document& doc, core::Diagnostics& diags);

}  // namespace cvpdf::pdf
