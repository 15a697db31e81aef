// text/font_store.h — finding and opening fonts, within the font folders the World gives.
//
// Takes a list of font folders (and whether the system's fontconfig fonts may be used); gives
// opened faces (FreeType + HarfBuzz, RAII) by family, weight, slant and language. Guarantees:
// a face is opened once per store and shared read-only afterwards; a store may be shared by
// several threads (`find` is serialised by an internal lock, lookups of opened faces share
// it); a broken font file never crashes: it is skipped with a warning. Problems found while
// building the store (unreadable font files, missing folders) are reported by its first `find`
// that needs fontconfig. With an index file (text/font_index.h), requests answered in an earlier
// run are served from it without building fontconfig's configuration; the faces are the same.
// Implementation: font_store.cpp (fontconfig), font_open.cpp (FreeType + HarfBuzz),
// font_index.cpp (the index file).
//
// Family names ending in " CJK" (e.g. "Noto Serif CJK") get the regional suffix chosen from the
// language: zh / zh-Hans / zh-CN → SC, zh-Hant / zh-TW → TC, zh-HK → HK, ja → JP, ko → KR
// (Noto CJK's faces differ in glyph forms, so the wrong face is wrong, not just different).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"

namespace cvpdf::text {

/// Identifies an opened face inside one FontStore.
using FaceId = int;
inline constexpr FaceId kNoFace = -1;

/// What the PDF writer needs to find the same face again (mirrors frame::FontFace).
struct FaceInfo {
  std::string path;
  int face_index = 0;
  std::string postscript_name;
  std::string family;
  int weight = 400;
  bool italic = false;
  int units_per_em = 1000;
  double ascender = 0.8;    ///< in em
  double descender = -0.2;  ///< in em, negative
  /// A colour bitmap face (PNG glyphs in CBDT or sbix, e.g. Noto Color Emoji): its glyphs have
  /// no outlines; layout draws color_glyph() pictures instead (text/color.cpp).
  bool color_bitmap = false;
};

/// A colour bitmap glyph's picture (HarfBuzz's hb_ot_color_glyph_reference_png), once per
/// (face, glyph) in a store: every use shares the same PNG bytes.
struct ColorGlyph {
  std::shared_ptr<const std::string> png;  ///< a whole PNG file, as the font holds it
  int width = 0;   ///< pixels (IHDR)
  int height = 0;
  /// The picture's box in em, relative to the pen on the baseline: x to the right, top above
  /// the baseline (positive up), as HarfBuzz's glyph extents for the bitmap.
  double x = 0;
  double top = 0;
  double w = 0;
  double h = 0;
};

/// Where a store keeps fontconfig's answers between runs (cli/ fills it from the World).
struct IndexSettings {
  std::string file;                  ///< the index file; empty: no index
  std::vector<std::string> watched;  ///< more paths whose change invalidates it (user
                                     ///< fontconfig files that may not exist yet)
};

class ShapeMemo;

class FontStore {
 public:
  /// `font_dirs`: folders searched (recursively) for fonts. `use_system`: also the fonts
  /// fontconfig knows on this machine. Tests pass only the pinned `fonts/` folder.
  FontStore(std::vector<std::string> font_dirs, bool use_system, IndexSettings index = {});
  /// Writes the index file if this store recorded new answers (errors are ignored: the index
  /// is only a cache).
  ~FontStore();
  FontStore(const FontStore&) = delete;
  FontStore& operator=(const FontStore&) = delete;

  /// The face of `family` closest to `weight` (400 regular, 700 bold) and `italic`, for text in
  /// `lang`. Returns kNoFace if no face of that family exists (no silent substitution).
  /// Cached: the second call with the same request costs a map lookup.
  FaceId find(const std::string& family, int weight, bool italic, const std::string& lang,
              core::Diagnostics& diags);

  /// find() when it can answer without fontconfig and without a word to say: a face asked for
  /// before, or the font index's answer, opened. nullopt when it cannot (nothing is done and
  /// nothing reported: the render's own find() will look the family up and say what it must).
  /// For warm_up() on another thread (text/warm_up.h).
  std::optional<FaceId> find_quietly(const std::string& family, int weight, bool italic,
                                     const std::string& lang);

  /// Whether find() would give a colour bitmap face, when that is known without opening a face:
  /// from a face asked for before, or from the font index (an earlier run opened it). nullopt
  /// otherwise. Itemization uses it not to open a family only to learn that it has no emoji.
  std::optional<bool> color_bitmap_known(const std::string& family, int weight, bool italic,
                                         const std::string& lang);
  /// How many faces this store has opened since it was made or last closed them (tests).
  [[nodiscard]] std::size_t opened_faces() const;

  /// While a QuietScope lives on a thread, find() on that thread answers what find_quietly
  /// would and throws NotQuiet, having done nothing, where find_quietly has no answer: shaping
  /// on that thread (layout/prefetch) then either makes no lookup that could say something,
  /// or stops.
  struct NotQuiet {};
  class QuietScope {
   public:
    QuietScope();
    ~QuietScope();
    QuietScope(const QuietScope&) = delete;
    QuietScope& operator=(const QuietScope&) = delete;
  };

  /// Closes every opened face (unmapping its file) and forgets the answers of this run; a later
  /// find() opens them again. For a single render whose layout is done: the PDF writer reopens
  /// only what it embeds, and the pages the shaping touched no longer count (issue 9: zh −4 MiB
  /// at the peak). Only when no other thread uses the store; every FaceId given so far is void.
  void close_faces();

  /// shape() asks `memo` before HarfBuzz and adds to it what HarfBuzz shaped (text/shape_memo.h);
  /// nullptr: no memo. The memo must outlive its use; set it before any thread shapes.
  void use_shape_memo(ShapeMemo* memo);
  [[nodiscard]] const ShapeMemo* shape_memo() const;

  [[nodiscard]] const FaceInfo& info(FaceId id) const;
  /// Glyph id of `cp` in the face, 0 if the face does not cover it.
  [[nodiscard]] unsigned glyph_for(FaceId id, char32_t cp) const;
  /// The picture of glyph `gid` of a colour bitmap face (nullptr if it has none, or its PNG
  /// header is unreadable). Cached: one ColorGlyph per (face, glyph), shared by all callers.
  [[nodiscard]] std::shared_ptr<const ColorGlyph> color_glyph(FaceId id, std::uint32_t gid) const;

  struct Impl;
  /// For shape.cpp: the internal handle (HarfBuzz font etc.).
  [[nodiscard]] Impl& impl() { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace cvpdf::text
