// linebreak/fit.h — fitting a paragraph into lines over abstract box/glue/penalty items.
//
// Takes a paragraph as Knuth & Plass's item list ("Breaking Paragraphs into Lines", 1981, §2)
// and the width of each line; gives the lines: which items each holds, where it breaks, its
// natural width and its adjustment ratio. No fonts, no text: layout/ turns shaped words into
// boxes, spaces into glue and other break opportunities into penalties, and back.
//
// The model (as in TeX):
//   - Box: fixed width material (a word, a CJK character). Never a breakpoint.
//   - Glue: space of natural `width` that may grow by `stretch` or shrink by `shrink`. A legal
//     breakpoint if the item before it is a box; breaking there drops the glue.
//   - Penalty: a possible breakpoint with a `cost`; `width` is added to the line only if the
//     line breaks there (a hyphen). cost >= kInfinitePenalty forbids the break; cost <=
//     -kInfinitePenalty forces it. `flagged` marks hyphen-like breaks (Knuth–Plass avoids two in
//     a row; greedy fitting ignores it).
//   - After a break, glue and non-forced penalties up to the next box are discarded (they do not
//     start the next line).
//   - The end of the item list is an implicit forced break: callers need not append TeX's
//     finishing \parfillskip glue and forced penalty.
//
// Control flow: layout builds items → fit_knuth_plass (knuth_plass.h) or fit_greedy picks breakpoints →
// make_lines measures the lines between them. Both algorithms share make_lines, so they differ
// only in which breakpoints they choose.
#pragma once

#include <cstddef>
#include <vector>

namespace cvpdf::linebreak {

/// TeX's "infinite" penalty (The TeXbook, ch. 14): a cost at or above it never breaks, at or
/// below its negative always breaks.
inline constexpr double kInfinitePenalty = 10000;

enum class ItemKind { Box, Glue, Penalty };

/// One element of a paragraph in Knuth's model. Lengths are in the caller's unit (points).
struct Item {
  ItemKind kind = ItemKind::Box;
  double width = 0;      ///< box width; glue natural width; penalty width if broken here
  double stretch = 0;    ///< glue only
  double shrink = 0;     ///< glue only
  double cost = 0;       ///< penalty only
  bool flagged = false;  ///< penalty only: a hyphen-like break

  static Item box(double w) { return {ItemKind::Box, w, 0, 0, 0, false}; }
  static Item glue(double w, double stretch, double shrink) {
    return {ItemKind::Glue, w, stretch, shrink, 0, false};
  }
  static Item penalty(double w, double cost, bool flagged = false) {
    return {ItemKind::Penalty, w, 0, 0, cost, flagged};
  }
};

/// One fitted line: it holds items [begin, end) and breaks at item `break_at`.
struct Line {
  std::size_t begin = 0;     ///< first item of the line (after discarded glue/penalties)
  std::size_t end = 0;       ///< one past the last item; == break_at except on the last line,
                             ///< where trailing glue and penalties are trimmed (TeX's \unskip)
  std::size_t break_at = 0;  ///< the breakpoint (a glue or penalty), or items.size() at the end
  double width = 0;      ///< natural width: boxes + glue in the line + the break penalty's width
  double stretch = 0;    ///< total glue stretch in the line
  double shrink = 0;     ///< total glue shrink in the line
  double available = 0;  ///< the measure this line was fitted to
  /// Knuth's adjustment ratio r: > 0 stretches glue by r·stretch, < 0 shrinks by r·shrink; 0 if
  /// the line has no stretch (or shrink) in the needed direction. The last line never stretches
  /// (r ≤ 0: the implicit \parfillskip takes the slack).
  double ratio = 0;
  bool overfull = false;  ///< natural width minus all shrink still exceeds `available`
  double badness = 0;     ///< TeX's badness of the line (knuth_plass.h); 0 from fit_greedy
  double demerits = 0;    ///< the line's demerits (knuth_plass.h); 0 from fit_greedy
  bool emergency = false; ///< set by a last-resort pass (infinite tolerance, or greedy)
};

/// Whether item `i` is a legal breakpoint (Knuth & Plass §2): a penalty below infinity, or a
/// glue preceded by a box.
bool is_breakpoint(const std::vector<Item>& items, std::size_t i);

/// The width of line `index` (0-based) from `line_widths`: the last entry repeats (TeX's
/// \parshape convention). An empty list means an unlimited measure.
double line_width(const std::vector<double>& line_widths, std::size_t index);

/// First-fit greedy breaking: each line takes as many items as fit, and breaks at the last legal
/// breakpoint where natural width − shrink ≤ the line's width. Forced penalties always break.
/// When not even one breakpoint fits (a word wider than the measure), the line breaks at the
/// first legal breakpoint after it and is marked overfull. Returns the breakpoint indices, the
/// last being items.size() (the paragraph's end). O(n) per line.
std::vector<std::size_t> greedy_breaks(const std::vector<Item>& items,
                                       const std::vector<double>& line_widths);

/// Where the line after a break at `break_at` starts: the first item after it that is a box or
/// a forced penalty (Knuth & Plass §2: glue and penalties after a break are discarded).
std::size_t line_start_after(const std::vector<Item>& items, std::size_t break_at);

/// Measures the lines ending at `breaks` (increasing item indices, the last items.size()).
std::vector<Line> make_lines(const std::vector<Item>& items, const std::vector<std::size_t>& breaks,
                             const std::vector<double>& line_widths);

/// greedy_breaks + make_lines. An empty item list gives no lines.
std::vector<Line> fit_greedy(const std::vector<Item>& items,
                             const std::vector<double>& line_widths);

}  // namespace cvpdf::linebreak
