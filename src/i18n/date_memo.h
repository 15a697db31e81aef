// i18n/date_memo.h — dates ICU has formatted, remembered between runs (issue 9).
//
// Takes what DateFormatter asked ICU (a skeleton and a date, two dates for a range, the
// interval fallback pattern) and ICU's answer; gives the answer back without ICU on a later
// run. Why: ICU's DateTimePatternGenerator and DateIntervalFormat load a large part of CLDR for
// a language; for the seed CV in English that was 6.6 M instructions and about 2.5 MiB of
// resident pages, an eighth of the process. A run whose dates are all remembered never builds
// them. Plain data: cli/ reads and writes the file (one per language, in the cache folder).
// Guarantees: an answer is only ever what ICU gave for the same question in the same language
// with the same ICU version and memo format; bytes that are not a whole memo of this language,
// ICU and format (first line), with a matching checksum (last line), are ignored as a whole.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

namespace cvpdf::i18n {

/// The format of a memo's bytes and of DateFormatter's questions. Change it when DateFormatter
/// would ask ICU differently or turn its answers into other text.
inline constexpr std::string_view kDateMemoFormat = "cvpdf dates 1";
/// The most answers a memo keeps (a 1 000-entry CV asks about 2 000 questions).
inline constexpr std::size_t kMaxDateMemoEntries = 20000;
/// The largest memo file read.
inline constexpr std::size_t kMaxDateMemoBytes = 2 * 1024 * 1024;

class DateMemo {
 public:
  explicit DateMemo(std::string lang) : lang_(std::move(lang)) {}
  /// A memo from a file's bytes: its answers if the bytes are a valid memo for `lang` (this
  /// ICU, this format), else an empty memo.
  static DateMemo parse(std::string_view bytes, const std::string& lang);

  /// ICU's answer to `question`, or nullptr.
  [[nodiscard]] const std::string* find(const std::string& question) const;
  /// Remembers an answer (not one with a tab or a line break, nor past kMaxDateMemoEntries).
  void add(const std::string& question, const std::string& answer);
  /// True once an answer was added since parse(): the file is worth writing.
  [[nodiscard]] bool changed() const { return changed_; }
  [[nodiscard]] std::size_t size() const { return answers_.size(); }
  [[nodiscard]] const std::string& lang() const { return lang_; }
  /// The file's bytes: the header line, a line per answer (question, tab, answer), a checksum.
  [[nodiscard]] std::string to_bytes() const;

 private:
  std::string lang_;
  std::map<std::string, std::string, std::less<>> answers_;
  bool changed_ = false;
};

/// The memo file of `lang` in `cache_dir`: `<cache_dir>/dates-<hash of lang>.memo`.
std::string date_memo_file(const std::string& cache_dir, const std::string& lang);

}  // namespace cvpdf::i18n
