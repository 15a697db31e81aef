// layout/layout.cpp — the recipe of layout.h: style, shape, break, stack, paginate.
#include "layout/layout.h"

#include <variant>

#include "layout/blocks.h"
#include "layout/columns.h"
#include "layout/context.h"
#include "layout/paginate.h"

namespace cvpdf::layout {
namespace {

/// The language assumed when the document states none.
constexpr const char* kDefaultLang = "en";

frame::Metadata metadata(const doc::Document& doc) {
  frame::Metadata meta;
  meta.title = doc.title;
  meta.author = doc.author;
  meta.subject = doc.subject;
  meta.lang = doc.lang;
  meta.date = 0;  // set by the CLI from the World (DESIGN.md rule 7)
  return meta;
}

}  // namespace

// ---- the shared pieces of context.h ---------------------------------------------------------

int FaceTable::index(const text::FontStore& fonts, text::FaceId face) {
  if (face == text::kNoFace) return -1;
  if (auto it = index_.find(face); it != index_.end()) return it->second;
  const text::FaceInfo& info = fonts.info(face);
  const int i = static_cast<int>(faces_.size());
  faces_.push_back({info.path, info.face_index, info.postscript_name, info.color_bitmap});
  index_.emplace(face, i);
  return i;
}

TextArea text_area(const theme::PageSetup& page) {
  return {page.margin_left, page.margin_top, page.width - page.margin_left - page.margin_right,
          page.height - page.margin_top - page.margin_bottom};
}

namespace {

core::Pt run_width(const frame::GlyphRun& run) {
  core::Pt w = 0;
  for (const frame::Glyph& g : run.glyphs) w += g.advance;
  return w;
}

struct Mirror {
  core::Pt width;
  [[nodiscard]] core::Pt x(core::Pt x0, core::Pt w) const { return width - x0 - w; }
  void operator()(frame::GlyphRun& r) const { r.origin.x = x(r.origin.x, run_width(r)); }
  void operator()(frame::Line& l) const {
    l.from.x = x(l.from.x, 0);
    l.to.x = x(l.to.x, 0);
  }
  void operator()(frame::Fill& f) const { f.area.x = x(f.area.x, f.area.width); }
  void operator()(frame::Link& l) const { l.area.x = x(l.area.x, l.area.width); }
  void operator()(frame::Anchor& a) const { a.at.x = x(a.at.x, 0); }
  void operator()(frame::Image& i) const { i.area.x = x(i.area.x, i.area.width); }
};

}  // namespace

void mirror_items(std::vector<frame::Item>& items, core::Pt width) {
  const Mirror mirror{width};
  for (frame::Item& item : items) std::visit(mirror, item);
}

std::string layout_language(const doc::Document& doc) { return doc.lang.empty() ? kDefaultLang : doc.lang; }

text::Direction layout_direction(const theme::Theme& theme, const std::string& lang) {
  const bool rtl = theme.direction == "rtl" || (theme.direction == "auto" && text::is_rtl_language(lang));
  return rtl ? text::Direction::Rtl : text::Direction::Ltr;
}

// ---- the recipe ----------------------------------------------------------------------------

frame::Document layout_document(const doc::Document& doc, const theme::Theme& theme,
                                text::FontStore& fonts, core::Diagnostics& diags,
                                const LayoutOptions& options) {
  const std::string lang = layout_language(doc);
  Context ctx{theme, fonts, diags, lang, {}, options, options.hyphenator, {},
              StructBuilder(lang, doc.other_langs)};
  ctx.direction = layout_direction(theme, lang);
  const bool rtl = ctx.direction == text::Direction::Rtl;

  // 1–3. Style, shape and break every paragraph into lines, and
  // 4.   stack the blocks into vertical boxes with keep-with-next marks (blocks.cpp, which calls
  //      paragraph.cpp for each paragraph), per column (the main one, and the sidebar's);
  // 5.   flow each column into pages, merge them in reading order, then add the footers
  //      (they need the page count) — columns.cpp.
  frame::Document out;
  out.pages = flow_columns(ctx, doc);
  // 6.   a right-to-left document, laid out as if left to right, is mirrored page by page.
  if (rtl)
    for (frame::Page& page : out.pages) mirror_items(page.items, page.width);

  // The fonts in first-use order, and the document's metadata.
  out.fonts = ctx.faces.faces();
  out.meta = metadata(doc);
  out.structure = ctx.tags.take();
  return out;
}

}  // namespace cvpdf::layout
