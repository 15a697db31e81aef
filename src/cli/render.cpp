// cli/render.cpp — wiring the stages; no layout or PDF decisions here.
#include "cli/render.h"

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "cli/confine.h"
#include "cli/locales.h"
#include "compose/compose.h"
#include "core/limits.h"
#include "i18n/resolve.h"
#include "layout/fit_pages.h"
#include "layout/layout.h"
#include "linebreak/hyphenate.h"
#include "profile/load.h"

namespace cvpdf::cli {

std::optional<profile::Profile> load(const World& world, const std::string& path,
                                     Reporter& reporter, core::Diagnostics& diags) {
  (void)world;
  auto bytes = read_file(path, diags);
  if (!bytes) return std::nullopt;
  reporter.add_source(path, *bytes);
  profile::Profile p = profile::load_profile(*bytes, path, diags);
  if (diags.has_errors()) return std::nullopt;
  return p;
}

namespace {

/// The layout's text: a .yaml path as given, else `<name>.yaml` in the World's layout folders,
/// else a built-in layout.
std::optional<std::string> layout_text(const World& world, const std::string& name,
                                       std::string& file, core::Diagnostics& diags) {
  namespace fs = std::filesystem;
  if (name.size() > 5 && name.substr(name.size() - 5) == ".yaml") {
    file = name;
    return read_file(name, diags);
  }
  for (const auto& dir : world.layout_dirs) {
    const fs::path candidate = fs::path(dir) / (name + ".yaml");
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) {
      file = candidate.string();
      return read_file(file, diags);
    }
  }
  file = "layouts/" + name + ".yaml";
  return builtin_layout(name);
}

/// settings.current_date as YYYY-MM-DD → midnight UTC of that day, in seconds since the epoch.
std::optional<std::int64_t> profile_date(const profile::Profile& p) {
  const std::string& s = p.settings.current_date.text;
  int y = 0, m = 0, d = 0;
  if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return std::nullopt;
  using namespace std::chrono;
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return duration_cast<seconds>(sys_days{ymd}.time_since_epoch()).count();
}

}  // namespace

theme::Theme load_theme(const World& world, const profile::Profile& p, const RenderOptions& opts,
                        Reporter& reporter, core::Diagnostics& diags) {
  std::string name = opts.theme;
  core::SourceLoc where{};
  if (name.empty() && !p.settings.theme.empty()) {
    name = p.settings.theme.text;
    where = p.settings.theme.loc;
    // A layout file named by the profile must be inside its folder or the layout folders.
    if (name.ends_with(".yaml")) {
      auto confined = confined_path(name, p.file, world.layout_dirs, where, "settings.theme", diags);
      if (!confined) return theme::default_theme();
      name = *confined;
    }
  }
  if (name.empty()) name = "classic";
  std::string file;
  auto text = layout_text(world, name, file, diags);
  if (!text) {
    std::string known;
    for (const auto& n : builtin_layout_names()) known += (known.empty() ? "" : ", ") + n;
    diags.error(where, "unknown layout '" + name + "'", "built-in layouts: " + known);
    return theme::default_theme();
  }
  reporter.add_source(file, *text);
  theme::Theme t = theme::parse_theme(*text, file, diags);
  std::string size = opts.page_size;
  core::SourceLoc size_loc{};
  if (size.empty() && !p.settings.page_size.empty()) {
    size = p.settings.page_size.text;
    size_loc = p.settings.page_size.loc;
  }
  if (!size.empty() && !theme::set_page_size(t.page, size)) {
    diags.error(size_loc, "unknown page size '" + size + "'", "use a4, a5 or letter");
  }
  if (opts.max_pages > 0) t.fit.max_pages = opts.max_pages;
  return t;
}

text::FontStore make_font_store(const World& world) {
  return text::FontStore(world.font_dirs, world.use_system_fonts);
}

frame::Document typeset(const World& world, const profile::Profile& p, const theme::Theme& theme,
                        const std::string& lang, text::FontStore& fonts, core::Diagnostics& diags,
                        std::vector<layout::LineReport>* lines) {
  // 1. Pick one language for every field; format dates in it.
  const i18n::Resolved resolved = i18n::resolve(p, lang, builtin_locales_for(lang), diags);
  // 2. Map the CV onto a generic document: header, titled sections, entries.
  const doc::Document document = compose::compose_document(resolved, theme, diags);
  // 3. Shape, hyphenate, break lines, paginate — shrinking the design within the theme's
  //    bounds if it must fit in theme.fit.max_pages (`--max-pages`).
  linebreak::Hyphenator hyphenator(world.hyphen_dirs);
  layout::ShapeCache shapes;
  const layout::LayoutOptions options{&hyphenator, lines, &shapes};
  frame::Document frames = layout::layout_to_pages(document, theme, fonts, diags, options);
  if (frames.pages.size() > core::limits::kMaxPages)  // the page limit (core/limits.h)
    diags.error({p.file, 1, 1}, "the CV takes " + std::to_string(frames.pages.size()) +
                                    " pages, more than the limit of " +
                                    std::to_string(core::limits::kMaxPages));
  // 4. Stamp the one date allowed (never the wall clock): SOURCE_DATE_EPOCH, else the
  //    profile's settings.current_date, else none.
  frames.meta.date = world.date ? world.date : profile_date(p);
  return frames;
}

}  // namespace cvpdf::cli
