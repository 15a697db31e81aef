// profile/format.h — the profile format as data: the keys of each map, RenderCV's entry types
// and what kind of value each entry key holds. One table, read by the loader's schema walk
// (load.cpp, entries.cpp) and by the JSON Schema generator (schema.cpp), so the two cannot
// drift apart (tests/e2e/schema.sh checks them against each other on example profiles).
#pragma once

#include <string_view>
#include <vector>

#include "profile/model.h"

namespace cvpdf::profile::format {

using Names = std::vector<std::string_view>;

/// Keys of the top level, of `cv:`, of `settings:` and of a social network.
const Names& top_keys();
const Names& cv_keys();
const Names& settings_keys();
const Names& social_network_keys();
/// RenderCV's social networks (schema/models/cv/social_network.py).
const Names& social_networks();
/// Values of `settings.page_size`.
const Names& page_sizes();

/// One of RenderCV's entry types, as detected from an entry's keys.
struct EntryTypeInfo {
  EntryType type;
  std::string_view name;   ///< as in messages: "education"
  Names characteristic;    ///< keys no type tried earlier has: the first match decides
  Names required;
  Names allowed;
};
/// In the order RenderCV tries them (schema/models/cv/section.py); cvpdf adds `tag` and
/// `arxiv` to publications.
const std::vector<EntryTypeInfo>& entry_types();

/// What an entry key holds.
enum class Value {
  Text,       ///< a text: a scalar or a map of language tags to scalars
  TextList,   ///< a list of texts (authors, highlights)
  Str,        ///< one string that never translates (url, doi, arxiv)
  Date,       ///< `date`: YYYY[-MM[-DD]] or free text
  StartDate,  ///< YYYY[-MM[-DD]]
  EndDate,    ///< YYYY[-MM[-DD]] or `present`
};
Value value_of(std::string_view entry_key);

}  // namespace cvpdf::profile::format
