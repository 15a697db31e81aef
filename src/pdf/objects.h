// pdf/objects.h — PoDoFo objects for fonts, links and the outline (the hand-built parts).
//
// Takes values prepared by the PoDoFo-free files (EmbeddedFont, ToUnicode text, frame links
// and anchors); gives PDF objects in a fixed creation order, so object numbers are stable.
// Fonts are built by hand as Type0/Identity-H (never PoDoFo's font classes, which take text,
// not glyphs); annotations and outline items are plain dictionaries, which avoids PoDoFo's
// wall-clock /M stamp, its orphan destination arrays and its missing /Count.
#pragma once

#include <string>
#include <vector>

#include <podofo/podofo.h>

#include "frame/frame.h"
#include "pdf/fonts.h"
#include "pdf/structure.h"

namespace cvpdf::pdf {

/// A number written exactly as fmt_num writes it (3 decimals at most, never an exponent).
PoDoFo::PdfObject pdf_number(double v);

/// A PDF text string object: UTF-16BE with BOM, written as a hex string.
PoDoFo::PdfString text_string(const std::string& utf8);

/// Adds the Type0 font, its CIDFont, descriptor and font program (or, for a colour bitmap face,
/// the Type 3 font of empty glyphs), with `to_unicode` — a ToUnicode stream that may be shared
/// with other fonts (text_layer.h, share_text_maps); returns the font's reference (for page
/// resources).
PoDoFo::PdfReference add_font(PoDoFo::PdfVecObjects& objs, const EmbeddedFont& f,
                              const PoDoFo::PdfReference& to_unicode);

/// `uri` with every byte outside printable ASCII, space, and the ASCII characters RFC 3986
/// excludes (`"<>\^`{|}`) percent-encoded (RFC 3987 §3.1).
std::string ascii_uri(const std::string& uri);

/// Adds a /Link annotation with a /URI action (and the URI as /Contents, its description) for
/// every frame::Link of `page` (page number `page_index`). A link that is content of the
/// structure tree (`tags`) gets /StructParent `next_key` (then incremented) and is added to
/// `marks`.
void add_links(PoDoFo::PdfVecObjects& objs, PoDoFo::PdfPage& pdf_page, const frame::Page& page,
               std::size_t page_index, const ContentTags& tags, long& next_key, std::vector<AnnotMark>& marks);

/// One bookmark: an Anchor and the page it is on.
struct OutlineEntry {
  std::string title;  ///< UTF-8
  int level = 1;
  PoDoFo::PdfReference page;
  double left = 0;  ///< PDF user space (y-up)
  double top = 0;
};

/// Builds /Outlines from the entries (level n+1 nests under the previous level ≤ n) and sets
/// /PageMode /UseOutlines. Does nothing for an empty list.
void add_outline(PoDoFo::PdfVecObjects& objs, PoDoFo::PdfObject& catalog, const std::vector<OutlineEntry>& entries);

}  // namespace cvpdf::pdf
