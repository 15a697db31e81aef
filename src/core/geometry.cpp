#include "core/geometry.h"

#include <charconv>
#include <string>

namespace cvpdf::core {

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<Color> parse_hex_color(std::string_view s) {
  if (s.empty() || s[0] != '#') return std::nullopt;
  s.remove_prefix(1);
  int v[6];
  for (std::size_t i = 0; i < s.size() && i < 6; ++i) {
    v[i] = hex_digit(s[i]);
    if (v[i] < 0) return std::nullopt;
  }
  if (s.size() == 3) {
    return Color{static_cast<std::uint8_t>(v[0] * 17), static_cast<std::uint8_t>(v[1] * 17),
                 static_cast<std::uint8_t>(v[2] * 17)};
  }
  if (s.size() == 6) {
    return Color{static_cast<std::uint8_t>(v[0] * 16 + v[1]),
                 static_cast<std::uint8_t>(v[2] * 16 + v[3]),
                 static_cast<std::uint8_t>(v[4] * 16 + v[5])};
  }
  return std::nullopt;
}

std::optional<Pt> parse_length(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  double value = 0;
  // from_chars for double is locale-free (unlike strtod).
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc{}) return std::nullopt;
  std::string_view unit(end, static_cast<std::size_t>(s.data() + s.size() - end));
  while (!unit.empty() && unit.front() == ' ') unit.remove_prefix(1);
  if (unit.empty() || unit == "pt") return value;
  if (unit == "mm") return value * kPtPerMm;
  if (unit == "cm") return value * kPtPerMm * 10.0;
  if (unit == "in") return value * kPtPerInch;
  return std::nullopt;
}

}  // namespace cvpdf::core
