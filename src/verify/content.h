// verify/content.h — the text a page's content stream draws, in content order.
//
// Takes a page of a File; gives every glyph's text (through the font's ToUnicode CMap, or the
// /ActualText of the marked content around it, which replaces the glyphs it spans), where it
// starts and ends on the page, its font size, and the marked content it lies in (MCID,
// artifact). Interprets the text operators (BT ET Tf Td TD Tm T* TL Tc Tw Tz Ts Tj TJ ' "), the
// marked-content operators (BDC BMC EMC, properties inline or from /Properties) and q Q cm;
// every other operator is skipped with its operands. Bounded: operands per operator, q and
// marked-content nesting (core::limits::kMaxPdfNesting). Throws ReadError on damaged syntax.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "verify/cmap.h"
#include "verify/file.h"

namespace cvpdf::verify {

/// One drawn glyph (or one /ActualText replacing several).
struct TextItem {
  std::string text;      ///< UTF-8; empty if the code has no ToUnicode entry
  double x = 0, y = 0;   ///< origin on the page, user space (y up)
  double end_x = 0;      ///< x after the glyph's advance
  double size = 0;       ///< the font size on the page
  int mcid = -1;         ///< the innermost enclosing marked content's /MCID, or -1
  bool artifact = false; ///< inside /Artifact marked content
  bool actual = false;   ///< the text comes from /ActualText
  bool unmapped = false; ///< a glyph code the font's ToUnicode does not map
};

/// A page's text in content order and the MCIDs its marked content declares.
struct PageText {
  std::vector<TextItem> items;
  std::set<int> mcids;
};

/// A font as far as text extraction needs it: codes → text, codes → advance widths.
struct FontInfo {
  CMap cmap;
  bool has_to_unicode = false;
  bool two_byte = true;                         ///< Type0 (Identity-H): codes by the codespace
  double default_width = 1000;                  ///< /DW, thousandths of an em
  std::map<std::uint32_t, double> widths;       ///< /W, /Widths
  std::vector<std::pair<std::pair<std::uint32_t, std::uint32_t>, double>> width_ranges;
  [[nodiscard]] double width(std::uint32_t code) const;
};

/// Reads fonts once per document (by object number) and interprets pages.
class ContentReader {
 public:
  explicit ContentReader(File& file) : file_(file) {}
  /// The text of page `page` (0-based index into File::pages()). Throws ReadError.
  PageText read(const PageRef& page, int index);

 private:
  const FontInfo& font(const Object& ref);
  File& file_;
  std::map<int, std::unique_ptr<FontInfo>> fonts_;
};

}  // namespace cvpdf::verify
