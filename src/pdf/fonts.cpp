// pdf/fonts.cpp — from the runs of a frame document to subset, embeddable fonts (see fonts.h).
//
// Control flow: collect_uses (which faces, glyphs and trailing-space code points the runs use,
// in order of first use) → per face: open + validate → add trailing-space glyphs → check glyph
// ids → subset once → widths, metrics and the subset tag.
#include "pdf/fonts.h"

#include <algorithm>
#include <iterator>
#include <cmath>
#include <set>
#include <tuple>

#include "core/parallel.h"
#include "core/utf8.h"
#include "pdf/encode.h"
#include "pdf/font_face.h"
#include "pdf/program_cache.h"

namespace cvpdf::pdf {
namespace {

/// What the runs of the document need from one distinct face.
struct FaceUse {
  const frame::FontFace* spec = nullptr;
  std::set<std::uint32_t> gids;  ///< original glyph ids
  std::set<char32_t> trailing;   ///< single code points of GlyphRun::trailing_space
  std::set<std::uint32_t> rtl_gids;  ///< glyphs drawn in right-to-left runs
  std::set<std::pair<char32_t, std::int64_t>> type3_keys;  ///< colour faces: the text codes
};

/// The Type 3 codes a colour run needs (text_layer.cpp places it the same way).
void add_type3_keys(const frame::GlyphRun& run, FaceUse& use) {
  const double size = run.size > 0 ? run.size : 1;
  for (const frame::Glyph& g : run.glyphs) {
    if (g.text_begin > g.text_end || g.text_end > run.text.size()) continue;  // text_layer reports it
    const std::string_view text = std::string_view(run.text).substr(g.text_begin, g.text_end - g.text_begin);
    for (const Type3Char& c : type3_chars(text, std::llround(g.advance * 1.0e6 / size)))
      use.type3_keys.insert({c.cp, c.width});
  }
  if (char32_t cp = trailing_code_point(run.trailing_space)) use.type3_keys.insert({cp, kType3SpaceMicroEm});
}

/// Distinct faces in order of first use; `slot` maps frame font indices onto them.
struct Uses {
  std::vector<FaceUse> faces;
  std::vector<int> slot;
};

bool collect_run(const frame::GlyphRun& run, const frame::Document& doc, Uses& uses,
                 std::map<std::tuple<std::string, int>, int>& by_key, core::Diagnostics& diags) {
  if (run.font < 0 || static_cast<std::size_t>(run.font) >= doc.fonts.size()) {
    diags.error({}, "glyph run \"" + run.text + "\" refers to font " + std::to_string(run.font) + " but the document has " +
                        std::to_string(doc.fonts.size()) + " fonts");
    return false;
  }
  const auto fi = static_cast<std::size_t>(run.font);
  if (uses.slot[fi] < 0) {
    const frame::FontFace& spec = doc.fonts[fi];
    auto [it, fresh] = by_key.try_emplace({spec.path, spec.face_index}, static_cast<int>(uses.faces.size()));
    if (fresh) uses.faces.push_back(FaceUse{&spec, {}, {}, {}, {}});
    uses.slot[fi] = it->second;
  }
  FaceUse& use = uses.faces[static_cast<std::size_t>(uses.slot[fi])];
  for (const frame::Glyph& g : run.glyphs) use.gids.insert(g.gid);
  if (run.rtl)
    for (const frame::Glyph& g : run.glyphs) use.rtl_gids.insert(g.gid);
  if (char32_t cp = trailing_code_point(run.trailing_space)) use.trailing.insert(cp);
  if (use.spec->color_bitmap) add_type3_keys(run, use);
  return true;
}

std::optional<Uses> collect_uses(const frame::Document& doc, core::Diagnostics& diags) {
  Uses uses;
  uses.slot.assign(doc.fonts.size(), -1);
  std::map<std::tuple<std::string, int>, int> by_key;
  bool ok = true;
  for (const frame::Page& page : doc.pages)
    for (const frame::Item& item : page.items)
      if (const auto* run = std::get_if<frame::GlyphRun>(&item))
        ok = collect_run(*run, doc, uses, by_key, diags) && ok;
  if (!ok) return std::nullopt;
  return uses;
}

/// Six letters A–Z from the PostScript name and the sorted glyph set (PDF 1.7 §9.6.4).
std::string subset_tag(const std::string& ps_name, const std::set<std::uint32_t>& gids) {
  Fnv64 h;
  h.add(ps_name);
  for (std::uint32_t g : gids) h.add_u32(g);
  std::uint64_t v = h.value();
  std::string tag;
  for (int i = 0; i < 6; ++i, v /= 26) tag.push_back(static_cast<char>('A' + v % 26));
  return tag;
}

bool check_gids(const FaceUse& use, const OpenFont& font, core::Diagnostics& diags) {
  if (use.gids.empty() || *use.gids.rbegin() < font.glyph_count()) return true;
  diags.error({}, "glyph id " + std::to_string(*use.gids.rbegin()) + " is out of range for font '" + use.spec->path +
                      "' (" + font.postscript_name() + ", " + std::to_string(font.glyph_count()) + " glyphs)");
  return false;
}

/// A colour bitmap face as a Type 3 font: one code per (code point, width) in order, and a
/// bounding box that holds every picture.
std::optional<EmbeddedFont> embed_type3(const FaceUse& use, const OpenFont& font, std::size_t index,
                                        core::Diagnostics& diags) {
  if (use.type3_keys.size() > kMaxType3Codes) {
    diags.error({}, "the emoji of the document need " + std::to_string(use.type3_keys.size()) +
                        " distinct text codes in the colour font '" + use.spec->path + "'; at most " +
                        std::to_string(kMaxType3Codes) + " can be written",
                "use fewer distinct emoji");
    return std::nullopt;
  }
  EmbeddedFont ef;
  ef.type3 = true;
  ef.resource = "F" + std::to_string(index + 1);
  ef.base_font = font.postscript_name();
  ef.metrics = font.metrics();
  std::uint16_t code = 1;
  for (const auto& key : use.type3_keys) {
    ef.type3_code[key] = code;
    ef.width_of[code] = key.second;
    ++code;
  }
  // FreeType gives a bitmap-only face no bounding box: the union of the pictures' boxes.
  std::fill(std::begin(ef.metrics.bbox), std::end(ef.metrics.bbox), 0.0);
  for (std::uint32_t gid : use.gids) {
    const auto box = font.ink_box(gid);
    for (int i = 0; i < 4; ++i)
      ef.metrics.bbox[i] = i < 2 ? std::min(ef.metrics.bbox[i], box[i]) : std::max(ef.metrics.bbox[i], box[i]);
  }
  return ef;
}

/// The subset of `use.gids`: kept from an earlier run if `cache` has it (program_cache.h), else
/// made by hb-subset, packed, and kept for the next run.
std::optional<CachedProgram> subset_program(const FaceUse& use, const OpenFont& font, BlobStore* cache,
                                            core::Diagnostics& diags) {
  std::optional<ProgramKey> key;
  if (cache != nullptr) {
    key = program_key(font.identity(), use.gids);
    if (auto bytes = cache->get(key->name))
      if (auto kept = decode_program(*bytes, key->text, use.gids)) return kept;
  }
  auto sub = font.subset(use.gids, diags);
  if (!sub) return std::nullopt;
  CachedProgram p{std::move(sub->program), {}, std::move(sub->code_of)};
  p.packed = pack(p.program);
  if (key) cache->put(key->name, encode_program(key->text, p));
  return p;
}

std::optional<EmbeddedFont> embed_face(FaceUse& use, std::size_t index, BlobStore* cache, core::Diagnostics& diags) {
  auto font = OpenFont::open(*use.spec, diags);
  if (!font || !check_gids(use, *font, diags)) return std::nullopt;
  if (use.spec->color_bitmap) return embed_type3(use, *font, index, diags);
  EmbeddedFont ef;
  for (char32_t cp : use.trailing)
    if (std::uint32_t g = font->glyph_for(cp)) {
      ef.char_gid[cp] = g;
      use.gids.insert(g);
    }
  auto sub = subset_program(use, *font, cache, diags);
  if (!sub) return std::nullopt;
  ef.resource = "F" + std::to_string(index + 1);
  ef.base_font = subset_tag(font->postscript_name(), use.gids) + "+" + font->postscript_name();
  ef.cff = font->is_cff();
  ef.program = std::move(sub->program);
  ef.packed_program = std::move(sub->packed);
  ef.metrics = font->metrics();
  ef.code_of = std::move(sub->code_of);
  for (const auto& [gid, code] : ef.code_of) {
    const std::int64_t w = font->advance_micro_em(gid);
    ef.width_of[code] = w == 0 && use.rtl_gids.count(gid) != 0 ? kRtlMarkMicroEm : w;
  }
  return ef;
}

}  // namespace

const EmbeddedFont* FontTable::for_run(int frame_font) const {
  if (frame_font < 0 || static_cast<std::size_t>(frame_font) >= slot.size()) return nullptr;
  const int s = slot[static_cast<std::size_t>(frame_font)];
  return s < 0 ? nullptr : &fonts[static_cast<std::size_t>(s)];
}

std::vector<Type3Char> type3_chars(std::string_view text, std::int64_t advance) {
  std::vector<Type3Char> out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t begin = i;
    const char32_t cp = core::decode_utf8(text, i);
    out.push_back({cp, 0, text.substr(begin, i - begin)});
  }
  const auto n = static_cast<std::int64_t>(out.size());
  for (std::int64_t k = 0; k < n; ++k)  // exact shares: they add up to `advance`
    out[static_cast<std::size_t>(k)].width = advance * (k + 1) / n - advance * k / n;
  return out;
}

