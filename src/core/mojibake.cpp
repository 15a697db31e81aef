// core/mojibake.cpp — see mojibake.h. Windows-1252 table: the WHATWG Encoding Standard's
// index-windows-1252 (bytes 0x80–0x9F; 0xA0–0xFF are Latin-1).
#include "core/mojibake.h"

#include <algorithm>
#include <array>
#include <vector>

#include "core/utf8.h"

namespace cvpdf::core {

namespace {

/// Windows-1252 bytes 0x80–0x9F. The five undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to
/// their C1 controls, as decoders that fall back to Latin-1 leave them.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

/// The byte Windows-1252 (or Latin-1) encodes `cp` as; -1 for ASCII and for characters it
/// cannot encode. Only non-ASCII bytes matter: mojibake of UTF-8 never contains ASCII.
int cp1252_byte(char32_t cp) {
  if (cp >= 0xA0 && cp <= 0xFF) return static_cast<int>(cp);
  for (std::size_t i = 0; i < kCp1252High.size(); ++i)
    if (kCp1252High[i] == cp) return static_cast<int>(0x80 + i);
  return -1;
}

/// Length of a valid multi-byte UTF-8 sequence at bytes[i] (2–4), or 0.
std::size_t utf8_sequence(const std::vector<unsigned char>& bytes, std::size_t i) {
  const unsigned char b = bytes[i];
  const std::size_t n = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3
                        : b >= 0xF0 && b <= 0xF4                          ? 4
                                                                          : 0;
  if (n == 0 || i + n > bytes.size()) return 0;
  std::string seq(bytes.begin() + static_cast<std::ptrdiff_t>(i),
                  bytes.begin() + static_cast<std::ptrdiff_t>(i + n));
  return find_invalid_utf8(seq) == std::string::npos ? n : 0;
}

/// Repairs one run of encodable characters (their code points and bytes); appends to `out`.
bool repair_run(const std::vector<char32_t>& cps, const std::vector<unsigned char>& bytes,
                std::string& out) {
  bool changed = false;
  for (std::size_t i = 0; i < bytes.size();) {
    if (const std::size_t n = utf8_sequence(bytes, i)) {
      out.append(bytes.begin() + static_cast<std::ptrdiff_t>(i),
                 bytes.begin() + static_cast<std::ptrdiff_t>(i + n));
      i += n;
      changed = true;
    } else {
      append_utf8(out, cps[i]);
      ++i;
    }
  }
  return changed;
}

}  // namespace

std::optional<std::string> repair_mojibake(std::string_view s) {
  // ASCII reads the same in UTF-8 and Windows-1252: nothing to repair (most fields of a CV;
  // the scan below costs ~100 instructions a byte, 1 M for the seed CV: issue 9).
  if (std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return std::nullopt;
  if (find_invalid_utf8(s) != std::string_view::npos) return std::nullopt;
  std::string out;
  std::vector<char32_t> run;
  std::vector<unsigned char> bytes;
  bool changed = false;
  const auto flush = [&] {
    changed = repair_run(run, bytes, out) || changed;
    run.clear();
    bytes.clear();
  };
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const char32_t cp = decode_utf8(s, i);
    const int b = cp1252_byte(cp);
    if (b < 0) {
      flush();
      out.append(s.substr(start, i - start));
      continue;
    }
    run.push_back(cp);
    bytes.push_back(static_cast<unsigned char>(b));
  }
  flush();
  if (!changed || out.size() >= s.size()) return std::nullopt;
  return out;
}

}  // namespace cvpdf::core
