// frame/frame.h — the data-only output of layout: pages of positioned items.
//
// Takes nothing (it is a value type); layout/ builds it, pdf/ writes it, tests dump it.
// Guarantees: no algorithms and no library types here. Coordinates are points, y-down from the
// page's top-left corner (pdf/ flips them). Every glyph keeps the byte range of the source text
// its cluster came from (DESIGN.md rule 2), so the PDF's text layer can be derived exactly.
// Layout also decides the logical structure (Structure: headings, paragraphs, lists, links, the
// photo) and which drawn items are content of it and which are artifacts; pdf/ only writes it.
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

/// A drawn item that is not content of the structure tree: rules, tints, badges (decoration).
inline constexpr int kArtifact = -1;
/// Page furniture repeated on every page: footers and page numbers (an artifact of pagination).
inline constexpr int kPageArtifact = -2;

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
  /// The run reads right to left (Arabic, Hebrew): its glyphs are listed left to right like any
  /// other's, and pdf/ writes them in reverse, so that the content stream holds the text in
  /// logical order — what extractors that follow the drawing order read (MuPDF, the structure
  /// tree's marked content); poppler's pdftotext sorts by position either way. A line's runs
  /// are listed in logical order too (their positions stay visual).
  bool rtl = false;
  /// `trailing_space` (always drawn at the run's right end) is read before the run's text: the
  /// space lies logically before it (a right-to-left run's left neighbour, or a left-to-right run
  /// inside a right-to-left line).
  bool space_before = false;
  /// What a reader extracts for this run instead of `text` (pdf/: /ActualText), e.g. "Email:"
  /// for an icon glyph, the whole word for the first part of a hyphenated word, "" for its
  /// second part (already read with the first); none: `text`.
  std::optional<std::string> actual_text;
  /// The content id of this run in Document::structure, or kArtifact / kPageArtifact.
  int content = kArtifact;
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
  int content = kArtifact;  ///< content id in Document::structure (a Figure), or kArtifact
};

/// A clickable area opening a URI (http, https, mailto).
struct Link {
  Rect area;
  std::string uri;
  int content = kArtifact;  ///< content id in Document::structure (its Link element)
};

/// A destination for the document outline (bookmarks).
struct Anchor {
  std::string title;  ///< UTF-8, as shown in the bookmarks pane
  int level = 1;      ///< 1 = top level
  Point at;           ///< top-left of the heading on this page
};

using Item = std::variant<GlyphRun, Line, Fill, Link, Anchor, Image>;

/// Standard structure types (PDF 1.7 §14.8.4) that cvpdf uses.
enum class Tag { Document, Sect, H1, H2, P, L, LI, Lbl, LBody, Link, Span, Figure };

/// The PDF name of a tag ("Document", "H1", …).
const char* tag_name(Tag tag);

/// One child of a structure element: another element, or drawn content (a glyph run, an image
/// or a link annotation whose `content` is this id).
struct StructKid {
  bool element = false;  ///< true: `index` is a node; false: a content id
  int index = 0;
};

/// One structure element. Children are in reading order.
struct StructNode {
  Tag tag = Tag::P;
  int parent = -1;      ///< index of the parent node; -1 for the root
  std::string lang;     ///< BCP 47 when it differs from the document's, else empty
  std::string alt;      ///< alternate description (Figure)
  std::vector<StructKid> kids;
};

/// The logical structure of the document: nodes[0] is the Document root (when not empty).
/// Content ids run from 0 to `contents` - 1; each belongs to exactly one node.
struct Structure {
  std::vector<StructNode> nodes;
  int contents = 0;
};

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
  Structure structure;  ///< empty: an untagged PDF
};

/// A stable, human-readable dump (numbers rounded to 0.01 pt) for golden tests.
std::string dump(const Document& doc);

}  // namespace cvpdf::frame
