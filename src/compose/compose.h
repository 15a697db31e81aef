// compose/compose.h — CV meaning → document blocks: the only code that knows both.
//
// Takes a resolved (one-language) CV and the theme; gives a doc::Document: the header (name,
// headline, contact line with links), then each section as a titled list of blocks, in the
// profile's order. Decides *what* goes where (which field is the entry title, what sits in the
// date column, how an author list reads, which words are bold) — never how big or where on the
// page (layout/). Guarantees: every user string appears (markup removed); only http, https and
// mailto links are kept (others dropped with a warning naming the field); names, dates, e-mails
// and URLs are marked unbreakable.
#pragma once

#include "core/diagnostics.h"
#include "doc/document.h"
#include "i18n/resolve.h"
#include "theme/theme.h"

namespace cvpdf::compose {

doc::Document compose_document(const i18n::Resolved& cv, const theme::Theme& theme,
                               core::Diagnostics& diags);

}  // namespace cvpdf::compose
