// text/warm_up.cpp — see warm_up.h.
#include "text/warm_up.h"

#include "core/utf8.h"

namespace cvpdf::text {

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
  core::Diagnostics unheard;  // what shaping the sample says is the render's to say, later
  for (const Style& style : styles)
    for (std::size_t i = 0; i < sample.size();) {
      const std::size_t begin = i;
      core::decode_utf8(sample, i);
      try {
        const FontStore::QuietScope quiet;  // only lookups the store answers without a word
        (void)shape(fonts, sample, begin, i, style, unheard, {});
      } catch (const FontStore::NotQuiet&) {
        // the render's find() looks this family up itself
      }
    }
}

}  // namespace cvpdf::text
