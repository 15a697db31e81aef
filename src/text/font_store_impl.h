// text/font_store_impl.h — inside the FontStore: RAII handles and the opened faces.
//
// Private to src/text/ (font_store.cpp, font_open.cpp, itemize.cpp, shape.cpp). Takes nothing;
// gives owning smart pointers for every FreeType, HarfBuzz and fontconfig object the module
// creates, the OpenFace record (one per face, opened once), and FontStore::Impl. Guarantees:
// destruction order is safe (a face's HarfBuzz font goes before the mmapped blob it reads;
// every face goes before the FreeType library).
#pragma once

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ot.h>
#include <hb.h>

#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <utility>
#include <vector>

#include "text/font_index.h"
#include "text/font_store.h"
#include "text/shape_memo.h"

namespace cvpdf::text {

/// A deleter that calls the C library's destroy function `Fn` (ignoring its return value).
template <auto Fn>
struct CDeleter {
  template <class T>
  void operator()(T* p) const {
    if (p != nullptr) (void)Fn(p);
  }
};

using FcConfigPtr = std::unique_ptr<FcConfig, CDeleter<FcConfigDestroy>>;
using FcPatternPtr = std::unique_ptr<FcPattern, CDeleter<FcPatternDestroy>>;
using FcFontSetPtr = std::unique_ptr<FcFontSet, CDeleter<FcFontSetDestroy>>;
using FcObjectSetPtr = std::unique_ptr<FcObjectSet, CDeleter<FcObjectSetDestroy>>;
using FtLibraryPtr = std::unique_ptr<FT_LibraryRec_, CDeleter<FT_Done_FreeType>>;
using FtFacePtr = std::unique_ptr<FT_FaceRec_, CDeleter<FT_Done_Face>>;
using HbBlobPtr = std::unique_ptr<hb_blob_t, CDeleter<hb_blob_destroy>>;
using HbFacePtr = std::unique_ptr<hb_face_t, CDeleter<hb_face_destroy>>;
using HbFontPtr = std::unique_ptr<hb_font_t, CDeleter<hb_font_destroy>>;
using HbBufferPtr = std::unique_ptr<hb_buffer_t, CDeleter<hb_buffer_destroy>>;

/// One opened face (FreeType checked and named it while opening; it is not kept). Members are
/// destroyed bottom-up: fonts first, the mmapped blob last.
struct OpenFace {
  FaceInfo info;
  /// The file and face as the shape memo keys them (shape_memo.h): path, face, size and
  /// modification time, units per em, and the 'head' table, whose checkSumAdjustment changes
  /// with any byte of the font.
  std::string identity;
  HbBlobPtr blob;     ///< the whole file, mmapped (hb_blob_create_from_file_or_fail)
  HbFacePtr hb_face;  ///< HarfBuzz face at info.face_index
  HbFontPtr hb_font;  ///< scale = units per em: HarfBuzz numbers are font units
};

/// Opens face `index` of the font file `path`. On failure returns nullptr and sets `error` to
/// a short reason ("the file cannot be read", "it has no glyphs", ...). Defined in font_open.cpp.
std::unique_ptr<OpenFace> open_face(const std::string& path, int index, std::string& error);

/// Index of the face named `postscript_name` in the file `path`, or -1 (for .ttc files whose
/// fontconfig index does not give the expected face). Defined in font_open.cpp.
int find_face_by_postscript_name(FT_Library lib, const std::string& path,
                                 const std::string& postscript_name);

/// True if the face holds PNG glyphs (CBDT or sbix). Defined in color.cpp.
bool has_color_bitmaps(hb_face_t* face);

/// Files under `dirs` (recursively) that look like fonts by their extension.
std::vector<std::string> font_files_under(const std::vector<std::string>& dirs,
                                          std::vector<std::string>& missing_dirs);

struct FontStore::Impl {
  FtLibraryPtr ft_library;  ///< declared before `faces`: outlives them
  std::vector<std::string> font_dirs;
  std::vector<std::string> canonical_dirs;  ///< the same, canonical: index answers must be inside
  bool use_system = false;
  IndexSettings index_settings;
  FontIndex index;           ///< answers of earlier runs (and of this one, to be saved)
  bool index_usable = true;  ///< false once building the store warned: such runs are not cached
  bool index_dirty = false;  ///< new answers recorded: save on destruction
  FcConfigPtr config;        ///< private fontconfig state, built on the first index miss
  std::vector<std::unique_ptr<OpenFace>> faces;           ///< FaceId = index
  std::map<std::string, FaceId> by_request;               ///< "family|weight|i" → face
  std::map<std::pair<std::string, int>, FaceId> by_file;  ///< (path, index) → face
  std::map<std::pair<std::string, int>, bool> broken;     ///< faces that failed to open
  std::vector<core::Diagnostic> pending;                  ///< found while building; reported
                                                          ///< by the first `find`
  /// Guards everything above for batch renders (cli/batch.cpp): `find` takes it exclusively
  /// (it may open a face, grow `faces`, use FreeType and fontconfig); `face()` shares it (a
  /// read of `faces`; the OpenFace it returns never moves). HarfBuzz fonts are immutable once
  /// made, so shaping needs no lock; FreeType faces are only touched while opening.
  mutable std::shared_mutex mutex;
  [[nodiscard]] const OpenFace& face(FaceId id) const;
  /// Colour glyph pictures made so far (text/color.cpp), under their own lock.
  mutable std::mutex color_mutex;
  mutable std::map<std::pair<FaceId, std::uint32_t>, std::shared_ptr<const ColorGlyph>> color_glyphs;
  /// HarfBuzz's output kept between runs, if the caller gave one (use_shape_memo).
  ShapeMemo* shape_memo = nullptr;
};

}  // namespace cvpdf::text
