// linebreak/knuth_plass.cpp — the active-list algorithm of Knuth & Plass (see knuth_plass.h).
#include "linebreak/knuth_plass.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <utility>

namespace cvpdf::linebreak {
namespace {

/// The active list never holds more nodes than this; beyond it the nodes with the most demerits
/// are dropped. Plain text keeps a few dozen (one line's worth of breakpoints × 4 fitness
/// classes); the cap only bites on pathological input (thousands of zero-width boxes).
constexpr std::size_t kMaxActiveNodes = 512;
/// TeX's fitness-class thresholds (TeX §817): badness > 99 very loose, > 12 loose or tight.
constexpr double kVeryLooseBadness = 99;
constexpr double kDecentBadness = 12;
/// TeX caps line_penalty + badness at 10000 before squaring (TeX §859).
constexpr double kMaxDemeritBase = 10000;
/// Rounding slack in widths (points), as in fit.cpp.
constexpr double kSlack = 1e-6;

enum Fitness { kVeryLoose = 0, kLoose = 1, kDecent = 2, kTight = 3 };

/// A feasible breakpoint reached by the search; `prev` chains back to the paragraph's start.
struct Node {
  std::size_t break_at = 0;  ///< item index (items.size() for the end); unused for the root
  std::size_t start = 0;     ///< first item of the line after this break
  std::size_t line = 0;      ///< lines before this break's next line (0 for the root)
  int fitness = kDecent;
  bool flagged = false;
  double total = 0;     ///< demerits up to here
  double badness = 0;   ///< of the line ending here
  double demerits = 0;  ///< of the line ending here
  int prev = -1;        ///< index into the node store
};

struct Pass {
  double threshold = 0;       ///< the tolerance of this pass
  bool allow_flagged = true;  ///< pass 1 uses no hyphen breaks
  double extra_stretch = 0;   ///< emergency stretch
};

class Search {
 public:
  Search(const std::vector<Item>& items, const std::vector<double>& widths,
         const KnuthPlassParams& params)
      : items_(items), widths_(widths), params_(params) {
    prefix();
  }
  /// The best chain of nodes ending at items.size(), or nothing if this pass fails.
  std::optional<std::vector<Node>> run(const Pass& pass);

 private:
  void prefix();
  [[nodiscard]] bool forced(std::size_t i) const {
    return i == items_.size() ||
           (items_[i].kind == ItemKind::Penalty && items_[i].cost <= -kInfinitePenalty);
  }
  [[nodiscard]] bool usable(std::size_t i, const Pass& pass) const;
  /// Badness and fitness of the line from node `a` to break `i`; nullopt if overfull.
  [[nodiscard]] std::optional<std::pair<double, int>> measure(const Node& a, std::size_t i,
                                                             const Pass& pass) const;
  [[nodiscard]] double demerits(const Node& a, std::size_t i, double b, int fitness) const;
  void try_break(std::size_t i, const Pass& pass);
  void prune();
  [[nodiscard]] std::vector<Node> chain(int last) const;
  [[nodiscard]] int choose_last() const;

