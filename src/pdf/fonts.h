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
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "frame/frame.h"
#include "pdf/blob_store.h"
#include "pdf/deflate.h"

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
  /// A colour bitmap face (frame::FontFace::color_bitmap): written as a Type 3 font whose
  /// glyphs paint nothing (layout draws the pictures as images), with 1-byte codes 1–255 in
  /// glyph id order, no program, and a ToUnicode map: it carries the emoji's text layer.
  bool type3 = false;
  /// Type 3 only: (code point, width in millionths of an em) → code; see type3_chars().
  std::map<std::pair<char32_t, std::int64_t>, std::uint16_t> type3_code;
  std::string program;    ///< the subset sfnt (TrueType) or the bare subset 'CFF ' table
  Packed packed_program;  ///< `program` as its stream is written (deflate.h)
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

/// Bytes per code in content streams and ToUnicode: 1 for a Type 3 font, else 2.
inline int code_bytes(const EmbeddedFont& f) { return f.type3 ? 1 : 2; }

/// A Type 3 font has 255 codes (0 is not used for text).
inline constexpr std::size_t kMaxType3Codes = 255;

/// The width of a trailing space in a Type 3 font: 0.25 em, about a text face's space (Noto
/// Serif 0.26 em, TeX's cmr10 0.33 em) — an emoji font's own space is as wide as an emoji and
/// would reach over the next word (MuPDF then starts a new line).
inline constexpr std::int64_t kType3SpaceMicroEm = 250000;

/// The /W width of a glyph that takes no room (a mark: madda, vowel sign) in right-to-left text.
/// Such text is written in logical order, the pen moving leftwards (frame::GlyphRun::rtl), and
/// Poppler puts a character of width 0 drawn where the glyph before it starts on a line of its
/// own; a negative width makes it a character just left of that start, read after it. Only
/// extractors see it: content streams position every glyph by TJ from these same widths.
inline constexpr std::int64_t kRtlMarkMicroEm = -100000;

/// One code point of a colour glyph's text as the Type 3 text layer writes it.
struct Type3Char {
  char32_t cp = 0;
  std::int64_t width = 0;  ///< millionths of an em
  std::string_view text;   ///< its UTF-8 bytes
};

/// A colour glyph's source text as Type 3 codes: one per code point, side by side, sharing the
/// glyph's `advance` (millionths of an em) equally. One code point per code because MuPDF
/// (1.21) decodes a ToUnicode value longer than one surrogate pair as separate UTF-16 units (a
/// ZWJ sequence or a flag as one code extracts as junk); side by side, not stacked at one
/// point, because Poppler drops a character drawn again at the same place (its fake-bold
/// filter), which would eat the second ZWJ of a family.
std::vector<Type3Char> type3_chars(std::string_view text, std::int64_t advance);

/// The single code point of `trailing_space`, or 0 if it is empty or longer than one.
char32_t trailing_code_point(const std::string& trailing_space);

/// Opens, validates and subsets every font used by a glyph run, and compresses each program.
/// With `threads` > 1 the faces are embedded on that many threads, `alongside` (if any) being
/// one more task among them (write_pdf encodes the images there); the table and the messages
/// are the same, in the same order, whatever the threads. With a `cache`, a subset an earlier
/// run kept is taken from it, and a subset made is kept in it (program_cache.h): the same table.
std::optional<FontTable> prepare_fonts(const frame::Document& doc, core::Diagnostics& diags,
                                       unsigned threads = 1,
                                       const std::function<void()>& alongside = {},
                                       BlobStore* cache = nullptr);

}  // namespace cvpdf::pdf
