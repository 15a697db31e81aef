// linebreak/hyphenate.h — where a word may be hyphenated: libhyphen with Debian's patterns.
//
// Takes a word (UTF-8) and its BCP 47 language; gives the byte offsets inside the word where a
// hyphen may go, honouring minimum fragment lengths (TeX's \lefthyphenmin / \righthyphenmin,
// counted in code points). No fonts, no widths: layout/ decides which words to try (never
// names, links or the bold self-name) and draws the hyphen.
//
// Patterns are the hyphen-* packages' `hyph_<ll>[_<CC>].dic` files (OpenOffice/Hunspell
// format, the same as TeX's patterns), looked up by language in the given folders; the first
// folder that has a match wins:  "en-GB" → hyph_en_GB.dic, hyph_en.dic, then any
// hyph_en_*.dic (sorted). A language without patterns is simply not hyphenated.
//
// Guarantees: a Hyphenator may be shared between threads (one mutex around the dictionaries);
// each dictionary is loaded at most once and freed with the Hyphenator; a word that libhyphen
// cannot take (too long, a byte length that changes when lower-cased) gets no points.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace cvpdf::linebreak {

/// Debian's folder of hyphenation patterns (packages hyphen-en-us, hyphen-de, …). The only
/// absolute path here: the default of cli/World's hyphen folders, which users may override.
inline constexpr const char* kDebianHyphenDir = "/usr/share/hyphen";

/// The letters of a word worth hyphenating, as a byte range [begin, end) of `word`, after
/// leading and trailing punctuation ("(optimal)," → "optimal"); begin == end if the word must
/// not be hyphenated: anything but letters inside (".", "-"), digits, "@", "/", ":" or "_"
/// anywhere (identifiers, links, e-mail addresses), or no
/// lower-case letter at all (acronyms such as "ICLR" or "NVIDIA").
struct WordCore {
  std::size_t begin = 0;
  std::size_t end = 0;
};
WordCore hyphenatable_core(std::string_view word);

/// Pattern files larger than this are not loaded: libhyphen 2.8's loader is superlinear, and
/// Debian's German patterns (hyphen-de, 1.07 MB, 69 000 patterns) take 3.3 s to load on this
/// project's 2-core machine, against 13 ms for en_US (104 KB) and 19 ms for ru_RU — a render
/// must stay in milliseconds. Measured with hnj_hyphen_load, see the issue-4 note.
/// The cap is for libhyphen only: cvpdf's own pattern index (patterns.h) reads the German file,
/// two levels and all, in 351 M instructions against libhyphen's 1 270 M (callgrind); a word
/// the index cannot take (not all letters) gets no points from a file over the cap.
inline constexpr std::uintmax_t kMaxPatternFileBytes = 256 * 1024;
/// The largest pattern file read at all (Debian's largest, German, has 1.07 MB).
inline constexpr std::uintmax_t kMaxIndexedPatternFileBytes = 4 * 1024 * 1024;

class Hyphenator {
 public:
  /// `dirs`: folders searched for pattern files, in order. `cache_dir`: where indexed pattern
  /// files are kept between runs (pattern_cache.h); "" for no cache.
  explicit Hyphenator(std::vector<std::string> dirs, std::string cache_dir = {});
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  /// Byte offsets strictly inside `word` (letters only, see hyphenatable_core) where it may be
  /// hyphenated, increasing; at least `left_min` code points before the first and `right_min`
  /// after the last.
  std::vector<std::size_t> points(std::string_view word, const std::string& lang, int left_min,
                                  int right_min);

  /// The pattern file used for `lang`, or "" if none (for messages and tests).
  std::string dictionary_path(const std::string& lang);

  /// Why `lang` has a pattern file but no hyphenation ("" if it has, or has no file at all).
  std::string skipped(const std::string& lang);

  struct Dict;  ///< one language's patterns (defined in hyphenate.cpp)

 private:
  Dict* dict_for(const std::string& lang);  // requires mutex_ held

  std::vector<std::string> dirs_;
  std::string cache_dir_;
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<Dict>> dicts_;  // by lang; !usable() = none
};

}  // namespace cvpdf::linebreak
