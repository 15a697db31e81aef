// cli/locales.h — the built-in locale files (data/locales/*.yaml, compiled in).
//
// Takes the texts cmake/EmbedFiles.cmake compiled into the binary; gives them parsed, as the
// i18n::LocaleCatalog the pipeline's resolve step reads (i18n parses no YAML). Guarantees: the
// catalog is parsed once, on first use, and is read-only afterwards (safe to share between
// the threads of a batch render). A shipped file that does not parse is a bug: the unit tests
// parse every file and check that each gives every phrase key.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "i18n/catalog.h"

namespace cvpdf::cli {

/// (tag, YAML text) of every shipped locale file. Generated (build/generated/).
std::vector<std::pair<std::string, std::string>> builtin_locale_texts();

/// (tag, packed tree) of every shipped locale file (theme/packed_yaml.h), packed at build time
/// from the same files; the catalogs are read from these. Generated (build/generated/).
std::vector<std::pair<std::string, std::string>> builtin_locale_trees();

/// Parses one locale file; problems are located in `file`.
i18n::LocaleData parse_locale(const std::string& tag, const std::string& text,
                              const std::string& file, core::Diagnostics& diags);
/// The same from the file's packed tree; problems name `file` without a line.
i18n::LocaleData parse_locale_tree(const std::string& tag, std::string_view tree,
                                   const std::string& file, core::Diagnostics& diags);

/// Every built-in locale file, parsed once.
const i18n::LocaleCatalog& builtin_locales();

/// The built-in files a render in `lang` can read — those of its primary language and English
/// (LocaleCatalog::find never goes further) — parsed once per primary language. Gives the same
/// answers for `lang` as builtin_locales(), without parsing the other files (~1.3 M
/// instructions each with yaml-cpp).
const i18n::LocaleCatalog& builtin_locales_for(const std::string& lang);

}  // namespace cvpdf::cli
