// Knuth–Plass over hand-built item lists: totals of demerits checked against values computed
// by hand from TeX's formulas (knuth_plass.h), no fonts, no text.
#include "linebreak/knuth_plass.h"

#include <doctest/doctest.h>

using namespace cvpdf::linebreak;

namespace {

/// Boxes of the given widths separated by glue (width, stretch, shrink).
std::vector<Item> words(const std::vector<double>& widths, double w, double y, double z) {
  std::vector<Item> items;
  for (std::size_t i = 0; i < widths.size(); ++i) {
    if (i > 0) items.push_back(Item::glue(w, y, z));
    items.push_back(Item::box(widths[i]));
  }
  return items;
}

std::vector<std::size_t> breaks_of(const Fit& fit) {
  std::vector<std::size_t> out;
  for (const Line& l : fit.lines) out.push_back(l.break_at);
  return out;
}

}  // namespace

TEST_CASE("badness is TeX's 100·r³, capped at 10000") {
  CHECK(badness(0, 0) == 0);
  CHECK(badness(1, 1) == doctest::Approx(100));
  CHECK(badness(1, 2) == doctest::Approx(12.5));
  CHECK(badness(1, 4) == doctest::Approx(1.5625));
  CHECK(badness(3, 1) == doctest::Approx(2700));
  CHECK(badness(5, 1) == doctest::Approx(10000));
  CHECK(badness(1, 0) == doctest::Approx(10000));
}

TEST_CASE("optimal breaks beat first fit, with the demerits computed by hand") {
  // Words 4 4 1 3 2 4 2, spaces 1 (stretch 2, shrink 1), measure 9.
  // First fit takes "4 4 1" (11 − 2 shrink = 9, badness 100, tight) and "3 2 4" (tight too).
  // The optimum: "4 4" (exact, b = 0): (10 + 0)² = 100;
  //              "1 3 2" (8, 1 short, stretch 4: b = 100/64 = 1.5625): 11.5625² = 133.69140625;
  //              "4 2" last: (10 + 0)² = 100.            Total: 333.69140625.
  const auto items = words({4, 4, 1, 3, 2, 4, 2}, 1, 2, 1);
  CHECK(greedy_breaks(items, {9}) == std::vector<std::size_t>{5, 11, 13});
  const Fit fit = fit_knuth_plass(items, {9});
  CHECK(fit.pass == FitPass::Pretolerance);
  CHECK(breaks_of(fit) == std::vector<std::size_t>{3, 9, 13});
  CHECK(fit.demerits == doctest::Approx(333.69140625));
  REQUIRE(fit.lines.size() == 3);
  CHECK(fit.lines[1].badness == doctest::Approx(1.5625));
  CHECK(fit.lines[1].demerits == doctest::Approx(133.69140625));
  CHECK(fit.lines[1].ratio == doctest::Approx(0.25));
}

TEST_CASE("hyphen breaks: penalties, double-hyphen and final-hyphen demerits") {
  // "4-|4-|4-|4": every line is exactly 5 wide (4 + the hyphen's 1), each ends flagged.
  // Line 1: 10² + 50² = 2600; lines 2, 3: 2600 + 10000 (\doublehyphendemerits);
  // last line: 10² + 5000 (\finalhyphendemerits). Total 32900. Pass 1 forbids hyphens.
  std::vector<Item> items;
  for (int i = 0; i < 4; ++i) {
    if (i > 0) items.push_back(Item::penalty(1, 50, true));
    items.push_back(Item::box(4));
  }
  const Fit fit = fit_knuth_plass(items, {5});
  CHECK(fit.pass == FitPass::Tolerance);
  CHECK(fit.lines.size() == 4);
  CHECK(fit.demerits == doctest::Approx(32900));
  CHECK(fit.lines[0].width == doctest::Approx(5));  // the hyphen counts at the break
}

