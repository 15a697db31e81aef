// profile/load.cpp — load_profile(): byte checks, parse, then the walk of the top level.
//
// Takes the bytes of a profile.yaml; gives a Profile and diagnostics (see load.h). This file
// walks the top level (`cv`, `design`, `locale`, `settings`) and the person's header fields;
// sections and entries are in entries.cpp, single values in fields.cpp, dates in dates.cpp.
#include "profile/load.h"

#include <algorithm>
#include <charconv>

#include "core/limits.h"
#include "core/suggest.h"
#include "profile/byte_checks.h"
#include "profile/format.h"
#include "profile/walk.h"

namespace cvpdf::profile {

namespace {

using detail::Ctx;
using detail::Field;
using detail::Keys;

SocialNetwork read_network(Ctx& ctx, const YAML::Node& n, const SourceLoc& loc) {
  SocialNetwork s;
  s.loc = loc;
  if (!n.IsMap()) {
    ctx.diags.error(loc, "expected {network, username} in social_networks, found " +
                             std::string(detail::kind_name(n)));
    return s;
  }
  for (const Field& f : map_fields(ctx, n, "a social network", Keys{format::social_network_keys()})) {
    (f.key == "network" ? s.network : s.username) = detail::read_str(ctx, f);
  }
  if (s.network.empty() || s.username.empty()) {
    ctx.diags.error(loc, s.network.empty() ? "social network is missing 'network'"
                                           : "social network is missing 'username'");
  } else if (!std::count(format::social_networks().begin(), format::social_networks().end(),
                          s.network.text)) {
    std::string hint = core::did_you_mean(s.network.text, format::social_networks());
    ctx.diags.error(s.network.loc, "unknown social network '" + s.network.text + "'",
                    hint.empty()
                        ? "RenderCV knows LinkedIn, GitHub, ORCID, Google Scholar, X and a "
                          "few others"
                        : hint);
  }
  return s;
}

void read_networks(Ctx& ctx, const Field& f, Cv& cv) {
  if (!f.value.IsSequence()) {
    if (!f.value.IsNull()) detail::wrong_type(ctx, f, "a list");
    return;
  }
  for (const YAML::Node& item : f.value)
    cv.social_networks.push_back(read_network(ctx, item, detail::to_loc(ctx.file, item.Mark())));
}

void read_contacts(Ctx& ctx, const Field& f, Cv& cv) {
  if (f.key == "email") {
    cv.emails = detail::read_str_list(ctx, f);
    for (const Str& s : cv.emails) detail::check_email(ctx, s);
  } else if (f.key == "phone") {
    cv.phones = detail::read_str_list(ctx, f);
    for (const Str& s : cv.phones)
      if (!s.text.starts_with("+"))
        ctx.diags.warning(s.loc, "phone number '" + s.text + "' is not in international format",
                          "start it with + and the country code, e.g. +86 10 1234 5678");
  } else if (f.key == "website") {
    cv.websites = detail::read_str_list(ctx, f);
    for (const Str& s : cv.websites) detail::check_url(ctx, s);
  }
}

void read_cv(Ctx& ctx, const Field& top, Cv& cv) {
  cv.loc = top.loc;
  if (!top.value.IsMap()) {
    detail::wrong_type(ctx, top, "a map");
    return;
  }
  const Keys keys{format::cv_keys()};
  bool has_name = false;  // a name of the wrong type is reported once, not also as missing
  for (const Field& f : map_fields(ctx, top.value, "cv", keys)) {
    if (f.key == "name") cv.name = detail::read_text(ctx, f), has_name = !f.value.IsNull();
    if (f.key == "headline") cv.headline = detail::read_text(ctx, f);
    if (f.key == "location") cv.location = detail::read_text(ctx, f);
    if (f.key == "photo") cv.photo = detail::read_str(ctx, f);
    if (f.key == "social_networks") read_networks(ctx, f, cv);
    if (f.key == "sections") cv.sections = detail::read_sections(ctx, f);
    if (f.key == "custom_connections")
      ctx.diags.warning(f.key_loc,
                        "'custom_connections' is not supported by cvpdf yet and is ignored");
    read_contacts(ctx, f, cv);
  }
  if (!has_name) ctx.diags.error(top.key_loc, "missing required key 'name' in cv");
}

void read_languages(Ctx& ctx, const Field& f, Settings& s) {
  s.languages = detail::read_str_list(ctx, f);
  for (std::size_t i = 0; i < s.languages.size(); ++i) {
    const Str& l = s.languages[i];
    if (!detail::is_language_tag(l.text)) {
      ctx.diags.error(l.loc, "'" + l.text + "' in settings.languages is not a language tag",
                      "use BCP 47 tags such as en, zh, zh-Hans or pt-BR");
    }
    for (std::size_t j = 0; j < i; ++j)
      if (s.languages[j].text == l.text)
        ctx.diags.warning(l.loc, "language '" + l.text + "' is listed twice in settings.languages");
  }
}

/// `settings.max_pages`: a whole number of pages, 1 to the page limit (core/limits.h).
void read_max_pages(Ctx& ctx, const Field& f, Settings& s) {
  if (!f.value.IsScalar()) {
    if (f.value.IsNull())
      ctx.diags.error(f.loc, "settings.max_pages has no value",
                      "write e.g. max_pages: 2, or remove the key");
    else
      detail::wrong_type(ctx, f, "a whole number of pages");
    return;
  }
  const Str v{f.value.Scalar(), f.loc};
  int n = 0;
  const char* end = v.text.data() + v.text.size();
  const auto [ptr, ec] = std::from_chars(v.text.data(), end, n);
  const int limit = static_cast<int>(core::limits::kMaxPages);
  if (ec != std::errc{} || ptr != end || n < 1 || n > limit) {
    ctx.diags.error(v.loc,
                    "settings.max_pages must be a whole number of pages from 1 to " +
                        std::to_string(limit) + ", found '" + v.text + "'",
                    "write e.g. max_pages: 2, or remove the key to let the CV take the pages it "
                    "needs");
    return;
  }
  s.max_pages = n;
  s.max_pages_loc = v.loc;
}

void read_settings(Ctx& ctx, const Field& top, Settings& s) {
  if (!top.value.IsMap()) {
    if (!top.value.IsNull()) detail::wrong_type(ctx, top, "a map");
    return;
  }
  const Keys keys{format::settings_keys(), false, core::Severity::Warning};
  for (const Field& f : map_fields(ctx, top.value, "settings", keys)) {
    if (f.key == "languages") read_languages(ctx, f, s);
    if (f.key == "bold_keywords") s.bold_keywords = detail::read_str_list(ctx, f);
    if (f.key == "theme") s.theme = detail::read_str(ctx, f);
    if (f.key == "max_pages") read_max_pages(ctx, f, s);
    if (f.key == "pdf_title" || f.key == "render_command")
      ctx.diags.warning(f.key_loc, "settings." + f.key + " is RenderCV's and is ignored by cvpdf");
    if (f.key == "current_date") {
      s.current_date = detail::read_str(ctx, f);
      if (s.current_date.text != "today")
        detail::read_date(ctx, f, detail::DateKind::Start, nullptr);
    }
    if (f.key == "page_size") {
      s.page_size = detail::read_str(ctx, f);
      if (s.page_size.text != "a4" && s.page_size.text != "letter")
        ctx.diags.error(s.page_size.loc, "unknown page size '" + s.page_size.text + "'",
                        "cvpdf knows a4 and letter");
    }
  }
}

/// `design:` and `locale:` as dotted paths ("page.size", "month_names.0") to located scalars.
void flatten(Ctx& ctx, const YAML::Node& n, const std::string& path, const SourceLoc& loc,
             std::map<std::string, Str>& out) {
  if (n.IsScalar()) {
    out[path] = Str{n.Scalar(), loc};
  } else if (n.IsMap()) {
    for (const Field& f : map_fields(ctx, n, path, Keys{{}, true}))
      flatten(ctx, f.value, path.empty() ? f.key : path + "." + f.key, f.loc, out);
  } else if (n.IsSequence()) {
    std::size_t i = 0;
    for (const YAML::Node& item : n)
      flatten(ctx, item, path + "." + std::to_string(i++), detail::to_loc(ctx.file, item.Mark()),
              out);
  }
}

/// RenderCV's locale.language names → BCP 47 tags.
std::string language_tag(const std::string& name) {
  static const std::vector<std::pair<std::string_view, std::string_view>> kNames = {
      {"english", "en"},    {"arabic", "ar"},     {"danish", "da"},     {"dutch", "nl"},
      {"french", "fr"},     {"german", "de"},     {"hebrew", "he"},     {"hindi", "hi"},
      {"hungarian", "hu"},  {"indonesian", "id"}, {"italian", "it"},    {"japanese", "ja"},
      {"korean", "ko"},     {"mandarin_chinese", "zh"}, {"norwegian_bokmål", "nb"},
      {"norwegian_nynorsk", "nn"}, {"persian", "fa"}, {"portuguese", "pt"}, {"russian", "ru"},
      {"spanish", "es"},    {"turkish", "tr"},    {"vietnamese", "vi"}};
  for (const auto& [n, tag] : kNames)
    if (n == name) return std::string(tag);
  return detail::is_language_tag(name) ? name : std::string();
}

/// `locale:`: `language` chooses the render language when settings.languages does not; the
/// other keys (RenderCV's own phrases and month names) are warned about, one warning each.
void read_locale(Ctx& ctx, Profile& p) {
  std::vector<std::string> warned;
  for (const auto& [path, value] : p.locale) {
    const std::string key = path.substr(0, path.find('.'));
    if (key == "language") {
      const std::string tag = language_tag(value.text);
      if (tag.empty()) {
        ctx.diags.warning(value.loc, "unknown locale.language '" + value.text + "'; ignored",
                          "use a RenderCV language name (english, german, mandarin_chinese, …) "
                          "or a language tag");
      } else if (p.settings.languages.empty()) {
        p.settings.languages.push_back(Str{tag, value.loc});
      } else if (p.settings.languages.front().text != tag) {
        ctx.diags.warning(value.loc, "locale.language is ignored: settings.languages decides");
      }
    } else if (std::find(warned.begin(), warned.end(), key) == warned.end()) {
      warned.push_back(key);
      ctx.diags.warning(value.loc, "locale." + key + " is not supported by cvpdf and is ignored",
                        "cvpdf takes dates, month names and \"present\" from CLDR for the language");
    }
  }
}

/// Every language tag used in a text should be one the profile says it carries.
void check_used_languages(Ctx& ctx, const Settings& s) {
  if (s.languages.empty()) return;
  std::vector<std::string> reported;
  for (const Str& tag : ctx.used_tags) {
    const bool listed = std::any_of(s.languages.begin(), s.languages.end(),
                                    [&](const Str& l) { return l.text == tag.text; });
    if (listed || std::find(reported.begin(), reported.end(), tag.text) != reported.end()) continue;
    reported.push_back(tag.text);
    ctx.diags.warning(tag.loc, "language '" + tag.text + "' is not in settings.languages",
                      "add it to settings.languages, or correct the tag");
  }
}

void read_root(Ctx& ctx, const YAML::Node& root, Profile& p) {
  if (!root.IsMap()) {
    const SourceLoc loc =
        root.IsNull() ? SourceLoc{ctx.file, 1, 1} : detail::to_loc(ctx.file, root.Mark());
    ctx.diags.error(loc,
                    root.IsNull() ? "missing required key 'cv'"
                                  : "expected a map with a 'cv' key at the top level, found " +
                                        std::string(detail::kind_name(root)),
                    "a profile starts with 'cv:' and, under it, 'name:'");
    return;
  }
  bool has_cv = false;
  for (const Field& f :
       map_fields(ctx, root, "the profile", Keys{format::top_keys()})) {
    if (f.key == "cv") has_cv = true, read_cv(ctx, f, p.cv);
    if (f.key == "settings") read_settings(ctx, f, p.settings);
    if (f.key == "design") flatten(ctx, f.value, "", f.loc, p.design);
    if (f.key == "locale") flatten(ctx, f.value, "", f.loc, p.locale);
  }
  if (!has_cv) ctx.diags.error({ctx.file, 1, 1}, "missing required key 'cv'");
  read_locale(ctx, p);
  check_used_languages(ctx, p.settings);
}

/// Refuses more than core::limits::kMaxEntries entries, at the first entry past the limit.
void check_entry_count(Ctx& ctx, const Cv& cv) {
  std::size_t n = 0;
  for (const Section& s : cv.sections) {
    for (const Entry& e : s.entries) {
      if (++n <= core::limits::kMaxEntries) continue;
      ctx.diags.error(e.loc,
                      "more than " + std::to_string(core::limits::kMaxEntries) +
                          " entries in the profile",
                      "a CV this long is refused to bound the time and memory of a render");
      return;
    }
  }
}

/// Appends `found` to `diags` in file order (stable: equal positions keep the order found).
void append_in_file_order(const core::Diagnostics& found, core::Diagnostics& diags) {
  std::vector<core::Diagnostic> list = found.all();
  std::stable_sort(list.begin(), list.end(),
                   [](const core::Diagnostic& a, const core::Diagnostic& b) {
                     return std::pair(a.loc.line, a.loc.col) < std::pair(b.loc.line, b.loc.col);
                   });
  for (core::Diagnostic& d : list) diags.add(std::move(d));
}

}  // namespace

Profile load_profile(std::string_view bytes, const std::string& file, core::Diagnostics& diags) {
  Profile p;
  p.file = file;
  core::Diagnostics found;
  Ctx ctx{file, found};
  if (detail::check_bytes(bytes, file, found)) {
    const std::optional<YAML::Node> root = detail::parse_yaml(bytes, ctx);
    if (root) read_root(ctx, *root, p), check_entry_count(ctx, p.cv);
  }
  append_in_file_order(found, diags);
  return p;
}

}  // namespace cvpdf::profile
