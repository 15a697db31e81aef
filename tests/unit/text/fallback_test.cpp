// tests/unit/text/fallback_test.cpp — itemization and per-cluster fallback in text::shape:
// which face each piece of text gets, source ranges, the uncovered-character warning.
#include <doctest/doctest.h>

#include <chrono>

#include "test_fonts.h"

using namespace cvpdf;
using namespace cvpdf::text;

namespace {

Style serif_stack(std::vector<std::string> families = {"Noto Serif", "Noto Serif CJK"}) {
  Style s;
  s.families = std::move(families);
  s.size = 10;
  s.lang = "zh";
  return s;
}

FaceId face_of(const char* family) {
  core::Diagnostics diags;
  return test::pinned_store().find(family, 400, false, "zh", diags);
}

/// "S" for Noto Serif, "C" for the CJK face, "Y" for Symbola, one letter per glyph.
std::string faces(const std::vector<ShapedGlyph>& glyphs) {
  std::string out;
  for (const ShapedGlyph& g : glyphs) {
    out += g.face == face_of("Noto Serif")       ? 'S'
           : g.face == face_of("Noto Serif CJK") ? 'C'
           : g.face == face_of("Symbola")        ? 'Y'
                                                 : '?';
  }
  return out;
}

std::vector<ShapedGlyph> run(const std::string& text, const Style& style, core::Diagnostics& diags,
                             const core::SourceLoc& loc = {}) {
  return shape(test::pinned_store(), text, 0, text.size(), style, diags, loc);
}

/// The glyphs' source ranges, in order, must tile [begin, end) exactly (LTR text).
void check_ranges_tile(const std::vector<ShapedGlyph>& glyphs, std::size_t begin, std::size_t end) {
  std::size_t at = begin;
  for (const ShapedGlyph& g : glyphs) {
    if (g.text_begin == g.text_end) continue;
    CHECK(g.text_begin == at);
    at = g.text_end;
  }
  CHECK(at == end);
}

}  // namespace

TEST_CASE("fallback: Latin font for Latin, CJK font for Han") {
  core::Diagnostics diags;
  const std::string text = "Peking University 北京大学";
  const auto glyphs = run(text, serif_stack(), diags);
  CHECK(faces(glyphs) == "SSSSSSSSSSSSSSSSSSCCCC");
  check_ranges_tile(glyphs, 0, text.size());
  CHECK(diags.all().empty());
  // The other way round: the CJK face covers Latin too, so it keeps everything.
  CHECK(faces(run(text, serif_stack({"Noto Serif CJK", "Noto Serif"}), diags)) ==
        std::string(22, 'C'));
}

TEST_CASE("fallback: punctuation and spaces stay with their neighbours' font") {
  core::Diagnostics diags;
  CHECK(faces(run("北京, 上海", serif_stack(), diags)) == "CCCCCC");
  CHECK(faces(run("教育“北京”。", serif_stack(), diags)) == "CCCCCCC");
  CHECK(faces(run("Beijing, “Peking”.", serif_stack(), diags)) == std::string(18, 'S'));
  // An opening quote goes with the text after it; a closing one, and the space after it,
  // with the text before them.
  CHECK(faces(run("A “北京” B", serif_stack(), diags)) == "SSCCCCCS");
  CHECK(faces(run("(北京)", serif_stack(), diags)) == "CCCC");
  CHECK(diags.all().empty());
}

TEST_CASE("fallback: emoji from Symbola; variation selectors need no glyph") {
  core::Diagnostics diags;
  const Style style = serif_stack({"Noto Serif", "Noto Serif CJK", "Symbola"});
  const std::string text = "OK \xE2\x9C\x93\xEF\xB8\x8F 😄";  // ✓ U+FE0F, 😄
  const auto glyphs = run(text, style, diags);
  CHECK(diags.all().empty());
  REQUIRE(glyphs.size() >= 6);
  CHECK(faces(glyphs).substr(0, 3) == "SSS");
  CHECK(glyphs[3].face == face_of("Symbola"));
  CHECK(glyphs.back().face == face_of("Symbola"));
  CHECK(glyphs.back().gid != 0);
  check_ranges_tile(glyphs, 0, text.size());
}

TEST_CASE("a character no font covers: one warning per character, at the location") {
  core::Diagnostics diags;
  const core::SourceLoc loc{"profile.yaml", 12, 7};
  const auto glyphs = run("Hi 😄 and 😄 again", serif_stack(), diags, loc);
  REQUIRE(diags.warning_count() == 1);
  const core::Diagnostic& d = diags.all().front();
  CHECK(d.loc == loc);
  CHECK(
      d.message ==
      "character U+1F604 '😄' is not covered by any font in the stack (Noto Serif, Noto Serif CJK)");
  CHECK(d.hint == "install a font that covers it or add one to the theme's font stack");
  CHECK(glyphs[3].gid == 0);                       // .notdef ...
  CHECK(glyphs[3].face == face_of("Noto Serif"));  // ... of the first font
  CHECK(glyphs[3].text_begin == 3);
  CHECK(glyphs[3].text_end == 7);
  core::Diagnostics next_call;
  run("😄", serif_stack(), next_call, loc);
  CHECK(next_call.warning_count() == 1);  // once per call, not once per process
}