  const std::vector<Item>& items_;
  const std::vector<double>& widths_;
  const KnuthPlassParams& params_;
  std::vector<double> width_, stretch_, shrink_;  ///< sums over items [0, i)
  std::vector<std::size_t> start_after_;          ///< line_start_after, per item
  std::vector<Node> store_;                       ///< every node ever made
  std::vector<int> active_;                       ///< indices into store_
};

void Search::prefix() {
  const std::size_t n = items_.size();
  width_.assign(n + 1, 0);
  stretch_.assign(n + 1, 0);
  shrink_.assign(n + 1, 0);
  start_after_.assign(n + 1, n);
  for (std::size_t i = 0; i < n; ++i) {
    const bool counts = items_[i].kind != ItemKind::Penalty;
    width_[i + 1] = width_[i] + (counts ? items_[i].width : 0);
    stretch_[i + 1] = stretch_[i] + items_[i].stretch;
    shrink_[i + 1] = shrink_[i] + items_[i].shrink;
    start_after_[i] = line_start_after(items_, i);
  }
}

bool Search::usable(std::size_t i, const Pass& pass) const {
  if (i == items_.size()) return true;
  if (!is_breakpoint(items_, i)) return false;
  if (!pass.allow_flagged && items_[i].flagged) return false;
  // A break with only discardable items after it would leave an empty last line.
  return start_after_[i] < items_.size() || forced(i);
}

std::optional<std::pair<double, int>> Search::measure(const Node& a, std::size_t i,
                                                      const Pass& pass) const {
  const bool last = i == items_.size();
  double natural = width_[i] - width_[a.start];
  if (!last && items_[i].kind == ItemKind::Penalty) natural += items_[i].width;
  const double shortfall = line_width(widths_, a.line) - natural;
  if (shortfall >= 0) {
    if (last) return std::pair{0.0, int{kDecent}};  // \parfillskip takes the slack
    const double stretch =
        stretch_[i] - stretch_[a.start] + params_.right_stretch + pass.extra_stretch;
    const double b = badness(shortfall, stretch);
    return std::pair{b, b > kVeryLooseBadness ? kVeryLoose : b > kDecentBadness ? kLoose : kDecent};
  }
  const double shrink = shrink_[i] - shrink_[a.start];
  if (-shortfall > shrink + kSlack) return std::nullopt;  // overfull: r < −1
  const double b = badness(-shortfall, shrink);
  return std::pair{b, b > kDecentBadness ? kTight : kDecent};
}

double Search::demerits(const Node& a, std::size_t i, double b, int fitness) const {
  const double base = std::min(params_.line_penalty + b, kMaxDemeritBase);
  double d = base * base;
  const bool last = i == items_.size();
  const Item* p = !last && items_[i].kind == ItemKind::Penalty ? &items_[i] : nullptr;
  if (p != nullptr && p->cost > 0) d += p->cost * p->cost;
  if (p != nullptr && p->cost < 0 && p->cost > -kInfinitePenalty) d -= p->cost * p->cost;
  const bool flagged = p != nullptr && p->flagged;
  if (a.flagged && flagged) d += params_.double_hyphen_demerits;
  if (a.flagged && last) d += params_.final_hyphen_demerits;
  if (std::abs(fitness - a.fitness) > 1) d += params_.adj_demerits;
  return d;
}

void Search::try_break(std::size_t i, const Pass& pass) {
  // The best candidate per (fitness class, line number); line numbers are told apart only
  // when they matter (looseness, or line widths that change from line to line).
  const bool by_line = params_.looseness != 0 || widths_.size() > 1;
  std::map<std::pair<int, std::size_t>, Node> best;
  std::vector<int> still;
  for (int ai : active_) {
    const Node& a = store_[static_cast<std::size_t>(ai)];
    if (a.start > i) {  // i lies in the discarded items right after a's break
      still.push_back(ai);
      continue;
    }
    const auto fit = measure(a, i, pass);
    if (fit && fit->first <= pass.threshold) {
      const double d = demerits(a, i, fit->first, fit->second);
      Node n{i, i < items_.size() ? start_after_[i] : i, a.line + 1, fit->second,
             i < items_.size() && items_[i].flagged, a.total + d, fit->first, d, ai};
      const auto key = std::pair{fit->second, by_line ? n.line : std::size_t{0}};
      auto it = best.find(key);
      if (it == best.end() || n.total < it->second.total) best[key] = n;
    }
    if (fit && !forced(i)) still.push_back(ai);  // overfull or forced: a is done
  }
  active_ = std::move(still);
  double least = std::numeric_limits<double>::infinity();
  for (const auto& [key, n] : best) least = std::min(least, n.total);
  for (const auto& [key, n] : best) {
    // TeX §836: a class more than adj_demerits worse than the best can never win.
    if (n.total > least + params_.adj_demerits && params_.looseness == 0) continue;
    store_.push_back(n);
    active_.push_back(static_cast<int>(store_.size() - 1));
  }
  prune();
}

void Search::prune() {
  if (active_.size() <= kMaxActiveNodes) return;
  std::stable_sort(active_.begin(), active_.end(), [&](int x, int y) {
    return store_[static_cast<std::size_t>(x)].total < store_[static_cast<std::size_t>(y)].total;
  });
  active_.resize(kMaxActiveNodes);
}

int Search::choose_last() const {
  int best = -1;
  std::size_t best_lines = 0;
  for (int ai : active_) {
    const Node& n = store_[static_cast<std::size_t>(ai)];
    if (n.break_at != items_.size() || ai == 0) continue;
    if (best < 0 || n.total < store_[static_cast<std::size_t>(best)].total) {
      best = ai;
      best_lines = n.line;
    }
  }
  if (best < 0 || params_.looseness == 0) return best;
  // \looseness: the line count closest to optimum + looseness, then the fewest demerits.
  const auto target = static_cast<double>(best_lines) + params_.looseness;
  for (int ai : active_) {
    const Node& n = store_[static_cast<std::size_t>(ai)];
    if (n.break_at != items_.size() || ai == 0) continue;
    const Node& b = store_[static_cast<std::size_t>(best)];
    const double dn = std::abs(static_cast<double>(n.line) - target);
    const double db = std::abs(static_cast<double>(b.line) - target);
    if (dn < db || (dn == db && n.total < b.total)) best = ai;
  }
  return best;
}

std::vector<Node> Search::chain(int last) const {
  std::vector<Node> out;
  for (int k = last; k > 0; k = store_[static_cast<std::size_t>(k)].prev)
    out.push_back(store_[static_cast<std::size_t>(k)]);
  std::reverse(out.begin(), out.end());
  return out;
}

std::optional<std::vector<Node>> Search::run(const Pass& pass) {
  store_.clear();
  store_.push_back(Node{});  // the root: the paragraph's start
  store_.front().start = 0;
  active_ = {0};
  for (std::size_t i = 0; i <= items_.size(); ++i) {
    if (!usable(i, pass)) continue;
    try_break(i, pass);
    if (active_.empty()) return std::nullopt;
  }
  const int last = choose_last();
  if (last < 0) return std::nullopt;
  return chain(last);
}

Fit to_fit(const std::vector<Item>& items, const std::vector<double>& widths,
           const std::vector<Node>& nodes, FitPass pass) {
  std::vector<std::size_t> breaks;
  for (const Node& n : nodes) breaks.push_back(n.break_at);
  Fit fit;
  fit.pass = pass;
  fit.lines = make_lines(items, breaks, widths);
  for (std::size_t k = 0; k < nodes.size(); ++k) {
    fit.lines[k].badness = nodes[k].badness;
    fit.lines[k].demerits = nodes[k].demerits;
    fit.lines[k].emergency = pass == FitPass::Emergency;
    fit.demerits += nodes[k].demerits;
  }
  return fit;
}

}  // namespace

double badness(double amount, double available) {
  if (amount <= 0) return 0;
  if (available <= 0) return kInfiniteBadness;
  const double r = amount / available;
  return std::min(kInfiniteBadness, 100 * r * r * r);
}

Fit fit_knuth_plass(const std::vector<Item>& items, const std::vector<double>& line_widths,
                    const KnuthPlassParams& params) {
  Fit fit;
  if (items.empty()) return fit;
  Search search(items, line_widths, params);
  if (params.pretolerance >= 0) {
    if (auto nodes = search.run({params.pretolerance, false, 0}))
      return to_fit(items, line_widths, *nodes, FitPass::Pretolerance);
  }
  if (auto nodes = search.run({params.tolerance, true, 0}))
    return to_fit(items, line_widths, *nodes, FitPass::Tolerance);
  const double any = std::numeric_limits<double>::infinity();
  if (auto nodes = search.run({any, true, params.emergency_stretch}))
    return to_fit(items, line_widths, *nodes, FitPass::Emergency);
  fit.lines = fit_greedy(items, line_widths);
  for (Line& line : fit.lines) line.emergency = true;
  return fit;
}

}  // namespace cvpdf::linebreak
