// linebreak/patterns.h — Liang's hyphenation over a libhyphen pattern file held in a hash map
// (private to linebreak/, used by hyphenate.cpp).
//
// Takes a libhyphen pattern file (`hyph_<lang>.dic`, UTF-8); gives, for one lower-case word of
// letters, libhyphen's hyphenation digits for it. Why: libhyphen builds an automaton from every
// pattern up front — 37 M instructions for Debian's en_US file, the largest single cost of an
// English render — while a word needs a few dozen of its 11 000 patterns; a hash map of the
// patterns by their letters reads in a tenth of that. Same answers: Debian's files are closed
// under substrings (libhyphen's substrings.pl), so at each position libhyphen applies exactly
// the digits of the longest pattern ending there, which contain those of every shorter one —
// the maximum over all patterns ending there, as computed here (checked against libhyphen:
// 22 000 words × 5 minimum settings, en_US and es, no difference). Files this cannot
// reproduce exactly are refused (read() gives nullopt) and left to libhyphen: another charset
// than UTF-8, two-level files (NEXTLEVEL), non-standard patterns ("/"); so are words with
// anything but letters.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cvpdf::linebreak {

/// `text`, a libhyphen pattern file, with each pattern that the file repeats kept only at its
/// last occurrence in its level (and likewise each repeated keyword line). Why: libhyphen 2.8.8's
/// hnj_hyphen_load_line overwrites a state's match and replacement strings without freeing them
/// when a file lists the same letters twice (blank lines count as the empty pattern), so loading
/// Debian's hyph_fr.dic, with 16 repeats, leaked 130 bytes every time (LeakSanitizer, issue 7).
/// libhyphen keeps the last occurrence, so its answers for the cleaned text are the same.
std::string without_repeated_patterns(std::string_view text);

class PatternIndex {
 public:
  /// Reads and indexes `path`; nullopt if the file cannot be read or must go to libhyphen.
  static std::optional<PatternIndex> read(const std::string& path);

  /// Odd digits mark hyphenation points: result[i] is for the point after byte i of
  /// `lowered_word`, '0'–'9', with libhyphen's minimum fragment lengths (in code points: the
  /// larger of the file's LEFTHYPHENMIN / RIGHTHYPHENMIN and the given ones) applied.
  [[nodiscard]] std::vector<char> digits(std::string_view lowered_word, int left_min,
                                         int right_min) const;

 private:
  std::unordered_map<std::string, std::string> by_key_;  ///< letters → digits (letters + 1)
  std::size_t longest_key_ = 0;                            ///< in bytes
  int left_min_ = 0;                                       ///< LEFTHYPHENMIN of the file
  int right_min_ = 0;                                      ///< RIGHTHYPHENMIN of the file
};

}  // namespace cvpdf::linebreak