char32_t trailing_code_point(const std::string& trailing_space) {
  if (trailing_space.empty()) return 0;
  std::size_t i = 0;
  const char32_t cp = core::decode_utf8(trailing_space, i);
  return i == trailing_space.size() ? cp : 0;
}

std::optional<FontTable> prepare_fonts(const frame::Document& doc, core::Diagnostics& diags,
                                       unsigned threads, const std::function<void()>& alongside,
                                       BlobStore* cache) {
  auto uses = collect_uses(doc, diags);
  if (!uses) {
    if (alongside) alongside();
    return std::nullopt;
  }
  // One task per face, each with its own result and messages (core/parallel.h).
  const std::size_t n = uses->faces.size();
  std::vector<std::optional<EmbeddedFont>> embedded(n);
  std::vector<core::Diagnostics> said(n);
  std::vector<std::function<void()>> tasks;
  if (alongside) tasks.push_back(alongside);
  for (std::size_t i = 0; i < n; ++i)
    tasks.push_back([&, i] { embedded[i] = embed_face(uses->faces[i], i, cache, said[i]); });
  core::run_tasks(tasks, threads);
  FontTable table;
  table.slot = uses->slot;
  bool ok = true;
  for (std::size_t i = 0; i < n; ++i) {
    diags.merge(said[i]);
    if (embedded[i]) table.fonts.push_back(std::move(*embedded[i]));
    ok = ok && embedded[i].has_value();
  }
  if (!ok) return std::nullopt;
  return table;
}

}  // namespace cvpdf::pdf
