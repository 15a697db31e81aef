// tests/unit/pdf/pdf_test_support.h — fixtures for the pdf/ tests: real fonts, shaping with
// HarfBuzz (so the glyph ids are real), running the PDF tools the way readers do.
//
// Takes font paths (fonts/ under the source tree if present, else Debian's Noto packages);
// gives frame::GlyphRuns shaped exactly as layout would shape them, temp files and tool output.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "frame/frame.h"

struct hb_font_t;  // HarfBuzz, declared here to keep <hb.h> out of the tests

namespace cvpdf::pdf::test {

/// A font for the tests: the frame face plus a HarfBuzz font for shaping.
class TestFont {
 public:
  /// Opens `path`; with a non-empty `ps_name`, finds the face of that PostScript name in a
  /// collection. `ok()` is false if the file or the face is missing.
  TestFont(const std::string& path, const std::string& ps_name);
  ~TestFont();
  [[nodiscard]] bool ok() const { return font_ != nullptr; }
  [[nodiscard]] const frame::FontFace& face() const { return face_; }
  /// Shapes `text` into a run of font index `font` at `size`, pen at `origin` (y-down).
  [[nodiscard]] frame::GlyphRun shape(const std::string& text, int font, double size, core::Point origin) const;
  /// The advance of the run's glyphs, in points.
  static double width(const frame::GlyphRun& run);

 private:
  frame::FontFace face_;
  hb_font_t* font_ = nullptr;
  unsigned upem_ = 1000;
};

/// Latin: `CVPDF_SOURCE_DIR/fonts/NotoSerif-Regular.ttf` if present, else the Debian path.
std::string latin_font_path();
/// CJK collection: `fonts/NotoSansCJK-Regular.ttc` if present, else the Debian path.
std::string cjk_font_path();

/// Runs a shell command, returns its stdout; `status` gets the exit status.
std::string run(const std::string& cmd, int* status = nullptr);

/// Writes `bytes` to a fresh temp file named after `stem`; returns its path.
std::string write_temp(const std::string& stem, const std::string& bytes);

/// The lines of an extractor's output that hold text, without trailing blanks and form feeds.
std::vector<std::string> nonempty_lines(const std::string& s);

}  // namespace cvpdf::pdf::test
