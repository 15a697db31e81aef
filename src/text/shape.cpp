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

#include "text/font_store_impl.h"
#include "text/itemize.h"

namespace cvpdf::text {
namespace {

/// The distinct cluster values of the buffer, ascending (for the end of each cluster).
std::vector<uint32_t> cluster_starts(const hb_glyph_info_t* infos, unsigned count) {
  std::vector<uint32_t> starts;
  starts.reserve(count);
  for (unsigned i = 0; i < count; ++i) starts.push_back(infos[i].cluster);
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  return starts;
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

/// Appends the shaped glyphs of `buf` (run `run`, face `face`) to `out`, in points.
void append_glyphs(hb_buffer_t* buf, const Run& run, double scale, std::vector<ShapedGlyph>& out) {
  unsigned count = 0;
  const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buf, &count);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &count);
  const std::vector<uint32_t> starts = cluster_starts(infos, count);
  for (unsigned i = 0; i < count; ++i) {
    ShapedGlyph g;
    g.face = run.face;
    g.gid = infos[i].codepoint;
    g.advance = pos[i].x_advance * scale;
    g.dx = pos[i].x_offset * scale;
    g.dy = pos[i].y_offset * scale;
    const uint32_t cluster = infos[i].cluster;
    g.text_begin = g.text_end = cluster;
    if (i == 0 || infos[i - 1].cluster != cluster) {
      auto next = std::upper_bound(starts.begin(), starts.end(), cluster);
      g.text_end = next != starts.end() ? *next : static_cast<uint32_t>(run.end);
    }
    g.unsafe_to_break =
        (hb_glyph_info_get_glyph_flags(&infos[i]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) != 0;
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
  HbBufferPtr buf(hb_buffer_create());
  const hb_language_t lang = hb_language_from_string(style.lang.c_str(), -1);
  out.reserve(end - begin);
  for (const Run& run : runs) {
    const OpenFace& face = fonts.impl().face(run.face);
    shape_buffer(face.hb_font.get(), buf.get(), text, run, lang);
    append_glyphs(buf.get(), run, style.size / face.info.units_per_em, out);
  }
  return out;
}

}  // namespace cvpdf::text
