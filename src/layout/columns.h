// layout/columns.h — the page's columns: one text column, or a main column and a tinted sidebar
// (step 4–5 of layout.h's recipe when theme.sidebar.enabled; private to layout/).
//
// Takes the document's main and sidebar blocks; gives pages with both columns flowed, each
// paginated on its own. Guarantees the reading order of the content stream, per page: the
// sidebar's tint first (a fill, no text), then the main column's items whole, then the
// sidebar's — so text extractors that follow the stream (mutool, ATS parsers) never interleave
// the two columns line by line, and with the sidebar on the right, extractors that sort by
// position (pdftotext) read the same order. The footer is centred on the main column.
#pragma once

#include <vector>

#include "doc/document.h"
#include "frame/frame.h"
#include "layout/context.h"

namespace cvpdf::layout {

/// The main column's text area (the whole text area without a sidebar).
TextArea main_column(const theme::Theme& theme);
/// The sidebar's text area (inside the tint and its padding).
TextArea sidebar_column(const theme::Theme& theme);

/// Stacks and paginates `doc` into pages, with the sidebar when the theme has one.
std::vector<frame::Page> flow_columns(Context& ctx, const doc::Document& doc);

}  // namespace cvpdf::layout
