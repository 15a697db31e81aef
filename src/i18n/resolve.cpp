// i18n/resolve.cpp — picking one language per field, and display dates.
#include "i18n/resolve.h"

#include <algorithm>
#include <set>

#include "i18n/locale.h"

namespace cvpdf::i18n {

namespace {

class Resolver {
 public:
  Resolver(std::string lang, std::string fallback, const LocaleCatalog& locales,
           core::Diagnostics& diags, DateMemo* memo)
      : lang_(std::move(lang)),
        fallback_(std::move(fallback)),
        locales_(locales),
        diags_(diags),
        dates_(lang_, locales_, memo) {}

  /// One variant of `t`: the language, else the untagged text, else the default language.
  Str pick(const profile::Text& t) {
    if (t.empty()) return {{}, t.loc};
    if (const auto* s = find(t, lang_)) return {*s, t.loc};
    if (const auto* s = find(t, "")) return {*s, t.loc};
    const std::string* s = find(t, fallback_);
    if (s == nullptr) s = &t.variants.front().second;
    diags_.warning(t.loc, "no '" + lang_ + "' text here; using '" + *s + "'",
                   "add a '" + lang_ + ":' variant to this field");
    return {*s, t.loc};
  }

  std::vector<Str> pick_all(const std::vector<profile::Text>& ts) {
    std::vector<Str> out;
    out.reserve(ts.size());
    for (const auto& t : ts) out.push_back(pick(t));
    return out;
  }

  ResolvedEntry entry(const profile::Entry& e) {
    ResolvedEntry r;
    r.type = e.type;
    r.loc = e.loc;
    r.institution = pick(e.institution), r.area = pick(e.area), r.degree = pick(e.degree);
    r.company = pick(e.company), r.position = pick(e.position);
    r.title = pick(e.title), r.authors = pick_all(e.authors);
    r.journal = pick(e.journal), r.tag = pick(e.tag);
    r.doi = e.doi, r.url = e.url, r.arxiv = e.arxiv;
    r.name = pick(e.name), r.label = pick(e.label), r.details = pick(e.details);
    r.text = pick(e.text), r.location = pick(e.location), r.summary = pick(e.summary);
    r.date_value = e.date_value, r.start_date = e.start_date, r.end_date = e.end_date;
    r.highlights = pick_all(e.highlights);
    r.date = display_date(e);
    r.page_break_before = e.page_break_before;
    return r;
  }

  /// The side-column date: the free text as written, a single date, or a range. RenderCV: a
  /// start date without an end date is ongoing ("– present").
  Str display_date(const profile::Entry& e) {
    if (!e.date.empty()) return pick(e.date);
    if (!e.date_value.empty()) return {dates_.date(e.date_value), e.date_value.loc};
    if (e.start_date.empty() && e.end_date.empty()) return {};
    profile::Date end = e.end_date;
    if (end.empty() && !e.start_date.empty()) end.present = true;
    const auto& loc = e.start_date.empty() ? e.end_date.loc : e.start_date.loc;
    return {dates_.range(e.start_date, end), loc};
  }

  /// A title from the section's key alone (no `title:`: one untagged variant located at the
  /// key) is the locale file's title for that key; any title the profile gives is kept.
  Str section_title(const profile::Section& s) {
    const bool from_key = s.title.variants.size() == 1 && s.title.variants.front().first.empty() &&
                          s.title.loc == s.loc;
    if (from_key) {
      if (auto t = locales_.section_title(s.key, lang_)) return {*t, s.title.loc};
    }
    return pick(s.title);
  }

  const std::string& lang() const { return lang_; }

 private:
  static const std::string* find(const profile::Text& t, const std::string& tag) {
    for (const auto& [k, v] : t.variants) {
      if (tag.empty() ? k.empty() : (!k.empty() && tag_matches(k, tag))) return &v;
    }
    return nullptr;
  }

  std::string lang_;
  std::string fallback_;
  const LocaleCatalog& locales_;
  core::Diagnostics& diags_;
  DateFormatter dates_;
};

}  // namespace

std::vector<std::string> profile_languages(const profile::Profile& p) {
  std::vector<std::string> out;
  for (const auto& l : p.settings.languages) out.push_back(l.text);
  if (out.empty()) {
    std::set<std::string> seen;
    for (const auto& [tag, _] : p.cv.name.variants) {
      if (!tag.empty() && seen.insert(tag).second) out.push_back(tag);
    }
  }
  if (out.empty()) out.push_back("en");
  return out;
}

std::string Resolved::phrase(const std::string& key) const {
  return locales != nullptr ? locales->phrase(key, lang) : key;
}

Resolved resolve(const profile::Profile& p, const std::string& lang, core::Diagnostics& diags) {
  static const LocaleCatalog kNone;
  return resolve(p, lang, kNone, diags);
}

Resolved resolve(const profile::Profile& p, const std::string& lang, const LocaleCatalog& locales,
                 core::Diagnostics& diags, DateMemo* memo) {
  const auto langs = profile_languages(p);
  Resolver r(lang, langs.front(), locales, diags, memo);
  Resolved out;
  out.locales = &locales;
  out.lang = lang;
  out.document_lang = document_lang(lang);
  out.languages = profile_languages(p);
  const auto& cv = p.cv;
  out.cv.name = r.pick(cv.name);
  out.cv.headline = r.pick(cv.headline);
  out.cv.location = r.pick(cv.location);
  out.cv.emails = cv.emails, out.cv.phones = cv.phones, out.cv.websites = cv.websites;
  out.cv.photo = cv.photo;
  out.cv.social_networks = cv.social_networks;
  out.cv.loc = cv.loc;
  for (const auto& s : cv.sections) {
    ResolvedSection rs;
    rs.key = s.key, rs.type = s.type, rs.loc = s.loc;
    rs.page_break_before = s.page_break_before, rs.page_break_after = s.page_break_after;
    rs.title = r.section_title(s);
    for (const auto& e : s.entries) rs.entries.push_back(r.entry(e));
    out.cv.sections.push_back(std::move(rs));
  }
  for (const auto& [_, name] : cv.name.variants) out.self_names.push_back(name);
  out.bold_keywords = p.settings.bold_keywords;
  return out;
}

}  // namespace cvpdf::i18n
