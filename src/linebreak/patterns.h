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
// 22 000 words × 5 minimum settings, en_US and es, no difference). Two-level files (German:
// compound boundaries first, then syllables inside each part, NEXTLEVEL) are read as libhyphen
// reads them (hyphen.c, hnj_hyphen_hyph_): the first level splits the word, each part is split
// again by the first level until it has no boundary, then hyphenated by the second level with
// COMPOUNDLEFTHYPHENMIN / COMPOUNDRIGHTHYPHENMIN at the inner edges. ISO-8859-1 files are
// converted to UTF-8 as they are read. Files this cannot reproduce exactly are refused (read()
// gives nullopt) and left to libhyphen: other charsets, more than two levels, non-standard
// patterns ("/"), NOHYPHEN strings holding letters; so are words with anything but letters.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
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

  /// The index as bytes for a cache file (pattern_cache.h), and back: from_bytes checks every
  /// size and offset against the bytes it is given, so it never reads out of bounds; nullopt
  /// if anything does not fit. Native byte order: a cache is read on the machine that wrote it.
  /// The index from_bytes gives reads `bytes` in place and keeps `owner` (what holds them)
  /// alive; `bytes` must be aligned to 8 (to_bytes pads each array to 8).
  [[nodiscard]] std::string to_bytes() const;
  static std::optional<PatternIndex> from_bytes(std::string_view bytes,
                                                std::shared_ptr<const void> owner = nullptr);

  PatternIndex() = default;
  PatternIndex(PatternIndex&&) = default;
  PatternIndex& operator=(PatternIndex&&) = default;
  PatternIndex(const PatternIndex&) = delete;  ///< the levels' views would point into the original
  PatternIndex& operator=(const PatternIndex&) = delete;

  /// Odd digits mark hyphenation points: result[i] is for the point after byte i of
  /// `lowered_word`, '0'–'9', with libhyphen's minimum fragment lengths (in code points: the
  /// larger of the file's LEFTHYPHENMIN / RIGHTHYPHENMIN and the given ones) applied.
  [[nodiscard]] std::vector<char> digits(std::string_view lowered_word, int left_min,
                                         int right_min) const;

 private:
  /// One level of patterns: letters → digits, in a flat open-addressing hash table over two
  /// byte arenas (issue 9: a std::unordered_map of 11 000 std::string pairs took 10 M
  /// instructions to build for en_US and 2.5 M to free, most of an English render's
  /// hyphenation; this reads the same file in about a fifth of that, and looks a piece up
  /// without copying it).
  struct Level {
    struct Entry {
      std::uint32_t key_at = 0;     ///< offset in `keys`
      std::uint32_t key_size = 0;   ///< bytes of letters
      std::uint32_t digits_at = 0;  ///< offset in `digits` (key_size + 1 bytes)
    };
    /// The table, as lookups read it: views into the arrays below (an index read from a
    /// pattern file), or into a cache file mapped into memory (from_bytes: issue 9, the 418 KB
    /// en_US index is no longer copied, which cost 190 of an English render's page faults).
    std::string_view keys;    ///< every pattern's letters, one after another
    std::string_view digits;  ///< every pattern's digits (its letters + 1), one after another
    std::span<const Entry> entries;
    std::span<const std::uint32_t> slots;  ///< entry index + 1, 0 if free; a power of two in size
    std::size_t longest_key = 0;           ///< in bytes
    /// Proper prefixes of the keys, as views into `keys` (filled for two-level files, whose
    /// patterns are not closed under substrings: libhyphen's automaton stops at the longest
    /// prefix of a pattern it has read, and applies that pattern only if it is whole).
    std::unordered_set<std::string_view> prefixes;

    /// The digits of the pattern with letters `key`, or an empty view if none.
    [[nodiscard]] std::string_view find(std::string_view key) const;
    /// Adds a pattern, or replaces the digits of one with the same letters (libhyphen keeps
    /// the last of repeated patterns).
    void put(std::string_view key, std::string_view key_digits);
    /// Room for `patterns` patterns from a text of `bytes` bytes.
    void reserve(std::size_t patterns, std::size_t bytes);
    [[nodiscard]] std::string_view key_of(const Entry& e) const {
      return keys.substr(e.key_at, e.key_size);
    }
    /// Liang's value of the point after each byte of `word` (the last one '0'), no minimums.
    [[nodiscard]] std::vector<char> values(std::string_view word) const;

   private:
    // What put() builds; the views above point into it. Each lives in its own heap block, so
    // the views survive moving the Level (reserve() and view_own() see to the strings).
    std::string own_keys_;
    std::string own_digits_;
    std::vector<Entry> own_entries_;
    std::vector<std::uint32_t> own_slots_;

    [[nodiscard]] std::size_t slot_of(std::string_view key) const;  ///< its slot, or a free one
    void grow(std::size_t size);  ///< rehashes into `size` slots (a power of two)
    void view_own();              ///< points the views at the arrays put() builds
  };
  /// libhyphen's hnj_hyphen_hyph_ for a word or a part of one: `left_edge` / `right_edge` say
  /// whether the part starts / ends the word (else the compound minimums apply there).
  [[nodiscard]] std::vector<char> hyphenate(std::string_view part, bool left_edge,
                                            bool right_edge) const;

  void index_prefixes();  ///< fills Level::prefixes (two-level files only)

  std::shared_ptr<const void> owner_;  ///< the bytes from_bytes reads in place, if any
  Level first_;
  std::optional<Level> next_;   ///< the second level (NEXTLEVEL), if the file has one
  int left_min_ = 0;            ///< LEFTHYPHENMIN of the file
  int right_min_ = 0;           ///< RIGHTHYPHENMIN of the file
  int compound_left_min_ = 0;   ///< COMPOUNDLEFTHYPHENMIN (two-level files)
  int compound_right_min_ = 0;  ///< COMPOUNDRIGHTHYPHENMIN
};

}  // namespace cvpdf::linebreak
