// cli/render.cpp — wiring the stages; no layout or PDF decisions here.
#include "cli/render.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <thread>

#include "cli/cache_folder.h"
#include "cli/confine.h"
#include "cli/locales.h"
#include "cli/output.h"
#include "cli/photo.h"
#include "cli/profile_memo.h"
#include "compose/compose.h"
#include "core/limits.h"
#include "i18n/locale.h"
#include "i18n/resolve.h"
#include "layout/fit_pages.h"
#include "layout/layout.h"
#include "linebreak/hyphenate.h"
#include "profile/load.h"
#include "text/font_index.h"
#include "text/shape_memo.h"
#include "text/warm_up.h"
#include "theme/design.h"

namespace cvpdf::cli {

namespace {
/// Loaded profiles kept: one per profile file, the least recently used removed first.
constexpr std::size_t kMaxProfileMemos = 32;
}  // namespace

std::optional<profile::Profile> load(const World& world, const std::string& path,
                                     Reporter& reporter, core::Diagnostics& diags) {
  auto bytes = read_file(path, diags);
  if (!bytes) return std::nullopt;
  reporter.add_source(path, *bytes);
  // The same bytes loaded before by this program: the model and messages kept then
  // (cli/profile_memo.h), else loaded now and kept.
  std::optional<CacheFolder> memos;
  if (!world.font_cache_dir.empty() && profile_memo_enabled() && path != "-")
    memos.emplace(world.font_cache_dir + "/profiles", kMaxProfileMemos);
  const std::string name = memos ? profile_memo_name(path) : std::string();
  std::optional<LoadedProfile> loaded;
  if (memos)
    if (auto entry = memos->get(name)) loaded = decode_profile_memo(*entry, path, *bytes);
  if (!loaded) {
    core::Diagnostics said;
    loaded = LoadedProfile{profile::load_profile(*bytes, path, said), said.all()};
    if (memos && !said.has_errors()) memos->put(name, encode_profile_memo(path, *bytes, *loaded));
  }
  for (core::Diagnostic& d : loaded->said) diags.add(std::move(d));
  if (diags.has_errors()) return std::nullopt;
  return std::move(loaded->profile);
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

/// The theme of a layout's text. A built-in layout's (its text unchanged) is read from its tree
/// packed at build time (theme/packed_yaml.h): the same tree, without scanning YAML (4.9 M
/// instructions for classic).
theme::Theme parse_layout(const std::string& name, const std::string& text, const std::string& file,
                          core::Diagnostics& diags) {
  if (builtin_layout(name) == text)
    if (auto tree = builtin_layout_tree(name)) return theme::parse_packed_theme(*tree, file, diags);
  return theme::parse_theme(text, file, diags);
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

/// A footer's {date}: the document's date, its month written out in the document's language;
/// without a date (never the clock) it stays empty, with a warning saying how to set one.
void footer_date(const theme::Theme& theme, const profile::Profile& p, std::optional<std::int64_t> date,
                 i18n::Resolved& resolved, i18n::DateMemo& memo, core::Diagnostics& diags) {
  const auto& f = theme.footer;
  if ((f.left + f.center + f.right).find("{date}") == std::string::npos) return;
  if (!date) {
    diags.warning({p.file, 0, 0}, "the footer's {date} is left empty: the document has no date",
                  "set settings.current_date: YYYY-MM-DD in the profile (or SOURCE_DATE_EPOCH)");
    return;
  }
  using namespace std::chrono;
  const year_month_day ymd{floor<days>(sys_seconds{seconds{*date}})};
  const i18n::DateFormatter formatter(resolved.lang, *resolved.locales, &memo);
  resolved.date_text = formatter.month_year(static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())));
}

/// `--set design.page.size=letter` → ("page.size", "letter"), located at the option itself.
std::vector<theme::DesignValue> set_options(const std::vector<std::string>& sets,
                                            core::Diagnostics& diags) {
  std::vector<theme::DesignValue> out;
  for (const std::string& s : sets) {
    const core::SourceLoc loc{"--set " + s, 0, 0};
    const std::size_t eq = s.find('=');
    if (s.rfind("design.", 0) != 0 || eq == std::string::npos || eq <= 7) {
      diags.error(loc, "--set takes design.<path>=<value>", "e.g. --set design.page.size=letter");
      continue;
    }
    out.push_back({s.substr(7, eq - 7), s.substr(eq + 1), loc});
  }
  return out;
}

/// `design.theme` (from --set, else the profile) when a cvpdf layout has that name; RenderCV's
/// own theme names (sb2nov, moderncv, …) fall back to classic, warned by apply_design.
std::string design_theme(const World& world, const profile::Profile& p,
                         const std::vector<theme::DesignValue>& sets, core::SourceLoc& where) {
  std::string name;
  if (auto it = p.design.find("theme"); it != p.design.end()) name = it->second.text, where = it->second.loc;
  for (const auto& s : sets)
    if (s.key == "theme") name = s.value, where = s.loc;
  if (name.empty()) return {};
  namespace fs = std::filesystem;
  for (const auto& dir : world.layout_dirs) {
    std::error_code ec;
    if (fs::is_regular_file(fs::path(dir) / (name + ".yaml"), ec)) return name;
  }
  return builtin_layout(name) ? name : std::string();
}

}  // namespace

