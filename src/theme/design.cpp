// theme/design.cpp — see design.h. RenderCV's design fields: notes/formats.md (v2.8).
//
// Mapping (RenderCV → Theme): page.size → page (a4, a5, us-letter); page.*_margin → margins;
// page.show_footer → footer; colors.{body, name, headline, connections, section_titles, links,
// footer} → the role colours (section_titles also colours the rule); typography.font_size.*
// → role sizes; typography.line_spacing (Typst's paragraph leading, an em gap between lines)
// → each role's leading as 1 + the gap; header.connections.separator → contact separator;
// section_titles.type (lines on or off) and .line_thickness → the section rule;
// entries.highlights.bullet → bullet; entries.date_and_location_width → the date column;
// theme: classic (cvpdf's own; others are warned about).
#include "theme/design.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>

namespace cvpdf::theme {

namespace {

/// CSS named colours RenderCV examples use, plus hex (core::parse_hex_color) and rgb(r, g, b).
std::optional<Color> parse_color(const std::string& s) {
  static const std::map<std::string, Color> kNamed = {
      {"black", {0, 0, 0}},        {"white", {255, 255, 255}}, {"red", {255, 0, 0}},
      {"green", {0, 128, 0}},      {"blue", {0, 0, 255}},      {"gray", {128, 128, 128}},
      {"grey", {128, 128, 128}},   {"navy", {0, 0, 128}},      {"maroon", {128, 0, 0}},
      {"purple", {128, 0, 128}},   {"teal", {0, 128, 128}},    {"darkblue", {0, 0, 139}}};
  if (auto it = kNamed.find(s); it != kNamed.end()) return it->second;
  if (auto c = core::parse_hex_color(s)) return c;
  int r = 0, g = 0, b = 0;
  char close = 0;
  if (std::sscanf(s.c_str(), "rgb(%d , %d , %d %c", &r, &g, &b, &close) == 4 && close == ')' &&
      std::max({r, g, b}) <= 255 && std::min({r, g, b}) >= 0) {
    return Color{static_cast<std::uint8_t>(r), static_cast<std::uint8_t>(g),
                 static_cast<std::uint8_t>(b)};
  }
  return std::nullopt;
}

/// "0.6em" → 0.6; a bare number as is.
std::optional<double> parse_em(const std::string& s) {
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end == s.c_str()) return std::nullopt;
  const std::string unit(end);
  if (!unit.empty() && unit != "em") return std::nullopt;
  return v;
}

using Setter = std::function<bool(Theme&, const std::string&)>;

Setter color_of(std::vector<std::string> roles, Color Theme::*extra_member = nullptr) {
  return [roles, extra_member](Theme& t, const std::string& v) {
    auto c = parse_color(v);
    if (!c) return false;
    for (const auto& r : roles) t.styles[r] = t.style(r), t.styles[r].color = *c;
    if (extra_member) t.*extra_member = *c;
    return true;
  };
}

Setter size_of(std::vector<std::string> roles) {
  return [roles](Theme& t, const std::string& v) {
    std::optional<Pt> l = core::parse_length(v);
    if (!l && v.ends_with("em")) {  // relative to the body size, as in Typst
      if (auto em = parse_em(v)) l = *em * t.style("body").size;
    }
    if (!l || *l <= 0) return false;
    for (const auto& r : roles) t.styles[r] = t.style(r), t.styles[r].size = *l;
    return true;
  };
}

Setter length_of(Pt PageSetup::*member) {
  return [member](Theme& t, const std::string& v) {
    auto l = core::parse_length(v);
    if (!l || *l < 0) return false;
    t.page.*member = *l;
    return true;
  };
}

const std::map<std::string, Setter>& setters() {
  static const std::map<std::string, Setter> k = {
      // The layout is chosen by name before the design is applied (cli/render.cpp): here the
      // name only has to be the one that was loaded (RenderCV's own theme names are warned).
      {"theme", [](Theme& t, const std::string& v) { return v == t.name; }},
      {"page.size",
       [](Theme& t, const std::string& v) { return v != "us-executive" && set_page_size(t.page, v); }},
      {"page.top_margin", length_of(&PageSetup::margin_top)},
      {"page.bottom_margin", length_of(&PageSetup::margin_bottom)},
      {"page.left_margin", length_of(&PageSetup::margin_left)},
      {"page.right_margin", length_of(&PageSetup::margin_right)},
      {"page.show_footer",
       [](Theme& t, const std::string& v) {
         if (v == "false") t.footer = {{}, {}, {}};
         return v == "true" || v == "false";
       }},
      {"colors.body", color_of({"body", "entry_title"})},
      {"colors.name", color_of({"name"})},
      {"colors.headline", color_of({"headline"})},
      {"colors.connections", color_of({"contact"})},
      {"colors.footer", color_of({"footer"})},
      {"colors.section_titles",
       [](Theme& t, const std::string& v) {
         auto c = parse_color(v);
         if (c) t.styles["section_title"] = t.style("section_title"), t.styles["section_title"].color = *c, t.rules.color = *c;
         return c.has_value();
       }},
      {"colors.links",
       [](Theme& t, const std::string& v) {
         auto c = parse_color(v);
         if (c) t.colors.link = *c;
         return c.has_value();
       }},
      {"typography.font_size.body", size_of({"body", "entry_title"})},
      {"typography.font_size.name", size_of({"name"})},
      {"typography.font_size.headline", size_of({"headline"})},
      {"typography.font_size.connections", size_of({"contact"})},
      {"typography.font_size.section_titles", size_of({"section_title"})},
      {"typography.line_spacing",
       [](Theme& t, const std::string& v) {
         auto em = parse_em(v);
         if (!em || *em < 0 || *em > 3) return false;
         for (const char* r : {"body", "entry_title", "date", "small"})
           t.styles[r] = t.style(r), t.styles[r].leading = 1 + *em;
         return true;
       }},
      {"typography.alignment",
       [](Theme& t, const std::string& v) {
         t.linebreak.justify = v != "left";
         if (v == "justified-with-no-hyphenation") t.linebreak.hyphenate = false;
         return v == "left" || v == "justified" || v == "justified-with-no-hyphenation";
       }},
      {"header.connections.separator",
       [](Theme& t, const std::string& v) {
         t.contact_separator = v.empty() ? "  " : "  " + v + "  ";
         return true;
       }},
      {"section_titles.type",
       [](Theme& t, const std::string& v) {
         if (v == "without_line") t.rules.section_rule = 0;
         return v == "without_line" || v == "with_full_line" || v == "with_partial_line";
       }},
      {"section_titles.line_thickness",
       [](Theme& t, const std::string& v) {
         auto l = core::parse_length(v);
         if (l) t.rules.section_rule = *l;
         return l.has_value();
       }},
      {"entries.highlights.bullet",
       [](Theme& t, const std::string& v) {
         t.bullet = v;
         return !v.empty();
       }},
      {"entries.date_and_location_width",
       [](Theme& t, const std::string& v) {
         auto l = core::parse_length(v);
         if (l && *l > 0) t.spacing.date_column = *l;
         return l && *l > 0;
       }},
  };
  return k;
}

/// "sections.show_time_spans_in.0" → "sections.show_time_spans_in": a list is one key.
std::string key_of(const std::string& path) {
  std::string k = path;
  while (true) {
    const std::size_t dot = k.rfind('.');
    if (dot == std::string::npos || k.find_first_not_of("0123456789", dot + 1) != std::string::npos)
      return k;
    k.erase(dot);
  }
}

}  // namespace

