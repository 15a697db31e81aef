// linebreak/breaks.h — where a line may break: UAX #14 via ICU, with CJK rules.
//
// Takes a UTF-8 text and its BCP 47 language; gives the byte offsets where a line may (or must)
// break, in increasing order. No fonts, no widths: this is the Unicode half of line breaking;
// linebreak/fit.h is the geometric half.
//
// Guarantees:
//   - opportunities come from ICU's line BreakIterator (UAX #14) run over the UTF-8 bytes through
//     a UText, so offsets are byte offsets into the given text and always fall on code point
//     boundaries; no hand-written Unicode tables;
//   - the locale tunes the rules: Japanese uses "@lb=strict" (jlreq's strict kinsoku: no line
//     starts with small kana or prolonged sound marks), Chinese "@lb=normal"; under every locale a
//     line never starts with closing punctuation such as "，" or "。" (UAX #14 class CL) and may
//     break between ideographs (class ID);
//   - an offset is reported only strictly inside the text (0 < offset < size): the start is not
//     a break, and the end of the text is the end of the paragraph, which fitting handles;
//   - a break *after* spaces is reported after the spaces ("two| words" is at offset 4: "two "),
//     as UAX #14 does, so the spaces end the line before it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cvpdf::linebreak {

/// A place between two code points where a line may break.
struct BreakOpportunity {
  std::size_t offset = 0;  ///< byte offset: the line before ends here, the next starts here
  bool mandatory = false;  ///< a hard break (after a newline, UAX #14 class BK/CR/LF/NL)
  friend bool operator==(const BreakOpportunity&, const BreakOpportunity&) = default;
};

/// A half-open byte range [begin, end) of a text.
struct ByteRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// The break opportunities of `utf8` for text in language `lang` (BCP 47, e.g. "en", "zh-Hans",
/// "ja"; empty = the root locale). Invalid UTF-8 is tolerated (ICU reads it as U+FFFD).
std::vector<BreakOpportunity> find_breaks(std::string_view utf8, const std::string& lang);

/// Removes the non-mandatory opportunities strictly inside any of `keep_together`
/// (begin < offset < end): names, dates, e-mail addresses and URLs stay on one line
/// (doc::Span::no_break). Breaks at a range's edges are kept. Mandatory breaks are kept too: a
/// newline the user typed wins.
void drop_breaks_inside(std::vector<BreakOpportunity>& breaks,
                        const std::vector<ByteRange>& keep_together);

/// Removes the non-mandatory opportunities right after a hyphen (U+002D, U+2010) that joins
/// two words ("Hetu-Galvatron", "open-source"). UAX #14 allows them, but text extraction
/// (pdftotext, most ATS parsers) takes a hyphen at the end of a line for hyphenation and drops
/// it, so "Hetu-|Galvatron" would read back as "HetuGalvatron". Such a compound moves to the
/// next line whole; a word too long for any line is still cut by the fitter's emergency breaks.
void drop_breaks_after_hyphens(std::vector<BreakOpportunity>& breaks, std::string_view utf8);

/// Which side of a CJK/Western boundary a code point is on (jlreq §3.2.2, CLReq §3.2.3: a
/// gap goes between ideographs or kana and Latin letters or digits).
enum class ScriptSide { Cjk, Western, Other };

/// The side of the first (or, with `last`, the last) code point of `utf8`: Han, Hiragana,
/// Katakana and Bopomofo are CJK; letters and digits of Latin, Greek and Cyrillic (and ASCII
/// digits) are Western; anything else (punctuation, spaces, symbols) is Other.
ScriptSide script_side(std::string_view utf8, bool last);

/// The ICU locale id used for `lang`: the BCP 47 tag converted by ICU, plus the line-break
/// keyword ("ja" → "ja@lb=strict", "zh-Hans" → "zh_Hans@lb=normal"). Exposed for tests.
std::string icu_locale_for(const std::string& lang);

}  // namespace cvpdf::linebreak
