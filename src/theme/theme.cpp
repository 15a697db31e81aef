// theme/theme.cpp — the built-in classic defaults and page sizes.
#include "theme/theme.h"

namespace cvpdf::theme {

namespace {

// Colours of the classic design: near-black text, a dark blue accent, grey for dates.
constexpr Color kInk{0x1a, 0x1a, 0x1a};
constexpr Color kAccent{0x1a, 0x4d, 0x8f};
constexpr Color kGrey{0x55, 0x55, 0x55};

TextStyle make(const char* font, Pt size, int weight, bool italic, Color color, double leading) {
  TextStyle s;
  s.font = font;
  s.size = size;
  s.weight = weight;
  s.italic = italic;
  s.color = color;
  s.leading = leading;
  return s;
}

}  // namespace

Theme default_theme() {
  Theme t;
  // Sizes follow a modular scale around a 10 pt body (the body size of moderncv and RenderCV's
  // classic theme); leading 1.3 is a common text leading for 10 pt serif at this measure.
  t.styles["name"] = make("heading", 24, 700, false, kInk, 1.15);
  t.styles["headline"] = make("body", 11, 400, true, kGrey, 1.3);
  t.styles["contact"] = make("body", 9, 400, false, kGrey, 1.35);
  t.styles["section_title"] = make("heading", 12, 700, false, kAccent, 1.2);
  t.styles["entry_title"] = make("body", 10, 700, false, kInk, 1.3);
  t.styles["body"] = make("body", 10, 400, false, kInk, 1.3);
  t.styles["date"] = make("body", 9.5, 400, false, kGrey, 1.3);
  t.styles["small"] = make("body", 9, 400, false, kGrey, 1.3);
  t.styles["footer"] = make("body", 8, 400, false, kGrey, 1.2);
  return t;
}

const TextStyle& Theme::style(const std::string& role) const {
  if (auto it = styles.find(role); it != styles.end()) return it->second;
  static const Theme defaults = default_theme();
  if (auto it = defaults.styles.find(role); it != defaults.styles.end()) return it->second;
  return defaults.styles.at("body");
}

bool set_page_size(PageSetup& page, const std::string& size) {
  if (size == "a4") {
    page.width = 210 * core::kPtPerMm;
    page.height = 297 * core::kPtPerMm;
  } else if (size == "letter" || size == "us-letter") {
    page.width = 8.5 * core::kPtPerInch;
    page.height = 11 * core::kPtPerInch;
  } else if (size == "a5") {
    page.width = 148 * core::kPtPerMm;
    page.height = 210 * core::kPtPerMm;
  } else {
    return false;
  }
  page.size = size == "us-letter" ? "letter" : size;
  return true;
}

}  // namespace cvpdf::theme
