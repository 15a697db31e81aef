// frame/frame.h — the data-only output of layout: pages of positioned items.
//
// Takes nothing (it is a value type); layout/ builds it, pdf/ writes it, tests dump it.
// Guarantees: no algorithms and no library types here. Coordinates are points, y-down from the
// page's top-left corner (pdf/ flips them). Every glyph keeps the byte range of the source text
// its cluster came from (DESIGN.md rule 2), so the PDF's text layer can be derived exactly.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/geometry.h"

namespace cvpdf::frame {

using core::Color;
using core::Point;
using core::Pt;
using core::Rect;

/// A font file face used by the document; glyph runs refer to it by index.
struct FontFace {
  std::string path;             ///< file on disk (TrueType/OpenType/collection)
  int face_index = 0;           ///< index inside a .ttc collection, else 0
  std::string postscript_name;  ///< e.g. "NotoSerif-Bold", "NotoSansCJKsc-Regular"
  /// A colour bitmap face (CBDT PNGs, no outlines): layout draws its glyphs as Image items,
  /// and pdf/ writes its runs as invisible text (a Type 3 font) that carries only the text.
  bool color_bitmap = false;
  friend bool operator==(const FontFace&, const FontFace&) = default;
};

/// One shaped glyph. Advances and offsets are in points at the run's size.
struct Glyph {
  std::uint32_t gid = 0;  ///< glyph id in the *original* font (pdf/ remaps after subsetting)
  Pt advance = 0;         ///< horizontal advance
  Pt dx = 0;              ///< x offset from the pen position
  Pt dy = 0;              ///< y offset, positive = up (as in HarfBuzz)
  /// Byte range [text_begin, text_end) in `GlyphRun::text` that this glyph stands for. The
  /// first glyph of a cluster carries the cluster's whole range; further glyphs of the same
  /// cluster have text_begin == text_end (they add no text).
  std::uint32_t text_begin = 0;
  std::uint32_t text_end = 0;
};

/// A line's worth (or part) of glyphs in one font, size and colour, left to right.
struct GlyphRun {
  Point origin;         ///< pen position of the first glyph on the baseline
  int font = 0;         ///< index into Document::fonts
  Pt size = 10;         ///< font size
  Color color;          ///< fill colour
  std::string text;     ///< the source text these glyphs stand for (UTF-8)
  std::string lang;     ///< BCP 47 tag of the text ("en", "zh-Hans"); may be empty
  std::vector<Glyph> glyphs;
  /// Text a reader should extract *after* this run (a space or "" ); lets pdf/ emit real space
  /// characters between words that are separated by positioning only.
  std::string trailing_space;
  /// The run ends a hyphenated line: its last glyph is a hyphen that layout added (its text
  /// range is empty, since the source has no hyphen there). pdf/ extracts that glyph as U+002D,
  /// so that a reader sees "hyphen-" at the line end, as in any hyphenated print, and
  /// extractors that rejoin such lines (pdftotext) give back the source word.
  bool hyphenated = false;
  /// What a reader extracts for this run instead of `text` (pdf/: /ActualText), e.g. "Email:"
  /// for an icon glyph; empty: `text`.
  std::string actual_text;
};

/// A straight line (rules, underlines).
struct Line {
  Point from;
  Point to;
  Pt thickness = 0.5;
  Color color;
};

/// A filled rectangle (tints, bars, badges), with rounded corners if `radius` > 0.
struct Fill {
  Rect area;
  Color color;
  Pt radius = 0;
};

/// The encodings pdf/ can embed (frame keeps the bytes as read; pdf/ validates and decodes).
enum class ImageFormat { Jpeg, Png };

/// A raster image drawn into `area`, scaled to cover it (a centred crop when the shapes
/// differ) and clipped to a circle when `round` (or to the area otherwise): a photo, or the
/// picture of a colour emoji glyph (whose area has the picture's own shape).
struct Image {
  Rect area;
  std::shared_ptr<const std::string> bytes;  ///< the encoded file
  ImageFormat format = ImageFormat::Jpeg;
  int width = 0;   ///< pixels, from the header
  int height = 0;
  bool round = false;
};

/// A clickable area opening a URI (http, https, mailto).
struct Link {
  Rect area;
  std::string uri;
};

/// A destination for the document outline (bookmarks).
struct Anchor {
  std::string title;  ///< UTF-8, as shown in the bookmarks pane
  int level = 1;      ///< 1 = top level
  Point at;           ///< top-left of the heading on this page
};

using Item = std::variant<GlyphRun, Line, Fill, Link, Anchor, Image>;

struct Page {
  Pt width = 595.276;   ///< A4 by default
  Pt height = 841.89;
  std::vector<Item> items;  ///< painted in this order
};

/// Document-level metadata, written to the Info dictionary and catalog.
struct Metadata {
  std::string title;    ///< UTF-8
  std::string author;   ///< UTF-8
  std::string subject;  ///< UTF-8
  std::string lang;     ///< BCP 47, e.g. "en", "zh-Hans"
  std::string creator = "cvpdf";
  /// Creation/modification date, seconds since the Unix epoch, UTC (from the World, never the
  /// wall clock); none: the PDF carries no date.
  std::optional<std::int64_t> date;
};

struct Document {
  std::vector<FontFace> fonts;
  std::vector<Page> pages;
  Metadata meta;
};

/// A stable, human-readable dump (numbers rounded to 0.01 pt) for golden tests.
std::string dump(const Document& doc);

}  // namespace cvpdf::frame
