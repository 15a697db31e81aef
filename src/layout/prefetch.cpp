// layout/prefetch.cpp — shaping a document's paragraphs ahead of its layout (see layout.h
// prefetch_shapes). Walks the blocks as layout does (main column, then the sidebar), each
// paragraph through style.cpp's prefetch_paragraph with a context like layout_document's.
#include <variant>

#include "layout/context.h"
#include "layout/style.h"

namespace cvpdf::layout {
namespace {

struct Prefetch {
  Context& ctx;
  ShapeCache& cache;
  std::stop_token stop;

  void paragraph(const doc::Paragraph& p) const {
    if (!stop.stop_requested()) prefetch_paragraph(ctx, p, cache);
  }
  void paragraphs(const std::vector<doc::Paragraph>& ps) const {
    for (const doc::Paragraph& p : ps) paragraph(p);
  }
  void operator()(const doc::Heading& h) const { paragraph(h.text); }
  void operator()(const doc::Paragraph& p) const { paragraph(p); }
  void operator()(const doc::Entry& e) const {
    paragraphs(e.main);
    paragraphs(e.aside);
    paragraphs(e.bullets);
  }
  void operator()(const doc::List& l) const { paragraphs(l.items); }
  void operator()(const doc::Rule&) const {}
  void operator()(const doc::Spacer&) const {}
  void operator()(const doc::PageBreak&) const {}
};

}  // namespace

void prefetch_shapes(const doc::Document& doc, const theme::Theme& theme, text::FontStore& fonts,
                     ShapeCache& cache, std::stop_token stop) {
  core::Diagnostics unused;  // prefetch_paragraph keeps each run's messages with its entry
  const std::string lang = layout_language(doc);
  LayoutOptions options;
  options.shape_cache = &cache;
  Context ctx{theme, fonts, unused, lang, {}, options, nullptr, {}, StructBuilder(lang, doc.other_langs)};
  ctx.direction = layout_direction(theme, lang);
  const Prefetch walk{ctx, cache, stop};
  for (const auto* blocks : {&doc.blocks, &doc.sidebar})
    for (const doc::Block& b : *blocks) std::visit(walk, b);
}

}  // namespace cvpdf::layout
