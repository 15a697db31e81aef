// text/bidi.h — the Unicode Bidirectional Algorithm (UAX #9) through ICU's ubidi.
//
// Takes a paragraph's UTF-8 text and its base direction; gives the resolved embedding level of
// every byte (even: left to right, odd: right to left), which itemize() uses to cut runs that
// HarfBuzz shapes in one direction (UAX #9 rules P–I). Given the levels of a line's pieces in
// logical order, `visual_order` gives the order to draw them in, left to right (rule L2,
// applied per line after line breaking, which works on logical order). The line breaker and
// the text layer always see logical order; only the placement of pieces on a line is visual.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace cvpdf::text {

/// A paragraph's base direction (UAX #9 paragraph level 0 or 1).
enum class Direction : std::uint8_t { Ltr, Rtl };

/// Embedding levels, one per byte of the paragraph text (all bytes of a character share its
/// level). Empty means every byte is at level 0: plain left-to-right text, nothing to reorder.
using BidiLevels = std::vector<std::uint8_t>;

/// The resolved levels of `text` as one paragraph with base direction `base` (no P2/P3
/// guessing: the document decides). Invalid UTF-8 is read as U+FFFD, like everywhere else.
BidiLevels resolve_bidi(std::string_view text, Direction base);

/// Rule L2: for pieces with `levels` in logical order, their logical indices from left to
/// right (reverse every maximal sequence at level ≥ k, for k from the highest level down to
/// the lowest odd one).
std::vector<std::size_t> visual_order(std::span<const std::uint8_t> levels);

/// Whether text in `lang` (BCP 47) is written right to left: Arabic, Hebrew, Persian, Urdu,
/// … (ICU's uloc_isRightToLeft, from CLDR's likely scripts).
bool is_rtl_language(std::string_view lang);

}  // namespace cvpdf::text
