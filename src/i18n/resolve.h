// i18n/resolve.h — Profile (all languages) → Resolved (one language), ready to compose.
//
// Takes a loaded profile and a language tag from `settings.languages` (or any tag); gives the
// same CV with every Text reduced to one located string, and every entry's `date` field set to
// its display form (a CLDR date, a range with "present", or the free text as written).
// Guarantees: a text with no variant for the language falls back to the untagged variant, then
// to the profile's default language, with one warning naming the field's location; nothing is
// dropped silently.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "i18n/catalog.h"
#include "i18n/date_memo.h"
#include "profile/model.h"

namespace cvpdf::i18n {

using profile::Str;
using ResolvedEntry = profile::EntryT<Str>;
using ResolvedSection = profile::SectionT<Str>;
using ResolvedCv = profile::CvT<Str>;

struct Resolved {
  std::string lang;           ///< the profile's tag for this language ("en", "zh")
  std::string document_lang;  ///< BCP 47 for the PDF and fonts ("en", "zh-Hans")
  std::vector<std::string> languages;  ///< every language of the profile (profile_languages)
  ResolvedCv cv;
  /// Every way the person's name is written in any language: author-list highlighting.
  std::vector<std::string> self_names;
  std::vector<Str> bold_keywords;
  /// The document's date as a footer's {date} writes it ("November 2025"); empty: the
  /// document has no date (cli/ sets it: SOURCE_DATE_EPOCH or settings.current_date).
  std::string date_text;
  /// The locale files, for the phrases compose needs (never null after resolve()).
  const LocaleCatalog* locales = nullptr;

  /// A phrase of the locale file for this language ("cv", "degree_with_area"), see catalog.h.
  [[nodiscard]] std::string phrase(const std::string& key) const;
};

/// The languages a profile offers: `settings.languages`, else the tags used in its texts,
/// else {"en"}.
std::vector<std::string> profile_languages(const profile::Profile& p);

/// Resolves one language. A section written by key alone (`experience:`, no `title:`) takes
/// the locale file's title for that key in `lang` ("工作经历"), else the key as written.
/// `locales` must outlive the result. `memo`, if given, is the DateFormatter's (locale.h).
Resolved resolve(const profile::Profile& p, const std::string& lang, const LocaleCatalog& locales,
                 core::Diagnostics& diags, DateMemo* memo = nullptr);

/// Without locale files: phrases come back as their keys ("present"), section titles from the
/// keys. For tools that do not need them; the renderer passes cli's built-in catalog.
Resolved resolve(const profile::Profile& p, const std::string& lang, core::Diagnostics& diags);

}  // namespace cvpdf::i18n
