// Shared helpers for the layout tests: the pinned fonts, small documents, frame queries.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "doc/document.h"
#include "frame/frame.h"
#include "layout/layout.h"
#include "text/font_store.h"
#include "theme/theme.h"

namespace cvpdf::test {

/// One store for the whole test binary: opening the CJK fonts is slow.
inline text::FontStore& pinned_fonts() {
  static text::FontStore store({CVPDF_SOURCE_DIR "/fonts"}, false);
  return store;
}

inline doc::Span span(std::string text) {
  doc::Span s;
  s.text = std::move(text);
  s.loc = {"profile.yaml", 3, 5};
  return s;
}

inline doc::Paragraph para(doc::Role role, std::vector<doc::Span> spans,
                           doc::Align align = doc::Align::Left) {
  doc::Paragraph p;
  p.role = role;
  p.align = align;
  p.spans = std::move(spans);
  return p;
}

inline doc::Paragraph body(std::string text) {
  return para(doc::Role::Body, {span(std::move(text))});
}

inline doc::Heading section(std::string title) {
  doc::Heading h;
  h.level = 2;
  h.text = para(doc::Role::SectionTitle, {span(title)});
  h.outline_title = title;
  return h;
}

inline frame::Document run_layout(const doc::Document& d, core::Diagnostics& diags,
                                  const theme::Theme& theme = theme::default_theme()) {
  return layout::layout_document(d, theme, pinned_fonts(), diags);
}

inline std::vector<const frame::GlyphRun*> runs(const frame::Page& page) {
  std::vector<const frame::GlyphRun*> out;
  for (const frame::Item& item : page.items)
    if (const auto* r = std::get_if<frame::GlyphRun>(&item)) out.push_back(r);
  return out;
}

inline core::Pt run_width(const frame::GlyphRun& r) {
  core::Pt w = 0;
  for (const frame::Glyph& g : r.glyphs) w += g.advance;
  return w;
}

/// The text a reader extracts from a run: its glyphs' ranges, in order, plus the trailing space.
inline std::string glyph_text(const frame::GlyphRun& r) {
  std::string out;
  for (const frame::Glyph& g : r.glyphs)
    if (g.text_begin < g.text_end) out += r.text.substr(g.text_begin, g.text_end - g.text_begin);
  return out;
}

/// Runs whose baseline is `y` (one line), left to right.
inline std::vector<const frame::GlyphRun*> line_at(const frame::Page& page, core::Pt y) {
  std::vector<const frame::GlyphRun*> out;
  for (const auto* r : runs(page))
    if (std::abs(r->origin.y - y) < 0.01) out.push_back(r);
  std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->origin.x < b->origin.x; });
  return out;
}

/// The distinct baselines of runs on a page, top to bottom.
inline std::vector<core::Pt> baselines(const frame::Page& page) {
  std::vector<core::Pt> ys;
  for (const auto* r : runs(page))
    if (std::none_of(ys.begin(), ys.end(),
                     [&](double y) { return std::abs(y - r->origin.y) < 0.01; }))
      ys.push_back(r->origin.y);
  std::sort(ys.begin(), ys.end());
  return ys;
}

/// All text of a page in reading order (lines top to bottom), runs joined with their trailing
/// spaces, lines joined with "\n".
inline std::string page_text(const frame::Page& page) {
  std::string out;
  for (core::Pt y : baselines(page)) {
    if (!out.empty()) out += "\n";
    for (const auto* r : line_at(page, y)) out += r->text + r->trailing_space;
  }
  return out;
}

/// The first page index containing `needle` in a run's text, or -1.
inline int page_of(const frame::Document& d, const std::string& needle) {
  for (std::size_t p = 0; p < d.pages.size(); ++p)
    for (const auto* r : runs(d.pages[p]))
      if (r->text.find(needle) != std::string::npos) return static_cast<int>(p);
  return -1;
}

}  // namespace cvpdf::test