TEST_CASE("adjacent fitness classes: a very loose line next to a decent one costs adj_demerits") {
  // Words 3 3 | 3 3 with spaces of stretch 1 and no shrink, measure 9: "3 3" is 2 short,
  // b = 100·2³ = 800 > tolerance, so pass 3 (infinite tolerance) takes it:
  // (10 + 800)² + 10000 (very loose after the decent start) = 666100; the last line is decent
  // after a very loose one: 10² + 10000. Total 676200.
  const auto items = words({3, 3, 3, 3}, 1, 1, 0);
  KnuthPlassParams p;
  const Fit fit = fit_knuth_plass(items, {9}, p);
  CHECK(fit.pass == FitPass::Emergency);
  CHECK(fit.demerits == doctest::Approx(676200));
  CHECK(fit.lines[0].emergency);
  // \emergencystretch 1 on pass 3: b = 100·(2/2)³ = 100 → (110)² + 10000 + 100 + 10000.
  p.emergency_stretch = 1;
  CHECK(fit_knuth_plass(items, {9}, p).demerits == doctest::Approx(32200));
  // Without adj_demerits the same breaks cost 666100 − 10000 + 100.
  p.emergency_stretch = 0;
  p.adj_demerits = 0;
  CHECK(fit_knuth_plass(items, {9}, p).demerits == doctest::Approx(656200));
}

TEST_CASE("ragged right: the \\rightskip stretch evens the right edge") {
  // Spaces without stretch; right_stretch 4. Words 2 2 2 2 2 in measure 7:
  // "2 2" (5, 2 short: b = 12.5) + "2 2 2" (last) vs "2 2" + "2 2" + "2" etc.
  // The optimum: "2 2" b = 100·(2/4)³ = 12.5 → 22.5² = 506.25 (decent: 12.5 > 12 → loose,
  // adjacent to decent: no adj), then "2 2 2" = 8 > 7: overfull, so "2 2", "2 2", "2"...
  const auto items = words({2, 2, 2, 2, 2}, 1, 0, 0);
  KnuthPlassParams p;
  p.right_stretch = 4;
  const Fit fit = fit_knuth_plass(items, {7}, p);
  REQUIRE(fit.lines.size() == 3);
  CHECK(fit.lines[0].badness == doctest::Approx(12.5));
  CHECK(fit.demerits == doctest::Approx(506.25 * 2 + 100));
  // Greedy would give the same lines here; ragged text never stretches its spaces.
  CHECK(fit.lines[0].stretch == 0);
}

TEST_CASE("looseness asks for one more line when it is feasible") {
  const auto items = words({2, 2, 2, 2}, 1, 10, 0);
  KnuthPlassParams p;
  CHECK(fit_knuth_plass(items, {11}, p).lines.size() == 1);
  p.looseness = 1;
  CHECK(fit_knuth_plass(items, {11}, p).lines.size() == 2);
}

TEST_CASE("forced breaks always break; a word wider than the line falls back to first fit") {
  std::vector<Item> items = words({2, 2}, 1, 1, 0);
  items.insert(items.begin() + 1, Item::penalty(0, -kInfinitePenalty));
  CHECK(fit_knuth_plass(items, {100}).lines.size() == 2);

  const Fit wide = fit_knuth_plass(words({3, 15, 3}, 1, 1, 0), {10});
  CHECK(wide.pass == FitPass::Greedy);
  bool overfull = false;
  for (const Line& l : wide.lines) overfull = overfull || l.overfull;
  CHECK(overfull);
}

TEST_CASE("no blow-up: thousands of breakpoints within one line width") {
  // 20000 zero-width boxes with free breaks between them, all of them within one line: the
  // active list is capped, so this runs in linear time.
  std::vector<Item> items;
  for (int i = 0; i < 20000; ++i) {
    if (i > 0) items.push_back(Item::penalty(0, 0));
    items.push_back(Item::box(0.001));
  }
  const Fit fit = fit_knuth_plass(items, {10});
  // 20 pt of material in a 10 pt measure: two full lines, or three when rounding makes
  // 10000 boxes a hair wider than 10 pt.
  CHECK(fit.lines.size() >= 2);
  CHECK(fit.lines.size() <= 3);
  CHECK(fit.lines.back().break_at == items.size());
}
