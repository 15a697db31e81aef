// i18n/locale.h — language tags and locale data: dates from CLDR through ICU, a few phrases.
//
// Takes a profile language tag ("en", "zh", "zh-Hant", "ja"); gives the document's BCP 47 tag,
// formatted dates and date ranges, and the phrases ICU lacks ("present", "expected").
// Knows nothing of fonts or YAML.
#pragma once

#include <memory>
#include <string>

#include "profile/model.h"

namespace cvpdf::i18n {

/// The BCP 47 tag written into the PDF and used to choose fonts: "zh" → "zh-Hans",
/// "zh-TW" → "zh-Hant"; others are returned as given.
std::string document_lang(const std::string& tag);

/// True if `text_tag` (a language-map key) serves `want` (a profile language): exact match,
/// or one is a prefix of the other at a subtag boundary ("zh" ↔ "zh-Hans").
bool tag_matches(const std::string& text_tag, const std::string& want);

/// Dates in one language's CLDR forms, through ICU; the ICU objects are made once per
/// formatter (use one per document, not one per date).
class DateFormatter {
 public:
  explicit DateFormatter(const std::string& lang);
  ~DateFormatter();
  DateFormatter(const DateFormatter&) = delete;
  DateFormatter& operator=(const DateFormatter&) = delete;
  /// See format_date.
  [[nodiscard]] std::string date(const profile::Date& d) const;
  /// See format_range.
  [[nodiscard]] std::string range(const profile::Date& start, const profile::Date& end) const;

 private:
  [[nodiscard]] std::string icu_format(const char* skeleton, int year, int month) const;
  struct Impl;
  std::string lang_;
  std::unique_ptr<Impl> impl_;
};

/// A date in the language's CLDR form: "Jun 2025" / "2025年6月" for year+month, "2025" for a
/// year alone; "present" / "至今" for an open end.
std::string format_date(const profile::Date& d, const std::string& lang);

/// "2019 – 2023", "Sep 2023 – present", "Jun 2025" (start only or a single date).
std::string format_range(const profile::Date& start, const profile::Date& end,
                         const std::string& lang);

/// Phrases ICU has no data for. Keys: "present", "expected", "degree_with_area" (with
/// {degree} and {area} placeholders), "cv".
std::string phrase(const std::string& key, const std::string& lang);

/// Upper case by the language's rules (ICU full case mapping: ß → SS, Turkish dotted i).
std::string to_upper(const std::string& text, const std::string& lang);

}  // namespace cvpdf::i18n
