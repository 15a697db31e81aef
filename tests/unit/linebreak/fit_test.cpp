// Greedy fitting over hand-built box/glue/penalty lists: no fonts, no text.
#include "linebreak/fit.h"

#include <doctest/doctest.h>

using namespace cvpdf::linebreak;

namespace {

/// "words" of the given widths separated by glue of width 1 (stretch 0.5, shrink 0).
std::vector<Item> words(const std::vector<double>& widths, double shrink = 0) {
  std::vector<Item> items;
  for (std::size_t i = 0; i < widths.size(); ++i) {
    if (i > 0) items.push_back(Item::glue(1, 0.5, shrink));
    items.push_back(Item::box(widths[i]));
  }
  return items;
}

}  // namespace

TEST_CASE("everything fits on one line") {
  const auto lines = fit_greedy(words({3, 3, 3}), {20});
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].begin == 0);
  CHECK(lines[0].end == 5);
  CHECK(lines[0].break_at == 5);
  CHECK(lines[0].width == doctest::Approx(11));
  CHECK(lines[0].ratio == 0);  // the last line never stretches
  CHECK_FALSE(lines[0].overfull);
}

TEST_CASE("first fit breaks at the last glue that fits, and drops it") {
  // 3 + 1 + 3 + 1 + 3 = 11 > 10: the break goes at the second glue (index 3).
  const auto items = words({3, 3, 3, 3});
  const auto lines = fit_greedy(items, {10});
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].end == 3);
  CHECK(lines[0].break_at == 3);
  CHECK(lines[0].width == doctest::Approx(7));
  CHECK(lines[0].ratio == doctest::Approx(3.0 / 0.5));  // (10 - 7) / stretch 0.5
  CHECK(lines[1].begin == 4);
  CHECK(lines[1].width == doctest::Approx(7));
}

TEST_CASE("an exact fit stays on the line") {
  const auto lines = fit_greedy(words({4, 5}), {10});
  CHECK(lines.size() == 1);
}

TEST_CASE("shrink lets a line take one more word") {
  CHECK(fit_greedy(words({4, 4}, 0), {8.5}).size() == 2);
  const auto lines = fit_greedy(words({4, 4}, 0.5), {8.5});
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].ratio == doctest::Approx(-1));
  CHECK_FALSE(lines[0].overfull);
}

TEST_CASE("line widths: the last one repeats (\\parshape)") {
  const auto lines = fit_greedy(words({3, 3, 3, 3, 3, 3}), {3, 7});
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].available == 3);
  CHECK(lines[1].available == 7);
  CHECK(lines[3].available == 7);
  CHECK(lines[0].end == 1);
  CHECK(lines[1].begin == 2);
  CHECK(lines[1].end == 5);
}

TEST_CASE("a box wider than the measure is overfull on a line of its own") {
  const auto lines = fit_greedy(words({3, 30, 3}), {10});
  REQUIRE(lines.size() == 3);
  CHECK_FALSE(lines[0].overfull);
  CHECK(lines[1].overfull);
  CHECK(lines[1].begin == 2);
  CHECK(lines[1].end == 3);
  CHECK_FALSE(lines[2].overfull);
}

TEST_CASE("penalties: zero-width CJK breaks, infinite cost forbids, forced always breaks") {
  // Five 2-wide ideographs with free breaks between them, measure 5: two per line.
  std::vector<Item> cjk;
  for (int i = 0; i < 5; ++i) {
    if (i > 0) cjk.push_back(Item::penalty(0, 0));
    cjk.push_back(Item::box(2));
  }
  const auto lines = fit_greedy(cjk, {5});
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].width == doctest::Approx(4));
  CHECK(lines[0].break_at == 3);
  CHECK(lines[1].begin == 4);

  // A penalty of kInfinitePenalty before a glue keeps the words together ("Xinyi Liu").
  std::vector<Item> tied = {Item::box(3),        Item::glue(1, 0, 0),
                            Item::box(3),        Item::penalty(0, kInfinitePenalty),
                            Item::glue(1, 0, 0), Item::box(3)};
  const auto tied_lines = fit_greedy(tied, {8});
  REQUIRE(tied_lines.size() == 2);
  CHECK(tied_lines[0].end == 1);  // breaks before "Xinyi", not inside the name

  std::vector<Item> forced = {Item::box(1), Item::penalty(0, -kInfinitePenalty), Item::box(1)};
  CHECK(fit_greedy(forced, {100}).size() == 2);
}

TEST_CASE("a penalty's width counts only when the line breaks there (hyphen)") {
  std::vector<Item> items = {Item::box(4), Item::penalty(1, 50, true), Item::box(4)};
  const auto lines = fit_greedy(items, {6});
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].width == doctest::Approx(5));
  CHECK(fit_greedy(items, {8}).size() == 1);
  CHECK(fit_greedy(items, {8})[0].width == doctest::Approx(8));
}

TEST_CASE("trailing glue is trimmed from the last line; empty input gives no lines") {
  std::vector<Item> items = {Item::box(2), Item::glue(1, 0, 0)};
  const auto lines = fit_greedy(items, {10});
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].end == 1);
  CHECK(lines[0].width == doctest::Approx(2));
  CHECK(fit_greedy({}, {10}).empty());
  // A break whose only successors are discardable becomes the paragraph's end.
  const auto two =
      fit_greedy({Item::box(6), Item::glue(1, 0, 0), Item::box(6), Item::glue(1, 0, 0)}, {8});
  REQUIRE(two.size() == 2);
  CHECK(two[1].break_at == 4);
  CHECK(two[1].end == 3);
}

TEST_CASE("is_breakpoint follows Knuth & Plass") {
  std::vector<Item> items = {Item::glue(1, 0, 0),
                             Item::box(1),
                             Item::glue(1, 0, 0),
                             Item::glue(1, 0, 0),
                             Item::penalty(0, kInfinitePenalty),
                             Item::penalty(0, 100)};
  CHECK_FALSE(is_breakpoint(items, 0));
  CHECK_FALSE(is_breakpoint(items, 1));
  CHECK(is_breakpoint(items, 2));
  CHECK_FALSE(is_breakpoint(items, 3));
  CHECK_FALSE(is_breakpoint(items, 4));
  CHECK(is_breakpoint(items, 5));
}