/// The name of cvpdf's default layout: profiles and options that name none get it.
constexpr const char* kDefaultLayout = "classic";

ParsedLayout parse_default_layout(const World& world) {
  ParsedLayout out;
  out.name = kDefaultLayout;
  out.text = layout_text(world, out.name, out.file, out.diags);
  if (out.text) out.theme = parse_layout(out.name, *out.text, out.file, out.diags);
  return out;
}

i18n::DateMemo read_date_memo(const World& world, const std::string& lang) {
  if (world.font_cache_dir.empty()) return i18n::DateMemo(lang);
  std::error_code ec;
  const std::string file = i18n::date_memo_file(world.font_cache_dir, lang);
  const auto size = std::filesystem::file_size(file, ec);
  if (ec || size > i18n::kMaxDateMemoBytes) return i18n::DateMemo(lang);
  std::FILE* f = std::fopen(file.c_str(), "rb");
  if (f == nullptr) return i18n::DateMemo(lang);
  std::string bytes(size, '\0');
  bytes.resize(std::fread(bytes.data(), 1, bytes.size(), f));
  std::fclose(f);
  return i18n::DateMemo::parse(bytes, lang);
}

void save_date_memo(const World& world, const i18n::DateMemo& memo) {
  if (world.font_cache_dir.empty() || !memo.changed()) return;
  std::error_code ec;
  std::filesystem::create_directories(world.font_cache_dir, ec);
  core::Diagnostics ignored;  // a memo that cannot be written only costs the next run time
  if (!ec) write_atomically(i18n::date_memo_file(world.font_cache_dir, memo.lang()), memo.to_bytes(), ignored);
}

bool has_date_memo(const World& world, const std::string& lang) {
  std::error_code ec;
  return !world.font_cache_dir.empty() &&
         std::filesystem::exists(i18n::date_memo_file(world.font_cache_dir, lang), ec);
}

void warm_dates(const std::string& lang) {
  const i18n::DateFormatter dates(lang, builtin_locales_for(lang));
  profile::Date from;
  profile::Date to;
  from.year = 2019;
  from.month = 9;
  to.year = 2023;
  to.month = 6;
  (void)dates.range(from, to);  // a range of months
  from.month = to.month = 0;
  (void)dates.range(from, to);  // of years
  (void)dates.date(to);
  (void)dates.month_year(to.year, 6);
}

theme::Theme load_theme(const World& world, const profile::Profile& p, const RenderOptions& opts,
                        Reporter& reporter, core::Diagnostics& diags, ParsedLayout* ahead) {
  const std::vector<theme::DesignValue> sets = set_options(opts.sets, diags);
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
  if (name.empty()) name = design_theme(world, p, sets, where);
  if (name.empty()) name = kDefaultLayout;
  const bool use_ahead = ahead != nullptr && ahead->name == name;
  std::string file;
  std::optional<std::string> text;
  if (use_ahead) {  // what layout_text() and parse_theme() said, in their place
    file = ahead->file;
    text = std::move(ahead->text);
    diags.merge(ahead->diags);
  } else {
    text = layout_text(world, name, file, diags);
  }
  if (!text) {
    std::string known;
    for (const auto& n : builtin_layout_names()) known += (known.empty() ? "" : ", ") + n;
    diags.error(where, "unknown layout '" + name + "'", "built-in layouts: " + known);
    return theme::default_theme();
  }
  reporter.add_source(file, *text);
  theme::Theme t = use_ahead ? std::move(ahead->theme) : parse_layout(name, *text, file, diags);
  // RenderCV's `design:` block over the layout (unsupported keys: one warning each).
  std::vector<theme::DesignValue> design;
  for (const auto& [key, value] : p.design) design.push_back({key, value.text, value.loc});
  std::sort(design.begin(), design.end(), [](const auto& a, const auto& b) {
    return std::pair(a.loc.line, a.loc.col) < std::pair(b.loc.line, b.loc.col);
  });
  theme::apply_design(t, design, diags);
  theme::apply_design(t, sets, diags);  // --set design.…, after the profile's
  std::string size = opts.page_size;
  core::SourceLoc size_loc{};
  if (size.empty() && !p.settings.page_size.empty()) {
    size = p.settings.page_size.text;
    size_loc = p.settings.page_size.loc;
  }
  if (!size.empty() && !theme::set_page_size(t.page, size)) {
    diags.error(size_loc, "unknown page size '" + size + "'", "use a4, a5 or letter");
  }
  // Fit to N pages: --max-pages, else the profile's settings.max_pages, else the layout's fit.
  // The error when it cannot fit points at settings.max_pages, or at the file that set it.
  if (t.fit.max_pages > 0) t.fit.max_pages_loc = {file, 1, 1};  // the layout's fit.max_pages
  if (opts.max_pages > 0) {
    t.fit.max_pages = opts.max_pages;
    t.fit.max_pages_loc = {p.file, 1, 1};
  } else if (p.settings.max_pages > 0) {
    t.fit.max_pages = p.settings.max_pages;
    t.fit.max_pages_loc = p.settings.max_pages_loc;
  }
  return t;
}

