// text/shape.cpp — shaping the runs of itemize() with HarfBuzz; glyphs in points. See shape.h.
//
// Each run is added to the buffer with the whole text around it
// (hb_buffer_add_utf8(buf, text, len, run_start, run_len)) so that HarfBuzz sees the context,
// with cluster level MONOTONE_CHARACTERS, the style's language, the direction of the run's bidi
// level (odd: RTL, so HarfBuzz joins and mirrors) and the script guessed from the run. Cluster
// values are byte offsets in the whole text, so a glyph's source
// range is [its cluster, the next larger cluster of the run or the run's end).
#include "text/shape.h"

#include <algorithm>
#include <cassert>
#include <climits>
#include <cstdio>
#include <optional>

#include "text/font_store_impl.h"
#include "text/itemize.h"
#include "text/shape_memo.h"

namespace cvpdf::text {
namespace {

/// Code points of context a memo key holds on each side of a run: HarfBuzz reads at most 5
/// (HB_BUFFER_CONTEXT_LENGTH), so two runs of equal keys were shaped from equal input.
constexpr int kContextCodePoints = 8;

/// The start of the code point `n` code points before `at` (or 0).
std::size_t back_code_points(std::string_view text, std::size_t at, int n) {
  while (at > 0 && n > 0) {
    --at;
    if ((static_cast<unsigned char>(text[at]) & 0xC0) != 0x80) --n;
  }
  return at;
}

/// The end of the code point `n` code points after `at` (or the text's end).
std::size_t forward_code_points(std::string_view text, std::size_t at, int n) {
  while (at < text.size() && n > 0) {
    ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
    --n;
  }
  return at;
}

/// What HarfBuzz sees of `run` (shape_buffer): the face, language, script, direction, whether
/// the run starts or ends the text, its text and the context around it.
std::string memo_key(const OpenFace& face, std::string_view text, const Run& run, const std::string& lang) {
  const std::size_t from = back_code_points(text, run.begin, kContextCodePoints);
  const std::size_t to = forward_code_points(text, run.end, kContextCodePoints);
  std::string key = face.identity;
  key += '\n';
  key += lang;
  char props[40];
  std::snprintf(props, sizeof props, "\n%08x %c %d %d %zu %zu\n", static_cast<unsigned>(run.script),
                (run.level & 1) != 0 ? 'R' : 'L', run.begin == 0 ? 1 : 0, run.end == text.size() ? 1 : 0,
                run.begin - from, run.end - run.begin);
  key += props;
  key.append(text.substr(from, to - from));
  return key;
}

/// Whether a memo's glyphs can be `run`'s in `face`: each glyph one of the face's and its
/// cluster inside the run. (A memo is checked for damage, not against someone who rewrites it
/// with a right checksum: this keeps such a file from giving layout text ranges outside the
/// text; it is then shaped anew.)
bool fits(const MemoGlyphs& glyphs, const Run& run, const OpenFace& face) {
  const unsigned count = hb_face_get_glyph_count(face.hb_face.get());
  const std::size_t length = run.end - run.begin;
  return std::all_of(glyphs.begin(), glyphs.end(),
                     [&](const MemoGlyph& g) { return g.gid < count && g.cluster < length; });
}

/// Shapes one run into `buf` (cleared first).
void shape_buffer(hb_font_t* font, hb_buffer_t* buf, std::string_view text, const Run& run,
                  hb_language_t lang) {
  hb_buffer_clear_contents(buf);
  hb_buffer_add_utf8(buf, text.data(), static_cast<int>(text.size()),
                     static_cast<unsigned>(run.begin), static_cast<int>(run.end - run.begin));
  unsigned flags = HB_BUFFER_FLAG_DEFAULT;
  if (run.begin == 0) flags |= HB_BUFFER_FLAG_BOT;
  if (run.end == text.size()) flags |= HB_BUFFER_FLAG_EOT;
  hb_buffer_set_flags(buf, static_cast<hb_buffer_flags_t>(flags));
  hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  hb_buffer_set_language(buf, lang);
  if (run.script != HB_SCRIPT_COMMON) hb_buffer_set_script(buf, run.script);
  hb_buffer_set_direction(buf, (run.level & 1) != 0 ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  hb_buffer_guess_segment_properties(buf);
  hb_shape(font, buf, nullptr, 0);
}

/// The glyphs HarfBuzz left in `buf` for `run`, clusters relative to the run's start.
MemoGlyphs read_buffer(hb_buffer_t* buf, const Run& run) {
  unsigned count = 0;
  const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buf, &count);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &count);
  MemoGlyphs out(count);
  for (unsigned i = 0; i < count; ++i) {
    out[i].gid = infos[i].codepoint;
    out[i].cluster = infos[i].cluster - static_cast<std::uint32_t>(run.begin);
    out[i].x_advance = pos[i].x_advance;
    out[i].x_offset = pos[i].x_offset;
    out[i].y_offset = pos[i].y_offset;
    out[i].unsafe_to_break = (hb_glyph_info_get_glyph_flags(&infos[i]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) != 0;
  }
  return out;
}

/// The distinct cluster values of the glyphs, ascending (for the end of each cluster).
std::vector<uint32_t> cluster_starts(const MemoGlyphs& glyphs) {
  std::vector<uint32_t> starts;
  starts.reserve(glyphs.size());
  for (const MemoGlyph& g : glyphs) starts.push_back(g.cluster);
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  return starts;
}

/// Appends the glyphs of `run` (face `run.face`) to `out`, in points.
void append_glyphs(const MemoGlyphs& glyphs, const Run& run, double scale, std::vector<ShapedGlyph>& out) {
  const std::vector<uint32_t> starts = cluster_starts(glyphs);
  const auto begin = static_cast<uint32_t>(run.begin);
  for (std::size_t i = 0; i < glyphs.size(); ++i) {
    ShapedGlyph g;
    g.face = run.face;
    g.gid = glyphs[i].gid;
    g.advance = glyphs[i].x_advance * scale;
    g.dx = glyphs[i].x_offset * scale;
    g.dy = glyphs[i].y_offset * scale;
    const uint32_t cluster = glyphs[i].cluster;
    g.text_begin = g.text_end = begin + cluster;
    if (i == 0 || glyphs[i - 1].cluster != cluster) {
      auto next = std::upper_bound(starts.begin(), starts.end(), cluster);
      g.text_end = next != starts.end() ? begin + *next : static_cast<uint32_t>(run.end);
    }
    g.unsafe_to_break = glyphs[i].unsafe_to_break;
    out.push_back(g);
  }
}

}  // namespace

std::vector<ShapedGlyph> shape(FontStore& fonts, std::string_view text, std::size_t begin,
                               std::size_t end, const Style& style, core::Diagnostics& diags,
                               const core::SourceLoc& loc, const BidiLevels* levels) {
  assert(begin <= end && end <= text.size());
  assert(text.size() < static_cast<std::size_t>(INT_MAX));
  std::vector<ShapedGlyph> out;
  if (begin >= end) return out;
  FontStack stack(fonts, style.families, style.weight, style.italic, style.lang, diags);
  if (stack.first_available() == kNoFace) {
    diags.warning(loc, "no font of the stack (" + stack.names() + ") is available; text not shown",
                  "install one of these fonts or change the theme's font stack");
    return out;
  }
  const BidiLevels own = levels == nullptr ? resolve_bidi(text, Direction::Ltr) : BidiLevels{};
  const std::vector<Run> runs =
      itemize(fonts, text, begin, end, stack, levels != nullptr ? *levels : own, diags, loc);
  HbBufferPtr buf;
  const hb_language_t lang = hb_language_from_string(style.lang.c_str(), -1);
  ShapeMemo* const memo = fonts.impl().shape_memo;
  out.reserve(end - begin);
  for (const Run& run : runs) {
    const OpenFace& face = fonts.impl().face(run.face);
    std::string key;
    std::optional<MemoGlyphs> glyphs;
    if (memo != nullptr) {
      key = memo_key(face, text, run, style.lang);
      glyphs = memo->find(key);
      if (glyphs && !fits(*glyphs, run, face)) glyphs.reset();
    }
    if (!glyphs) {
      if (!buf) buf.reset(hb_buffer_create());
      shape_buffer(face.hb_font.get(), buf.get(), text, run, lang);
      glyphs = read_buffer(buf.get(), run);
      if (memo != nullptr) memo->add(key, *glyphs);
    }
    append_glyphs(*glyphs, run, style.size / face.info.units_per_em, out);
  }
  return out;
}

}  // namespace cvpdf::text
