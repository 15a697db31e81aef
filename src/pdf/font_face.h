// pdf/font_face.h — one font face opened with HarfBuzz (RAII).
//
// Takes a frame::FontFace (path, .ttc face index, expected PostScript name); gives a validated
// face: its format (TrueType glyf or CFF), units per em, glyph count, advances, descriptor
// metrics, cmap lookups, and hb-subset on a glyph set. Used only inside pdf/ (fonts.cpp).
#pragma once

#include <hb.h>

#include <array>
#include <cstdint>
#include <memory>
#include <set>
#include <string>

#include "core/diagnostics.h"
#include "frame/frame.h"
#include "pdf/fonts.h"

namespace cvpdf::pdf {

/// The result of subsetting: the program to embed and the original → code mapping.
struct SubsetResult {
  std::string program;                              ///< sfnt (TrueType) or bare CFF table
  std::map<std::uint32_t, std::uint16_t> code_of;  ///< original gid → code/CID
};

/// A HarfBuzz view of one face. Move-only; closes everything on destruction.
class OpenFont {
 public:
  /// Opens and validates the face; on failure reports to `diags` and returns nullptr.
  static std::unique_ptr<OpenFont> open(const frame::FontFace& spec, core::Diagnostics& diags);
  ~OpenFont();
  OpenFont(const OpenFont&) = delete;
  OpenFont& operator=(const OpenFont&) = delete;

  [[nodiscard]] bool is_cff() const { return cff_; }
  [[nodiscard]] std::uint32_t glyph_count() const { return glyph_count_; }
  [[nodiscard]] const std::string& postscript_name() const { return ps_name_; }
  /// The glyph for a code point in the face's cmap, 0 if none.
  [[nodiscard]] std::uint32_t glyph_for(char32_t cp) const;
  /// Horizontal advance in millionths of an em, rounded (the /W value × 1000).
  [[nodiscard]] std::int64_t advance_micro_em(std::uint32_t gid) const;
  [[nodiscard]] FontMetrics metrics() const;
  /// The glyph's ink box in PDF glyph space (xMin yMin xMax yMax, 1/1000 em) from HarfBuzz's
  /// extents — for a colour bitmap glyph, its picture's box; all zero for an empty glyph.
  [[nodiscard]] std::array<double, 4> ink_box(std::uint32_t gid) const;
  /// The file and face as program_cache.h keys them: path, face index, size and modification
  /// time, glyph count, units per em, PostScript name and the 'head' table (its
  /// checkSumAdjustment changes with any byte of the font).
  [[nodiscard]] std::string identity() const;
  /// Subsets to `gids` (plus .notdef). Reports failures with the font's path; nullopt then.
  /// A CFF table of `sparse_cff_from` bytes or more is read as cff_sparse.h rebuilds it (the
  /// same bytes out; a Noto CJK face's 15–23 MB table no longer mapped page by page).
  [[nodiscard]] std::optional<SubsetResult> subset(const std::set<std::uint32_t>& gids, core::Diagnostics& diags,
                                                   std::uint32_t sparse_cff_from = kSparseCffFrom) const;
  static constexpr std::uint32_t kSparseCffFrom = 1u << 20;

 private:
  OpenFont() = default;
  [[nodiscard]] hb_blob_t* sparse_cff(const std::set<std::uint32_t>& gids, std::uint32_t from) const;
  struct Handles;
  std::unique_ptr<Handles> h_;
  std::string path_;
  int face_index_ = 0;
  std::string ps_name_;
  std::uint32_t glyph_count_ = 0;
  unsigned upem_ = 1000;
  bool cff_ = false;
};

}  // namespace cvpdf::pdf
