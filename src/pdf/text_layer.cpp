// pdf/text_layer.cpp — placed glyphs, ToUnicode maps and /ActualText decisions (see text_layer.h).
#include "pdf/text_layer.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "pdf/encode.h"

namespace cvpdf::pdf {
namespace {

/// PDF 1.7 §9.10.3 / Adobe TN 5411: at most 100 entries per beginbfchar or beginbfrange block.
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

namespace {

/// One shared map and what its fonts have: every code they use, mapped or not.
struct SharedMap {
  TextMap map;
  std::set<std::uint16_t> codes;
  int code_bytes = 2;
};

/// Whether font `f` with text `own` can use `shared`: no code of the font reads differently.
bool fits(const EmbeddedFont& f, const TextMap& own, const SharedMap& shared) {
  if (code_bytes(f) != shared.code_bytes) return false;
  for (const auto& [code, width] : f.width_of) {
    if (shared.codes.count(code) == 0) continue;
    const auto mine = own.find(code);
    const auto theirs = shared.map.find(code);
    const bool mine_mapped = mine != own.end();
    if (mine_mapped != (theirs != shared.map.end())) return false;
    if (mine_mapped && mine->second != theirs->second) return false;
  }
  return true;
}

}  // namespace

SharedTextMaps share_text_maps(const FontTable& fonts, const std::vector<TextMap>& maps) {
  std::vector<SharedMap> shared;
  SharedTextMaps out;
  for (std::size_t i = 0; i < fonts.fonts.size(); ++i) {
    const EmbeddedFont& f = fonts.fonts[i];
    std::size_t g = 0;
    while (g < shared.size() && !fits(f, maps[i], shared[g])) ++g;
    if (g == shared.size()) shared.push_back(SharedMap{{}, {}, code_bytes(f)});
    shared[g].map.insert(maps[i].begin(), maps[i].end());
    for (const auto& [code, width] : f.width_of) shared[g].codes.insert(code);
    out.of_font.push_back(g);
  }
  for (SharedMap& s : shared) out.maps.push_back(std::move(s.map));
  return out;
}

namespace {

/// The single UTF-16 unit of a text, or -1 for a longer (or empty) one.
long single_unit(const std::string& utf16be) {
  if (utf16be.size() != 2) return -1;
  return (static_cast<unsigned char>(utf16be[0]) << 8) | static_cast<unsigned char>(utf16be[1]);
}

/// Whether `next` continues a bfrange that ends with `last`: the next code, the next single
/// UTF-16 unit, and neither crossing a boundary of its last byte (Adobe TN 5014 §1.4.1: a range
/// varies only the last byte of the code; the destination's last byte is incremented).
bool continues(TextMap::const_iterator last, TextMap::const_iterator next) {
  const long unit = single_unit(last->second);
  return next->first == last->first + 1 && (next->first & 0xFF) != 0 && unit >= 0 &&
         single_unit(next->second) == unit + 1 && ((unit + 1) & 0xFF) != 0;
}

void append_code(std::string& s, std::uint16_t code, int digits) {
  s += '<';
  append_hex(s, code, digits);
  s += '>';
}

void append_text(std::string& s, const std::string& utf16be) {
  s += '<';
  for (unsigned char c : utf16be) append_hex(s, c, 2);
  s += '>';
}

/// `n beginbf… … endbf…` blocks of at most 100 lines.
void append_blocks(std::string& s, const char* kind, const std::vector<std::string>& lines) {
  for (std::size_t i = 0; i < lines.size(); i += kBfCharBlock) {
    const std::size_t n = std::min(kBfCharBlock, lines.size() - i);
    s += std::to_string(n) + " begin" + kind + "\n";
    for (std::size_t k = i; k < i + n; ++k) s += lines[k];
    s += std::string("end") + kind + "\n";
  }
}

}  // namespace

std::string to_unicode_cmap(const TextMap& map, int code_bytes) {
  const int digits = 2 * code_bytes;
  std::string s =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n" +
      std::string(digits == 2 ? "<00> <FF>" : "<0000> <FFFF>") + "\nendcodespacerange\n";
  // Consecutive codes for consecutive characters (a Latin subset's a–z) as one bfrange line.
  std::vector<std::string> chars;
  std::vector<std::string> ranges;
  for (auto it = map.begin(); it != map.end();) {
    auto last = it;
    while (std::next(last) != map.end() && continues(last, std::next(last))) ++last;
    std::string line;
    append_code(line, it->first, digits);
    line += ' ';
    if (last != it) {
      append_code(line, last->first, digits);
      line += ' ';
    }
    append_text(line, it->second);
    (last != it ? ranges : chars).push_back(line + '\n');
    it = std::next(last);
  }
  append_blocks(s, "bfchar", chars);
  append_blocks(s, "bfrange", ranges);
  s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return s;
}

}  // namespace cvpdf::pdf
