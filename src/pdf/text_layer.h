// pdf/text_layer.h — what a text extractor will see: glyph codes, positions and source text.
//
// Takes glyph runs and the embedded fonts; gives each run as placed glyphs (code, exact
// position, source text), the per-font code → text maps that become ToUnicode CMaps (the first
// occurrence of a code wins), and whether a run needs /ActualText because one of its glyphs
// maps to different text elsewhere. GlyphRun::trailing_space becomes one more glyph — the
// font's own glyph for that character — so readers extract a real space between runs; if the
// font has no such glyph the run gets /ActualText instead.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "frame/frame.h"
#include "pdf/fonts.h"

namespace cvpdf::pdf {

/// One glyph as it will be written.
struct PlacedGlyph {
  std::uint16_t code = 0;  ///< CID written in the content stream
  std::int64_t x = 0;      ///< glyph origin from the run origin, millionths of an em
  double dy = 0;           ///< baseline shift in points, positive = up
  std::string_view text;   ///< the source text it stands for (empty: none)
};

/// A run ready to write: its glyphs and what its text layer needs.
struct PlacedRun {
  std::vector<PlacedGlyph> glyphs;
  /// Text no glyph carries (a trailing space the font has no glyph for): forces /ActualText.
  std::string unplaced_text;
  bool bad_ranges = false;  ///< some glyph's text range was outside GlyphRun::text (ignored)
};

/// Places a run's glyphs (and its trailing-space glyph) in font `f`.
PlacedRun place_run(const frame::GlyphRun& run, const EmbeddedFont& f);

/// Code → UTF-16BE text (no BOM), one map per font; the first occurrence of a code wins.
using TextMap = std::map<std::uint16_t, std::string>;

/// The ToUnicode maps of all fonts (indexed like FontTable::fonts), in document order.
std::vector<TextMap> build_text_maps(const frame::Document& doc, const FontTable& fonts);

/// True if the ToUnicode map alone extracts exactly this run's text.
bool extracts_exactly(const PlacedRun& run, const TextMap& map);

/// The run's text as extraction should return it (UTF-8): glyph texts + unplaced text.
std::string run_text(const PlacedRun& run);

/// ToUnicode maps shared between fonts: font i's CMap is `maps[of_font[i]]`.
struct SharedTextMaps {
  std::vector<TextMap> maps;
  std::vector<std::size_t> of_font;  ///< indexed like FontTable::fonts
};

/// Merges the fonts' maps into as few CMaps as keep every font's text: a font joins the first
/// shared map that gives each code it has (EmbeddedFont::width_of) the same text as its own map,
/// or none where its own has none, and whose codes are as long (the fonts of a family share one
/// CID space; a CMap stream costs ~250 bytes even when small). Deterministic: in font order.
SharedTextMaps share_text_maps(const FontTable& fonts, const std::vector<TextMap>& maps);

/// A ToUnicode CMap program for `map`: runs of consecutive codes for consecutive characters as
/// bfrange lines, the rest as bfchar (blocks of ≤ 100 lines), for codes of `code_bytes` bytes
/// (2: Type0/Identity-H; 1: a Type 3 font).
std::string to_unicode_cmap(const TextMap& map, int code_bytes = 2);

}  // namespace cvpdf::pdf
