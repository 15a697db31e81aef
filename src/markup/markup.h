// markup/markup.h — Markdown in CV text fields → styled doc spans, with cmark (CommonMark).
//
// Takes the text of one field (RenderCV allows **bold**, *italic*, [links](url), `code`) and its
// location; gives paragraphs of doc::Span. Guarantees: the text of the spans is the visible text
// (markup removed, nothing else changed: no smart quotes, so the PDF's text layer matches what
// the user typed); soft line breaks become spaces; raw HTML is kept as literal text with a
// warning; link targets are kept as written (compose/ decides which schemes are allowed).
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "doc/document.h"

namespace cvpdf::markup {

/// One paragraph's spans per Markdown paragraph (or list item / heading, flattened).
std::vector<std::vector<doc::Span>> parse_markdown(const std::string& text,
                                                   const core::SourceLoc& loc,
                                                   core::Diagnostics& diags);

/// All paragraphs joined by a space: for fields shown on one line (titles, names, details).
std::vector<doc::Span> parse_inline(const std::string& text, const core::SourceLoc& loc,
                                    core::Diagnostics& diags);

}  // namespace cvpdf::markup
