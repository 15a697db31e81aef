// layout/fit_pages.h — laying a document out in at most N pages (`--max-pages`).
//
// Takes a composed document, a theme whose fit.max_pages > 0 and the layout options; gives the
// frames of the least-shrunk design that fits, shrinking in this order, each within the
// theme's declared bounds (theme::FitBounds): vertical spacing, then leading, then font sizes.
// The shrink is a single parameter t ∈ [0, 3] (0–1 spacing, 1–2 leading, 2–3 size), found by
// bisection, since more shrink never gives more pages. Shaping is memoised across the trials
// (options.shape_cache), so only a change of size shapes text again.
// If even the smallest design takes more pages, the result is that smallest design and an
// error says by how much it overflows.
#pragma once

#include "layout/layout.h"

namespace cvpdf::layout {

/// How much fitting shrank the design (1 = unchanged).
struct FitOutcome {
  double spacing = 1;
  double leading = 1;
  double size = 1;
  int pages = 0;      ///< pages of the result
  bool fits = true;
};

frame::Document layout_to_pages(const doc::Document& doc, const theme::Theme& theme,
                                text::FontStore& fonts, core::Diagnostics& diags,
                                const LayoutOptions& options, FitOutcome* outcome = nullptr);

/// The theme with spacing, leading and sizes multiplied by the given factors (exposed for
/// tests).
theme::Theme shrink_theme(const theme::Theme& theme, double spacing, double leading, double size);

}  // namespace cvpdf::layout
