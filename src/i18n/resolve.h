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
#include "profile/model.h"

namespace cvpdf::i18n {

using profile::Str;
using ResolvedEntry = profile::EntryT<Str>;
using ResolvedSection = profile::SectionT<Str>;
using ResolvedCv = profile::CvT<Str>;

struct Resolved {
  std::string lang;           ///< the profile's tag for this language ("en", "zh")
  std::string document_lang;  ///< BCP 47 for the PDF and fonts ("en", "zh-Hans")
  ResolvedCv cv;
  /// Every way the person's name is written in any language: author-list highlighting.
  std::vector<std::string> self_names;
  std::vector<Str> bold_keywords;
};

/// The languages a profile offers: `settings.languages`, else the tags used in its texts,
/// else {"en"}.
std::vector<std::string> profile_languages(const profile::Profile& p);

Resolved resolve(const profile::Profile& p, const std::string& lang, core::Diagnostics& diags);

}  // namespace cvpdf::i18n
