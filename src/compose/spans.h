// compose/spans.h — building inline spans from resolved strings (internal to compose/).
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "doc/document.h"
#include "i18n/resolve.h"

namespace cvpdf::compose {

/// The inline context a field is composed in: bold keywords, diagnostics.
struct SpanContext {
  const i18n::Resolved& cv;
  core::Diagnostics& diags;
};

/// Markdown field → spans (links checked, bold keywords applied).
std::vector<doc::Span> md(SpanContext& ctx, const profile::Str& s);

/// Markdown field → one span list per Markdown paragraph.
std::vector<std::vector<doc::Span>> md_paragraphs(SpanContext& ctx, const profile::Str& s);

/// Literal text (no markup) as one span.
doc::Span plain(const std::string& text, const core::SourceLoc& loc = {});

/// A link span: text shown, target URI; unbreakable. Drops an unsafe scheme with a warning.
doc::Span link(SpanContext& ctx, const std::string& text, const std::string& uri,
               const core::SourceLoc& loc);

/// True for the link schemes a CV may carry: http, https, mailto.
bool allowed_uri(const std::string& uri);

/// Appends `more` to `out`.
void append(std::vector<doc::Span>& out, std::vector<doc::Span> more);

/// A paragraph with one role.
doc::Paragraph para(doc::Role role, std::vector<doc::Span> spans,
                    doc::Align align = doc::Align::Left);

}  // namespace cvpdf::compose
