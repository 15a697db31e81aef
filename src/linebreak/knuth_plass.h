// linebreak/knuth_plass.h — optimal paragraph breaking (Knuth & Plass 1981; TeX §813–890).
//
// Takes the same box/glue/penalty items and line widths as fit_greedy (fit.h) and the TeX
// parameters below; gives the lines whose total demerits are least over the whole paragraph,
// each annotated with its badness and demerits.
//
// Control flow (TeX's line_break, simplified):
//   pass 1 "pretolerance" — no flagged (hyphen) breaks, badness ≤ pretolerance;
//   pass 2 "tolerance"    — every break, badness ≤ tolerance;
//   pass 3 "emergency"    — infinite tolerance plus emergency_stretch on every line;
//   pass 4 "greedy"       — fit_greedy: a word wider than the line is cut or overflows (the
//                           caller warns about overfull lines).
// A pass fails when no feasible sequence of breakpoints reaches the end.
//
// Costs (TeX §108, §859): badness b = 100·(shortfall/stretch)³ capped at 10000 (TeX's formula
// without its integer rounding); demerits of a line ending at a penalty p:
//   (line_penalty + b)² + p²   (p ≥ 0),   (line_penalty + b)² − p²   (−∞ < p < 0),
//   (line_penalty + b)²        (forced break),
// plus double_hyphen_demerits for two flagged breaks in a row, final_hyphen_demerits when the
// next-to-last line ends flagged, adj_demerits when the fitness classes of two consecutive lines
// (very loose, loose, decent, tight) are not adjacent. The last line ends with TeX's \parfillskip
// (infinite stretch), so it is never loose.
//
// Ragged right is TeX's plain \raggedright: the caller gives interword glue no stretch and
// sets `right_stretch` (the \rightskip stretch, plain.tex: 2em), so a line's badness grows with
// the cube of its empty space at the right, and the optimum evens the ragged edge.
//
// Guarantees: O(items × active nodes); the active list is capped at kMaxActiveNodes (the worst
// nodes are dropped), so no input blows up; never fails (pass 4 always gives lines).
#pragma once

#include <vector>

#include "linebreak/fit.h"

namespace cvpdf::linebreak {

/// TeX's line-breaking parameters; the defaults are plain.tex's (The TeXbook, Appendix B).
struct KnuthPlassParams {
  double pretolerance = 100;              ///< \pretolerance 100; < 0 skips pass 1
  double tolerance = 200;                 ///< \tolerance 200
  double line_penalty = 10;               ///< \linepenalty 10
  double adj_demerits = 10000;            ///< \adjdemerits 10000
  double double_hyphen_demerits = 10000;  ///< \doublehyphendemerits 10000
  double final_hyphen_demerits = 5000;    ///< \finalhyphendemerits 5000
  int looseness = 0;                      ///< \looseness 0: lines more (> 0) or fewer (< 0)
  double right_stretch = 0;      ///< \rightskip stretch on every line but the last (ragged right)
  double emergency_stretch = 0;  ///< \emergencystretch, added on pass 3 (plain.tex: 0)
};

/// TeX's cap on badness (TeX §108 "inf_bad").
inline constexpr double kInfiniteBadness = 10000;

/// Which pass produced the lines.
enum class FitPass { Pretolerance, Tolerance, Emergency, Greedy };

struct Fit {
  std::vector<Line> lines;
  FitPass pass = FitPass::Greedy;
  double demerits = 0;  ///< total over the lines (0 for the greedy pass)
};

/// TeX's badness of stretching (or shrinking) by `amount` with `available` stretch (shrink):
/// 100·(amount/available)³, capped at kInfiniteBadness; 0 if amount is 0.
double badness(double amount, double available);

/// Optimal breaks for `items` in lines of `line_widths` (last entry repeats; see fit.h).
Fit fit_knuth_plass(const std::vector<Item>& items, const std::vector<double>& line_widths,
                    const KnuthPlassParams& params = {});

}  // namespace cvpdf::linebreak
