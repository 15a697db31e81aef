// cli/render.cpp — wiring the stages; no layout or PDF decisions here.
#include "cli/render.h"

#include <filesystem>

#include "compose/compose.h"
#include "i18n/resolve.h"
#include "layout/layout.h"
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

}  // namespace

theme::Theme load_theme(const World& world, const profile::Profile& p, const RenderOptions& opts,
                        Reporter& reporter, core::Diagnostics& diags) {
  std::string name = opts.theme;
  core::SourceLoc where{};
  if (name.empty() && !p.settings.theme.empty()) {
    name = p.settings.theme.text;
    where = p.settings.theme.loc;
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
  return t;
}

text::FontStore make_font_store(const World& world) {
  return text::FontStore(world.font_dirs, world.use_system_fonts);
}

frame::Document typeset(const World& world, const profile::Profile& p, const theme::Theme& theme,
                        const std::string& lang, text::FontStore& fonts, core::Diagnostics& diags) {
  // 1. Pick one language for every field; format dates in it.
  const i18n::Resolved resolved = i18n::resolve(p, lang, diags);
  // 2. Map the CV onto a generic document: header, titled sections, entries.
  const doc::Document document = compose::compose_document(resolved, theme, diags);
  // 3. Shape, break lines, paginate.
  frame::Document frames = layout::layout_document(document, theme, fonts, diags);
  // 4. Stamp the one date the World allows (never the wall clock).
  frames.meta.date = world.date.value_or(0);
  return frames;
}

}  // namespace cvpdf::cli
