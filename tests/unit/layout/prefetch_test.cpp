// Shaping ahead of layout (layout.h prefetch_shapes, ShapeCache): the layout that takes the
// prefetched shapes gives the same pages and says the same things, once, where it did.
#include <thread>

#include "helpers.h"

using namespace cvpdf;
using namespace cvpdf::test;

namespace {

doc::Document sample() {
  doc::Document d;
  d.lang = "en";
  d.blocks.push_back(section("Education"));
  d.blocks.push_back(body("Optimal line breaking of a paragraph long enough to need several lines, "
                          "with hyphenation candidates such as typesetting and accessibility."));
  // U+E000 (private use) is in no pinned font: a warning when this text is shaped.
  d.blocks.push_back(body("A glyph no font has: \xEE\x80\x80 here."));
  d.blocks.push_back(body("更多中文文本，与 English 混排。"));
  return d;
}

std::vector<std::string> messages(const core::Diagnostics& diags) {
  std::vector<std::string> out;
  for (const core::Diagnostic& d : diags.all()) out.push_back(d.message);
  return out;
}

std::vector<std::string> drawn(const frame::Document& f) {
  std::vector<std::string> out;
  for (const frame::Page& p : f.pages)
    for (const frame::GlyphRun* r : runs(p))
      out.push_back(glyph_text(*r) + "@" + std::to_string(r->origin.x) + "," + std::to_string(r->origin.y) +
                    "/" + std::to_string(r->glyphs.size()));
  return out;
}

}  // namespace

TEST_CASE("a layout taking prefetched shapes gives the same pages and the same messages") {
  const doc::Document d = sample();
  const theme::Theme& theme = theme::default_theme();
  text::FontStore alone_store({CVPDF_SOURCE_DIR "/fonts"}, false);
  core::Diagnostics alone;
  const frame::Document expected = layout::layout_document(d, theme, alone_store, alone);
  REQUIRE(!expected.pages.empty());
  const auto said = messages(alone);
  REQUIRE(std::any_of(said.begin(), said.end(),
                      [](const std::string& m) { return m.find("is not covered") != std::string::npos; }));

  // A second store: asked once (as a render asks its font index), then shaped ahead.
  text::FontStore store({CVPDF_SOURCE_DIR "/fonts"}, false);
  {
    core::Diagnostics first;
    layout::layout_document(d, theme, store, first);
  }
  layout::ShapeCache cache;
  layout::prefetch_shapes(d, theme, store, cache);
  core::Diagnostics diags;
  layout::LayoutOptions options;
  options.shape_cache = &cache;
  const frame::Document got = layout::layout_document(d, theme, store, diags, options);
  CHECK(drawn(got) == drawn(expected));
  CHECK(messages(diags) == said);  // the tofu warning came with its prefetched shape, once

  SUBCASE("shaped ahead on another thread while the layout runs") {
    layout::ShapeCache shared;
    core::Diagnostics concurrent;
    layout::LayoutOptions with;
    with.shape_cache = &shared;
    frame::Document f;
    {
      std::jthread ahead([&](std::stop_token stop) { layout::prefetch_shapes(d, theme, store, shared, stop); });
      f = layout::layout_document(d, theme, store, concurrent, with);
    }
    CHECK(drawn(f) == drawn(expected));
    CHECK(messages(concurrent) == said);
  }
}

TEST_CASE("prefetching makes no font lookup the layout has not made") {
  const doc::Document d = sample();
  text::FontStore store({CVPDF_SOURCE_DIR "/fonts"}, false);  // nothing asked yet, no index
  layout::ShapeCache cache;
  layout::prefetch_shapes(d, theme::default_theme(), store, cache);
  // Every run needed a lookup that could say something: none was shaped, nothing was opened.
  CHECK_FALSE(store.find_quietly("Noto Serif", 400, false, "en"));
  core::Diagnostics diags;
  layout::LayoutOptions options;
  options.shape_cache = &cache;
  core::Diagnostics alone;
  text::FontStore other({CVPDF_SOURCE_DIR "/fonts"}, false);
  CHECK(drawn(layout::layout_document(d, theme::default_theme(), store, diags, options)) ==
        drawn(layout::layout_document(d, theme::default_theme(), other, alone)));
  CHECK(messages(diags) == messages(alone));
}
