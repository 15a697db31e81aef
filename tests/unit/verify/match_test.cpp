// tests/unit/verify/match_test.cpp — normalisation for comparison, and the ordered chain.
#include <doctest/doctest.h>

#include "verify/match.h"
#include "verify/read.h"

using namespace cvpdf::verify;

TEST_CASE("normalize: white space, CJK, ligatures, gap spaces, line-end hyphens") {
  CHECK(normalize("  a\u00A0\n b\tc  ", Mode::Strict).text == "a b c");
  CHECK(normalize("北京 大学\n计算机 2023", Mode::Strict).text == "北京大学计算机2023");
  CHECK(normalize("\uFB01nal e\u00ADffect", Mode::Strict).text == "final effect");
  const std::string gap = std::string("Xinyi") + kGapSpace + "Liu";
  CHECK(normalize(gap, Mode::Strict).text == "XinyiLiu");
  CHECK(normalize(gap, Mode::Gaps).text == "Xinyi Liu");
  CHECK(normalize("Program-\nming open-\n2023", Mode::Joined).text == "Programming open- 2023");
  CHECK(normalize("Program-\nming", Mode::Strict).text == "Program- ming");
  CHECK(normalize("Pe king Uni-\nversity", Mode::Loose).text == "PekingUniversity");
  // Offsets map back to the source text.
  const Normalized n = normalize("ab  cd", Mode::Strict);
  CHECK(n.origin == std::vector<std::size_t>{0, 1, 3, 4, 5});  // a run of spaces: its last
}

TEST_CASE("longest_ordered_chain: the heaviest increasing choice, one position per element") {
  const auto npos = std::string::npos;
  // Elements in profile order; the PDF has them as B A C: A or B must go, and B is heavier.
  CHECK(longest_ordered_chain({{10}, {5}, {20}}, {1, 5, 1}) == std::vector<std::size_t>{npos, 5, 20});
  CHECK(longest_ordered_chain({{10}, {5}, {20}}, {5, 1, 1}) == std::vector<std::size_t>{10, npos, 20});
  // A recurring string takes the occurrence that fits between its neighbours.
  CHECK(longest_ordered_chain({{3}, {1, 7, 12}, {9}}, {1, 1, 1}) == std::vector<std::size_t>{3, 7, 9});
  // Two positions of one element never chain onto each other.
  CHECK(longest_ordered_chain({{1, 2, 3}}, {1}) .size() == 1);
  CHECK(longest_ordered_chain({{}, {4}}, {1, 1}) == std::vector<std::size_t>{npos, 4});
}

TEST_CASE("longest_found_prefix: where a changed string diverges") {
  const Normalized hay = normalize("Harbin Institute of Tecnology", Mode::Strict);
  const auto [len, at] = longest_found_prefix(hay, "Institute of Technology");
  CHECK(len == std::string("Institute of Tec").size());
  CHECK(at == 7);
  CHECK(longest_found_prefix(hay, "zzz").first == 0);
}
