// linebreak/hyphenate.cpp — libhyphen behind a small cache (see hyphenate.h).
#include "linebreak/hyphenate.h"

#include "linebreak/pattern_cache.h"
#include "linebreak/patterns.h"

#include <hyphen.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace cvpdf::linebreak {
namespace {

/// libhyphen's own limit on a word (hyphen.c, MAX_WORD): longer words are not hyphenated.
constexpr std::size_t kMaxWordBytes = 100;
/// hnj_hyphen_hyphenate3 needs word_size + 5 bytes for its hyphen vector (hyphen.h).
constexpr std::size_t kHyphenVectorExtra = 5;
/// Compound-word minimums for hnj_hyphen_hyphenate3; 0 keeps the dictionary's own.
constexpr int kCompoundMin = 0;

/// The code point at `i` (advancing i); U+FFFD for invalid UTF-8.
UChar32 next_code_point(std::string_view s, std::size_t& i) {
  UChar32 c = 0;
  auto pos = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), c);
  i = static_cast<std::size_t>(pos);
  return c < 0 ? 0xFFFD : c;
}

/// "en-GB" → {"en_GB", "en"}: the file stems to try, most specific first.
std::vector<std::string> stems(const std::string& lang) {
  std::string tag = lang;
  std::replace(tag.begin(), tag.end(), '-', '_');
  std::vector<std::string> out;
  while (!tag.empty()) {
    out.push_back(tag);
    const std::size_t underscore = tag.rfind('_');
    if (underscore == std::string::npos) break;
    tag.resize(underscore);
  }
  return out;
}

/// The pattern file for `lang` in `dirs`, or "".
std::string find_dictionary(const std::vector<std::string>& dirs, const std::string& lang) {
  namespace fs = std::filesystem;
  if (lang.empty()) return {};
  const std::vector<std::string> tries = stems(lang);
  for (const std::string& dir : dirs) {
    std::error_code ec;
    for (const std::string& stem : tries) {
      const fs::path p = fs::path(dir) / ("hyph_" + stem + ".dic");
      if (fs::is_regular_file(p, ec)) return p.string();
    }
    // Any regional variant of the primary language ("ru" → hyph_ru_RU.dic), in sorted order.
    std::vector<std::string> regional;
    const std::string prefix = "hyph_" + tries.back() + "_";
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (name.starts_with(prefix) && name.ends_with(".dic")) regional.push_back(it->path().string());
    }
    std::sort(regional.begin(), regional.end());
    if (!regional.empty()) return regional.front();
  }
  return {};
}

struct HyphenDictFree {
  void operator()(HyphenDict* d) const { hnj_hyphen_free(d); }
};
using HyphenDictPtr = std::unique_ptr<HyphenDict, HyphenDictFree>;

/// libhyphen's dictionary of the pattern file `path`, loaded from its text without repeated
/// patterns (without_repeated_patterns: libhyphen leaks memory on each repeat); null if the file
/// cannot be read.
HyphenDict* load_libhyphen(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream all;
  if (!(all << in.rdbuf())) return nullptr;
  std::string text = without_repeated_patterns(std::move(all).str());
  FILE* f = fmemopen(text.data(), text.size(), "r");
  if (f == nullptr) return nullptr;
  HyphenDict* dict = hnj_hyphen_load_file(f);
  std::fclose(f);
  return dict;
}

/// Whether every code point of `word` is a letter or a combining mark (PatternIndex's words).
bool letters_only(std::string_view word) {
  for (std::size_t i = 0; i < word.size();) {
    const UChar32 c = next_code_point(word, i);
    if (!u_isalpha(c) && u_charType(c) != U_NON_SPACING_MARK) return false;
  }
  return true;
}

/// Points of `word` (lower-cased: `lowered`) from libhyphen's dictionary `dict`.
std::vector<std::size_t> libhyphen_points(HyphenDict* dict, std::string_view word,
                                          const std::string& lowered, int left_min, int right_min) {
  std::vector<std::size_t> out;
  std::vector<char> hyphens(word.size() + kHyphenVectorExtra, '0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  const int size = static_cast<int>(lowered.size());
  const int failed = hnj_hyphen_hyphenate3(dict, lowered.c_str(), size, hyphens.data(), nullptr,
                                           &rep, &pos, &cut, left_min, right_min, kCompoundMin,
                                           kCompoundMin);
  // For a UTF-8 dictionary libhyphen's answer is indexed by code point (hnj_hyphen_norm):
  // `at` counts code points while `i` walks bytes.
  std::size_t at = 0;
  for (std::size_t i = 0; failed == 0 && i + 1 < word.size(); ++i) {
    if ((static_cast<unsigned char>(word[i + 1]) & 0xC0) == 0x80) continue;  // inside one
    const bool odd = (hyphens[at] - '0') % 2 == 1;
    const bool standard = rep == nullptr || rep[at] == nullptr;  // no spelling change (ck → k-k)
    if (odd && standard) out.push_back(i + 1);
    ++at;
  }
  if (rep != nullptr) {
    for (int i = 0; i < size; ++i) std::free(rep[i]);
    std::free(rep);
  }
  std::free(pos);
  std::free(cut);
  return out;
}

}  // namespace

