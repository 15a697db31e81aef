// tests/unit/pdf/text_layer_test.cpp — /ActualText for conflicting glyph texts, trailing spaces
// without a glyph, error paths, and the small encoders.
#include <doctest/doctest.h>

#include <chrono>
#include <sstream>
#include <thread>

#include "pdf/content.h"
#include "pdf/encode.h"
#include "pdf/fonts.h"
#include "pdf/text_layer.h"
#include "pdf/write_pdf.h"
#include "pdf_test_support.h"

using namespace cvpdf;
using pdf::test::TestFont;
using pdf::test::nonempty_lines;
using pdf::test::run;

namespace {

const TestFont& latin() {
  static const TestFont f{pdf::test::latin_font_path(), "NotoSerif-Regular"};
  return f;
}

frame::Document one_page(std::vector<frame::Item> items) {
  frame::Document doc;
  doc.fonts = {latin().face()};
  doc.meta.date = 1700000000;
  doc.pages.push_back(frame::Page{});
  doc.pages[0].items = std::move(items);
  return doc;
}

}  // namespace

TEST_CASE("a glyph that stands for different text elsewhere gets /ActualText") {
  // Latin A and Greek Alpha can share a glyph: the first text wins in ToUnicode, the second
  // occurrence must be corrected with marked content.
  frame::GlyphRun latin_a = latin().shape("A", 0, 12, {72, 72});
  frame::GlyphRun alpha = latin_a;
  alpha.text = "Α";  // U+0391
  alpha.glyphs[0].text_end = 2;
  alpha.origin = {72, 100};
  // A trailing space that the font has no glyph for (U+3000) falls back to /ActualText too.
  frame::GlyphRun name = latin().shape("Xinyi", 0, 12, {72, 130});
  name.trailing_space = "\u3000";
  frame::GlyphRun rest = latin().shape("Liu", 0, 12, {72 + TestFont::width(name), 130});  // no gap
  core::Diagnostics diags;
  const std::string bytes = pdf::write_pdf(one_page({latin_a, alpha, name, rest}), diags);
  REQUIRE(diags.all().empty());
  const std::string path = pdf::test::write_temp("actualtext", bytes);
  const std::vector<std::string> expected = {"A", "Α", "Xinyi\u3000Liu"};
  CHECK(nonempty_lines(run("pdftotext -enc UTF-8 '" + path + "' -")) == expected);
  // MuPDF 1.21 ignores /ActualText (it extracts "A" twice), so only check the marked content.
  const std::string qdf = run("qpdf --qdf --normalize-content=n --object-streams=disable '" + path + "' - 2>/dev/null");
  CHECK(qdf.find("/Span <</ActualText <FEFF0391>>> BDC") != std::string::npos);
  CHECK(qdf.find("/ActualText <FEFF00580069006E007900693000>") != std::string::npos);
  int status = -1;
  run("qpdf --check '" + path + "' >/dev/null 2>&1", &status);
  CHECK(status == 0);
}

TEST_CASE("extracts_exactly: empty ranges must not pick up another occurrence's text") {
  pdf::TextMap map{{7, pdf::utf16be_text("e")}};
  pdf::PlacedRun r;
  r.glyphs.push_back(pdf::PlacedGlyph{7, 0, 0, ""});
  CHECK_FALSE(pdf::extracts_exactly(r, map));
  r.glyphs[0].text = "e";
  CHECK(pdf::extracts_exactly(r, map));
  r.glyphs[0].text = "é";
  CHECK_FALSE(pdf::extracts_exactly(r, map));
}

TEST_CASE("unreadable fonts, bad glyph ids and bad font indices are diagnostics") {
  frame::GlyphRun g = latin().shape("x", 0, 12, {72, 72});
  SUBCASE("missing file") {
    frame::Document doc = one_page({g});
    doc.fonts[0].path = "/nonexistent/font.ttf";
    core::Diagnostics diags;
    CHECK(pdf::write_pdf(doc, diags).empty());
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.all()[0].message.find("cannot use font '/nonexistent/font.ttf' (face 0)") == 0);
  }
  SUBCASE("glyph id out of range") {
    g.glyphs[0].gid = 999999;
    core::Diagnostics diags;
    CHECK(pdf::write_pdf(one_page({g}), diags).empty());
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.all()[0].message.find("glyph id 999999 is out of range") == 0);
  }
  SUBCASE("font index out of range") {
    g.font = 3;
    core::Diagnostics diags;
    CHECK(pdf::write_pdf(one_page({g}), diags).empty());
    CHECK(diags.error_count() == 1);
  }
  SUBCASE("no pages") {
    core::Diagnostics diags;
    CHECK(pdf::write_pdf(frame::Document{}, diags).empty());
    CHECK(diags.error_count() == 1);
  }
}

TEST_CASE("a document without text or anchors is still a valid PDF, and clock-independent") {
  const frame::Document doc = one_page({frame::Line{{10, 10}, {100, 10}, 1, {}}});
  core::Diagnostics diags;
  const std::string a = pdf::write_pdf(doc, diags);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // across a wall-clock second
  const std::string b = pdf::write_pdf(doc, diags);
  CHECK(diags.all().empty());
  CHECK(a == b);
  CHECK(a.find("/Outlines") == std::string::npos);
  int status = -1;
  run("qpdf --check '" + pdf::test::write_temp("plain", a) + "' >/dev/null 2>&1", &status);
  CHECK(status == 0);
}

