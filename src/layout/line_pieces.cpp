// layout/line_pieces.cpp — a line's pieces and their visual order (see line_pieces.h).
#include "layout/line_pieces.h"

#include <utility>

#include "text/bidi.h"

namespace cvpdf::layout {

using linebreak::ItemKind;

std::vector<Piece> line_pieces(const ShapedParagraph& p, const ItemList& list,
                               const linebreak::Line& line) {
  std::vector<Piece> pieces;
  std::uint8_t previous = p.base_level;
  for (std::size_t i = line.begin; i < line.end; ++i) {
    const ItemSource& src = list.sources[i];
    switch (list.items[i].kind) {
      case ItemKind::Box:
        for (std::size_t ci = src.cluster_begin; ci < src.cluster_end; ++ci) {
          previous = p.clusters[ci].level;
          pieces.push_back({Piece::Kind::Cluster, ci, previous});
        }
        break;
      case ItemKind::Glue:
        if (src.cluster_begin == src.cluster_end)
          pieces.push_back({Piece::Kind::Gap, i, previous});
        else
          pieces.push_back({Piece::Kind::Spaces, i, p.clusters[src.cluster_begin].level});
        break;
      case ItemKind::Penalty:
        break;
    }
  }
  const bool ends = line.break_at < list.items.size();
  if (ends && list.sources[line.break_at].reason == BreakReason::Hyphen)
    pieces.push_back({Piece::Kind::Hyphen, line.break_at, previous});
  for (auto it = pieces.rbegin(); it != pieces.rend() && it->kind != Piece::Kind::Cluster &&
                                  it->kind != Piece::Kind::Hyphen;
       ++it)
    it->level = p.base_level;
  return pieces;
}

bool reorder_visually(std::vector<Piece>& pieces) {
  std::vector<std::uint8_t> levels;
  levels.reserve(pieces.size());
  bool all_zero = true;
  for (const Piece& piece : pieces) {
    levels.push_back(piece.level);
    all_zero = all_zero && piece.level == 0;
  }
  if (all_zero) return false;
  std::vector<Piece> visual;
  visual.reserve(pieces.size());
  for (const std::size_t k : text::visual_order(levels)) visual.push_back(pieces[k]);
  pieces = std::move(visual);
  return true;
}

}  // namespace cvpdf::layout
