// compose/arrange.h — which column a section goes to and how its entries are arranged, as the
// theme says (theme.sidebar, theme.entries, theme.publications).
//
// Takes a resolved section and the theme; gives its blocks: a section in
// theme.entries.compact_sections becomes a compact list (one line per entry: the title, then
// the date and place after a dash); a publication section may be numbered ("[n]" hanging in
// the margin, counting down when theme.publications.reverse) and grouped by year or by venue
// tag under small sub-headings. Everything else is compose_entries' work. Whether a section
// belongs in the sidebar is in_sidebar().
#pragma once

#include <vector>

#include "compose/spans.h"
#include "theme/theme.h"

namespace cvpdf::compose {

/// Whether the theme moves this section into its sidebar.
bool in_sidebar(const theme::Theme& theme, const i18n::ResolvedSection& section);

/// The section's entry blocks, arranged as the theme says (its title is the caller's).
std::vector<doc::Block> arrange_section(SpanContext& ctx, const theme::Theme& theme,
                                        const i18n::ResolvedSection& section);

}  // namespace cvpdf::compose
