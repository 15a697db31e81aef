// layout/context.h — what every layout step shares: the theme, the fonts, the diagnostics and
// the document's font table (private to layout/; implemented in layout.cpp).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "doc/document.h"
#include "frame/frame.h"
#include "layout/layout.h"
#include "layout/tags.h"
#include "text/bidi.h"
#include "text/font_store.h"
#include "theme/theme.h"

namespace cvpdf::layout {

/// text::FaceId → index into frame::Document::fonts, assigned in first-use order so that the
/// same document always gives the same table (the map is keyed by id, never by pointer).
class FaceTable {
 public:
  /// The frame font index of `face`, adding it on first use. -1 for text::kNoFace.
  int index(const text::FontStore& fonts, text::FaceId face);
  [[nodiscard]] const std::vector<frame::FontFace>& faces() const { return faces_; }

 private:
  std::map<text::FaceId, int> index_;
  std::vector<frame::FontFace> faces_;
};

/// The shared state of one layout_document call.
struct Context {
  const theme::Theme& theme;
  text::FontStore& fonts;
  core::Diagnostics& diags;
  std::string doc_lang;  ///< doc::Document::lang, or "en" when empty
  FaceTable faces;
  LayoutOptions options = {};  ///< hyphenator, line reports, shaping cache
  linebreak::Hyphenator* hyphenator = nullptr;  ///< options.hyphenator
  std::set<std::string> hyphenation_noted;      ///< languages told they are not hyphenated
  StructBuilder tags;                           ///< the structure tree, in reading order
  text::Direction direction = text::Direction::Ltr;  ///< every paragraph's base direction
};

/// The document's language for layout ("en" when it states none), and every paragraph's base
/// direction for it under `theme` (theme.direction: ltr, rtl, or auto from the language).
std::string layout_language(const doc::Document& doc);
text::Direction layout_direction(const theme::Theme& theme, const std::string& lang);

/// The text area of a page (inside the margins), in page coordinates.
struct TextArea {
  core::Pt x = 0;
  core::Pt y = 0;
  core::Pt width = 0;
  core::Pt height = 0;
};

/// The text area of the theme's page.
TextArea text_area(const theme::PageSetup& page);

/// Mirrors `items` left to right inside [0, width]: an item spanning [x, x + w] moves to
/// [width − x − w, width − x]; glyph runs move as a whole (their glyphs keep their order).
/// A right-to-left document is laid out as if left to right, then every page is mirrored
/// (columns, dates, bullets, rules, photos); each line is mirrored once before, inside its own
/// extent, so that its pieces end up in their visual order (layout.h).
void mirror_items(std::vector<frame::Item>& items, core::Pt width);

}  // namespace cvpdf::layout
