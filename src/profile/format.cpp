// profile/format.cpp — see format.h. Field lists: RenderCV v2.8 (notes/formats.md) plus
// cvpdf's extensions (settings.languages, page_size, theme, max_pages; publication tag and
// arxiv).
#include "profile/format.h"

namespace cvpdf::profile::format {

const Names& top_keys() {
  static const Names k = {"cv", "design", "locale", "settings"};
  return k;
}

const Names& cv_keys() {
  static const Names k = {"name",  "headline", "location",        "email",
                          "phone", "website",  "photo",           "social_networks",
                          "custom_connections", "sections"};
  return k;
}

const Names& settings_keys() {
  static const Names k = {"languages", "bold_keywords", "current_date", "page_size",
                          "theme",     "max_pages",     "pdf_title",    "render_command"};
  return k;
}

const Names& social_network_keys() {
  static const Names k = {"network", "username"};
  return k;
}

const Names& social_networks() {
  static const Names k = {"LinkedIn",       "GitHub",   "GitLab",        "IMDB",
                          "Instagram",      "ORCID",    "Mastodon",      "StackOverflow",
                          "ResearchGate",   "YouTube",  "Google Scholar", "Telegram",
                          "WhatsApp",       "Leetcode", "X",             "Bluesky",
                          "Reddit"};
  return k;
}

const Names& page_sizes() {
  static const Names k = {"a4", "letter"};
  return k;
}

#define CVPDF_COMMON "date", "start_date", "end_date", "location", "summary", "highlights"

const std::vector<EntryTypeInfo>& entry_types() {
  static const std::vector<EntryTypeInfo> kTypes = {
      {EntryType::OneLine, "one-line", {"label", "details"}, {"label", "details"},
       {"label", "details"}},
      {EntryType::Normal, "normal", {"name"}, {"name"}, {"name", CVPDF_COMMON}},
      {EntryType::Experience, "experience", {"company", "position"}, {"company", "position"},
       {"company", "position", CVPDF_COMMON}},
      {EntryType::Education, "education", {"institution", "area", "degree"},
       {"institution", "area"}, {"institution", "area", "degree", CVPDF_COMMON}},
      {EntryType::Publication, "publication",
       {"title", "authors", "doi", "url", "journal", "tag", "arxiv"}, {"title", "authors"},
       {"title", "authors", "summary", "doi", "url", "journal", "date", "tag", "arxiv"}},
      {EntryType::Bullet, "bullet", {"bullet"}, {"bullet"}, {"bullet"}},
      {EntryType::Numbered, "numbered", {"number"}, {"number"}, {"number"}},
      {EntryType::ReversedNumbered, "reversed-numbered", {"reversed_number"},
       {"reversed_number"}, {"reversed_number"}},
  };
  return kTypes;
}

#undef CVPDF_COMMON

Value value_of(std::string_view key) {
  if (key == "authors" || key == "highlights") return Value::TextList;
  if (key == "url" || key == "doi" || key == "arxiv") return Value::Str;
  if (key == "date") return Value::Date;
  if (key == "start_date") return Value::StartDate;
  if (key == "end_date") return Value::EndDate;
  return Value::Text;
}

}  // namespace cvpdf::profile::format
