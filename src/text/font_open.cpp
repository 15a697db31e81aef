// text/font_open.cpp — opening one face of one font file with HarfBuzz.
//
// Takes a path and a face index; gives an OpenFace whose HarfBuzz font reads the mmapped bytes
// (hb_blob_create_from_file_or_fail, never a whole-file read) and its names from the name
// table. FreeType is not used here: parsing a CJK face with it cost ~3 M instructions and
// ~1 MiB of heap for a PostScript name, which HarfBuzz reads as FreeType does (checked on the
// 410 OpenType faces of Debian's font packages). Guarantees: a file that is not a font (header
// and maxp checks, core/sniff.h) or a face with no glyphs gives nullptr and a reason, never a
// crash. Also: listing the font files of the store's folders, so files that fontconfig
// silently ignored can be reported.
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <string_view>
#include <system_error>

#include "core/hash.h"
#include "core/sniff.h"
#include "text/font_store_impl.h"

namespace cvpdf::text {
namespace {

namespace fs = std::filesystem;

/// Extensions fontconfig would index and we can open (OpenType/TrueType and collections).
constexpr std::array<std::string_view, 4> kFontExtensions = {".ttf", ".otf", ".ttc", ".otc"};

/// Ascender and descender in em: OS/2 typo metrics when USE_TYPO_METRICS is set, else hhea
/// (HarfBuzz's choice, the same one browsers make).
void fill_metrics(OpenFace& f) {
  hb_position_t asc = 0;
  hb_position_t desc = 0;
  hb_ot_metrics_get_position_with_fallback(f.hb_font.get(), HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER,
                                           &asc);
  hb_ot_metrics_get_position_with_fallback(f.hb_font.get(), HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER,
                                           &desc);
  const double upem = f.info.units_per_em;
  f.info.ascender = asc / upem;
  f.info.descender = desc / upem;
}

/// A name-table entry (English if there is one, else the first), UTF-8.
std::string name_entry(hb_face_t* face, hb_ot_name_id_t id) {
  char buf[256];
  unsigned len = sizeof buf;
  hb_ot_name_get_utf8(face, id, hb_language_from_string("en", -1), &len, buf);
  return std::string(buf, std::min<std::size_t>(len, sizeof buf - 1));
}

/// Names and style from the face itself; the store replaces family, weight and slant by
/// fontconfig's (or the index's) values.
void fill_info(OpenFace& f, const std::string& path, int index) {
  FaceInfo& info = f.info;
  info.path = path;
  info.face_index = index;
  info.postscript_name = name_entry(f.hb_face.get(), HB_OT_NAME_ID_POSTSCRIPT_NAME);
  info.family = name_entry(f.hb_face.get(), HB_OT_NAME_ID_FONT_FAMILY);
  info.italic = hb_style_get_value(f.hb_font.get(), HB_STYLE_TAG_ITALIC) > 0.5f;
  info.weight = static_cast<int>(hb_style_get_value(f.hb_font.get(), HB_STYLE_TAG_WEIGHT));
  info.units_per_em = static_cast<int>(hb_face_get_upem(f.hb_face.get()));
  info.color_bitmap = has_color_bitmaps(f.hb_face.get());
  fill_metrics(f);
}

void fill_identity(OpenFace& f, unsigned file_size) {
  struct stat st {};
  if (::stat(f.info.path.c_str(), &st) != 0) st = {};
  f.identity = f.info.path + "\nface " + std::to_string(f.info.face_index) + " size " + std::to_string(file_size) +
               " mtime " + std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec) + " upem " +
               std::to_string(f.info.units_per_em) + "\nhead ";
  HbBlobPtr head(hb_face_reference_table(f.hb_face.get(), HB_TAG('h', 'e', 'a', 'd')));
  unsigned n = 0;
  const char* data = hb_blob_get_data(head.get(), &n);
  if (data != nullptr) core::append_hex(f.identity, std::string_view(data, n));
}

bool has_font_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::find(kFontExtensions.begin(), kFontExtensions.end(), ext) != kFontExtensions.end();
}

}  // namespace

std::unique_ptr<OpenFace> open_face(const std::string& path, int index, std::string& error) {
  auto f = std::make_unique<OpenFace>();
  f->blob.reset(hb_blob_create_from_file_or_fail(path.c_str()));
  if (!f->blob) {
    error = "the file cannot be read";
    return nullptr;
  }
  unsigned length = 0;  // size limit and sfnt/maxp check before HarfBuzz parses it
  const char* data = hb_blob_get_data(f->blob.get(), &length);
  if (!core::check_font(std::string_view(data, length), error)) return nullptr;
  f->hb_face.reset(hb_face_create(f->blob.get(), static_cast<unsigned>(index)));
  if (hb_face_get_glyph_count(f->hb_face.get()) == 0) {
    error = "HarfBuzz finds no glyphs in it";
    return nullptr;
  }
  f->hb_font.reset(hb_font_create(f->hb_face.get()));
  const int upem = static_cast<int>(hb_face_get_upem(f->hb_face.get()));
  hb_font_set_scale(f->hb_font.get(), upem, upem);
  hb_font_make_immutable(f->hb_font.get());  // shared read-only from now on
  fill_info(*f, path, index);
  fill_identity(*f, length);
  return f;
}

int find_face_by_postscript_name(FT_Library lib, const std::string& path,
                                 const std::string& postscript_name) {
  FT_Face probe = nullptr;
  if (FT_New_Face(lib, path.c_str(), -1, &probe) != 0) return -1;
  const FT_Long count = probe->num_faces;
  FT_Done_Face(probe);
  for (FT_Long i = 0; i < count; ++i) {
    FT_Face face = nullptr;
    if (FT_New_Face(lib, path.c_str(), i, &face) != 0) continue;
    FtFacePtr owned(face);
    const char* ps = FT_Get_Postscript_Name(face);
    if (ps != nullptr && postscript_name == ps) return static_cast<int>(i);
  }
  return -1;
}

std::vector<std::string> font_files_under(const std::vector<std::string>& dirs,
                                          std::vector<std::string>& missing_dirs) {
  std::vector<std::string> files;
  for (const std::string& dir : dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      missing_dirs.push_back(dir);
      continue;
    }
    auto it =
        fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec) && has_font_extension(it->path())) {
        files.push_back(fs::weakly_canonical(it->path(), ec).string());
      }
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace cvpdf::text
