// theme/parse.cpp — layouts/*.yaml text → Theme over the built-in defaults.
//
// Every key is optional; unknown keys and wrong types are errors located in the layout file
// (yaml-cpp marks are 0-based: converted here, once).
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <functional>
#include <initializer_list>
#include <optional>
#include <map>
#include <stdexcept>
#include <string>

#include "core/suggest.h"
#include "theme/packed_yaml.h"
#include "theme/theme.h"

namespace cvpdf::theme {

namespace {

using Fields = std::map<std::string, std::function<void(const YAML::Node&)>>;

class Reader {
 public:
  Reader(std::string file, core::Diagnostics& diags) : file_(std::move(file)), diags_(diags) {}
  /// A reader whose every diagnostic points at `fixed` (a `design:` value, a `--set` option).
  Reader(core::SourceLoc fixed, core::Diagnostics& diags)
      : file_(fixed.file), diags_(diags), fixed_(std::move(fixed)) {}

  core::SourceLoc loc(const YAML::Node& n) const {
    if (fixed_) return *fixed_;
    const YAML::Mark m = n.Mark();
    return {file_, m.line + 1, m.column + 1};
  }

  /// Calls the handler of each key in `map`; unknown keys are errors.
  void fields(const YAML::Node& map, const std::string& where, const Fields& handlers) {
    if (!map.IsMap()) {
      diags_.error(loc(map), "'" + where + "' must be a map");
      return;
    }
    for (const auto& kv : map) {
      const auto key = kv.first.as<std::string>();
      auto it = handlers.find(key);
      if (it == handlers.end()) {
        std::vector<std::string_view> names;
        std::string known;
        for (const auto& [k, _] : handlers) {
          names.emplace_back(k);
          known += (known.empty() ? "" : ", ") + k;
        }
        std::string hint = core::did_you_mean(key, names);
        diags_.error(loc(kv.first), "unknown key '" + key + "' in '" + where + "'",
                     hint.empty() ? "known keys: " + known : hint);
        continue;
      }
      it->second(kv.second);
    }
  }

  bool scalar(const YAML::Node& n, const char* what) {
    if (n.IsScalar()) return true;
    diags_.error(loc(n), std::string(what) + " must be a single value");
    return false;
  }

  void length(const YAML::Node& n, Pt& out) {
    if (!scalar(n, "a length")) return;
    if (auto v = core::parse_length(n.Scalar())) {
      out = *v;
    } else {
      diags_.error(loc(n), "'" + n.Scalar() + "' is not a length",
                   "write a number of points or a unit: 12pt, 18mm, 2cm, 1in");
    }
  }

  void color(const YAML::Node& n, Color& out) {
    if (!scalar(n, "a colour")) return;
    if (auto c = core::parse_hex_color(n.Scalar())) {
      out = *c;
    } else {
      diags_.error(loc(n), "'" + n.Scalar() + "' is not a colour", "write it as \"#1a4d8f\"");
    }
  }

  void number(const YAML::Node& n, double& out) {
    Pt v = out;
    length(n, v);
    out = v;
  }

  void integer(const YAML::Node& n, int& out) {
    double v = out;
    number(n, v);
    out = static_cast<int>(v);
  }

  void text(const YAML::Node& n, std::string& out) {
    if (scalar(n, "a text")) out = n.Scalar();
  }

  void boolean(const YAML::Node& n, bool& out) {
    if (!scalar(n, "true or false")) return;
    const auto& s = n.Scalar();
    if (s == "true" || s == "false") {
      out = s == "true";
    } else {
      diags_.error(loc(n), "'" + s + "' is not true or false");
    }
  }

  void weight(const YAML::Node& n, int& out) {
    if (!scalar(n, "a weight")) return;
    const auto& s = n.Scalar();
    if (s == "bold") out = 700;
    else if (s == "regular" || s == "normal") out = 400;
    else diags_.error(loc(n), "'" + s + "' is not a weight", "write regular or bold");
  }

  void families(const YAML::Node& n, std::vector<std::string>& out) {
    if (!n.IsSequence() || n.size() == 0) {
      diags_.error(loc(n), "a font stack must be a non-empty list of family names");
      return;
    }
    out.clear();
    for (const auto& f : n) {
      if (scalar(f, "a family name")) out.push_back(f.Scalar());
    }
  }

