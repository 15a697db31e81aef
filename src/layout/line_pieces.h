// layout/line_pieces.h — what one line draws, in logical and in visual order.
//
// Takes a shaped paragraph, its item list and one of its lines (paragraph.h, linebreak/); gives
// the line's pieces — clusters, the spaces of glue items, gaps without text, the hyphen of a
// hyphenated end — each with its bidi level, and puts them in visual order (UAX #9 rule L2).
// paragraph.cpp's emit_line draws them in that order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "layout/paragraph.h"
#include "linebreak/knuth_plass.h"

namespace cvpdf::layout {

/// One thing a line draws: a cluster, the spaces of a glue item, a gap without text, or the
/// hyphen of a hyphenated line end; with its bidi level.
struct Piece {
  enum class Kind { Cluster, Spaces, Gap, Hyphen } kind = Kind::Cluster;
  std::size_t index = 0;  ///< the cluster (Cluster) or the item (Spaces, Gap)
  std::uint8_t level = 0;
};

/// The pieces of `line` in logical order. Spaces take the level UAX #9 gave them; a gap, the
/// level of the cluster before it; spaces and gaps ending the line, the paragraph's (rule L1).
std::vector<Piece> line_pieces(const ShapedParagraph& p, const ItemList& list,
                               const linebreak::Line& line);

/// Puts `pieces` in visual order (UAX #9 rule L2); false if all are at level 0 (unchanged).
bool reorder_visually(std::vector<Piece>& pieces);

}  // namespace cvpdf::layout
