// pdf/font_face.cpp — opening, validating and subsetting one face (see font_face.h).
//
// HarfBuzz supplies the format, the glyph count, the descriptor metrics (read from head,
// hhea, OS/2 and post as FreeType reads them), the advances and hb-subset; FreeType reads only
// the CIDs of a subset CFF. (FreeType's FT_New_Face on a Noto CJK face cost ~3.5 M instructions
// per face and run, for numbers that are four table reads.)
#include "pdf/font_face.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_CID_H

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>
#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/hash.h"
#include "pdf/cff_sparse.h"

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
/// that hides them — and that gives a large CFF table as cff_sparse.h rebuilds it, if it could.
struct SubsetSource {
  hb_face_t* face;
  hb_blob_t* cff;  // null: the face's own
  ~SubsetSource() {
    hb_face_destroy(face);
    hb_blob_destroy(cff);
  }
};

hb_blob_t* visible_table(hb_face_t*, hb_tag_t tag, void* data) {
  const auto* source = static_cast<const SubsetSource*>(data);
  for (hb_tag_t t : kDroppedTables)
    if (t == tag) return nullptr;
  for (hb_tag_t t : kDroppedFromTrueType)  // cmap among them
    if (t == tag) return nullptr;
  if (tag == HB_TAG('C', 'F', 'F', ' ') && source->cff != nullptr) return hb_blob_reference(source->cff);
  return hb_face_reference_table(source->face, tag);
}

/// The face hb-subset plans on: the view above. Takes `cff` (may be null).
hb_face_t* subset_source(hb_face_t* face, hb_blob_t* cff) {
  hb_face_t* view = hb_face_create_for_tables(visible_table, new SubsetSource{hb_face_reference(face), cff},
                                              [](void* p) { delete static_cast<SubsetSource*>(p); });
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
  hb_blob_t* blob = nullptr;
  hb_face_t* face = nullptr;
  hb_font_t* font = nullptr;
  ~Handles() {
    if (font) hb_font_destroy(font);
    if (face) hb_face_destroy(face);
    if (blob) hb_blob_destroy(blob);
  }
};

namespace {

/// One sfnt table, read big-endian with bounds (0 past its end), as FreeType reads it.
class Table {
 public:
  Table(hb_face_t* face, hb_tag_t tag) : blob_(hb_face_reference_table(face, tag)) {
    data_ = hb_blob_get_data(blob_, &size_);
  }
  ~Table() { hb_blob_destroy(blob_); }
  Table(const Table&) = delete;
  Table& operator=(const Table&) = delete;
  [[nodiscard]] unsigned size() const { return size_; }
  [[nodiscard]] const char* data() const { return data_; }
  [[nodiscard]] std::uint16_t u16(unsigned off) const {
    if (data_ == nullptr || off + 2 > size_) return 0;
    return static_cast<std::uint16_t>((static_cast<unsigned char>(data_[off]) << 8) |
                                      static_cast<unsigned char>(data_[off + 1]));
  }
  [[nodiscard]] std::int16_t s16(unsigned off) const { return static_cast<std::int16_t>(u16(off)); }
  [[nodiscard]] std::int32_t s32(unsigned off) const {
    return static_cast<std::int32_t>((std::uint32_t{u16(off)} << 16) | u16(off + 2));
  }

 private:
  hb_blob_t* blob_;
  const char* data_ = nullptr;
  unsigned size_ = 0;
};

/// The name table's PostScript name (English entry if there is one), as FreeType reports it.
std::string name_table_postscript_name(hb_face_t* face) {
  char buf[256];
  unsigned len = sizeof buf;
  hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, hb_language_from_string("en", -1), &len, buf);
  return std::string(buf, std::min<std::size_t>(len, sizeof buf - 1));
}

}  // namespace

OpenFont::~OpenFont() = default;

std::unique_ptr<OpenFont> OpenFont::open(const frame::FontFace& spec, core::Diagnostics& diags) {
  std::unique_ptr<OpenFont> f(new OpenFont());
  f->h_ = std::make_unique<Handles>();
  f->path_ = spec.path;
  f->face_index_ = spec.face_index;
  auto fail = [&](const std::string& why) {
    diags.error({}, "cannot use font '" + spec.path + "' (face " + std::to_string(spec.face_index) +
                        "): " + why);
    return nullptr;
  };
  Handles& h = *f->h_;
  h.blob = hb_blob_create_from_file_or_fail(spec.path.c_str());
  if (!h.blob) return fail("the file cannot be read");
  h.face = hb_face_create(h.blob, static_cast<unsigned>(spec.face_index));
  f->glyph_count_ = hb_face_get_glyph_count(h.face);
  if (f->glyph_count_ == 0) return fail("the face has no glyphs");
  // The outline format: CFF (CFF2 too, refused when subset) or TrueType, as FreeType names it.
  f->cff_ = Table(h.face, HB_TAG('C', 'F', 'F', ' ')).size() > 0 ||
            Table(h.face, HB_TAG('C', 'F', 'F', '2')).size() > 0;
  f->upem_ = hb_face_get_upem(h.face);
  f->ps_name_ = name_table_postscript_name(h.face);
  if (f->ps_name_.empty()) f->ps_name_ = spec.postscript_name;
  if (f->ps_name_.empty()) f->ps_name_ = "Font";
  if (!spec.postscript_name.empty() && spec.postscript_name != f->ps_name_)
    diags.warning({}, "font '" + spec.path + "' face " + std::to_string(spec.face_index) + " is '" +
                          f->ps_name_ + "', not '" + spec.postscript_name + "' as layout expected");
  h.font = hb_font_create(h.face);
  hb_font_set_scale(h.font, static_cast<int>(f->upem_), static_cast<int>(f->upem_));
  return f;
}

