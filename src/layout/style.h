// layout/style.h — steps 1–2 of layout.h: spans styled, paragraphs shaped (private to layout/).
//
// Styles — takes a doc::Role and a doc::Span; gives the text::Style to shape it with and the colour
// to paint it in, from the theme:
//   role       → theme.style("<snake_case role>") (font stack key, size, weight, slant, colour)
//   bold       → weight 700;  italic → italic;  mono → the "mono" font stack
//   highlight  → weight 700 and theme.colors.highlight
//   tag        → theme.colors.tag;  link → theme.colors.link (link wins over tag over highlight)
//   lang       → span.lang, else the document's language
//
// Shaping — takes a doc::Paragraph; gives its concatenated text, each span's byte range and style,
// and the paragraph's glyphs grouped into clusters in logical order. Each style run (consecutive
// spans with the same font side of the style) is shaped once over the whole paragraph text, so
// every byte offset here — spans, clusters, glyph ranges — refers to ShapedParagraph::text.
// Bidi levels (text/bidi.h) are resolved once over the whole paragraph text, with the document's
// direction as the base, before shaping; each cluster keeps its level, and the glyphs inside a
// cluster are in visual order (a right-to-left cluster's glyphs as HarfBuzz gave them), while
// the clusters themselves stay in logical order for line breaking (paragraph.cpp reorders each
// line, UAX #9 rule L2).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/geometry.h"
#include "doc/document.h"
#include "layout/context.h"
#include "text/shape.h"

namespace cvpdf::layout {

/// OpenType weight of bold text (OS/2 usWeightClass "Bold").
inline constexpr int kBoldWeight = 700;

/// "name", "headline", …, "footer": the theme's key for a role (doc::Role in snake case).
std::string role_name(doc::Role role);

/// How one span is drawn.
struct SpanStyle {
  text::Style text;
  core::Color color;
  double leading = 1.3;  ///< line height as a multiple of the size (from the role)
};

SpanStyle span_style(const Context& ctx, doc::Role role, const doc::Span& span);

/// Whether two spans can be shaped in one call (same font side of the style).
bool same_shaping(const text::Style& a, const text::Style& b);

// ---- shaping ------------------------------------------------------------------------------

/// One doc::Span placed in the paragraph text.
struct SpanInfo {
  std::size_t begin = 0;  ///< bytes in ShapedParagraph::text
  std::size_t end = 0;
  SpanStyle style;
  const doc::Span* span = nullptr;  ///< the source span (link, no_break, loc)
};

enum class ClusterKind {
  Text,     ///< drawn material: a word's letters, an ideograph, punctuation
  Space,    ///< U+0020 or a tab: becomes glue
  Newline,  ///< LF, CR, NEL, LS, PS: dropped; ICU reports the mandatory break after it
};

/// One shaping cluster: the smallest unit that can be cut, measured and traced to its text.
struct Cluster {
  std::uint32_t begin = 0;  ///< bytes in ShapedParagraph::text
  std::uint32_t end = 0;
  std::size_t glyph_begin = 0;  ///< glyphs [glyph_begin, glyph_end) of ShapedParagraph::glyphs
  std::size_t glyph_end = 0;
  double advance = 0;  ///< points
  text::FaceId face = text::kNoFace;
  std::size_t span = 0;  ///< index into ShapedParagraph::spans
  ClusterKind kind = ClusterKind::Text;
  std::uint8_t level = 0;  ///< bidi embedding level (odd: right to left)
};

struct ShapedParagraph {
  std::string text;
  std::string lang;  ///< language for line breaking: the spans' common one, else the document's
  std::vector<SpanInfo> spans;
  std::vector<text::ShapedGlyph> glyphs;
  std::vector<Cluster> clusters;  ///< logical order, covering every shaped byte
  text::BidiLevels levels;        ///< per byte of `text`; empty: all 0 (nothing to reorder)
  std::uint8_t base_level = 0;    ///< the paragraph level: 1 in a right-to-left document
};

/// Concatenates, styles and shapes `para` (role styles from ctx.theme).
ShapedParagraph shape_paragraph(Context& ctx, const doc::Paragraph& para);

/// Shapes the style runs of `para` that `cache` lacks into it, each with its own messages
/// (ShapeCache::take reports them), and only those the store finds the fonts of quietly
/// (text::FontStore::QuietScope; prefetch_shapes; ctx.diags is not used).
void prefetch_paragraph(Context& ctx, const doc::Paragraph& para, ShapeCache& cache);

}  // namespace cvpdf::layout