/// A list value's elements ("fonts.body.0", "fonts.body.1" → both values of "fonts.body"),
/// from `i` on; `i` is moved past them.
std::vector<std::string> list_values(const std::vector<DesignValue>& design, std::size_t& i,
                                     const std::string& key) {
  std::vector<std::string> values;
  for (; i < design.size() && key_of(design[i].key) == key && design[i].key != key; ++i)
    values.push_back(design[i].value);
  return values;
}

void apply_design(Theme& theme, const std::vector<DesignValue>& design, core::Diagnostics& diags) {
  std::vector<std::string> warned;
  for (std::size_t i = 0; i < design.size();) {
    const DesignValue& d = design[i];
    const std::string key = key_of(d.key);
    const auto it = setters().find(key);
    if (it != setters().end()) {  // a RenderCV key
      if (!it->second(theme, d.value))
        diags.warning(d.loc, "design." + key + ": cannot use '" + d.value + "'; ignored",
                      key == "theme" ? "no cvpdf layout has this name; built-in layouts: "
                                       "classic, sidebar, compact, academic"
                                     : "see README for the values cvpdf reads");
      ++i;
      continue;
    }
    // cvpdf's own layout schema (README "Layouts"): validated as in a layout file.
    const bool list = d.key != key;
    const std::vector<std::string> values = list ? list_values(design, i, key)
                                                 : std::vector<std::string>{design[i++].value};
    if (override_field(theme, key, values, list, d.loc, diags) == Override::Applied) continue;
    if (std::find(warned.begin(), warned.end(), key) != warned.end()) continue;
    warned.push_back(key);
    diags.warning(d.loc, "design." + key + " is not supported by cvpdf and is ignored",
                  "cvpdf honours its layout fields (README \"Layouts\") and RenderCV's "
                  "design.page, colors, font sizes, line spacing, section lines, the bullet and "
                  "the date column");
  }
}

const std::vector<std::string_view>& design_keys_honoured() {
  static const std::vector<std::string_view> k = [] {
    std::vector<std::string_view> out;
    for (const auto& [key, _] : setters()) out.push_back(key);
    return out;
  }();
  return k;
}

}  // namespace cvpdf::theme
