// text/warm_up.cpp — see warm_up.h.
#include "text/warm_up.h"

#include "core/utf8.h"
#include "text/font_store_impl.h"

namespace cvpdf::text {
namespace {

/// Shapes the single code point `cp` with `face`, with the segment properties shape() gives a
/// run of it (direction and script from the code point, the style's language).
void shape_one(hb_font_t* font, char32_t cp, hb_language_t lang) {
  HbBufferPtr buf(hb_buffer_create());
  hb_buffer_add_utf32(buf.get(), reinterpret_cast<const std::uint32_t*>(&cp), 1, 0, 1);
  hb_buffer_set_cluster_level(buf.get(), HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  hb_buffer_set_language(buf.get(), lang);
  hb_buffer_guess_segment_properties(buf.get());
  hb_shape(font, buf.get(), nullptr, 0);
}

}  // namespace

std::string script_sample(const std::string& lang) {
  const std::string base = lang.substr(0, lang.find_first_of("-_"));
  std::string sample = "a";
  if (base == "zh") sample += "\u4E2D";             // 中
  else if (base == "ja") sample += "\u65E5\u3042";  // 日あ
  else if (base == "ko") sample += "\uD55C";        // 한
  else if (base == "ar" || base == "fa" || base == "ur") sample += "\u0628";  // ب
  else if (base == "he" || base == "yi") sample += "\u05D0";                  // א
  else if (base == "ru" || base == "uk" || base == "bg" || base == "sr" || base == "be" ||
           base == "mk" || base == "kk")
    sample += "\u0431";  // б
  else if (base == "el") sample += "\u03B1";  // α
  return sample;
}

void warm_up(FontStore& fonts, const std::vector<Style>& styles, std::string_view sample) {
  std::vector<char32_t> cps;
  for (std::size_t i = 0; i < sample.size();) cps.push_back(core::decode_utf8(sample, i));
  for (const Style& style : styles) {
    const hb_language_t lang = hb_language_from_string(style.lang.c_str(), -1);
    for (const char32_t cp : cps) {
      for (const std::string& family : style.families) {
        const std::optional<FaceId> id = fonts.find_quietly(family, style.weight, style.italic, style.lang);
        if (!id) break;                    // the render's find() looks this one up itself
        if (*id == kNoFace) continue;      // not installed: the stack goes on
        if (fonts.glyph_for(*id, cp) == 0) continue;
        shape_one(fonts.impl().face(*id).hb_font.get(), cp, lang);
        break;
      }
    }
  }
}

}  // namespace cvpdf::text
