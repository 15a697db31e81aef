// layout/paragraph.h — one doc::Paragraph set into lines of a given width (private to layout/).
//
// Takes a paragraph, a measure and an alignment; gives its lines, each a list of frame items
// (glyph runs and links) positioned relative to the line: x from the left edge of the measure,
// y from the line's baseline (y-down). The steps (see layout.h's recipe, steps 1–3):
//   shape_paragraph → find_breaks (minus no_break spans) → build_items → fit_greedy → emit.
// Guarantees: glyph runs reproduce the source text exactly (each run's `text` is the source
// substring it covers; spaces turned into positioning reappear as `trailing_space`); a word wider
// than the measure is a warning naming it and is cut between clusters, so no line is wider than
// the measure unless a no_break span itself is (then a warning too).
#pragma once

#include <map>
#include <vector>

#include "doc/document.h"
#include "frame/frame.h"
#include "layout/context.h"
#include "layout/style.h"
#include "linebreak/breaks.h"
#include "linebreak/fit.h"

namespace cvpdf::layout {

/// One set line: items relative to (left edge of the measure, baseline).
struct LaidLine {
  std::vector<frame::Item> items;
  core::Pt width = 0;  ///< width of the material (after alignment offset is applied: its extent)
};

/// A paragraph's lines and vertical metrics. Baselines are `leading` apart; the first sits
/// `ascent` below the paragraph's top and the last `descent` above its bottom, so that glyphs
/// stay inside the paragraph's box.
struct LaidParagraph {
  std::vector<LaidLine> lines;
  core::Pt ascent = 0;   ///< max face ascender × size over the paragraph's glyphs
  core::Pt descent = 0;  ///< max face |descender| × size, positive
  core::Pt leading = 0;  ///< max size × role leading (theme.styles[role].leading)

  /// Height of line k's box above its baseline: the ascent for the first line, the rest of the
  /// leading for the others (so consecutive baselines are exactly `leading` apart).
  [[nodiscard]] core::Pt above(std::size_t k) const { return k == 0 ? ascent : leading - descent; }
  [[nodiscard]] core::Pt height() const;
};

/// Sets `para` in lines of `width` points, aligned by `align`. Its glyph runs become content of
/// structure element `node` (ctx.tags) — a link span's in a Link element under it, text in
/// another language's script in a Span with that /Lang — or artifacts when `node` is
/// frame::kArtifact or frame::kPageArtifact. A word hyphenated across lines is read whole: its
/// first part's runs extract as the whole word, its second part's as nothing (actual_text).
LaidParagraph layout_paragraph(Context& ctx, const doc::Paragraph& para, core::Pt width,
                               doc::Align align, int node = frame::kArtifact);

// ---- internals shared by paragraph.cpp and items.cpp ------------------------------------------

/// Why a line may end at an item (dump --stage=lines).
enum class BreakReason {
  None,       ///< a box
  Space,      ///< interword glue
  Cjk,        ///< a UAX #14 opportunity without a space (between ideographs, CJK/Latin gap)
  Other,      ///< another UAX #14 opportunity without a space (after a slash or a dash)
  Hyphen,     ///< a hyphenation point (libhyphen)
  Forced,     ///< a newline in the source
  Emergency,  ///< between two clusters of a word wider than the line
};

/// "space", "CJK", …: the reason as dump --stage=lines prints it.
const char* reason_name(BreakReason reason);

/// Which clusters an item stands for (a penalty stands for none: begin == end; a hyphen
/// penalty's begin is the cluster after the hyphenation point).
struct ItemSource {
  std::size_t cluster_begin = 0;
  std::size_t cluster_end = 0;
  BreakReason reason = BreakReason::None;
};

/// The hyphen drawn at a hyphenated line end, shaped in the font of the word's span.
struct HyphenGlyph {
  text::FaceId face = text::kNoFace;
  std::uint32_t gid = 0;
  double advance = 0;
};

/// Knuth items for a shaped paragraph, with their clusters.
struct ItemList {
  std::vector<linebreak::Item> items;
  std::vector<ItemSource> sources;  ///< parallel to items
  std::map<std::size_t, HyphenGlyph> hyphens;  ///< by span index, for the spans hyphenated
  bool overfull_word = false;  ///< a word wider than the measure had to be cut
};

/// Words → boxes, spaces → glue (a space where no break is allowed gets an infinite penalty
/// before it), other break opportunities → zero-width penalties, mandatory breaks → forced
/// penalties, hyphenation points (theme.linebreak, ctx.hyphenator; never in no_break spans,
/// links, the highlighted self-name or a paragraph's last word) → flagged penalties as wide as the hyphen. Between an
/// ideograph and a Latin letter or digit with no space, glue of theme.linebreak.cjk_latin_space
/// em. A word wider than `measure` that hyphenation cannot save is warned about and cut into
/// cluster boxes joined by emergency penalties. Glue stretches and shrinks only when `justify`
/// (ragged right gets its stretch from the fitter's right_stretch, as TeX's \raggedright).
/// `breaks` are the paragraph's opportunities (no_break ranges already dropped).
ItemList build_items(Context& ctx, const ShapedParagraph& para,
                     const std::vector<linebreak::BreakOpportunity>& breaks, core::Pt measure,
                     bool justify, bool hyphenate = true);

}  // namespace cvpdf::layout