/// A language's patterns: a PatternIndex when the file allows it (for words of letters), and
/// libhyphen's dictionary of the whole file — loaded at once for files the index refuses, on
/// first need (a word with other characters) otherwise.
struct Hyphenator::Dict {
  std::string path;
  std::string skipped;  ///< why a dictionary that exists was not loaded
  std::optional<PatternIndex> index;
  HyphenDictPtr whole;
  bool whole_tried = false;
  bool too_large_for_libhyphen = false;  ///< over kMaxPatternFileBytes: never given to libhyphen
  [[nodiscard]] bool usable() const { return index.has_value() || whole != nullptr; }
  HyphenDict* libhyphen() {
    if (!whole_tried && !too_large_for_libhyphen) whole.reset(load_libhyphen(path));
    whole_tried = true;
    return whole.get();
  }
};

WordCore hyphenatable_core(std::string_view word) {
  // Identifiers, links and addresses are never cut, even through their punctuation.
  for (std::size_t i = 0; i < word.size();) {
    const UChar32 c = next_code_point(word, i);
    if (u_isdigit(c) || c == '@' || c == '/' || c == ':' || c == '_') return {};
  }
  std::size_t begin = 0, end = word.size();
  // Trim punctuation and symbols at both ends.
  while (begin < word.size()) {
    std::size_t i = begin;
    if (u_isalpha(next_code_point(word, i))) break;
    begin = i;
  }
  while (end > begin) {
    std::size_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(word[start]) & 0xC0) == 0x80) --start;
    std::size_t i = start;
    if (u_isalpha(next_code_point(word, i))) break;
    end = start;
  }
  bool lower = false;
  for (std::size_t i = begin; i < end;) {
    const UChar32 c = next_code_point(word, i);
    if (!u_isalpha(c) && u_charType(c) != U_NON_SPACING_MARK) return {};
    lower = lower || u_islower(c);
  }
  if (!lower) return {};
  return {begin, end};
}

Hyphenator::Hyphenator(std::vector<std::string> dirs, std::string cache_dir)
    : dirs_(std::move(dirs)), cache_dir_(std::move(cache_dir)) {}
Hyphenator::~Hyphenator() = default;

Hyphenator::Dict* Hyphenator::dict_for(const std::string& lang) {
  auto& slot = dicts_[lang];
  if (!slot) {
    slot = std::make_unique<Dict>();
    slot->path = find_dictionary(dirs_, lang);
    std::error_code ec;
    const auto bytes = slot->path.empty() ? 0 : std::filesystem::file_size(slot->path, ec);
    // The pattern index reads any file up to kMaxIndexedPatternFileBytes in milliseconds;
    // libhyphen, for files the index refuses, only small ones (see kMaxPatternFileBytes).
    slot->too_large_for_libhyphen = !ec && bytes > kMaxPatternFileBytes;
    if (!slot->path.empty() && !ec && bytes <= kMaxIndexedPatternFileBytes)
      slot->index = read_patterns_cached(slot->path, cache_dir_);
    if (!slot->path.empty() && !slot->index) {
      if (slot->too_large_for_libhyphen)
        slot->skipped = "its pattern file " + slot->path + " has " + std::to_string(bytes / 1024) +
                        " KiB, which libhyphen takes seconds to load";
      else
        slot->libhyphen();
    }
  }
  return slot.get();
}

std::string Hyphenator::skipped(const std::string& lang) {
  std::lock_guard lock(mutex_);
  return dict_for(lang)->skipped;
}

std::string Hyphenator::dictionary_path(const std::string& lang) {
  std::lock_guard lock(mutex_);
  const Dict* d = dict_for(lang);
  return d->usable() ? d->path : std::string{};
}

std::vector<std::size_t> Hyphenator::points(std::string_view word, const std::string& lang,
                                            int left_min, int right_min) {
  std::vector<std::size_t> out;
  if (word.empty() || word.size() > kMaxWordBytes) return out;
  // Patterns are lower case; a word whose bytes change length when lowered is left alone.
  std::string lowered;
  icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())))
      .toLower(icu::Locale::getRoot())
      .toUTF8String(lowered);
  if (lowered.size() != word.size()) return out;

  std::lock_guard lock(mutex_);
  Dict* d = dict_for(lang);
  if (!d->usable()) return out;
  if (!d->index || !letters_only(lowered)) {
    HyphenDict* whole = d->libhyphen();
    return whole != nullptr ? libhyphen_points(whole, word, lowered, left_min, right_min) : out;
  }
  const std::vector<char> digits = d->index->digits(lowered, left_min, right_min);
  for (std::size_t i = 0; i + 1 < word.size(); ++i) {
    const bool boundary = (static_cast<unsigned char>(word[i + 1]) & 0xC0) != 0x80;
    if ((digits[i] - '0') % 2 == 1 && boundary) out.push_back(i + 1);
  }
  return out;
}

}  // namespace cvpdf::linebreak
