// pdf/write_pdf.h — frame::Document → PDF bytes. The only module that uses PoDoFo.
//
// Takes a laid-out frame document; gives the bytes of a PDF 1.7 file. Guarantees:
// - every font is embedded as a subset (hb-subset) Type0/Identity-H font with /W widths and a
//   ToUnicode CMap derived from the glyphs' source text ranges, so text extraction returns the
//   source text exactly (ligatures as their letters, CJK as CJK, emoji as their code points);
// - links become /URI link annotations, Anchors become the outline (bookmarks);
// - frame::Structure becomes the structure tree of a tagged PDF (structure.h): marked content
//   with MCIDs, artifacts for everything else, /StructParents and /Tabs /S on pages;
// - Info (Title, Author, Subject, Creator, Producer, dates), an XMP packet saying the same
//   (xmp.h), the catalog /Lang, /MarkInfo and /ViewerPreferences /DisplayDocTitle are set;
// - the same input gives the same bytes: dates come from Metadata::date, subset tags from a
//   hash, /ID from a hash of the content, objects in a fixed order.
// Failures (unreadable font, PoDoFo error) are reported to `diags` and give an empty string.
#pragma once

#include <string>

#include "core/diagnostics.h"
#include "frame/frame.h"
#include "pdf/blob_store.h"

namespace cvpdf::pdf {

/// With `threads` > 1, the fonts are subset beside the images' encoding and the pages'
/// content streams written side by side on that many threads; with a `cache`, subset font
/// programs are kept between runs (program_cache.h). The bytes are the same either way.
std::string write_pdf(const frame::Document& doc, core::Diagnostics& diags, unsigned threads = 1,
                      BlobStore* cache = nullptr);

}  // namespace cvpdf::pdf
