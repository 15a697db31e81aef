// core/suggest.h — "did you mean …?" for misspelt keys and names.
//
// Takes a word and the words that would have been valid; gives the closest one by edit distance
// (optimal string alignment: insertions, deletions, substitutions and adjacent transpositions),
// or nothing when no candidate is close enough to be a plausible typo.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace cvpdf::core {

/// Optimal-string-alignment distance between `a` and `b` (ASCII case-insensitive).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, or "" when none is within a typo's distance.
std::string closest(std::string_view word, const std::vector<std::string_view>& candidates);

/// "did you mean 'education'?" or "" (the hint of an unknown-key diagnostic).
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace cvpdf::core
