// layout/paginate.cpp — greedy page filling with keep chains; footers (see paginate.h).
#include "layout/paginate.h"

#include <type_traits>

#include "layout/paragraph.h"

namespace cvpdf::layout {
namespace {

// Rounding slack when comparing heights (points): sums of line heights must not push a box that
// exactly fits onto the next page.
constexpr core::Pt kHeightTolerance = 1e-6;
// Where the footer's baseline sits in the bottom margin, as a fraction of the margin from the
// text area's bottom (0.5: centred; LaTeX's \footskip for 10pt articles is 30pt of a ~1in margin).
constexpr double kFooterPosition = 0.5;

class PageBuilder {
 public:
  PageBuilder(Context& ctx, const TextArea& area) : ctx_(ctx), area_(area) { new_page(); }

  void flow(std::vector<VBox>& boxes);
  std::vector<frame::Page> take() { return std::move(pages_); }

 private:
  void new_page() {
    frame::Page page;
    page.width = ctx_.theme.page.width;
    page.height = ctx_.theme.page.height;
    pages_.push_back(std::move(page));
    y_ = 0;
    empty_ = true;
  }
  /// The height of the keep chain starting at `i` (its first box's space not counted) and the
  /// index one past its end.
  std::pair<core::Pt, std::size_t> chain(const std::vector<VBox>& boxes, std::size_t i) const;
  void place(VBox& box);

  Context& ctx_;
  TextArea area_;
  std::vector<frame::Page> pages_;
  core::Pt y_ = 0;  // used height of the current page's text area
  bool empty_ = true;
};

std::pair<core::Pt, std::size_t> PageBuilder::chain(const std::vector<VBox>& boxes,
                                                    std::size_t i) const {
  core::Pt height = boxes[i].height;
  std::size_t j = i + 1;
  while (boxes[j - 1].keep_with_next && j < boxes.size() && !boxes[j].break_before) {
    height += boxes[j].space_before + boxes[j].height;
    ++j;
  }
  return {height, j};
}

void PageBuilder::place(VBox& box) {
  core::Pt space = empty_ ? 0 : box.space_before;
  if (!empty_ && y_ + space + box.height > area_.height + kHeightTolerance) {
    new_page();
    space = 0;
  }
  if (empty_ && box.height > area_.height + kHeightTolerance)
    ctx_.diags.warning({}, "a block is taller than the page's text area and overflows it");
  y_ += space;
  append_moved(pages_.back().items, std::move(box.items), 0, area_.y + y_);
  y_ += box.height;
  empty_ = false;
}

void PageBuilder::flow(std::vector<VBox>& boxes) {
  for (std::size_t i = 0; i < boxes.size();) {
    if (boxes[i].break_before && !empty_) new_page();
    const auto [height, end] = chain(boxes, i);
    const core::Pt space = empty_ ? 0 : boxes[i].space_before;
    const bool fits_here = y_ + space + height <= area_.height + kHeightTolerance;
    const bool fits_a_page = height <= area_.height + kHeightTolerance;
    if (!empty_ && !fits_here && fits_a_page) new_page();
    for (; i < end; ++i) place(boxes[i]);
  }
}

std::string fill_placeholders(std::string text, int page, int pages) {
  auto replace = [&](const std::string& key, const std::string& value) {
    for (std::size_t at = text.find(key); at != std::string::npos;
         at = text.find(key, at + value.size()))
      text.replace(at, key.size(), value);
  };
  replace("{page}", std::to_string(page));
  replace("{pages}", std::to_string(pages));
  return text;
}

void add_footer_part(Context& ctx, const std::string& text, doc::Align align, frame::Page& page,
                     const TextArea& area) {
  if (text.empty()) return;
  doc::Paragraph p;
  p.role = doc::Role::Footer;
  p.align = align;
  p.spans.push_back(doc::Span{});
  p.spans.back().text = text;
  p.spans.back().no_break = true;
  LaidParagraph laid = layout_paragraph(ctx, p, area.width, align, frame::kPageArtifact);
  if (laid.lines.empty()) return;
  const core::Pt baseline = area.y + area.height + kFooterPosition * ctx.theme.page.margin_bottom;
  append_moved(page.items, std::move(laid.lines.front().items), area.x, baseline);
}

}  // namespace

void translate(frame::Item& item, core::Pt dx, core::Pt dy) {
  std::visit(
      [&](auto& it) {
        using T = std::decay_t<decltype(it)>;
        if constexpr (std::is_same_v<T, frame::GlyphRun>) {
          it.origin.x += dx;
          it.origin.y += dy;
        } else if constexpr (std::is_same_v<T, frame::Line>) {
          it.from.x += dx;
          it.from.y += dy;
          it.to.x += dx;
          it.to.y += dy;
        } else if constexpr (std::is_same_v<T, frame::Fill> || std::is_same_v<T, frame::Link> ||
                             std::is_same_v<T, frame::Image>) {
          it.area.x += dx;
          it.area.y += dy;
        } else if constexpr (std::is_same_v<T, frame::Anchor>) {
          it.at.x += dx;
          it.at.y += dy;
        }
      },
      item);
}

void append_moved(std::vector<frame::Item>& to, std::vector<frame::Item> from, core::Pt dx,
                  core::Pt dy) {
  for (frame::Item& item : from) {
    translate(item, dx, dy);
    to.push_back(std::move(item));
  }
}

std::vector<frame::Page> paginate(Context& ctx, std::vector<VBox> boxes) {
  return paginate(ctx, std::move(boxes), text_area(ctx.theme.page));
}

std::vector<frame::Page> paginate(Context& ctx, std::vector<VBox> boxes, const TextArea& area) {
  PageBuilder builder(ctx, area);
  builder.flow(boxes);
  return builder.take();
}

void add_footers(Context& ctx, const doc::Footer& footer, std::vector<frame::Page>& pages) {
  add_footers(ctx, footer, pages, text_area(ctx.theme.page));
}

void add_footers(Context& ctx, const doc::Footer& footer, std::vector<frame::Page>& pages,
                 const TextArea& area) {
  const bool custom = !footer.left.empty() || !footer.center.empty() || !footer.right.empty();
  const theme::Theme::Footer& t = ctx.theme.footer;
  const doc::Footer parts = custom ? footer : doc::Footer{t.left, t.center, t.right};
  const int count = static_cast<int>(pages.size());
  for (int n = 1; n <= count; ++n) {
    frame::Page& page = pages[static_cast<std::size_t>(n - 1)];
    add_footer_part(ctx, fill_placeholders(parts.left, n, count), doc::Align::Left, page, area);
    add_footer_part(ctx, fill_placeholders(parts.center, n, count), doc::Align::Center, page, area);
    add_footer_part(ctx, fill_placeholders(parts.right, n, count), doc::Align::Right, page, area);
  }
}

}  // namespace cvpdf::layout
