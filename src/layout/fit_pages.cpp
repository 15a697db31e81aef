// layout/fit_pages.cpp — bisection over the shrink of spacing, leading and size (fit_pages.h).
#include "layout/fit_pages.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <variant>

namespace cvpdf::layout {
namespace {

/// Bisection steps over t ∈ [0, 3]: 3 / 2⁸ ≈ 0.012 of a stage, finer than any visible change.
constexpr int kBisectionSteps = 8;
/// The three stages of shrinking: spacing, leading, size.
constexpr double kStages = 3;

/// The factors for shrink parameter t (see fit_pages.h).
FitOutcome factors(const theme::FitBounds& b, double t) {
  auto stage = [&](double from, double min) {
    const double u = std::clamp(t - from, 0.0, 1.0);
    return 1 - u * (1 - min);
  };
  FitOutcome f;
  f.spacing = stage(0, b.min_spacing);
  f.leading = stage(1, b.min_leading);
  f.size = stage(2, b.min_size);
  return f;
}

/// How far the content of pages after the first `max_pages` reaches, in points of text area.
double overflow(const frame::Document& d, const theme::Theme& theme, int max_pages) {
  double total = 0;
  for (std::size_t p = static_cast<std::size_t>(max_pages); p < d.pages.size(); ++p) {
    double bottom = theme.page.margin_top;
    for (const frame::Item& item : d.pages[p].items)
      if (const auto* r = std::get_if<frame::GlyphRun>(&item))
        if (r->origin.y < theme.page.height - theme.page.margin_bottom)  // not the footer
          bottom = std::max(bottom, r->origin.y);
    total += bottom - theme.page.margin_top;
  }
  return total;
}

std::string fixed(double v, int digits) {
  char buf[32];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, digits);
  return std::string(buf, res.ptr);
}

/// Adds `from`'s diagnostics that `to` does not hold yet.
void merge_new(core::Diagnostics& to, const core::Diagnostics& from) {
  for (const core::Diagnostic& d : from.all()) {
    const bool seen = std::any_of(to.all().begin(), to.all().end(), [&](const core::Diagnostic& x) {
      return x.message == d.message && x.loc.line == d.loc.line && x.loc.col == d.loc.col;
    });
    if (!seen) to.add(d);
  }
}

}  // namespace

theme::Theme shrink_theme(const theme::Theme& theme, double spacing, double leading, double size) {
  theme::Theme t = theme;
  theme::Spacing& s = t.spacing;
  for (core::Pt* v : {&s.after_name, &s.after_headline, &s.after_header, &s.section_above,
                      &s.section_below, &s.between_entries, &s.paragraph})
    *v *= spacing;
  for (auto& [role, style] : t.styles) {
    style.leading *= leading;
    style.size *= size;
  }
  return t;
}

frame::Document layout_to_pages(const doc::Document& doc, const theme::Theme& theme,
                                text::FontStore& fonts, core::Diagnostics& diags,
                                const LayoutOptions& options, FitOutcome* outcome) {
  const int max_pages = theme.fit.max_pages;
  frame::Document first = layout_document(doc, theme, fonts, diags, options);
  FitOutcome result;
  result.pages = static_cast<int>(first.pages.size());
  if (max_pages <= 0 || result.pages <= max_pages) {
    if (outcome != nullptr) *outcome = result;
    return first;
  }
  LayoutOptions quiet = options;
  quiet.lines = nullptr;  // trials report no lines
  auto trial = [&](double t, core::Diagnostics& d, const LayoutOptions& o) {
    const FitOutcome f = factors(theme.fit, t);
    return layout_document(doc, shrink_theme(theme, f.spacing, f.leading, f.size), fonts, d, o);
  };
  double lo = 0, hi = kStages;  // lo never fits; hi is tried below
  core::Diagnostics scratch;
  frame::Document smallest = trial(hi, scratch, quiet);
  const bool fits = static_cast<int>(smallest.pages.size()) <= max_pages;
  for (int step = 0; fits && step < kBisectionSteps; ++step) {
    const double mid = (lo + hi) / 2;
    core::Diagnostics d;
    (static_cast<int>(trial(mid, d, quiet).pages.size()) <= max_pages ? hi : lo) = mid;
  }
  core::Diagnostics final_diags;
  frame::Document out = trial(hi, final_diags, options);
  merge_new(diags, final_diags);
  result = factors(theme.fit, hi);
  result.pages = static_cast<int>(out.pages.size());
  result.fits = fits;
  if (fits) {
    diags.note({}, "fitted in " + std::to_string(out.pages.size()) + " page" +
                       (out.pages.size() == 1 ? "" : "s") + " (from " +
                       std::to_string(first.pages.size()) + "): spacing ×" +
                       fixed(result.spacing, 2) + ", leading ×" + fixed(result.leading, 2) +
                       ", font size ×" + fixed(result.size, 2));
  } else {
    diags.error(theme.fit.max_pages_loc,
                "the CV does not fit in " + std::to_string(max_pages) + " page" +
                    (max_pages == 1 ? "" : "s") + ": at the smallest the theme allows it takes " +
                    std::to_string(out.pages.size()) + " pages, overflowing by " +
                    fixed(overflow(out, theme, max_pages), 0) + " pt of text",
                "allow more pages (--max-pages, settings.max_pages), shorten the profile, or lower "
                "the theme's fit bounds "
                "(fit.min_spacing, fit.min_leading, fit.min_size)");
  }
  if (outcome != nullptr) *outcome = result;
  return out;
}

}  // namespace cvpdf::layout
