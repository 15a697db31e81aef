// pdf/encode.cpp — number, text, date and hash encoders for the PDF writer (see encode.h).
#include "pdf/encode.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <ctime>

#include "core/utf8.h"

namespace cvpdf::pdf {
namespace {

/// The largest magnitude we print; PDF 1.7 Annex C gives ±3.403×10³⁸ for reals, but readers
/// historically cap at 32767 for integers in some places — page coordinates never get near.
constexpr double kMaxAbs = 327670000.0;

void append_utf16(std::string& out, char32_t cp) {
  auto unit = [&out](std::uint32_t u) {
    out.push_back(static_cast<char>((u >> 8) & 0xFF));
    out.push_back(static_cast<char>(u & 0xFF));
  };
  if (cp >= 0x10000) {
    const std::uint32_t v = static_cast<std::uint32_t>(cp) - 0x10000;
    unit(0xD800 + (v >> 10));
    unit(0xDC00 + (v & 0x3FF));
  } else {
    unit(static_cast<std::uint32_t>(cp));
  }
}

/// The letters of the Latin presentation-form ligatures U+FB00–FB06, or nullptr.
const char* ligature_letters(char32_t cp) {
  switch (cp) {
    case 0xFB00: return "ff";
    case 0xFB01: return "fi";
    case 0xFB02: return "fl";
    case 0xFB03: return "ffi";
    case 0xFB04: return "ffl";
    case 0xFB05: return "st";  // long s + t
    case 0xFB06: return "st";
    default: return nullptr;
  }
}

}  // namespace

std::string fmt_num(double v) {
  if (!std::isfinite(v)) v = 0;
  v = std::clamp(v, -kMaxAbs, kMaxAbs);
  return fmt_milli(std::llround(v * 1000.0));
}

std::string fmt_milli(std::int64_t milli) {
  if (milli == 0) return "0";
  const bool neg = milli < 0;
  const std::uint64_t mag = neg ? 0 - static_cast<std::uint64_t>(milli) : static_cast<std::uint64_t>(milli);
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, mag / 1000);
  std::string out = neg ? "-" : "";
  out.append(buf, r.ptr);
  std::uint64_t frac = mag % 1000;
  if (frac != 0) {
    char digits[4] = {static_cast<char>('0' + frac / 100), static_cast<char>('0' + frac / 10 % 10),
                      static_cast<char>('0' + frac % 10), 0};
    std::string f(digits);
    while (f.back() == '0') f.pop_back();
    out += '.';
    out += f;
  }
  return out;
}

void append_hex(std::string& out, std::uint32_t v, int digits) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (int i = digits - 1; i >= 0; --i) out.push_back(kHex[(v >> (4 * i)) & 0xF]);
}

std::string utf16be_text(std::string_view utf8) {
  std::string out;
  std::size_t i = 0;
  while (i < utf8.size()) {
    const char32_t cp = core::decode_utf8(utf8, i);
    if (const char* letters = ligature_letters(cp)) {
      for (const char* p = letters; *p; ++p) append_utf16(out, static_cast<char32_t>(*p));
    } else {
      append_utf16(out, cp);
    }
  }
  return out;
}

std::string hex_text_string(std::string_view utf8) {
  std::string out = "<FEFF";
  for (unsigned char c : utf16be_text(utf8)) append_hex(out, c, 2);
  out += '>';
  return out;
}

namespace {

std::string utc_date(std::int64_t epoch, const char* format, const char* fallback) {
  const auto t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  if (gmtime_r(&t, &tm) == nullptr) return fallback;
  char buf[32];
  // Only numeric conversions: strftime's output is locale-independent for these.
  const std::size_t n = std::strftime(buf, sizeof buf, format, &tm);
  return std::string(buf, n);
}

}  // namespace

std::string pdf_date(std::int64_t epoch) { return utc_date(epoch, "D:%Y%m%d%H%M%SZ", "D:19700101000000Z"); }

std::string xmp_date(std::int64_t epoch) {
  return utc_date(epoch, "%Y-%m-%dT%H:%M:%SZ", "1970-01-01T00:00:00Z");
}

}  // namespace cvpdf::pdf