TEST_CASE("encoders: numbers, UTF-16BE, dates, hex text") {
  CHECK(pdf::fmt_num(0) == "0");
  CHECK(pdf::fmt_num(-0.0001) == "0");
  CHECK(pdf::fmt_num(12.5) == "12.5");
  CHECK(pdf::fmt_num(-0.25) == "-0.25");
  CHECK(pdf::fmt_num(841.89) == "841.89");
  CHECK(pdf::fmt_num(1e20) == "327670000");
  CHECK(pdf::fmt_milli(596500) == "596.5");
  CHECK(pdf::fmt_milli(-20) == "-0.02");
  CHECK(pdf::utf16be_text("\xEF\xAC\x81") == std::string("\0f\0i", 4));      // U+FB01 → "fi"
  CHECK(pdf::utf16be_text("\xF0\x9F\x98\x84") == "\xD8\x3D\xDE\x04");       // U+1F604, surrogates
  CHECK(pdf::hex_text_string("A") == "<FEFF0041>");
  CHECK(pdf::pdf_date(0) == "D:19700101000000Z");
  CHECK(pdf::pdf_date(1700000000) == "D:20231114221320Z");
}

TEST_CASE("ToUnicode CMap: consecutive codes for consecutive characters as bfrange lines") {
  pdf::TextMap map;
  for (std::uint16_t c = 1; c <= 26; ++c) map[c] = pdf::utf16be_text(std::string(1, static_cast<char>('a' + c - 1)));
  map[27] = pdf::utf16be_text("fi");        // two units: bfchar
  map[28] = pdf::utf16be_text("\u4E2D");    // not the successor of "fi"
  map[0x00FF] = pdf::utf16be_text("\u00FE");  // 0x00FF → 0x0100 changes the code's first byte
  map[0x0100] = pdf::utf16be_text("\u00FF");
  map[0x0200] = pdf::utf16be_text("\u01FF");  // the destination's last byte would wrap
  map[0x0201] = pdf::utf16be_text("\u0200");
  map[0x0301] = pdf::utf16be_text("x");      // a lone code after a gap
  const std::string cmap = pdf::to_unicode_cmap(map);
  CHECK(cmap.find("1 beginbfrange\n<0001> <001A> <0061>\nendbfrange\n") != std::string::npos);
  CHECK(cmap.find("7 beginbfchar\n<001B> <00660069>\n<001C> <4E2D>\n<00FF> <00FE>\n<0100> <00FF>\n"
                  "<0200> <01FF>\n<0201> <0200>\n<0301> <0078>\nendbfchar\n") != std::string::npos);
}

TEST_CASE("ToUnicode maps are shared only between fonts whose codes read the same") {
  // A font with these codes, of which `mapped` have text (code → letter).
  auto font = [](std::vector<std::uint16_t> codes, bool type3 = false) {
    pdf::EmbeddedFont f;
    f.type3 = type3;
    for (std::uint16_t c : codes) f.width_of[c] = 500000;
    return f;
  };
  auto map = [](std::vector<std::pair<std::uint16_t, const char*>> entries) {
    pdf::TextMap m;
    for (const auto& [code, text] : entries) m[code] = pdf::utf16be_text(text);
    return m;
  };
  pdf::FontTable fonts;
  fonts.fonts = {font({1, 2}), font({2, 3}), font({1}), font({2, 9}), font({1}, true)};
  const std::vector<pdf::TextMap> maps = {
      map({{1, "a"}, {2, "b"}}),
      map({{2, "b"}, {3, "c"}}),  // agrees on code 2: shares the first map
      map({{1, "x"}}),            // code 1 reads "a" there: a map of its own
      map({{9, "z"}}),            // code 2 unmapped here but "b" in the first: joins the third
      map({{1, "a"}})};           // 1-byte codes (Type 3): never with 2-byte ones
  const pdf::SharedTextMaps shared = pdf::share_text_maps(fonts, maps);
  CHECK(shared.of_font == std::vector<std::size_t>{0, 0, 1, 1, 2});
  REQUIRE(shared.maps.size() == 3);
  CHECK(shared.maps[0] == map({{1, "a"}, {2, "b"}, {3, "c"}}));
  CHECK(shared.maps[1] == map({{1, "x"}, {9, "z"}}));
  CHECK(shared.maps[2] == map({{1, "a"}}));
}

TEST_CASE("ToUnicode CMap: bfchar blocks of at most 100") {
  pdf::TextMap map;
  for (std::uint16_t c = 1; c <= 150; ++c) map[c] = pdf::utf16be_text("x");  // no two consecutive
  const std::string cmap = pdf::to_unicode_cmap(map);
  CHECK(cmap.find("100 beginbfchar\n<0001> <0078>\n") != std::string::npos);
  CHECK(cmap.find("50 beginbfchar\n<0065> <0078>\n") != std::string::npos);
  CHECK(cmap.find("<0000> <FFFF>") != std::string::npos);
}

TEST_CASE("content: y flip, vertical offsets with Ts, x offsets as exact TJ numbers") {
  frame::GlyphRun r = latin().shape("ab", 0, 10, {72, 100});
  r.glyphs[1].dy = 2;    // raised 2 pt
  r.glyphs[1].dx = 0.5;  // 0.5 pt right = 50/1000 em at 10 pt
  const frame::Document doc = one_page({r});
  core::Diagnostics diags;
  const auto fonts = pdf::prepare_fonts(doc, diags);
  REQUIRE(fonts);
  const auto maps = pdf::build_text_maps(doc, *fonts);
  const std::string ops = pdf::page_content(doc.pages[0], *fonts, maps).ops;
  CHECK(ops.find("72 741.89 Td\n[<0001>] TJ\n2 Ts\n[-50 <0002>] TJ\n0 Ts\n") != std::string::npos);
}
