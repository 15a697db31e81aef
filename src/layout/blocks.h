// layout/blocks.h — doc blocks → vertical boxes (step 4 of layout.h's recipe; private).
//
// Takes the document's blocks; gives the page flow as VBoxes with keep marks:
//   Heading   — its lines, an outline Anchor, and for level 2 the theme's section rule under it;
//               every box keeps with the next, so a title is never last on a page.
//   Paragraph — one box per line across the text width; orphan and widow lines are kept with
//               their neighbour.
//   Entry     — one box per row: main-column line k beside side-column line k (right-aligned,
//               baselines shared); the first two rows and all rows holding side-column text stay
//               together; bullets indented by theme.spacing.bullet_indent with theme.bullet
//               hanging left of them; Entry::marker hangs in the left margin on the first row.
//   List      — bullets across the text width.  Rule — a line across the text width.
//   Spacer    — space before the next block.  PageBreak — the next box starts a page.
// Structure (ctx.tags, in reading order): the name an H1; a section title opens a Sect holding
// its H2 and everything up to the next title; paragraphs are P; consecutive entries are one L,
// each an LI with its marker as Lbl and the rest (main column, bullets as a nested L, side
// column) as LBody; a List is an L of LI (Lbl: the bullet, LBody: a P); the photo a Figure;
// rules are artifacts.
// Vertical spacing between blocks comes from theme.spacing (see gap_between in blocks.cpp).
// Spacers and the theme's gap collapse like CSS margins: the space between two blocks is the
// larger of the two, so compose/ may state the theme's gap explicitly without doubling it.
#pragma once

#include <string>
#include <vector>

#include "doc/document.h"
#include "layout/context.h"
#include "layout/paginate.h"

namespace cvpdf::layout {

/// Where and how one column is stacked.
struct StackOptions {
  TextArea area;             ///< the column (x, width; y and height are pagination's)
  bool dates_below = false;  ///< entries' side column goes under the main column, left-aligned
  /// A photo set at the right of the header blocks (name, headline, contact), which are inset
  /// so that centred text stays centred on the column; null: none.
  const doc::Image* header_photo = nullptr;
  /// A photo centred at the top of the column (the sidebar's); null: none.
  const doc::Image* top_photo = nullptr;
  /// The photo's alternate description (its Figure's /Alt): whose photo it is.
  std::string photo_alt = {};
};

std::vector<VBox> stack_blocks(Context& ctx, const std::vector<doc::Block>& blocks);
std::vector<VBox> stack_blocks(Context& ctx, const std::vector<doc::Block>& blocks,
                               const StackOptions& options);

/// The frame image of `photo` drawn in a square of `size` at (x, y), cut as the theme says.
frame::Image photo_item(const Context& ctx, const doc::Image& photo, core::Pt x, core::Pt y);

}  // namespace cvpdf::layout
