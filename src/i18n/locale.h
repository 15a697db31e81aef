// i18n/locale.h — language tags and CLDR data through ICU: dates, date ranges, lists.
//
// Takes a profile language tag ("en", "zh", "zh-Hant", "ja") and the locale files' catalog
// (i18n/catalog.h, for "present" and the open-ended range, which CLDR lacks); gives the
// document's BCP 47 tag, formatted dates (CLDR month names and digits: "Sept. 2023",
// "2023年9月", "٢٠٢٣"), date ranges (ICU DateIntervalFormat: "Sep 2023 – Jun 2025",
// "2023年9月至2025年6月", "2019–2023年") and joined lists (ICU ListFormatter).
// Knows nothing of fonts or YAML.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include <vector>

#include "i18n/catalog.h"
#include "i18n/date_memo.h"
#include "profile/model.h"

namespace cvpdf::i18n {

/// The BCP 47 tag written into the PDF and used to choose fonts: "zh" → "zh-Hans",
/// "zh-TW" → "zh-Hant"; others are returned as given.
std::string document_lang(const std::string& tag);

/// True if `text_tag` (a language-map key) serves `want` (a profile language): exact match,
/// or one is a prefix of the other at a subtag boundary ("zh" ↔ "zh-Hans").
bool tag_matches(const std::string& text_tag, const std::string& want);

/// Dates in one language's CLDR forms, through ICU; the ICU objects are made once per
/// formatter, on its first question the memo cannot answer (use one per document, not one per
/// date). Not shared between threads, nor is its memo.
class DateFormatter {
 public:
  /// `memo`, if given, answers what ICU answered before and remembers ICU's new answers; it
  /// must outlive the formatter and be of the same language.
  DateFormatter(const std::string& lang, const LocaleCatalog& locales, DateMemo* memo = nullptr);
  ~DateFormatter();
  DateFormatter(const DateFormatter&) = delete;
  DateFormatter& operator=(const DateFormatter&) = delete;
  /// "Jun 2025" / "2025年6月" for year+month, "2025" for a year alone, the locale file's
  /// "present" ("至今") for an open end.
  [[nodiscard]] std::string date(const profile::Date& d) const;
  /// A closed range through ICU's DateIntervalFormat (shared parts written once: "Sep – Dec
  /// 2023"); a start and end of different precision through CLDR's interval fallback pattern;
  /// an open end through the locale file's `ongoing` pattern ("Sep 2023 – present",
  /// "2023年9月至今"); a lone start or end as a single date.
  [[nodiscard]] std::string range(const profile::Date& start, const profile::Date& end) const;
  /// The month written out, as a "last updated" line says it: "November 2025", "2025年11月",
  /// "November 2025" (de), "نوفمبر ٢٠٢٥" (CLDR skeleton yMMMM).
  [[nodiscard]] std::string month_year(int year, int month) const;

 private:
  [[nodiscard]] std::string icu_format(const char* skeleton, int year, int month) const;
  [[nodiscard]] std::string icu_interval(const char* skeleton, const profile::Date& a,
                                         const profile::Date& b) const;
  [[nodiscard]] std::string fallback_range(const std::string& a, const std::string& b) const;
  /// The memo's answer to `question`, else ask_icu()'s, remembered.
  [[nodiscard]] std::string memoized(const std::string& question,
                                     const std::function<std::string()>& ask_icu) const;
  struct Impl;
  /// The ICU objects, made on first use.
  [[nodiscard]] Impl& icu() const;
  std::string lang_;
  const LocaleCatalog& locales_;
  DateMemo* memo_;
  mutable std::unique_ptr<Impl> impl_;
};

/// "A, B, and C" / "A、B和C" / "A, B und C": CLDR's list pattern (ICU ListFormatter, type
/// "and", standard width). Not used for author lists: bibliographies join authors with
/// commas in every language (see README, "Languages").
std::string join_list(const std::vector<std::string>& items, const std::string& lang);

/// Upper case by the language's rules (ICU full case mapping: ß → SS, Turkish dotted i).
std::string to_upper(const std::string& text, const std::string& lang);

}  // namespace cvpdf::i18n
