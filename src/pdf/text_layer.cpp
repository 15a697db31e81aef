// pdf/text_layer.cpp — placed glyphs, ToUnicode maps and /ActualText decisions (see text_layer.h).
#include "pdf/text_layer.h"

#include <algorithm>
#include <cmath>

#include "pdf/encode.h"

namespace cvpdf::pdf {
namespace {

/// PDF 1.7 §9.10.3 / Adobe TN 5411: at most 100 entries per beginbfchar block.
constexpr std::size_t kBfCharBlock = 100;
/// What the hyphen layout adds at a hyphenated line end extracts as (frame::GlyphRun::hyphenated).
constexpr std::string_view kLineEndHyphen = "-";

std::int64_t to_micro_em(double pt, double size) { return std::llround(pt * 1.0e6 / size); }

std::string_view glyph_text(const frame::GlyphRun& run, const frame::Glyph& g, bool& bad) {
  if (g.text_begin > g.text_end || g.text_end > run.text.size()) {
    bad = true;
    return {};
  }
  return std::string_view(run.text).substr(g.text_begin, g.text_end - g.text_begin);
}

void append_trailing(const frame::GlyphRun& run, const EmbeddedFont& f, std::int64_t x, PlacedRun& out) {
  if (run.trailing_space.empty()) return;
  const char32_t cp = trailing_code_point(run.trailing_space);
  if (f.type3 && cp != 0) {
    out.glyphs.push_back(PlacedGlyph{f.type3_code.at({cp, kType3SpaceMicroEm}), x, 0, run.trailing_space});
    return;
  }
  const auto gid = f.char_gid.find(cp);
  if (cp == 0 || gid == f.char_gid.end()) {
    out.unplaced_text = run.trailing_space;
    return;
  }
  out.glyphs.push_back(PlacedGlyph{f.code_of.at(gid->second), x, 0, run.trailing_space});
}

/// A colour glyph in a Type 3 font: its code points (fonts.h, type3_chars) from its pen position.
void append_type3(const frame::Glyph& g, std::string_view text, std::int64_t x, std::int64_t advance,
                  const EmbeddedFont& f, PlacedRun& out) {
  for (const Type3Char& c : type3_chars(text, advance)) {
    out.glyphs.push_back(PlacedGlyph{f.type3_code.at({c.cp, c.width}), x, g.dy, c.text});
    x += c.width;
  }
}

}  // namespace

PlacedRun place_run(const frame::GlyphRun& run, const EmbeddedFont& f) {
  PlacedRun out;
  out.glyphs.reserve(run.glyphs.size() + 1);
  const double size = run.size > 0 ? run.size : 1;
  double pen = 0;
  for (const frame::Glyph& g : run.glyphs) {
    const std::int64_t x = to_micro_em(pen + g.dx, size);
    if (f.type3) {
      append_type3(g, glyph_text(run, g, out.bad_ranges), x, to_micro_em(g.advance, size), f, out);
    } else {
      out.glyphs.push_back(PlacedGlyph{f.code_of.at(g.gid), x, g.dy, glyph_text(run, g, out.bad_ranges)});
    }
    pen += g.advance;
  }
  if (run.hyphenated && !out.glyphs.empty() && out.glyphs.back().text.empty())
    out.glyphs.back().text = kLineEndHyphen;
  const auto n = static_cast<std::ptrdiff_t>(out.glyphs.size());
  append_trailing(run, f, to_micro_em(pen, size), out);
  // The text layer in logical order (frame::GlyphRun::rtl, space_before): a right-to-left run
  // from its right end, and a space that lies before the run's text read first.
  if (run.rtl && !f.type3) std::reverse(out.glyphs.begin(), out.glyphs.begin() + n);
  if (run.space_before) std::rotate(out.glyphs.begin(), out.glyphs.begin() + n, out.glyphs.end());
  return out;
}

std::vector<TextMap> build_text_maps(const frame::Document& doc, const FontTable& fonts) {
  std::vector<TextMap> maps(fonts.fonts.size());
  for (const frame::Page& page : doc.pages)
    for (const frame::Item& item : page.items) {
      const auto* run = std::get_if<frame::GlyphRun>(&item);
      const EmbeddedFont* f = run ? fonts.for_run(run->font) : nullptr;
      if (!f) continue;
      TextMap& map = maps[static_cast<std::size_t>(f - fonts.fonts.data())];
      for (const PlacedGlyph& g : place_run(*run, *f).glyphs)
        if (!g.text.empty()) map.try_emplace(g.code, utf16be_text(g.text));
    }
  return maps;
}

bool extracts_exactly(const PlacedRun& run, const TextMap& map) {
  if (!run.unplaced_text.empty()) return false;
  for (const PlacedGlyph& g : run.glyphs) {
    const auto it = map.find(g.code);
    const bool mapped = it != map.end();
    if (g.text.empty() ? mapped : (!mapped || it->second != utf16be_text(g.text))) return false;
  }
  return true;
}

std::string run_text(const PlacedRun& run) {
  std::string s;
  for (const PlacedGlyph& g : run.glyphs) s += g.text;
  return s + run.unplaced_text;
}

std::string to_unicode_cmap(const TextMap& map, int code_bytes) {
  const int digits = 2 * code_bytes;
  std::string s =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n" +
      std::string(digits == 2 ? "<00> <FF>" : "<0000> <FFFF>") + "\nendcodespacerange\n";
  auto it = map.begin();
  while (it != map.end()) {
    const std::size_t n = std::min<std::size_t>(kBfCharBlock, static_cast<std::size_t>(std::distance(it, map.end())));
    s += std::to_string(n) + " beginbfchar\n";
    for (std::size_t k = 0; k < n; ++k, ++it) {
      s += '<';
      append_hex(s, it->first, digits);
      s += "> <";
      for (unsigned char c : it->second) append_hex(s, c, 2);
      s += ">\n";
    }
    s += "endbfchar\n";
  }
  s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return s;
}

}  // namespace cvpdf::pdf
