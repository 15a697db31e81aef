// pdf/content.h — one frame page → the operators of its PDF content stream.
//
// Takes a frame::Page (y-down, points), the embedded fonts and their ToUnicode maps; gives the
// content stream text (y-up: y_pdf = page height − y) and the fonts the page uses. Glyph runs
// become `BT /Fn size Tf r g b rg x y Td [<codes> adj …] TJ ET`, with TJ adjustments computed in
// exact integers from the same rounded widths as /W, `Ts` for vertical offsets, and a
// `/Span <</ActualText …>> BDC … EMC` wrapper when ToUnicode alone would extract the wrong text.
// Lines become `m l S`, fills `re f` (rounded: four Bézier corners), images `q clip cm /ImN Do Q`
// cropped to a centred square and clipped to a circle or that square. A run with its own
// actual_text (an icon, a hyphenated word's parts) is wrapped in /ActualText with that text.
// Links and anchors are not painted (write_pdf.cpp).
// Tagging: a run or image that is content of the structure tree (an owner in `tags`) is a
// marked-content sequence `/Tag <</MCID n>> BDC … EMC`, MCIDs numbered from 0 per page in
// stream order; footers are `/Artifact <</Type /Pagination /Subtype /Footer>> BDC … EMC`, and
// everything else (rules, fills, unowned items) `/Artifact BMC … EMC`.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "frame/frame.h"
#include "pdf/fonts.h"
#include "pdf/text_layer.h"

namespace cvpdf::pdf {

/// What the structure tree needs to know of a page's content: for each content id, its owning
/// element's tag name (nullptr: not in the tree, an artifact).
struct ContentTags {
  std::vector<const char*> owner_tag;
  [[nodiscard]] const char* tag(int content) const {
    return content >= 0 && static_cast<std::size_t>(content) < owner_tag.size()
               ? owner_tag[static_cast<std::size_t>(content)]
               : nullptr;
  }
};

/// The content stream of one page and what its resources must hold.
struct PageContent {
  std::vector<int> mcid_content;  ///< MCID → content id, for the ParentTree
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
                         const ImageNames& images = {}, const ContentTags& tags = {});

}  // namespace cvpdf::pdf
