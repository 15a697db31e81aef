// layout/columns.cpp — main column and sidebar, each paginated, merged per page (columns.h).
#include "layout/columns.h"

#include <algorithm>

#include "layout/blocks.h"
#include "layout/paginate.h"

namespace cvpdf::layout {
namespace {

bool sidebar_left(const theme::Theme& t) { return t.sidebar.side == "left"; }

/// The tint: the sidebar's full height at the page edge, painted before any text.
frame::Fill tint(const theme::Theme& t) {
  const core::Pt x = sidebar_left(t) ? 0 : t.page.width - t.sidebar.width;
  return frame::Fill{{x, 0, t.sidebar.width, t.page.height}, t.sidebar.tint, 0};
}

/// Appends the sidebar page's items after the main column's (see columns.h: reading order).
void merge(std::vector<frame::Page>& pages, std::vector<frame::Page> side, const theme::Theme& t) {
  while (pages.size() < side.size()) {
    frame::Page blank;
    blank.width = t.page.width;
    blank.height = t.page.height;
    pages.push_back(std::move(blank));
  }
  for (std::size_t i = 0; i < pages.size(); ++i) {
    auto& items = pages[i].items;
    items.insert(items.begin(), tint(t));
    if (i >= side.size()) continue;
    for (frame::Item& item : side[i].items) items.push_back(std::move(item));
  }
}

const doc::Image* photo_at(const doc::Document& doc, const theme::Theme& t, const char* where) {
  return doc.photo && t.photo.position == where ? &*doc.photo : nullptr;
}

}  // namespace

TextArea main_column(const theme::Theme& t) {
  TextArea a = text_area(t.page);
  if (!t.sidebar.enabled) return a;
  const core::Pt taken = t.sidebar.width + t.sidebar.gap;
  if (sidebar_left(t)) {
    a.width -= taken - t.page.margin_left;
    a.x = taken;
  } else {
    a.width -= taken - t.page.margin_right;
  }
  return a;
}

TextArea sidebar_column(const theme::Theme& t) {
  TextArea a = text_area(t.page);
  a.x = (sidebar_left(t) ? 0 : t.page.width - t.sidebar.width) + t.sidebar.padding;
  a.width = t.sidebar.width - 2 * t.sidebar.padding;
  return a;
}

std::vector<frame::Page> flow_columns(Context& ctx, const doc::Document& doc) {
  const theme::Theme& t = ctx.theme;
  const TextArea main = main_column(t);
  StackOptions main_opts{main};
  main_opts.photo_alt = doc.author;
  main_opts.header_photo = photo_at(doc, t, "header");
  if (!t.sidebar.enabled) main_opts.top_photo = nullptr;
  std::vector<frame::Page> pages = paginate(ctx, stack_blocks(ctx, doc.blocks, main_opts), main);
  if (t.sidebar.enabled) {
    const TextArea side = sidebar_column(t);
    StackOptions side_opts{side};
    side_opts.photo_alt = doc.author;
    side_opts.dates_below = true;  // a sidebar is too narrow for a date column
    side_opts.top_photo = photo_at(doc, t, "sidebar");
    merge(pages, paginate(ctx, stack_blocks(ctx, doc.sidebar, side_opts), side), t);
  }
  add_footers(ctx, doc.footer, pages, main);
  return pages;
}

}  // namespace cvpdf::layout
