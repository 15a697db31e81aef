// layout/paginate.h — the page flow cut into pages, and the footers (step 5; private).
//
// Takes the VBoxes of the whole document; gives pages of the theme's size with every item in
// page coordinates. The page builder is greedy (first fit, like TeX's \vsize filling without
// the badness search of its page builder, The TeXbook ch. 15): boxes go onto the page while
// they fit in the text area; a chain of boxes marked keep_with_next moves to the next page as a
// whole when it does not fit here but fits on an empty page (a chain longer than a page is cut
// where it must). A box's space_before is dropped at the top of a page. The text area is never
// overfilled, unless a single box is taller than it (warned).
#pragma once

#include <vector>

#include "core/geometry.h"
#include "doc/document.h"
#include "frame/frame.h"
#include "layout/context.h"

namespace cvpdf::layout {

/// One unbreakable slice of the page flow: usually one line (or one row of an entry: a
/// main-column line with the side-column line beside it), a heading's rule, or a rule block.
/// Pagination only ever breaks *between* boxes, so a paragraph longer than a page is split
/// between its lines.
struct VBox {
  core::Pt space_before = 0;  ///< glue above the box; dropped when the box starts a page
  core::Pt height = 0;
  std::vector<frame::Item> items;  ///< x on the page, y relative to the box's top (y-down)
  bool keep_with_next = false;     ///< no page break between this box and the next
  bool break_before = false;       ///< a forced page break before this box (doc::PageBreak)
};

/// Moves an item by (dx, dy).
void translate(frame::Item& item, core::Pt dx, core::Pt dy);

/// Appends `from`'s items to `to`, each moved by (dx, dy).
void append_moved(std::vector<frame::Item>& to, std::vector<frame::Item> from, core::Pt dx,
                  core::Pt dy);

std::vector<frame::Page> paginate(Context& ctx, std::vector<VBox> boxes);
/// The same, into `area` of each page (a column: the main text or the sidebar).
std::vector<frame::Page> paginate(Context& ctx, std::vector<VBox> boxes, const TextArea& area);

/// Adds the footer to every page: doc.footer's left/centre/right parts, or, when all three are
/// empty, theme.footer centred; "{page}" and "{pages}" are replaced by the page number and count.
/// The footer's baseline sits in the middle of the bottom margin, in the theme's footer style.
/// Footers are page artifacts (frame::kPageArtifact), not content of the structure tree.
void add_footers(Context& ctx, const doc::Footer& footer, std::vector<frame::Page>& pages);
/// The same, centred on `area` (the main column when there is a sidebar).
void add_footers(Context& ctx, const doc::Footer& footer, std::vector<frame::Page>& pages,
                 const TextArea& area);

}  // namespace cvpdf::layout
