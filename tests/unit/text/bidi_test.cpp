// tests/unit/text/bidi_test.cpp — UAX #9 levels (text/bidi.h) on mixed-direction strings, rule L2
// per line, and the direction HarfBuzz shapes each run in.
#include <doctest/doctest.h>

#include <string>

#include "test_fonts.h"
#include "text/bidi.h"

using namespace cvpdf;
using namespace cvpdf::text;

namespace {

/// The levels of `text` per character (not per byte), as digits: "0001110".
std::string char_levels(const std::string& text, Direction base) {
  const BidiLevels levels = resolve_bidi(text, base);
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // a continuation byte
    out += static_cast<char>('0' + (levels.empty() ? 0 : levels[i]));
  }
  return out;
}

std::string order(std::vector<std::uint8_t> levels) {
  std::string out;
  for (std::size_t k : visual_order(levels)) out += static_cast<char>('0' + k);
  return out;
}

}  // namespace

TEST_CASE("bidi: plain left-to-right text needs no levels") {
  CHECK(resolve_bidi("Peking University 北京大学 2023", Direction::Ltr).empty());
  CHECK(resolve_bidi("", Direction::Rtl).empty());
}

TEST_CASE("bidi: a Hebrew name inside English text") {
  // "by דוד לוי, in 2020": the name is one RTL run (level 1), the space between its words too;
  // the comma after it, between R and L, takes the paragraph's level 0 (N2).
  CHECK(char_levels("by דוד לוי, in 2020", Direction::Ltr) == "0001111111000000000");
  // With a number right after the name, the comma and space join the RTL run (numbers count as
  // R for the neutrals, N1) and the number goes to level 2: UAX #9's answer, as in browsers.
  CHECK(char_levels("by דוד לוי, 2020", Direction::Ltr) == "0001111111112222");
}

TEST_CASE("bidi: Latin words, numbers and dates inside Arabic text") {
  // "جامعة Peking 2023": Arabic at 1; the Latin word, the space and the number after it at 2
  // (a number after Latin text counts as Latin, W7): one left-to-right piece inside the line.
  CHECK(char_levels("جامعة Peking 2023", Direction::Rtl) == "11111122222222222");
  // Numbers after Arabic stay at 2 on their own; the neutrals between them take level 1.
  CHECK(char_levels("منذ 2023 إلى 2025", Direction::Rtl) == "11112222111112222");
  // A date range: digits at 2, the dash and spaces between two numbers at 1 (N1), so the
  // range reads right to left: the first year at the right.
  CHECK(char_levels("٢٠٢٢ – ٢٠٢٣", Direction::Rtl) == "22221112222");
  CHECK(char_levels("2022 – 2023", Direction::Rtl) == "22221112222");
  // The same Arabic in a left-to-right paragraph: only the Arabic is raised.
  CHECK(char_levels("جامعة Peking", Direction::Ltr) == "111110000000");
}

TEST_CASE("bidi: levels cover every byte of a character") {
  const std::string text = "aשb";  // 1 + 2 + 1 bytes
  const BidiLevels levels = resolve_bidi(text, Direction::Ltr);
  REQUIRE(levels.size() == 4);
  CHECK(levels[0] == 0);
  CHECK(levels[1] == 1);
  CHECK(levels[2] == 1);
  CHECK(levels[3] == 0);
}

TEST_CASE("bidi: rule L2 reverses runs from the highest level down") {
  CHECK(order({0, 0, 0}) == "012");
  CHECK(order({1, 1, 1}) == "210");
  CHECK(order({0, 1, 1, 0}) == "0213");
  // RTL paragraph holding a number: the number's digits keep their order, runs are reversed.
  CHECK(order({1, 1, 2, 2, 1}) == "42310");
  CHECK(order({}).empty());
}

TEST_CASE("bidi: rule L2 per line gives another order than over the whole paragraph") {
  // Words A B | C D at level 1, broken after B: each line is reversed on its own.
  const std::vector<std::uint8_t> line1{1, 1}, line2{1, 1};
  CHECK(order(line1) == "10");
  CHECK(order(line2) == "10");
  CHECK(order({1, 1, 1, 1}) == "3210");  // not "10" + "32"
}

TEST_CASE("bidi: languages written right to left") {
  CHECK(is_rtl_language("ar"));
  CHECK(is_rtl_language("he"));
  CHECK(is_rtl_language("fa"));
  CHECK(is_rtl_language("ar-EG"));
  CHECK_FALSE(is_rtl_language("en"));
  CHECK_FALSE(is_rtl_language("zh-Hans"));
  CHECK_FALSE(is_rtl_language(""));
}
