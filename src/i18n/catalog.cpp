// i18n/catalog.cpp — choosing the locale file for a language; lookups with fallbacks.
#include "i18n/catalog.h"

#include "i18n/locale.h"

namespace cvpdf::i18n {

std::string section_key(std::string_view key) {
  std::string out;
  bool gap = false;
  for (const char c : key) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      gap = !out.empty();
      continue;
    }
    if (gap) out += '_';
    gap = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

void LocaleCatalog::add(LocaleData data) {
  std::string tag = data.tag;
  by_tag_[tag] = std::move(data);
}

const LocaleData* LocaleCatalog::find(const std::string& lang) const {
  for (const std::string& tag : {lang, document_lang(lang), lang.substr(0, lang.find('-'))}) {
    if (auto it = by_tag_.find(tag); it != by_tag_.end()) return &it->second;
  }
  if (auto it = by_tag_.find("en"); it != by_tag_.end()) return &it->second;
  return nullptr;
}

std::string LocaleCatalog::phrase(const std::string& key, const std::string& lang) const {
  for (const LocaleData* d : {find(lang), find("en")}) {
    if (d == nullptr) continue;
    if (auto it = d->phrases.find(key); it != d->phrases.end()) return it->second;
  }
  return key;
}

std::optional<std::string> LocaleCatalog::section_title(std::string_view key,
                                                        const std::string& lang) const {
  const LocaleData* d = find(lang);
  if (d == nullptr) return std::nullopt;
  // The English file answers only for English-like languages, not as a fallback for others.
  if (d->tag == "en" && lang.substr(0, lang.find('-')) != "en") return std::nullopt;
  if (auto it = d->sections.find(section_key(key)); it != d->sections.end()) return it->second;
  return std::nullopt;
}

std::vector<std::string> LocaleCatalog::tags() const {
  std::vector<std::string> out;
  for (const auto& [tag, _] : by_tag_) out.push_back(tag);
  return out;
}

}  // namespace cvpdf::i18n
