// text/warm_up.h — opening a render's faces and loading their shaping tables ahead of time, on
// another thread (issue 9).
//
// Takes the FontStore, the styles the layout is about to shape with and a sample of the
// document's scripts; gives nothing back. What it does: for each style and each sample code
// point, shapes the code point as the layout would (text::shape, which walks the stack through
// itemize()), under a FontStore::QuietScope: the store answers only what it can quietly (a face
// asked for before, or the font index's answer), and a lookup it cannot ends that code point's
// shaping. That opens the faces and makes HarfBuzz load their cmap, GSUB/GPOS/GDEF and shape
// plans (en: ~6 M instructions, zh: ~10 M, most of them checking the layout tables on first
// use), work the render would otherwise do first thing in layout. Guarantees: it reports
// nothing and never makes a lookup the render would not make; the render's output and messages
// are the same with or without it; every object it touches is one the store shares between
// threads already (batch renders).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/font_store.h"
#include "text/shape.h"

namespace cvpdf::text {

/// A few code points of the scripts text in `lang` is written in (always a Latin letter; a Han
/// character for zh, ja and ko, kana, hangul, Arabic, Hebrew, Cyrillic, Greek letters…), UTF-8.
std::string script_sample(const std::string& lang);

/// Opens and warms the faces `styles` use for the code points of `sample` (UTF-8).
void warm_up(FontStore& fonts, const std::vector<Style>& styles, std::string_view sample);

}  // namespace cvpdf::text
