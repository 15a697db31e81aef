// profile/suggest.cpp — edit distance and the "did you mean …?" hint.
//
// Takes a misspelt word and the valid words; gives the closest valid word when it is within a
// typo's distance: 1 edit for words of up to 3 letters, 2 up to 6 letters, 3 beyond. A
// transposition ("langauges") counts as one edit, as users make them most often.
#include "core/suggest.h"

#include <algorithm>
#include <cctype>

namespace cvpdf::core {

namespace {

char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

/// The largest distance still read as a typo of a word of `n` bytes.
std::size_t typo_budget(std::size_t n) {
  if (n <= 3) return 1;
  if (n <= 6) return 2;
  return 3;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  // Three rolling rows: two back (for transpositions), previous, current.
  std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
          lower(a[i - 2]) == lower(b[j - 1])) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

std::string closest(std::string_view word, const std::vector<std::string_view>& candidates) {
  // Very long words are not typos of a key; skip the quadratic work on hostile input.
  if (word.empty() || word.size() > 64) return {};
  std::string_view best;
  std::size_t best_d = typo_budget(word.size()) + 1;
  for (std::string_view c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return std::string(best);
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
  const std::string c = closest(word, candidates);
  if (c.empty()) return {};
  return "did you mean '" + c + "'?";
}

}  // namespace cvpdf::core
