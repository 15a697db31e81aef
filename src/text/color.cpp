// text/color.cpp — colour bitmap glyphs (CBDT/sbix PNGs) as pictures, once per glyph.
//
// Takes an opened face and a glyph id; gives the PNG HarfBuzz finds for it
// (hb_ot_color_glyph_reference_png: the largest strike, since the store's fonts set no ppem),
// its pixel size from the PNG header (core/sniff.h, which also refuses a truncated one) and its
// box from hb_font_get_glyph_extents, which HarfBuzz scales from the strike to font units.
// Guarantees: one ColorGlyph per (face, glyph) per store, so every use of a glyph shares the
// same bytes (pdf/ then writes one image XObject per glyph); safe from several threads.
#include <mutex>

#include "core/sniff.h"
#include "text/font_store_impl.h"

namespace cvpdf::text {
namespace {

std::shared_ptr<const ColorGlyph> make_color_glyph(const OpenFace& face, std::uint32_t gid) {
  HbBlobPtr blob(hb_ot_color_glyph_reference_png(face.hb_font.get(), gid));
  unsigned length = 0;
  const char* data = blob ? hb_blob_get_data(blob.get(), &length) : nullptr;
  if (data == nullptr || length == 0) return nullptr;
  std::string why;
  const auto header = core::sniff_image(std::string_view(data, length), why);
  hb_glyph_extents_t ext{};
  if (!header || header->format != core::ImageHeader::Format::Png ||
      !hb_font_get_glyph_extents(face.hb_font.get(), gid, &ext) || ext.width <= 0 || ext.height >= 0)
    return nullptr;
  auto g = std::make_shared<ColorGlyph>();
  g->png = std::make_shared<const std::string>(data, length);
  g->width = static_cast<int>(header->width);
  g->height = static_cast<int>(header->height);
  const double upem = face.info.units_per_em;
  g->x = ext.x_bearing / upem;
  g->top = ext.y_bearing / upem;
  g->w = ext.width / upem;
  g->h = -ext.height / upem;
  return g;
}

}  // namespace

bool has_color_bitmaps(hb_face_t* face) { return hb_ot_color_has_png(face) != 0; }

std::shared_ptr<const ColorGlyph> FontStore::color_glyph(FaceId id, std::uint32_t gid) const {
  const OpenFace& face = impl_->face(id);
  if (!face.info.color_bitmap) return nullptr;
  std::lock_guard lock(impl_->color_mutex);
  auto [it, fresh] = impl_->color_glyphs.try_emplace({id, gid});
  if (fresh) it->second = make_color_glyph(face, gid);
  return it->second;
}

}  // namespace cvpdf::text