text::FontStore make_font_store(const World& world) {
  text::IndexSettings index;
  index.file = text::index_file_for(world.font_cache_dir, world.font_dirs, world.use_system_fonts,
                                    world.fontconfig_environment);
  index.watched = world.fontconfig_user_paths;
  return text::FontStore(world.font_dirs, world.use_system_fonts, std::move(index));
}

frame::Document typeset(const World& world, const profile::Profile& p, const theme::Theme& theme,
                        const std::string& lang, text::FontStore& fonts, core::Diagnostics& diags,
                        std::vector<layout::LineReport>* lines, bool warm_up) {
  // 0. On the spare core, while 1 and 2 run: open the faces layout will shape with first and
  //    let HarfBuzz load their tables (joined when this function returns). Not when an earlier
  //    run's shape memo answers for this text (text/shape_memo.h): HarfBuzz will hardly run, and
  //    the two helper threads would only cost their start and their memory.
  const text::ShapeMemo* memo_of_shapes = fonts.shape_memo();
  warm_up = warm_up && (memo_of_shapes == nullptr || memo_of_shapes->size() == 0);
  std::jthread warming;
  if (warm_up) {
    const std::string doc_lang = i18n::document_lang(lang);
    warming = std::jthread([&fonts, styles = layout::role_styles(theme, doc_lang),
                            sample = text::script_sample(doc_lang)] { text::warm_up(fonts, styles, sample); });
  }
  // 1. Pick one language for every field; format dates in it (what ICU answered in an earlier
  //    run comes from the cache folder's date memo, i18n/date_memo.h).
  i18n::DateMemo memo = read_date_memo(world, lang);
  i18n::Resolved resolved = i18n::resolve(p, lang, builtin_locales_for(lang), diags, &memo);
  const std::optional<std::int64_t> date = world.date ? world.date : profile_date(p);
  footer_date(theme, p, date, resolved, memo, diags);
  save_date_memo(world, memo);
  // 2. Map the CV onto a generic document: header, titled sections, entries.
  doc::Document document = compose::compose_document(resolved, theme, diags);
  //    The photo, read and checked here (confined to the profile's folder, header limits).
  if (theme.photo.position != "none") document.photo = load_photo(world, p, diags);
  // 3. Shape, hyphenate, break lines, paginate — shrinking the design within the theme's
  //    bounds if it must fit in theme.fit.max_pages (`--max-pages`).
  linebreak::Hyphenator hyphenator(world.hyphen_dirs, world.font_cache_dir);  // cvpdf's cache folder
  layout::ShapeCache shapes;
  const layout::LayoutOptions options{&hyphenator, lines, &shapes};
  //    With a spare core, the paragraphs are shaped ahead of the layout, which takes what is
  //    ready (layout.h prefetch_shapes); stopped once the layout is done.
  std::jthread prefetching;
  if (warm_up)
    prefetching = std::jthread([&](std::stop_token stop) {
      layout::prefetch_shapes(document, theme, fonts, shapes, stop);
    });
  frame::Document frames = layout::layout_to_pages(document, theme, fonts, diags, options);
  prefetching = {};  // stops and joins it
  if (frames.pages.size() > core::limits::kMaxPages)  // the page limit (core/limits.h)
    diags.error({p.file, 1, 1}, "the CV takes " + std::to_string(frames.pages.size()) +
                                    " pages, more than the limit of " +
                                    std::to_string(core::limits::kMaxPages));
  // 4. Stamp the one date allowed (never the wall clock): SOURCE_DATE_EPOCH, else the
  //    profile's settings.current_date, else none.
  frames.meta.date = date;
  return frames;
}

}  // namespace cvpdf::cli