  /// One of `allowed`, else an error listing them.
  void choice(const YAML::Node& n, std::string& out, std::initializer_list<const char*> allowed) {
    if (!scalar(n, "a choice")) return;
    std::string list;
    for (const char* a : allowed) {
      if (n.Scalar() == a) {
        out = a;
        return;
      }
      list += (list.empty() ? "" : ", ") + std::string(a);
    }
    diags_.error(loc(n), "'" + n.Scalar() + "' is not one of " + list);
  }

  void names(const YAML::Node& n, std::vector<std::string>& out) {
    if (!n.IsSequence()) {
      diags_.error(loc(n), "a list of section keys must be a list, e.g. [skills, languages]");
      return;
    }
    out.clear();
    for (const auto& f : n) {
      if (scalar(f, "a section key")) out.push_back(f.Scalar());
    }
  }

  core::Diagnostics& diags() { return diags_; }

 private:
  std::string file_;
  core::Diagnostics& diags_;
  std::optional<core::SourceLoc> fixed_;
};

void read_page(Reader& r, const YAML::Node& n, PageSetup& p) {
  r.fields(n, "page", {
    {"size", [&](const YAML::Node& v) {
       if (r.scalar(v, "a page size") && !set_page_size(p, v.Scalar()))
         r.diags().error(r.loc(v), "unknown page size '" + v.Scalar() + "'", "use a4, a5 or letter");
     }},
    {"margins", [&](const YAML::Node& m) {
       r.fields(m, "page.margins", {
         {"top", [&](const YAML::Node& v) { r.length(v, p.margin_top); }},
         {"bottom", [&](const YAML::Node& v) { r.length(v, p.margin_bottom); }},
         {"left", [&](const YAML::Node& v) { r.length(v, p.margin_left); }},
         {"right", [&](const YAML::Node& v) { r.length(v, p.margin_right); }},
       });
     }},
  });
}

void read_style(Reader& r, const YAML::Node& n, const std::string& role, TextStyle& s) {
  r.fields(n, "styles." + role, {
    {"font", [&](const YAML::Node& v) { r.text(v, s.font); }},
    {"size", [&](const YAML::Node& v) { r.length(v, s.size); }},
    {"weight", [&](const YAML::Node& v) { r.weight(v, s.weight); }},
    {"italic", [&](const YAML::Node& v) { r.boolean(v, s.italic); }},
    {"color", [&](const YAML::Node& v) { r.color(v, s.color); }},
    {"leading", [&](const YAML::Node& v) { r.number(v, s.leading); }},
  });
}

void read_spacing(Reader& r, const YAML::Node& n, Spacing& s) {
  r.fields(n, "spacing", {
    {"after_name", [&](const YAML::Node& v) { r.length(v, s.after_name); }},
    {"after_headline", [&](const YAML::Node& v) { r.length(v, s.after_headline); }},
    {"after_header", [&](const YAML::Node& v) { r.length(v, s.after_header); }},
    {"section_above", [&](const YAML::Node& v) { r.length(v, s.section_above); }},
    {"section_below", [&](const YAML::Node& v) { r.length(v, s.section_below); }},
    {"between_entries", [&](const YAML::Node& v) { r.length(v, s.between_entries); }},
    {"paragraph", [&](const YAML::Node& v) { r.length(v, s.paragraph); }},
    {"bullet_indent", [&](const YAML::Node& v) { r.length(v, s.bullet_indent); }},
    {"date_column", [&](const YAML::Node& v) { r.length(v, s.date_column); }},
    {"column_gap", [&](const YAML::Node& v) { r.length(v, s.column_gap); }},
  });
}

void read_linebreak(Reader& r, const YAML::Node& n, LineBreaking& l) {
  auto num = [&](double& out) { return [&r, &out](const YAML::Node& v) { r.number(v, out); }; };
  auto whole = [&](int& out) { return [&r, &out](const YAML::Node& v) { r.integer(v, out); }; };
  r.fields(n, "linebreak", {
    {"pretolerance", num(l.pretolerance)},
    {"tolerance", num(l.tolerance)},
    {"line_penalty", num(l.line_penalty)},
    {"hyphen_penalty", num(l.hyphen_penalty)},
    {"adj_demerits", num(l.adj_demerits)},
    {"double_hyphen_demerits", num(l.double_hyphen_demerits)},
    {"final_hyphen_demerits", num(l.final_hyphen_demerits)},
    {"looseness", whole(l.looseness)},
    {"ragged_stretch", num(l.ragged_stretch)},
    {"emergency_stretch", num(l.emergency_stretch)},
    {"justify", [&](const YAML::Node& v) { r.boolean(v, l.justify); }},
    {"hyphenate", [&](const YAML::Node& v) { r.boolean(v, l.hyphenate); }},
    {"left_hyphen_min", whole(l.left_hyphen_min)},
    {"right_hyphen_min", whole(l.right_hyphen_min)},
    {"cjk_latin_space", num(l.cjk_latin_space)},
  });
}

void read_fit(Reader& r, const YAML::Node& n, FitBounds& f) {
  r.fields(n, "fit", {
    {"max_pages", [&](const YAML::Node& v) { r.integer(v, f.max_pages); }},
    {"min_spacing", [&](const YAML::Node& v) { r.number(v, f.min_spacing); }},
    {"min_leading", [&](const YAML::Node& v) { r.number(v, f.min_leading); }},
    {"min_size", [&](const YAML::Node& v) { r.number(v, f.min_size); }},
  });
}

void read_photo(Reader& r, const YAML::Node& n, PhotoStyle& p) {
  r.fields(n, "photo", {
    {"position", [&](const YAML::Node& v) { r.choice(v, p.position, {"header", "sidebar", "none"}); }},
    {"size", [&](const YAML::Node& v) { r.length(v, p.size); }},
    {"shape", [&](const YAML::Node& v) { r.choice(v, p.shape, {"round", "square"}); }},
  });
}

void read_sidebar(Reader& r, const YAML::Node& n, Sidebar& s) {
  r.fields(n, "sidebar", {
    {"enabled", [&](const YAML::Node& v) { r.boolean(v, s.enabled); }},
    {"side", [&](const YAML::Node& v) { r.choice(v, s.side, {"right", "left"}); }},
    {"width", [&](const YAML::Node& v) { r.length(v, s.width); }},
    {"padding", [&](const YAML::Node& v) { r.length(v, s.padding); }},
    {"gap", [&](const YAML::Node& v) { r.length(v, s.gap); }},
    {"tint", [&](const YAML::Node& v) { r.color(v, s.tint); }},
    {"contact", [&](const YAML::Node& v) { r.boolean(v, s.contact); }},
    {"sections", [&](const YAML::Node& v) { r.names(v, s.sections); }},
  });
}

/// The placeholders a footer template may hold (filled by compose/ and layout/paginate.cpp).
constexpr std::array<std::string_view, 4> kFooterPlaceholders = {"page", "pages", "name", "date"};

/// One footer template: every {…} must be a known placeholder.
void footer_part(Reader& r, const YAML::Node& n, std::string& out) {
  r.text(n, out);
  for (std::size_t at = out.find('{'); at != std::string::npos; at = out.find('{', at + 1)) {
    const std::size_t end = out.find('}', at);
    const std::string name = out.substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1);
    if (end != std::string::npos &&
        std::find(kFooterPlaceholders.begin(), kFooterPlaceholders.end(), name) != kFooterPlaceholders.end())
      continue;
    std::vector<std::string_view> names(kFooterPlaceholders.begin(), kFooterPlaceholders.end());
    const std::string hint = core::did_you_mean(name, names);
    r.diags().error(r.loc(n), "unknown placeholder '{" + name + (end == std::string::npos ? "' (no closing '}')" : "}'") + " in the footer",
                    hint.empty() ? "use {page}, {pages}, {name} or {date}" : hint);
    return;
  }
}

/// `footer:` — a text (the centre part; the sides emptied) or a map {left, center, right}
/// whose parts replace those given (the others keep their value: `center: ""` drops one).
void read_footer(Reader& r, const YAML::Node& n, Theme::Footer& f) {
  if (n.IsScalar()) {
    f = {{}, {}, {}};
    footer_part(r, n, f.center);
    return;
  }
  r.fields(n, "footer", {
    {"left", [&](const YAML::Node& v) { footer_part(r, v, f.left); }},
    {"center", [&](const YAML::Node& v) { footer_part(r, v, f.center); }},
    {"right", [&](const YAML::Node& v) { footer_part(r, v, f.right); }},
  });
}

void read_header(Reader& r, const YAML::Node& n, HeaderStyle& h) {
  r.fields(n, "header", {
    {"align", [&](const YAML::Node& v) { r.choice(v, h.align, {"center", "left"}); }},
    {"icons", [&](const YAML::Node& v) { r.boolean(v, h.icons); }},
    {"icon_words", [&](const YAML::Node& v) { r.boolean(v, h.icon_words); }},
  });
}

void read_publications(Reader& r, const YAML::Node& n, PublicationStyle& p) {
  r.fields(n, "publications", {
    {"numbered", [&](const YAML::Node& v) { r.boolean(v, p.numbered); }},
    {"reverse", [&](const YAML::Node& v) { r.boolean(v, p.reverse); }},
    {"group_by", [&](const YAML::Node& v) { r.choice(v, p.group_by, {"none", "year", "type"}); }},
    {"badges", [&](const YAML::Node& v) { r.boolean(v, p.badges); }},
  });
}

void read_badges(Reader& r, const YAML::Node& n, BadgeStyle& b) {
  r.fields(n, "badges", {
    {"fill", [&](const YAML::Node& v) { r.color(v, b.fill); }},
    {"text", [&](const YAML::Node& v) { r.color(v, b.text); }},
    {"radius", [&](const YAML::Node& v) { r.length(v, b.radius); }},
    {"pad_x", [&](const YAML::Node& v) { r.length(v, b.pad_x); }},
    {"pad_y", [&](const YAML::Node& v) { r.length(v, b.pad_y); }},
  });
}

void read_entries(Reader& r, const YAML::Node& n, EntryArrangement& e) {
  r.fields(n, "entries", {
    {"dates", [&](const YAML::Node& v) { r.choice(v, e.dates, {"right", "below"}); }},
    {"compact_sections", [&](const YAML::Node& v) { r.names(v, e.compact_sections); }},
  });
}

/// colors.headings: the section titles and their rule, in one go (the profile's most common
/// wish: `design: {colors: {headings: "#1a4d8f"}}`).
void read_heading_color(Reader& r, const YAML::Node& n, Theme& t) {
  Color c = t.rules.color;
  r.color(n, c);
  t.styles["section_title"] = t.style("section_title");
  t.styles["section_title"].color = c;
  t.rules.color = c;
}

void read_top(Reader& r, const YAML::Node& root, Theme& t) {
  r.fields(root, "layout", {
    {"name", [&](const YAML::Node& v) { r.text(v, t.name); }},
    {"page", [&](const YAML::Node& v) { read_page(r, v, t.page); }},
    {"fonts", [&](const YAML::Node& v) {
       if (!v.IsMap()) return r.diags().error(r.loc(v), "'fonts' must be a map of font stacks");
       for (const auto& kv : v) r.families(kv.second, t.fonts[kv.first.as<std::string>()]);
     }},
    {"styles", [&](const YAML::Node& v) {
       static const char* kRoles[] = {"name", "headline", "contact", "section_title", "entry_title",
                                      "body", "date", "small", "footer"};
       Fields roles;
       for (const char* role : kRoles) {
         roles[role] = [&r, &t, role](const YAML::Node& s) {
           read_style(r, s, role, t.styles[role]);
         };
       }
       r.fields(v, "styles", roles);
     }},
    {"spacing", [&](const YAML::Node& v) { read_spacing(r, v, t.spacing); }},
    {"rules", [&](const YAML::Node& v) {
       r.fields(v, "rules", {
         {"section_rule", [&](const YAML::Node& x) { r.length(x, t.rules.section_rule); }},
         {"color", [&](const YAML::Node& x) { r.color(x, t.rules.color); }},
       });
     }},
    {"colors", [&](const YAML::Node& v) {
       r.fields(v, "colors", {
         {"link", [&](const YAML::Node& x) { r.color(x, t.colors.link); }},
         {"highlight", [&](const YAML::Node& x) { r.color(x, t.colors.highlight); }},
         {"tag", [&](const YAML::Node& x) { r.color(x, t.colors.tag); }},
         {"headings", [&](const YAML::Node& x) { read_heading_color(r, x, t); }},
       });
     }},
    {"bullet", [&](const YAML::Node& v) { r.text(v, t.bullet); }},
    {"contact_separator", [&](const YAML::Node& v) { r.text(v, t.contact_separator); }},
    {"footer", [&](const YAML::Node& v) { read_footer(r, v, t.footer); }},
    {"direction", [&](const YAML::Node& v) { r.choice(v, t.direction, {"auto", "ltr", "rtl"}); }},
    {"section_titles_uppercase", [&](const YAML::Node& v) { r.boolean(v, t.section_titles_uppercase); }},
    {"linebreak", [&](const YAML::Node& v) { read_linebreak(r, v, t.linebreak); }},
    {"fit", [&](const YAML::Node& v) { read_fit(r, v, t.fit); }},
    {"photo", [&](const YAML::Node& v) { read_photo(r, v, t.photo); }},
    {"sidebar", [&](const YAML::Node& v) { read_sidebar(r, v, t.sidebar); }},
    {"header", [&](const YAML::Node& v) { read_header(r, v, t.header); }},
    {"publications", [&](const YAML::Node& v) { read_publications(r, v, t.publications); }},
    {"badges", [&](const YAML::Node& v) { read_badges(r, v, t.badges); }},
    {"entries", [&](const YAML::Node& v) { read_entries(r, v, t.entries); }},
  });
}

/// Checks that every style names a font stack that exists.
void check_fonts(const Theme& t, const std::string& file, core::Diagnostics& diags) {
  for (const auto& [role, style] : t.styles) {
    if (!t.fonts.count(style.font)) {
      diags.error({file, 0, 0}, "style '" + role + "' uses font stack '" + style.font +
                                    "', which 'fonts' does not define");
    }
  }
}

}  // namespace

