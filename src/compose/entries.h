// compose/entries.h — one function per RenderCV entry type (internal to compose/).
#pragma once

#include <vector>

#include "compose/spans.h"

namespace cvpdf::compose {

/// The blocks of one section's entries, in order.
/// (Spacing between entries is layout's: theme.spacing.between_entries.)
std::vector<doc::Block> compose_entries(SpanContext& ctx, const i18n::ResolvedSection& section);

}  // namespace cvpdf::compose
