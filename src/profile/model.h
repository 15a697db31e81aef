// profile/model.h — the CV as plain structs, as the user wrote it (all languages at once).
//
// Takes nothing (value types); profile/load.h fills them, i18n/resolve.h picks one language.
// Every user string keeps its SourceLoc. The entry structs are templates over the text type so
// that the resolved (one-language) model in i18n/ has exactly the same shape:
//   profile::Entry        = EntryT<Text>  — a text may hold several languages
//   i18n::ResolvedEntry   = EntryT<Str>   — one language, ready to compose
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/source_loc.h"

namespace cvpdf::profile {

using core::SourceLoc;

/// A located, single-language string (also used for values that never translate: e-mails,
/// URLs, phone numbers).
struct Str {
  std::string text;
  SourceLoc loc;
  [[nodiscard]] bool empty() const { return text.empty(); }
  friend bool operator==(const Str&, const Str&) = default;
};

/// A located text that may be given in several languages: `{en: Peking University, zh: 北京大学}`.
/// A plain scalar is one variant with the empty language tag (it fits every language).
struct Text {
  std::vector<std::pair<std::string, std::string>> variants;  ///< (BCP 47 tag or "", text)
  SourceLoc loc;
  [[nodiscard]] bool empty() const { return variants.empty(); }
  friend bool operator==(const Text&, const Text&) = default;
};

/// A calendar date as RenderCV writes it: YYYY, YYYY-MM or YYYY-MM-DD, or "present".
struct Date {
  int year = 0;   ///< 0 = no date
  int month = 0;  ///< 1–12, 0 = not given
  int day = 0;    ///< 1–31, 0 = not given
  bool present = false;
  SourceLoc loc;
  [[nodiscard]] bool empty() const { return year == 0 && !present; }
  friend bool operator==(const Date&, const Date&) = default;
};

/// RenderCV's nine entry types (detected from the keys an entry has).
enum class EntryType {
  Education,         ///< institution, area
  Experience,        ///< company, position
  Publication,       ///< title, authors
  Normal,            ///< name
  OneLine,           ///< label, details
  Bullet,            ///< bullet
  Numbered,          ///< number
  ReversedNumbered,  ///< reversed_number
  Text,              ///< a plain string
};

template <class T>
struct EntryT {
  EntryType type = EntryType::Text;
  SourceLoc loc;
  // Education
  T institution, area, degree;
  // Experience
  T company, position;
  // Publication (cvpdf adds `tag` — a venue tag such as "ICLR Spotlight" — and `arxiv`)
  T title;
  std::vector<T> authors;
  T journal, tag;
  Str doi, url, arxiv;
  // Normal
  T name;
  // OneLine
  T label, details;
  // Bullet, Numbered, ReversedNumbered and Text: the entry's text
  T text;
  // Shared
  T location, summary;
  T date;              ///< free-text `date` ("Fall 2023") when it is not a calendar date
  Date date_value;     ///< `date` when it is YYYY[-MM[-DD]]
  Date start_date, end_date;
  std::vector<T> highlights;
  /// cvpdf: a `- page_break: true` item stood just before this entry (not the section's first).
  bool page_break_before = false;
  friend bool operator==(const EntryT&, const EntryT&) = default;
};

template <class T>
struct SectionT {
  std::string key;  ///< the YAML key (`education`, `Honors & Awards`)
  T title;          ///< from `title:` or the key (snake_case → Title Case)
  EntryType type = EntryType::Text;
  std::vector<EntryT<T>> entries;
  SourceLoc loc;
  /// cvpdf: `- page_break: true` as the first item: the section (its title) starts a page.
  bool page_break_before = false;
  /// cvpdf: `- page_break: true` as the last item: what follows the section starts a page.
  bool page_break_after = false;
  friend bool operator==(const SectionT&, const SectionT&) = default;
};

struct SocialNetwork {
  Str network;   ///< "GitHub", "LinkedIn", "ORCID", "Google Scholar", …
  Str username;
  SourceLoc loc;
  friend bool operator==(const SocialNetwork&, const SocialNetwork&) = default;
};

template <class T>
struct CvT {
  T name, headline, location;
  std::vector<Str> emails, phones, websites;
  Str photo;
  std::vector<SocialNetwork> social_networks;
  std::vector<SectionT<T>> sections;  ///< in file order
  SourceLoc loc;
  friend bool operator==(const CvT&, const CvT&) = default;
};

struct Settings {
  std::vector<Str> languages;      ///< languages the profile carries; the first is the default
  std::vector<Str> bold_keywords;  ///< RenderCV: words drawn bold wherever they appear
  Str current_date;                ///< RenderCV: a date or "today"
  Str page_size;                   ///< cvpdf: a4 | letter
  Str theme;                       ///< cvpdf: layout name (layouts/<theme>.yaml)
  /// cvpdf: shrink the design until the CV takes at most this many pages (`--max-pages` wins);
  /// 0 = not set. Checked by the loader: 1 to the page limit.
  int max_pages = 0;
  SourceLoc max_pages_loc;  ///< where `max_pages` was given
  friend bool operator==(const Settings&, const Settings&) = default;
};

using Entry = EntryT<Text>;
using Section = SectionT<Text>;
using Cv = CvT<Text>;

/// A whole profile file.
struct Profile {
  std::string file;  ///< the path it was loaded from (for diagnostics)
  Cv cv;
  Settings settings;
  /// `design:` keys as dotted paths with their located scalar value ("page.size" → "a4").
  std::map<std::string, Str> design;
  /// `locale:` keys, same form ("language" → "english").
  std::map<std::string, Str> locale;
  friend bool operator==(const Profile&, const Profile&) = default;
};

}  // namespace cvpdf::profile
