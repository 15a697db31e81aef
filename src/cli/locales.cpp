// cli/locales.cpp — reading the built-in locale files with yaml-cpp.
#include "cli/locales.h"

#include <yaml-cpp/yaml.h>

#include <cctype>
#include <cstdio>
#include <map>
#include <mutex>
#include <stdexcept>

#include "theme/packed_yaml.h"

namespace cvpdf::cli {

namespace {

/// Reads a map of strings (`phrases:` or `sections:`) into `out`.
void read_strings(const YAML::Node& node, const std::string& what, const std::string& file,
                  std::map<std::string, std::string>& out, core::Diagnostics& diags) {
  if (!node) return;
  if (!node.IsMap()) {
    diags.error({file, node.Mark().line + 1, node.Mark().column + 1}, "'" + what + "' must be a map");
    return;
  }
  for (const auto& kv : node) {
    if (!kv.second.IsScalar()) {
      const auto m = kv.second.Mark();
      diags.error({file, m.line + 1, m.column + 1}, "'" + what + "." + kv.first.Scalar() +
                                                        "' must be text");
      continue;
    }
    out[kv.first.Scalar()] = kv.second.Scalar();
  }
}

}  // namespace

namespace {

/// A locale file's phrases and section titles from its tree.
i18n::LocaleData locale_from(const std::string& tag, const YAML::Node& root, const std::string& file,
                             core::Diagnostics& diags) {
  i18n::LocaleData d;
  d.tag = tag;
  read_strings(root["phrases"], "phrases", file, d.phrases, diags);
  read_strings(root["sections"], "sections", file, d.sections, diags);
  return d;
}

}  // namespace

i18n::LocaleData parse_locale(const std::string& tag, const std::string& text,
                              const std::string& file, core::Diagnostics& diags) {
  try {
    return locale_from(tag, YAML::Load(text), file, diags);
  } catch (const YAML::Exception& e) {
    diags.error({file, e.mark.line + 1, e.mark.column + 1}, e.msg);
  }
  return {tag, {}, {}};
}

i18n::LocaleData parse_locale_tree(const std::string& tag, std::string_view tree,
                                   const std::string& file, core::Diagnostics& diags) {
  try {
    return locale_from(tag, theme::unpack_yaml(tree), file, diags);
  } catch (const YAML::Exception& e) {
    diags.error({file, 0, 0}, e.msg);
  } catch (const std::invalid_argument& e) {
    diags.error({file, 0, 0}, e.what());
  }
  return {tag, {}, {}};
}

namespace {

/// "zh-Hant-TW" → "zh" (lower case).
std::string primary_subtag(const std::string& tag) {
  std::string p = tag.substr(0, tag.find_first_of("-_"));
  for (char& c : p) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return p;
}

i18n::LocaleCatalog parse_catalog(const std::string& only_primary) {
  i18n::LocaleCatalog c;
  for (const auto& [tag, tree] : builtin_locale_trees()) {
    const std::string primary = primary_subtag(tag);
    if (!only_primary.empty() && primary != only_primary && primary != "en") continue;
    core::Diagnostics diags;
    c.add(parse_locale_tree(tag, tree, "data/locales/" + tag + ".yaml", diags));
    for (const auto& d : diags.all()) {  // a bug in a shipped file: say so, keep going
      std::fprintf(stderr, "cvpdf: internal error: %s: %s\n", d.loc.str().c_str(),
                   d.message.c_str());
    }
  }
  return c;
}

}  // namespace

const i18n::LocaleCatalog& builtin_locales_for(const std::string& lang) {
  // Catalogs are never erased, so references stay valid; the lock covers batch threads.
  static std::mutex mutex;
  static std::map<std::string, i18n::LocaleCatalog> by_primary;
  const std::string primary = primary_subtag(lang);
  std::lock_guard lock(mutex);
  auto it = by_primary.find(primary);
  if (it == by_primary.end()) it = by_primary.emplace(primary, parse_catalog(primary.empty() ? "en" : primary)).first;
  return it->second;
}

const i18n::LocaleCatalog& builtin_locales() {
  // A function-local static: built once, thread-safe initialisation (C++11), then read-only.
  static const i18n::LocaleCatalog kCatalog = parse_catalog({});
  return kCatalog;
}

}  // namespace cvpdf::cli
