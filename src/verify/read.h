// verify/read.h — a cvpdf PDF's text as an extractor reads it, and its structure tree's reach.
//
// Takes the bytes of a PDF; gives its Producer, its text in content-stream order page by page
// (glyphs through ToUnicode, /ActualText over the glyphs it spans), and whether its structure
// tree (if any) reaches every MCID of every page. Spaces come from space characters; where two
// glyphs on one line have no space character between them but a gap wider than kGapSpaceEm of
// the font size, the text holds kGapSpace (pdftotext and MuPDF print a space there; an
// extractor that reads characters only does not). A change of baseline starts a new line
// ('\n'), a new page '\f'. Throws ReadError for a damaged PDF (verify/file.h).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cvpdf::verify {

/// Marks a word boundary seen only as a gap between glyphs, not as a space character.
inline constexpr char kGapSpace = '\x01';
/// A gap wider than this fraction of the font size separates words (poppler's TextOutputDev
/// uses 0.1 of the font size as the smallest word-break space, `minWordBreakSpace`).
inline constexpr double kGapSpaceEm = 0.1;
/// Baselines further apart than this fraction of the font size are different lines.
inline constexpr double kNewLineEm = 0.5;

struct PdfText {
  std::string producer;                   ///< Info /Producer, as UTF-8
  std::string text;                       ///< all pages, '\f' between pages
  std::vector<std::size_t> page_starts;   ///< offset of each page's text in `text`
  std::vector<int> unmapped;              ///< per page: glyphs with no ToUnicode entry
  bool has_structure = false;             ///< the catalog has a /StructTreeRoot
  /// Per page: MCIDs drawn but not reachable from the structure tree, glyphs in no marked
  /// content that is neither tagged nor an artifact, MCIDs the tree names but the page lacks.
  std::vector<std::string> structure_problems;
  [[nodiscard]] int page_of(std::size_t offset) const;  ///< 1-based
};

/// Reads the text and structure of a PDF. Throws ReadError.
PdfText read_pdf(std::string_view bytes);

}  // namespace cvpdf::verify
