// pdf/content.h — one frame page → the operators of its PDF content stream.
//
// Takes a frame::Page (y-down, points), the embedded fonts and their ToUnicode maps; gives the
// content stream text (y-up: y_pdf = page height − y) and the fonts the page uses. Glyph runs
// become `BT /Fn size Tf r g b rg x y Td [<codes> adj …] TJ ET`, with TJ adjustments computed in
// exact integers from the same rounded widths as /W, `Ts` for vertical offsets, and a
// `/Span <</ActualText …>> BDC … EMC` wrapper when ToUnicode alone would extract the wrong text.
// Lines become `m l S`, fills `re f` (rounded: four Bézier corners), images `q clip cm /ImN Do Q`
// cropped to a centred square and clipped to a circle or that square. A run with its own
// actual_text (an icon) is wrapped in /ActualText with that text. Links and anchors are not painted (document.cpp).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "frame/frame.h"
#include "pdf/fonts.h"
#include "pdf/text_layer.h"

namespace cvpdf::pdf {

/// The content stream of one page and what its resources must hold.
struct PageContent {
  std::string ops;          ///< content stream operators (uncompressed)
  std::set<int> fonts;      ///< indices into FontTable::fonts used on this page
  int actual_text_runs = 0; ///< runs wrapped in /ActualText
  bool bad_ranges = false;  ///< some glyph text range was out of bounds (text ignored)
  std::set<std::string> images;  ///< image resource names used on this page (/Im1, …)
};

/// Resource names of the embedded images, by their bytes' address (images.h).
using ImageNames = std::map<const std::string*, std::string>;

/// Writes the page's glyph runs, lines and fills in frame order.
PageContent page_content(const frame::Page& page, const FontTable& fonts, const std::vector<TextMap>& maps,
                         const ImageNames& images = {});

}  // namespace cvpdf::pdf