TEST_CASE("glyphs keep the byte range of their cluster in the whole text") {
  core::Diagnostics diags;
  const std::string text = "the office of 北京大学 today";
  const std::size_t begin = 4, end = text.find(" today");
  Style style = serif_stack();
  const auto glyphs = shape(test::pinned_store(), text, begin, end, style, diags, {});
  check_ranges_tile(glyphs, begin, end);
  CHECK(glyphs[0].text_begin == 4);
  CHECK(glyphs[1].text_begin == 5);  // the ffi ligature: one glyph for three letters
  CHECK(glyphs[1].text_end == 8);
  CHECK(glyphs.back().text_begin == end - 3);  // 学
  CHECK(glyphs.back().text_end == end);
  CHECK(shape(test::pinned_store(), text, 3, 3, style, diags, {}).empty());
}

TEST_CASE("sizes, context and unsafe-to-break flags") {
  core::Diagnostics diags;
  Style style = serif_stack();
  const auto av = run("AV", style, diags);
  REQUIRE(av.size() == 2);
  CHECK(av[0].advance == doctest::Approx(6.25));  // 625 units, kerned, at 10 pt
  CHECK(av[1].unsafe_to_break);                   // the kerning pair: no break between
  style.size = 20;
  CHECK(run("AV", style, diags)[0].advance == doctest::Approx(12.5));
  // Shaping "ffi" out of "office" still sees the 'o' before it (context), and gives the
  // ligature: one glyph for the range.
  const std::string word = "office";
  CHECK(shape(test::pinned_store(), word, 1, 4, style, diags, {}).size() == 1);
}

TEST_CASE("right-to-left and odd input do not break shaping") {
  core::Diagnostics diags;
  const std::string hebrew = "שלום abc";
  const auto glyphs = run(hebrew, serif_stack(), diags);
  CHECK(glyphs.size() == 8);
  CHECK(diags.warning_count() == 4);  // ש ל ו ם are not in the pinned fonts
  const std::string invalid = "ab\xFF\xC3";
  CHECK(run(invalid, serif_stack(), diags).size() >= 2);
}

TEST_CASE("a stack with no available font warns and gives no glyphs") {
  core::Diagnostics diags;
  const auto glyphs = run("text", serif_stack({"No Such Font", "Another Missing"}), diags);
  CHECK(glyphs.empty());
  REQUIRE(diags.warning_count() == 1);
  CHECK(diags.all()[0].message.find("(No Such Font, Another Missing)") != std::string::npos);
}

TEST_CASE("timing: shaping a mixed paragraph") {
  core::Diagnostics diags;
  const Style style = serif_stack();
  std::string text;
  for (int i = 0; i < 8; ++i) {
    text +=
        "Ph.D. candidate in Computer Science at Peking University (北京大学计算机学院), "
        "working on distributed systems, efficient training and inference. ";
  }
  run(text, style, diags);  // warm up: faces opened, caches filled
  constexpr int kRounds = 50;
  const auto t0 = std::chrono::steady_clock::now();
  std::size_t glyphs = 0;
  for (int i = 0; i < kRounds; ++i) glyphs += run(text, style, diags).size();
  const auto t1 = std::chrono::steady_clock::now();
  const double us = std::chrono::duration<double, std::micro>(t1 - t0).count() / kRounds;
  MESSAGE("shaping " << text.size() << " bytes (" << glyphs / kRounds << " glyphs): " << us
                     << " us per call");
  CHECK(diags.all().empty());
}

TEST_CASE("ASCII text (clusters without ICU's iterator) shapes as it does beside other text") {
  // text/itemize.cpp cuts an all-ASCII range into one cluster per byte itself; with one
  // non-ASCII character in the range ICU's grapheme iterator cuts it: the same glyphs.
  core::Diagnostics diags;
  const std::string ascii = "Office, fi ffl -- (x) \"quoted\" 1,234.5; e-mail: a@b.c\ttab";
  const auto alone = run(ascii, serif_stack(), diags);
  const auto beside = run(ascii + " \xC3\xA9", serif_stack(), diags);  // + " é"
  REQUIRE(beside.size() >= alone.size());
  for (std::size_t i = 0; i < alone.size(); ++i) {
    CAPTURE(i);
    CHECK(alone[i].gid == beside[i].gid);
    CHECK(alone[i].face == beside[i].face);
    CHECK(alone[i].text_begin == beside[i].text_begin);
    CHECK(alone[i].text_end == beside[i].text_end);
    CHECK(alone[i].advance == doctest::Approx(beside[i].advance));
  }
  check_ranges_tile(alone, 0, ascii.size());
}
