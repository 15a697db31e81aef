// tests/unit/text/shaping_test.cpp — text::shape agrees with HarfBuzz's own hb-shape.
//
// Reads the one-liners in shaping.tests (glyph ids and clusters) and shaping-positions.tests
// (also advances and offsets, in font units: the text is shaped at size = units per em) and
// prints our glyphs the way `hb-shape --no-glyph-names --utf8-clusters --cluster-level=1`
// does. Regenerate the expected columns with regen-shaping.sh.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "test_fonts.h"

using namespace cvpdf;
using namespace cvpdf::text;

namespace {

struct Case {
  int line = 0;
  std::string font, text, expected;
};

std::vector<Case> read_cases(const std::string& file) {
  std::ifstream in(test::source_path("tests/unit/text/" + file));
  REQUIRE_MESSAGE(in.good(), "cannot open " << file);
  std::vector<Case> cases;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    const auto a = line.find(';');
    const auto b = line.find(';', a + 1);
    REQUIRE_MESSAGE(b != std::string::npos, file << ":" << n << ": expected font;text;glyphs");
    cases.push_back({n, line.substr(0, a), line.substr(a + 1, b - a - 1), line.substr(b + 1)});
  }
  return cases;
}

/// hb-shape's notation: gid=cluster[@dx,dy][+advance], glyphs joined by '|'.
std::string hb_notation(const std::vector<ShapedGlyph>& glyphs, bool positions) {
  std::ostringstream out;
  for (std::size_t i = 0; i < glyphs.size(); ++i) {
    const ShapedGlyph& g = glyphs[i];
    out << (i ? "|" : "") << g.gid << "=" << g.text_begin;
    if (!positions) continue;
    const long dx = std::lround(g.dx), dy = std::lround(g.dy);
    if (dx != 0 || dy != 0) out << "@" << dx << "," << dy;
    out << "+" << std::lround(g.advance);
  }
  return out.str();
}

void run_file(const std::string& file, bool positions) {
  FontStore& store = test::pinned_store();
  const auto requests = test::pinned_requests(store);
  for (const Case& c : read_cases(file)) {
    CAPTURE(file);
    CAPTURE(c.line);
    auto it = requests.find(c.font);
    REQUIRE_MESSAGE(it != requests.end(), "no pinned face is in " << c.font);
    core::Diagnostics diags;
    const FaceId id =
        store.find(it->second.family, it->second.weight, it->second.italic, "zh", diags);
    const Style style = test::style_of(it->second, store.info(id).units_per_em, "zh");
    const auto glyphs = shape(store, c.text, 0, c.text.size(), style, diags, {});
    CHECK(hb_notation(glyphs, positions) == c.expected);
    CHECK(diags.warning_count() == 0);
  }
}

}  // namespace

TEST_CASE("shaping one-liners match hb-shape (glyphs and clusters)") {
  run_file("shaping.tests", false);
}

TEST_CASE("shaping one-liners match hb-shape (with positions)") {
  run_file("shaping-positions.tests", true);
}

TEST_CASE("every pinned font file is found by family, weight and slant") {
  const auto requests = test::pinned_requests(test::pinned_store());
  for (const char* file : {"NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf",
                           "NotoSerif-BoldItalic.ttf", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf",
                           "NotoSerifCJKsc-Regular.otf", "NotoSerifCJKsc-Bold.otf",
                           "NotoSansCJKsc-Regular.otf", "NotoSansCJKsc-Bold.otf", "Symbola.ttf"}) {
    CAPTURE(file);
    CHECK(requests.count(file) == 1);
  }
}
