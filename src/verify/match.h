// verify/match.h — comparing profile strings with extracted text, as an ATS would.
//
// Takes UTF-8 text; gives it normalised for comparison, with a map back to the original
// offsets. Normalisation: every kind of white space (and a line break) is one space, runs of
// spaces collapse, spaces next to CJK characters are dropped (CJK text has none, and a gap
// between an ideograph and a Latin word is the typesetter's, cjk_latin_space), the Latin
// ligature characters U+FB00–FB06 read as their letters, soft hyphens vanish. Three modes for
// the extracted side: Strict (a kGapSpace glues, as for an extractor that reads characters
// only), Gaps (a kGapSpace is a space, as pdftotext reads), Joined (Gaps, and a hyphen ending a
// line between two letters joins the word again, as pdftotext does — cvpdf never breaks a line
// after a hyphen of the source, so that is a hyphenation), Loose (no spaces at all and no hyphen
// at a line end: finds a string split across lines, glued, or hyphenated).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cvpdf::verify {

enum class Mode { Strict, Gaps, Joined, Loose };

struct Normalized {
  std::string text;
  std::vector<std::size_t> origin;  ///< for each byte of `text`, its offset in the source
};

Normalized normalize(std::string_view s, Mode mode);

/// Start offsets (in `hay.text`) of up to `cap` occurrences of `needle`.
std::vector<std::size_t> occurrences(const Normalized& hay, std::string_view needle, std::size_t cap);

/// The heaviest chain of elements whose chosen positions strictly increase: element i may take
/// any of `candidates[i]`, or none, and weighs `weights[i]` (its length: when two headings are
/// swapped, the long paragraph between them stays in the chain and the headings are out of
/// order). Gives, per element, the position taken, or npos for elements left out of the chain.
/// O(C log C) for C candidates (a Fenwick tree of prefix maxima over the positions).
std::vector<std::size_t> longest_ordered_chain(const std::vector<std::vector<std::size_t>>& candidates,
                                               const std::vector<std::size_t>& weights);

/// The longest prefix (in bytes, on a UTF-8 boundary) of `needle` that occurs in `hay`, and
/// where its first occurrence starts.
std::pair<std::size_t, std::size_t> longest_found_prefix(const Normalized& hay, std::string_view needle);

}  // namespace cvpdf::verify