std::uint32_t OpenFont::glyph_for(char32_t cp) const {
  hb_codepoint_t gid = 0;
  return hb_font_get_nominal_glyph(h_->font, cp, &gid) ? gid : 0;
}

std::int64_t OpenFont::advance_micro_em(std::uint32_t gid) const {
  const hb_position_t adv = hb_font_get_glyph_h_advance(h_->font, gid);
  return std::llround(static_cast<double>(adv) * 1.0e6 / upem_);
}

std::array<double, 4> OpenFont::ink_box(std::uint32_t gid) const {
  hb_glyph_extents_t e{};
  if (!hb_font_get_glyph_extents(h_->font, gid, &e)) return {0, 0, 0, 0};
  return {to_glyph_space(e.x_bearing, upem_), to_glyph_space(e.y_bearing + e.height, upem_),
          to_glyph_space(e.x_bearing + e.width, upem_), to_glyph_space(e.y_bearing, upem_)};
}

std::string OpenFont::identity() const {
  struct stat st {};
  if (::stat(path_.c_str(), &st) != 0) st = {};
  unsigned file_size = 0;
  hb_blob_get_data(h_->blob, &file_size);
  std::string id = path_ + "\nface " + std::to_string(face_index_) + " size " + std::to_string(file_size) + " mtime " +
                   std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec) + " glyphs " +
                   std::to_string(glyph_count_) + " upem " + std::to_string(upem_) + " " + ps_name_ + "\nhead ";
  const Table head(h_->face, HB_TAG('h', 'e', 'a', 'd'));
  if (head.data() != nullptr) core::append_hex(id, std::string_view(head.data(), head.size()));
  return id;
}

/// The descriptor's numbers from head, hhea, OS/2 and post, with FreeType's choices: hhea's
/// ascender and descender unless both are 0 (then OS/2's typographic, then its Windows ones).
FontMetrics OpenFont::metrics() const {
  const Table head(h_->face, HB_TAG('h', 'e', 'a', 'd'));
  const Table hhea(h_->face, HB_TAG('h', 'h', 'e', 'a'));
  const Table os2(h_->face, HB_TAG('O', 'S', '/', '2'));
  const Table post(h_->face, HB_TAG('p', 'o', 's', 't'));
  FontMetrics m;
  for (unsigned i = 0; i < 4; ++i) m.bbox[i] = to_glyph_space(head.s16(36 + 2 * i), upem_);
  double asc = hhea.s16(4);
  double desc = hhea.s16(6);
  if (asc == 0 && desc == 0) asc = os2.s16(68), desc = os2.s16(70);
  if (asc == 0 && desc == 0) asc = os2.u16(74), desc = -static_cast<double>(os2.u16(76));
  m.ascent = to_glyph_space(asc, upem_);
  m.descent = to_glyph_space(desc, upem_);
  m.cap_height = m.ascent;  // fallback when OS/2 has no sCapHeight (version < 2)
  if (os2.size() >= 90 && os2.u16(0) >= 2) m.cap_height = to_glyph_space(os2.s16(88), upem_);
  m.italic_angle = static_cast<double>(post.s32(4)) / 65536.0;
  m.fixed_pitch = post.s32(12) != 0;
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

/// The CFF table rebuilt by sparse_cff_table when it is `from` bytes or more; null otherwise or
/// when it cannot be (the mapped table is read then). The table's place in the file is where
/// HarfBuzz's view of it starts in the mapped file.
hb_blob_t* OpenFont::sparse_cff(const std::set<std::uint32_t>& gids, std::uint32_t from) const {
  if (!cff_) return nullptr;
  const Table cff(h_->face, HB_TAG('C', 'F', 'F', ' '));
  unsigned file_size = 0;
  const char* file = hb_blob_get_data(h_->blob, &file_size);
  if (cff.size() < from || cff.data() == nullptr || file == nullptr || cff.data() < file ||
      cff.data() + cff.size() > file + file_size)
    return nullptr;
  return sparse_cff_table(path_, static_cast<std::uint64_t>(cff.data() - file), cff.size(), gids);
}

std::optional<SubsetResult> OpenFont::subset(const std::set<std::uint32_t>& gids, core::Diagnostics& diags,
                                             std::uint32_t sparse_cff_from) const {
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
  std::unique_ptr<hb_face_t, FaceDeleter> source(subset_source(h_->face, sparse_cff(gids, sparse_cff_from)));
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
