// text/bidi.cpp — UAX #9 levels and rule L2 with ICU's ubidi (see bidi.h).
#include "text/bidi.h"

#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/utf16.h>

#include <cassert>
#include <memory>
#include <string>

#include "core/utf8.h"

namespace cvpdf::text {
namespace {

struct UBiDiClose {
  void operator()(UBiDi* b) const { ubidi_close(b); }
};
using UBiDiPtr = std::unique_ptr<UBiDi, UBiDiClose>;

/// `text` as UTF-16, with the byte offset in `text` where each code unit's character starts.
struct Utf16 {
  std::u16string units;
  std::vector<std::size_t> byte_of;  ///< per unit, plus text.size() at the end
};

Utf16 to_utf16(std::string_view text) {
  Utf16 out;
  out.units.reserve(text.size());
  out.byte_of.reserve(text.size() + 1);
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const auto cp = static_cast<UChar32>(core::decode_utf8(text, i));
    UChar buf[2];
    int32_t n = 0;
    UBool error = false;
    U16_APPEND(buf, n, 2, cp, error);
    if (error) buf[0] = 0xFFFD, n = 1;
    for (int32_t k = 0; k < n; ++k) {
      out.units.push_back(static_cast<char16_t>(buf[k]));
      out.byte_of.push_back(start);
    }
  }
  out.byte_of.push_back(text.size());
  return out;
}

/// True if some character of `text` can raise a level to an odd one: right-to-left letters
/// (R, AL), Arabic digits (AN), and the RTL embeddings, overrides and isolates. Without them
/// a left-to-right paragraph has only even levels, which reorder nothing (rule L2) and shape
/// left to right: the common case, answered without ubidi (ASCII bytes are skipped at once).
bool may_need_rtl(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    switch (u_charDirection(static_cast<UChar32>(core::decode_utf8(text, i)))) {
      case U_RIGHT_TO_LEFT:
      case U_RIGHT_TO_LEFT_ARABIC:
      case U_ARABIC_NUMBER:
      case U_RIGHT_TO_LEFT_EMBEDDING:
      case U_RIGHT_TO_LEFT_OVERRIDE:
      case U_RIGHT_TO_LEFT_ISOLATE:
      case U_FIRST_STRONG_ISOLATE:
        return true;
      default:
        break;
    }
  }
  return false;
}

}  // namespace

BidiLevels resolve_bidi(std::string_view text, Direction base) {
  const UBiDiLevel para = base == Direction::Rtl ? 1 : 0;
  if (text.empty() || (para == 0 && !may_need_rtl(text))) return {};
  const Utf16 u = to_utf16(text);
  const auto len = static_cast<int32_t>(u.units.size());
  UErrorCode status = U_ZERO_ERROR;
  UBiDiPtr bidi(ubidi_openSized(len, 0, &status));
  if (U_SUCCESS(status))
    ubidi_setPara(bidi.get(), reinterpret_cast<const UChar*>(u.units.data()), len, para, nullptr,
                  &status);
  if (U_FAILURE(status)) return para == 0 ? BidiLevels{} : BidiLevels(text.size(), para);
  if (ubidi_getDirection(bidi.get()) == UBIDI_LTR && para == 0) return {};
  const UBiDiLevel* levels = ubidi_getLevels(bidi.get(), &status);
  if (U_FAILURE(status)) return para == 0 ? BidiLevels{} : BidiLevels(text.size(), para);
  BidiLevels out(text.size(), para);
  for (int32_t k = 0; k < len; ++k) {
    const auto unit = static_cast<std::size_t>(k);
    for (std::size_t b = u.byte_of[unit]; b < u.byte_of[unit + 1]; ++b) out[b] = levels[k];
  }
  return out;
}

std::vector<std::size_t> visual_order(std::span<const std::uint8_t> levels) {
  std::vector<std::size_t> order(levels.size());
  if (levels.empty()) return order;
  std::vector<int32_t> map(levels.size());
  ubidi_reorderVisual(levels.data(), static_cast<int32_t>(levels.size()), map.data());
  for (std::size_t k = 0; k < order.size(); ++k) {
    assert(map[k] >= 0);
    order[k] = static_cast<std::size_t>(map[k]);
  }
  return order;
}

bool is_rtl_language(std::string_view lang) {
  if (lang.empty()) return false;
  const std::string tag(lang);
  char locale[ULOC_FULLNAME_CAPACITY];
  UErrorCode status = U_ZERO_ERROR;
  uloc_forLanguageTag(tag.c_str(), locale, sizeof locale, nullptr, &status);
  if (U_FAILURE(status)) return false;
  return uloc_isRightToLeft(locale) != 0;
}

}  // namespace cvpdf::text
