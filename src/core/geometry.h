// core/geometry.h — units, points, rectangles and colours shared by layout, frame and pdf.
//
// All lengths are PostScript points (1/72 in) as `double`. The page coordinate system of every
// stage before pdf/ is y-down from the top-left corner of the page; pdf/ flips it.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace cvpdf::core {

/// A length in PostScript points.
using Pt = double;

inline constexpr Pt kPtPerMm = 72.0 / 25.4;
inline constexpr Pt kPtPerInch = 72.0;

struct Point {
  Pt x = 0;
  Pt y = 0;
  friend bool operator==(const Point&, const Point&) = default;
};

struct Size {
  Pt width = 0;
  Pt height = 0;
  friend bool operator==(const Size&, const Size&) = default;
};

/// An axis-aligned box, y-down: (x, y) is the top-left corner.
struct Rect {
  Pt x = 0;
  Pt y = 0;
  Pt width = 0;
  Pt height = 0;
  friend bool operator==(const Rect&, const Rect&) = default;
};

/// An sRGB colour with 8-bit channels.
struct Color {
  std::uint8_t r = 0;
  std::uint8_t g = 0;
  std::uint8_t b = 0;
  friend bool operator==(const Color&, const Color&) = default;
};

/// Parses "#rgb", "#rrggbb" (case-insensitive). Returns nullopt on anything else.
std::optional<Color> parse_hex_color(std::string_view s);

/// Parses a length such as "12pt", "2.5cm", "18mm", "1in"; a bare number is points.
std::optional<Pt> parse_length(std::string_view s);

}  // namespace cvpdf::core
