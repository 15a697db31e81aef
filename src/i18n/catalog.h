// i18n/catalog.h — the locale files: phrases CLDR lacks and default section titles.
//
// Takes LocaleData values already read from `data/locales/<tag>.yaml` (cli/locales.cpp parses
// them; i18n parses no YAML); gives, for any profile language, the phrase or section title
// of the best-matching file: the exact tag, its document tag (zh → zh-Hans, zh-TW → zh-Hant),
// its primary language (de-AT → de), then English. Guarantees: a lookup never fails — a
// phrase missing everywhere comes back as its key, so a gap shows in the PDF, never crashes.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cvpdf::i18n {

/// One locale file.
struct LocaleData {
  std::string tag;                               ///< "en", "zh-Hans", …
  std::map<std::string, std::string> phrases;   ///< present, ongoing, expected, degree_with_area, cv
  std::map<std::string, std::string> sections;  ///< section_key(...) → title
};

/// The phrase keys every locale file must give (checked by the tests of the shipped files).
inline const std::vector<std::string>& phrase_keys() {
  static const std::vector<std::string> kKeys = {"present", "ongoing", "expected",
                                                 "degree_with_area", "cv"};
  return kKeys;
}

/// "Honors & Awards" → "honors_awards", "Work-Experience" → "work_experience": lower case
/// ASCII letters and digits, other runs of characters as one '_'.
std::string section_key(std::string_view key);

class LocaleCatalog {
 public:
  void add(LocaleData data);
  /// The file serving `lang` (see the header comment), or nullptr if the catalog is empty.
  [[nodiscard]] const LocaleData* find(const std::string& lang) const;
  /// The phrase `key` for `lang`, else English's, else `key` itself.
  [[nodiscard]] std::string phrase(const std::string& key, const std::string& lang) const;
  /// The title of section `key` (any spelling: normalised by section_key) in `lang` only:
  /// no English fallback (a profile's own key reads better than a foreign title).
  [[nodiscard]] std::optional<std::string> section_title(std::string_view key,
                                                         const std::string& lang) const;
  [[nodiscard]] std::vector<std::string> tags() const;

 private:
  std::map<std::string, LocaleData> by_tag_;
};

}  // namespace cvpdf::i18n
