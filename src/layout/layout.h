// layout/layout.h — doc::Document → frame::Document: paragraphs to lines, blocks to pages.
//
// Takes the composed document, the theme, and a font store; gives positioned pages. The recipe
// (layout.cpp):
//   1. style   — each paragraph's spans get a text::Style from the theme role + inline flags;
//   2. shape   — each style run is shaped once (text::shape), glyphs keep their byte ranges;
//   3. break   — break opportunities from ICU (linebreak::find_breaks), lines fitted over
//                box/glue/penalty items (linebreak::fit);
//   4. stack   — blocks become vertical boxes with keep-together/keep-with-next marks;
//   5. paginate— boxes flow into pages: a section title is never last on a page, an entry's
//                first two lines stay together, page numbers go in the footer.
// Guarantees: deterministic; nothing drawn outside the page's text area except the footer (in
// the bottom margin) and Entry::marker labels (hanging in the left margin, as doc.h says);
// overfull lines are warnings naming the text, and the word is cut so it stays on the page.
// Limitations (for now): left-to-right text only; no hyphenation; lines are not reshaped at
// breaks HarfBuzz marks unsafe (breaks fall at spaces and CJK boundaries, where that is rare).
#pragma once

#include "core/diagnostics.h"
#include "doc/document.h"
#include "frame/frame.h"
#include "text/font_store.h"
#include "theme/theme.h"

namespace cvpdf::layout {

frame::Document layout_document(const doc::Document& doc, const theme::Theme& theme,
                                text::FontStore& fonts, core::Diagnostics& diags);

}  // namespace cvpdf::layout
