// compose/entries.h — one function per RenderCV entry type (internal to compose/).
#pragma once

#include <vector>

#include "compose/spans.h"
#include "theme/theme.h"

namespace cvpdf::compose {

/// The blocks of one section's entries, in order.
std::vector<doc::Block> compose_entries(SpanContext& ctx, const i18n::ResolvedSection& section,
                                        const theme::Theme& theme);

}  // namespace cvpdf::compose
