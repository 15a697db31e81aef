// pdf/font_face.cpp — opening, validating and subsetting one face (see font_face.h).
//
// FreeType supplies the format, the glyph count, the descriptor metrics and CFF CIDs;
// HarfBuzz supplies the advances and hb-subset. Both are opened on the same face index.
#include "pdf/font_face.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_CID_H
#include FT_FONT_FORMATS_H
#include FT_TRUETYPE_TABLES_H

#include <hb-subset.h>
#include <hb.h>

#include <cmath>
#include <cstring>

namespace cvpdf::pdf {
namespace {

/// Tables viewers never use: shaping happened before the PDF (GSUB/GPOS/…), vertical metrics
/// are not written, and dropping them keeps the layout closure from adding unused glyphs.
constexpr hb_tag_t kDroppedTables[] = {
    HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
    HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'), HB_TAG('M', 'A', 'T', 'H'),
    HB_TAG('k', 'e', 'r', 'n'), HB_TAG('v', 'h', 'e', 'a'), HB_TAG('v', 'm', 't', 'x'),
    HB_TAG('V', 'O', 'R', 'G'), HB_TAG('D', 'S', 'I', 'G')};

/// Tables a TrueType font program in a PDF does without (ISO 32000-1 §9.9: a CIDFontType2
/// program needs glyf, head, hhea, hmtx, loca, maxp and cvt, fpgm, prep when used): codes are
/// glyph ids (no cmap), names and metrics come from the PDF's own dictionaries (no name, post,
/// OS/2), and the PDF says nothing about rasterizer hints (no gasp). About 500 bytes a face.
constexpr hb_tag_t kDroppedFromTrueType[] = {
    HB_TAG('c', 'm', 'a', 'p'), HB_TAG('n', 'a', 'm', 'e'), HB_TAG('p', 'o', 's', 't'),
    HB_TAG('O', 'S', '/', '2'), HB_TAG('g', 'a', 's', 'p')};

std::string ft_error_text(FT_Error err) {
  const char* s = FT_Error_String(err);
  return s ? std::string(s) : "FreeType error " + std::to_string(err);
}

/// Font units → PDF glyph space (1/1000 em).
double to_glyph_space(double units, unsigned upem) { return units * 1000.0 / upem; }

struct SubsetInputDeleter {
  void operator()(hb_subset_input_t* p) const { hb_subset_input_destroy(p); }
};
struct PlanDeleter {
  void operator()(hb_subset_plan_t* p) const { hb_subset_plan_destroy(p); }
};
struct FaceDeleter {
  void operator()(hb_face_t* p) const { hb_face_destroy(p); }
};
struct BlobDeleter {
  void operator()(hb_blob_t* p) const { hb_blob_destroy(p); }
};

/// hb-subset's plan reads the whole cmap (and the layout tables' closure) of the face it is
/// given, whatever the glyph set: ~40 M instructions per Noto CJK face for a handful of glyphs,
/// ~4 M per Latin face. The codes here are glyph-based and neither a CFF program nor a
/// TrueType one keeps the cmap or the dropped tables, so every face is subset through a view
/// that hides them.
hb_blob_t* visible_table(hb_face_t*, hb_tag_t tag, void* source) {
  for (hb_tag_t t : kDroppedTables)
    if (t == tag) return nullptr;
  for (hb_tag_t t : kDroppedFromTrueType)  // cmap among them
    if (t == tag) return nullptr;
  return hb_face_reference_table(static_cast<hb_face_t*>(source), tag);
}

/// The face hb-subset plans on: the view above.
hb_face_t* subset_source(hb_face_t* face) {
  hb_face_t* view = hb_face_create_for_tables(visible_table, hb_face_reference(face),
                                              [](void* f) { hb_face_destroy(static_cast<hb_face_t*>(f)); });
  hb_face_set_upem(view, hb_face_get_upem(face));
  hb_face_set_glyph_count(view, hb_face_get_glyph_count(face));
  return view;
}

std::string blob_bytes(hb_blob_t* blob) {
  unsigned len = 0;
  const char* data = hb_blob_get_data(blob, &len);
  return data ? std::string(data, len) : std::string();
}

}  // namespace

struct OpenFont::Handles {
  FT_Library lib = nullptr;
  FT_Face ft = nullptr;
  hb_blob_t* blob = nullptr;
  hb_face_t* face = nullptr;
  hb_font_t* font = nullptr;
  ~Handles() {
    if (font) hb_font_destroy(font);
    if (face) hb_face_destroy(face);
    if (blob) hb_blob_destroy(blob);
    if (ft) FT_Done_Face(ft);
    if (lib) FT_Done_FreeType(lib);
  }
};

OpenFont::~OpenFont() = default;

std::unique_ptr<OpenFont> OpenFont::open(const frame::FontFace& spec, core::Diagnostics& diags) {
  std::unique_ptr<OpenFont> f(new OpenFont());
  f->h_ = std::make_unique<Handles>();
  f->path_ = spec.path;
  auto fail = [&](const std::string& why) {
    diags.error({}, "cannot use font '" + spec.path + "' (face " + std::to_string(spec.face_index) +
                        "): " + why);
    return nullptr;
  };
  Handles& h = *f->h_;
  if (FT_Error e = FT_Init_FreeType(&h.lib)) return fail(ft_error_text(e));
  if (FT_Error e = FT_New_Face(h.lib, spec.path.c_str(), spec.face_index, &h.ft)) return fail(ft_error_text(e));
  if (h.ft->num_glyphs <= 0) return fail("the face has no glyphs");
  const std::string format = FT_Get_Font_Format(h.ft) ? FT_Get_Font_Format(h.ft) : "";
  if (format != "TrueType" && format != "CFF")
    return fail("unsupported font format '" + format + "' (TrueType or CFF OpenType needed)");
  f->cff_ = format == "CFF";
  f->glyph_count_ = static_cast<std::uint32_t>(h.ft->num_glyphs);
  f->upem_ = h.ft->units_per_EM ? h.ft->units_per_EM : 1000;
  const char* ps = FT_Get_Postscript_Name(h.ft);
  f->ps_name_ = ps ? ps : spec.postscript_name;
  if (f->ps_name_.empty()) f->ps_name_ = "Font";
  if (!spec.postscript_name.empty() && spec.postscript_name != f->ps_name_)
    diags.warning({}, "font '" + spec.path + "' face " + std::to_string(spec.face_index) + " is '" +
                          f->ps_name_ + "', not '" + spec.postscript_name + "' as layout expected");
  h.blob = hb_blob_create_from_file_or_fail(spec.path.c_str());
  if (!h.blob) return fail("HarfBuzz cannot read the file");
  h.face = hb_face_create(h.blob, static_cast<unsigned>(spec.face_index));
  if (hb_face_get_glyph_count(h.face) != f->glyph_count_) return fail("HarfBuzz and FreeType disagree on the glyph count");
  h.font = hb_font_create(h.face);
  hb_font_set_scale(h.font, static_cast<int>(f->upem_), static_cast<int>(f->upem_));
  return f;
}

std::uint32_t OpenFont::glyph_for(char32_t cp) const {
  return FT_Get_Char_Index(h_->ft, static_cast<FT_ULong>(cp));
}

std::int64_t OpenFont::advance_micro_em(std::uint32_t gid) const {
  const hb_position_t adv = hb_font_get_glyph_h_advance(h_->font, gid);
  return std::llround(static_cast<double>(adv) * 1.0e6 / upem_);
}

FontMetrics OpenFont::metrics() const {
  const FT_Face ft = h_->ft;
  FontMetrics m;
  m.bbox[0] = to_glyph_space(static_cast<double>(ft->bbox.xMin), upem_);
  m.bbox[1] = to_glyph_space(static_cast<double>(ft->bbox.yMin), upem_);
  m.bbox[2] = to_glyph_space(static_cast<double>(ft->bbox.xMax), upem_);
  m.bbox[3] = to_glyph_space(static_cast<double>(ft->bbox.yMax), upem_);
  m.ascent = to_glyph_space(ft->ascender, upem_);
  m.descent = to_glyph_space(ft->descender, upem_);
  m.cap_height = m.ascent;  // fallback when OS/2 has no sCapHeight (version < 2)
  if (auto* os2 = static_cast<TT_OS2*>(FT_Get_Sfnt_Table(ft, FT_SFNT_OS2)); os2 && os2->version >= 2)
    m.cap_height = to_glyph_space(os2->sCapHeight, upem_);
  if (auto* post = static_cast<TT_Postscript*>(FT_Get_Sfnt_Table(ft, FT_SFNT_POST)))
    m.italic_angle = static_cast<double>(post->italicAngle) / 65536.0;
  m.fixed_pitch = FT_IS_FIXED_WIDTH(ft);
  return m;
}

namespace {

/// CFF codes: the CID of each subset glyph, read through the subset's own charset. hb-subset
/// keeps CID-keyed CFF CID-keyed and keeps each glyph's CID; a name-keyed CFF uses the new GID.
bool cff_codes(const std::string& cff, const hb_map_t* o2n, const std::set<std::uint32_t>& gids,
               std::map<std::uint32_t, std::uint16_t>& out) {
  FT_Library lib = nullptr;
  if (FT_Init_FreeType(&lib)) return false;
  FT_Face sf = nullptr;
  bool ok = FT_New_Memory_Face(lib, reinterpret_cast<const FT_Byte*>(cff.data()),
                               static_cast<FT_Long>(cff.size()), 0, &sf) == 0;
  FT_Bool cid_keyed = 0;
  if (ok && FT_Get_CID_Is_Internally_CID_Keyed(sf, &cid_keyed) != 0) cid_keyed = 0;
  for (std::uint32_t old : gids) {
    if (!ok) break;
    const hb_codepoint_t ng = hb_map_get(o2n, old);
    FT_UInt cid = ng;
    if (ng == HB_MAP_VALUE_INVALID || (cid_keyed && FT_Get_CID_From_Glyph_Index(sf, ng, &cid) != 0)) ok = false;
    else if (cid > 0xFFFF) ok = false;
    else out[old] = static_cast<std::uint16_t>(cid);
  }
  if (sf) FT_Done_Face(sf);
  FT_Done_FreeType(lib);
  return ok;
}

}  // namespace

std::optional<SubsetResult> OpenFont::subset(const std::set<std::uint32_t>& gids,
                                             core::Diagnostics& diags) const {
  auto fail = [&](const std::string& why) {
    diags.error({}, "cannot subset font '" + path_ + "' (" + ps_name_ + "): " + why);
    return std::nullopt;
  };
  std::unique_ptr<hb_subset_input_t, SubsetInputDeleter> in(hb_subset_input_create_or_fail());
  if (!in) return fail("out of memory");
  hb_set_t* glyphs = hb_subset_input_glyph_set(in.get());
  hb_set_add(glyphs, 0);
  for (std::uint32_t g : gids) hb_set_add(glyphs, g);
  hb_set_clear(hb_subset_input_unicode_set(in.get()));  // codes are glyph-based: no cmap needed
  hb_set_t* drop = hb_subset_input_set(in.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (hb_tag_t t : kDroppedTables) hb_set_add(drop, t);
  if (!cff_)
    for (hb_tag_t t : kDroppedFromTrueType) hb_set_add(drop, t);
  // CFF: desubroutinized charstrings are smaller for a few hundred CJK glyphs than the font's
  // subroutines (shared by all 65 000 glyphs) and are subset in half the time.
  unsigned flags = HB_SUBSET_FLAGS_NO_HINTING;
  if (cff_) flags |= HB_SUBSET_FLAGS_DESUBROUTINIZE;
  hb_subset_input_set_flags(in.get(), flags);
  std::unique_ptr<hb_face_t, FaceDeleter> source(subset_source(h_->face));
  std::unique_ptr<hb_subset_plan_t, PlanDeleter> plan(hb_subset_plan_create_or_fail(source.get(), in.get()));
  if (!plan) return fail("hb-subset could not plan the subset");
  const hb_map_t* o2n = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
  std::unique_ptr<hb_face_t, FaceDeleter> sub(hb_subset_plan_execute_or_fail(plan.get()));
  if (!sub) return fail("hb-subset failed");
  SubsetResult r;
  if (cff_) {
    std::unique_ptr<hb_blob_t, BlobDeleter> cff(hb_face_reference_table(sub.get(), HB_TAG('C', 'F', 'F', ' ')));
    r.program = blob_bytes(cff.get());
    if (r.program.empty()) return fail("the subset has no 'CFF ' table (CFF2 fonts are not supported)");
    if (!cff_codes(r.program, o2n, gids, r.code_of)) return fail("cannot read CIDs from the subset CFF");
    return r;
  }
  std::unique_ptr<hb_blob_t, BlobDeleter> whole(hb_face_reference_blob(sub.get()));
  r.program = blob_bytes(whole.get());
  for (std::uint32_t old : gids) {
    const hb_codepoint_t ng = hb_map_get(o2n, old);
    if (ng == HB_MAP_VALUE_INVALID || ng > 0xFFFF) return fail("glyph " + std::to_string(old) + " was lost");
    r.code_of[old] = static_cast<std::uint16_t>(ng);
  }
  return r;
}

}  // namespace cvpdf::pdf
