// text/itemize.h — splitting a text into runs of one face and one script (private to text/).
//
// Takes a UTF-8 text, a byte range in it and a resolved font stack; gives runs in logical
// order that together cover the range exactly. Each grapheme cluster (ICU) goes to the first
// face of the stack that covers all its code points (default-ignorables such as U+FE0F and
// U+200D need no glyph). Spaces, punctuation and stray combining marks are "neutral": they keep
// the face of the text before them (opening brackets and quotes: after them) when that face
// covers them, so a comma in Chinese text does not switch to the Latin font. A run also ends
// where the script changes (Common and Inherited characters join their neighbours; kana join
// Han), and where the bidi level changes (text/bidi.h: a run is shaped in one direction). A
// character no face covers is warned about once per call and drawn with the first face.
#pragma once

#include <hb.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "text/bidi.h"
#include "text/font_store.h"

namespace cvpdf::text {

/// The style's families, opened on first use: a family later in the stack (Hebrew after
/// Latin, CJK and Arabic) costs nothing until a cluster needs it.
class FontStack {
 public:
  /// `families` and `lang` must outlive the stack.
  FontStack(FontStore& fonts, const std::vector<std::string>& families, int weight, bool italic,
            const std::string& lang, core::Diagnostics& diags);
  [[nodiscard]] std::size_t size() const { return families_.size(); }
  /// The face of family `i`, opened now if not yet; kNoFace when it is not available.
  FaceId face(std::size_t i);
  /// The first available face, kNoFace if none is.
  FaceId first_available();
  /// True when family `i` is known not to be a colour bitmap face, without opening it if it is
  /// not open yet (FontStore::color_bitmap_known).
  bool known_plain(std::size_t i);
  /// "Noto Serif, Noto Serif CJK, Symbola", for messages.
  [[nodiscard]] std::string names() const;

 private:
  static constexpr FaceId kUnopened = -2;
  FontStore& fonts_;
  const std::vector<std::string>& families_;
  int weight_;
  bool italic_;
  const std::string& lang_;
  core::Diagnostics& diags_;
  std::vector<FaceId> faces_;  ///< kUnopened until asked
};

/// A maximal piece of text shaped in one go.
struct Run {
  std::size_t begin = 0;  ///< bytes in the whole text
  std::size_t end = 0;
  FaceId face = kNoFace;
  hb_script_t script = HB_SCRIPT_COMMON;  ///< the run's script for splitting (Han for kana)
  std::uint8_t level = 0;                 ///< bidi embedding level: odd is right to left
};

/// Runs covering text[begin, end). An empty range gives no runs. If no face of the stack is
/// available, gives runs with face kNoFace (the caller reports that). `levels`: the bidi levels
/// of the whole text, one per byte (empty: all 0).
std::vector<Run> itemize(const FontStore& fonts, std::string_view text, std::size_t begin,
                         std::size_t end, FontStack& stack, const BidiLevels& levels,
                         core::Diagnostics& diags, const core::SourceLoc& loc);

}  // namespace cvpdf::text