Theme parse_theme(const std::string& yaml_text, const std::string& file, core::Diagnostics& diags) {
  Theme t = default_theme();
  Reader r(file, diags);
  try {
    const YAML::Node root = YAML::Load(yaml_text);
    if (root.IsNull()) return t;
    read_top(r, root, t);
  } catch (const YAML::Exception& e) {
    diags.error({file, e.mark.line + 1, e.mark.column + 1}, "cannot read the layout: " + e.msg);
    return t;
  }
  check_fonts(t, file, diags);
  return t;
}

Theme parse_packed_theme(std::string_view packed, const std::string& file, core::Diagnostics& diags) {
  Theme t = default_theme();
  Reader r(file, diags);
  try {
    const YAML::Node root = unpack_yaml(packed);
    if (root.IsNull()) return t;
    read_top(r, root, t);
  } catch (const YAML::Exception& e) {
    diags.error({file, 0, 0}, "cannot read the layout: " + e.msg);
    return t;
  } catch (const std::invalid_argument& e) {
    diags.error({file, 0, 0}, std::string("cannot read the layout: ") + e.what());
    return t;
  }
  check_fonts(t, file, diags);
  return t;
}

namespace {

/// `path` as nested one-key flow maps around the value(s): "page.size" → {page: {size: "x"}}.
YAML::Node override_node(const std::string& path, const std::vector<std::string>& values, bool list) {
  YAML::Emitter e;
  e << YAML::Flow;
  std::size_t depth = 0;
  for (std::size_t from = 0; from <= path.size(); ++depth) {
    const std::size_t dot = std::min(path.find('.', from), path.size());
    e << YAML::BeginMap << YAML::Key << path.substr(from, dot - from) << YAML::Value;
    from = dot + 1;
  }
  if (list) e << YAML::BeginSeq;
  for (const auto& v : values) e << YAML::DoubleQuoted << v;
  if (list) e << YAML::EndSeq;
  for (std::size_t k = 0; k < depth; ++k) e << YAML::EndMap;
  return YAML::Load(e.c_str());
}

bool is_unknown_key(const core::Diagnostic& d) { return d.message.rfind("unknown key", 0) == 0; }

/// Sections RenderCV's design has too (page, colors, …): an unknown key under them may be a
/// RenderCV key, which the caller warns about. Under cvpdf's own sections it is an error.
bool shared_with_rendercv(const std::string& path) {
  const std::string top = path.substr(0, path.find('.'));
  for (const char* k : {"page", "colors", "typography", "header", "entries", "section_titles",
                        "links", "templates", "sections", "theme"})
    if (top == k) return true;
  return false;
}

}  // namespace

Override override_field(Theme& theme, const std::string& path, const std::vector<std::string>& values,
                        bool list, const core::SourceLoc& loc, core::Diagnostics& diags) {
  if (path.empty() || values.empty()) return Override::UnknownKey;
  core::Diagnostics local;
  Theme changed = theme;
  Reader r(loc, local);
  try {
    read_top(r, override_node(path, values, list), changed);
  } catch (const YAML::Exception& e) {
    diags.error(loc, "design." + path + ": cannot read the value: " + e.msg);
    return Override::Applied;
  }
  for (const auto& d : local.all())
    if (is_unknown_key(d) && (shared_with_rendercv(path) || path.find('.') == std::string::npos))
      return Override::UnknownKey;
  diags.merge(local);
  if (!local.has_errors()) theme = std::move(changed);
  return Override::Applied;
}

}  // namespace cvpdf::theme
