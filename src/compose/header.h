// compose/header.h — the top of the CV (internal to compose/).
#pragma once

#include <vector>

#include "compose/spans.h"
#include "theme/theme.h"

namespace cvpdf::compose {

/// Name (heading level 1), headline, and the contact line (location, e-mails, phones,
/// websites, social networks, each a link where it has an address).
std::vector<doc::Block> compose_header(SpanContext& ctx, const theme::Theme& theme);

/// The contact items one per line (a sidebar's), each after its icon if the theme draws icons.
std::vector<doc::Block> compose_contact_column(SpanContext& ctx, const theme::Theme& theme);

}  // namespace cvpdf::compose
