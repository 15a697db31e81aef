// layout/layout.h — doc::Document → frame::Document: paragraphs to lines, blocks to pages.
//
// Takes the composed document, the theme, and a font store; gives positioned pages. The recipe
// (layout.cpp):
//   1. style   — each paragraph's spans get a text::Style from the theme role + inline flags;
//   2. shape   — each style run is shaped once (text::shape), glyphs keep their byte ranges;
//   3. break   — break opportunities from ICU (linebreak::find_breaks), lines fitted over
//                box/glue/penalty items (linebreak::fit);
//   4. stack   — blocks become vertical boxes with keep-together/keep-with-next marks;
//   5. paginate— boxes flow into pages: a section title is never last on a page, an entry's
//                first two lines stay together, page numbers go in the footer.
//   6. mirror  — a right-to-left document (theme.direction, or "auto" and a right-to-left
//                document language) is laid out as if left to right and mirrored page by page:
//                dates on the left, bullets on the right, text right-aligned; its lines are
//                set in visual order (bidi rule L2) and mirrored once inside their extent
//                before, so the page mirror puts their pieces back in visual order.
// Guarantees: deterministic; nothing drawn outside the page's text area except the footer (in
// the bottom margin) and Entry::marker labels (hanging in the left margin, as doc.h says);
// overfull lines are warnings naming the text, and the word is cut so it stays on the page.
//   Lines are fitted by Knuth–Plass (linebreak/knuth_plass.h) with theme.linebreak's costs,
//   ragged right through TeX's \rightskip stretch; words are hyphenated by options.hyphenator.
// Bidi: every paragraph's base direction is the document's (no guessing from the first strong
// character); right-to-left runs inside a line are reordered per line (text/bidi.h).
// Limitations (for now): lines are not reshaped at breaks HarfBuzz
// marks unsafe (breaks fall at spaces, CJK boundaries and hyphenation points between clusters).
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "doc/document.h"
#include "frame/frame.h"
#include "text/font_store.h"
#include "text/shape.h"
#include "theme/theme.h"

namespace cvpdf::linebreak {
class Hyphenator;
}

namespace cvpdf::layout {

/// One fitted line, as `cvpdf dump --stage=lines` prints it.
struct LineReport {
  std::string text;      ///< the line's source text
  core::SourceLoc loc;   ///< where its paragraph's first span came from
  double badness = 0;    ///< TeX's badness (0 for the last line of a paragraph)
  double demerits = 0;
  double ratio = 0;      ///< adjustment ratio (glue stretched > 0, shrunk < 0)
  std::string reason;    ///< why it ends: space, CJK, hyphen, forced, emergency, end, …
  bool overfull = false;
};

/// Shaped glyphs by (text, style), reused across layouts of the same document (fitting to a
/// page count lays the document out several times; only a changed size needs new shaping) and
/// filled ahead by prefetch_shapes on another thread: every member is thread-safe. An entry the
/// prefetch shaped keeps what shaping it said, and the layout that takes it first reports that,
/// exactly as if it had shaped the text itself.
class ShapeCache {
 public:
  /// The glyphs under `key`, if any; on the first taking of a prefetched entry, what shaping it
  /// said is added to `diags`.
  std::optional<std::vector<text::ShapedGlyph>> take(const std::string& key, core::Diagnostics& diags);
  [[nodiscard]] bool contains(const std::string& key) const;
  /// Adds an entry unless `key` has one; `said`: what shaping it said, not reported yet.
  void add(std::string key, std::vector<text::ShapedGlyph> glyphs, core::Diagnostics said = {});

 private:
  struct Entry {
    std::vector<text::ShapedGlyph> glyphs;
    core::Diagnostics said;
  };
  mutable std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};

/// What a layout may use besides the theme and the fonts; everything is optional.
struct LayoutOptions {
  linebreak::Hyphenator* hyphenator = nullptr;  ///< nullptr: no hyphenation
  std::vector<LineReport>* lines = nullptr;     ///< when set, every fitted line is added here
  ShapeCache* shape_cache = nullptr;            ///< when set, shaping is memoised here
};

/// The text styles of the theme's roles (name, headline, … footer) for a document in `lang`,
/// distinct: what layout shapes its text with, save bold and italic spans. For warming the
/// faces on another thread before layout starts (text/warm_up.h).
std::vector<text::Style> role_styles(const theme::Theme& theme, const std::string& lang);

/// Shapes every paragraph of `doc` into `cache` ahead of layout_document (on another thread,
/// the layout taking what is ready and shaping the rest itself), as layout_document will shape
/// them with `theme`. Only paragraphs whose fonts the store can answer quietly
/// (text::FontStore::find_quietly) are shaped: the layout makes every font lookup that could
/// say something. Stops early when `stop` is requested.
void prefetch_shapes(const doc::Document& doc, const theme::Theme& theme, text::FontStore& fonts,
                     ShapeCache& cache, std::stop_token stop = {});

frame::Document layout_document(const doc::Document& doc, const theme::Theme& theme,
                                text::FontStore& fonts, core::Diagnostics& diags,
                                const LayoutOptions& options = {});

}  // namespace cvpdf::layout
