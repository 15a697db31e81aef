// linebreak/fit.cpp — greedy first-fit over box/glue/penalty items, and line measurement.
#include "linebreak/fit.h"

#include <algorithm>
#include <cassert>
#include <limits>

namespace cvpdf::linebreak {
namespace {

/// Widths are compared with this tolerance (points): a line that is 1e-6 pt too wide fits, so
/// rounding in sums of advances never turns a perfect fit into an overfull line.
constexpr double kFitTolerance = 1e-6;

bool is_forced(const Item& item) {
  return item.kind == ItemKind::Penalty && item.cost <= -kInfinitePenalty;
}

bool is_discardable(const Item& item) {
  return item.kind == ItemKind::Glue || (item.kind == ItemKind::Penalty && !is_forced(item));
}

/// Running sums of a line's content.
struct Totals {
  double width = 0;
  double stretch = 0;
  double shrink = 0;

  void add(const Item& item) {
    if (item.kind == ItemKind::Penalty) return;  // a penalty only counts where the line breaks
    width += item.width;
    stretch += item.stretch;
    shrink += item.shrink;
  }
};

/// The breakpoint ending the line that starts at `start` (see greedy_breaks).
std::size_t scan_line(const std::vector<Item>& items, std::size_t start, double available) {
  Totals t;
  std::size_t best = items.size();  // none yet
  for (std::size_t j = start; j < items.size(); ++j) {
    const Item& item = items[j];
    const bool candidate = is_breakpoint(items, j) && (j > start || is_forced(item));
    if (candidate) {
      if (is_forced(item)) return j;
      const double penalty_width = item.kind == ItemKind::Penalty ? item.width : 0;
      if (t.width + penalty_width - t.shrink <= available + kFitTolerance) {
        best = j;
      } else {
        return best < items.size() ? best : j;  // nothing fitted: j is the overfull break
      }
    }
    t.add(item);
    const bool overflowing = t.width - t.shrink > available + kFitTolerance;
    if (item.kind == ItemKind::Box && overflowing && best < items.size()) return best;
  }
  return items.size();
}

double adjustment_ratio(const Line& line, bool last) {
  const double shortfall = line.available - line.width;
  if (shortfall > 0) return (last || line.stretch <= 0) ? 0 : shortfall / line.stretch;
  if (shortfall < 0) return line.shrink <= 0 ? 0 : shortfall / line.shrink;
  return 0;
}

}  // namespace

bool is_breakpoint(const std::vector<Item>& items, std::size_t i) {
  const Item& item = items[i];
  switch (item.kind) {
    case ItemKind::Box:
      return false;
    case ItemKind::Glue:
      return i > 0 && items[i - 1].kind == ItemKind::Box;
    case ItemKind::Penalty:
      return item.cost < kInfinitePenalty;
  }
  return false;
}

double line_width(const std::vector<double>& line_widths, std::size_t index) {
  if (line_widths.empty()) return std::numeric_limits<double>::infinity();
  return line_widths[std::min(index, line_widths.size() - 1)];
}

std::size_t line_start_after(const std::vector<Item>& items, std::size_t break_at) {
  std::size_t i = break_at + 1;
  while (i < items.size() && is_discardable(items[i])) ++i;
  return i;
}

std::vector<std::size_t> greedy_breaks(const std::vector<Item>& items,
                                       const std::vector<double>& line_widths) {
  std::vector<std::size_t> breaks;
  if (items.empty()) return breaks;
  std::size_t start = 0;
  while (true) {
    const std::size_t brk = scan_line(items, start, line_width(line_widths, breaks.size()));
    breaks.push_back(brk);
    if (brk >= items.size()) break;
    start = line_start_after(items, brk);
    if (start >= items.size()) {  // only discardable items follow: this was the last line
      breaks.back() = items.size();
      break;
    }
  }
  return breaks;
}

std::vector<Line> make_lines(const std::vector<Item>& items, const std::vector<std::size_t>& breaks,
                             const std::vector<double>& line_widths) {
  std::vector<Line> lines;
  std::size_t begin = 0;
  for (std::size_t k = 0; k < breaks.size(); ++k) {
    Line line;
    line.begin = begin;
    line.break_at = breaks[k];
    line.end = line.break_at;
    const bool last = line.break_at >= items.size();
    if (last) {
      line.end = items.size();
      while (line.end > line.begin && is_discardable(items[line.end - 1])) --line.end;
    }
    Totals t;
    for (std::size_t i = line.begin; i < line.end; ++i) t.add(items[i]);
    if (!last && items[line.break_at].kind == ItemKind::Penalty)
      t.width += items[line.break_at].width;
    line.width = t.width;
    line.stretch = t.stretch;
    line.shrink = t.shrink;
    line.available = line_width(line_widths, k);
    line.ratio = adjustment_ratio(line, last);
    line.overfull = line.width - line.shrink > line.available + kFitTolerance;
    lines.push_back(line);
    if (!last) begin = line_start_after(items, line.break_at);
  }
  return lines;
}

std::vector<Line> fit_greedy(const std::vector<Item>& items,
                             const std::vector<double>& line_widths) {
  return make_lines(items, greedy_breaks(items, line_widths), line_widths);
}

}  // namespace cvpdf::linebreak
