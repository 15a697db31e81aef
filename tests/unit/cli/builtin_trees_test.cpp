// The built-in layouts and locale files are read from trees packed at build time
// (cmake/pack_yaml.cpp, theme/packed_yaml.h): each tree is the tree of the file's text as
// compiled in, and a locale file read from its tree gives what its text gives.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "cli/locales.h"
#include "cli/world.h"
#include "theme/packed_yaml.h"

using namespace cvpdf;

namespace {

std::map<std::string, std::string> as_map(const std::vector<std::pair<std::string, std::string>>& v) {
  return {v.begin(), v.end()};
}

}  // namespace

TEST_CASE("every built-in layout's packed tree is its text's tree") {
  const auto texts = as_map(cli::builtin_layout_texts());
  const auto trees = as_map(cli::builtin_layout_trees());
  REQUIRE(texts.size() >= 4);
  REQUIRE(trees.size() == texts.size());
  for (const auto& [name, text] : texts) {
    CAPTURE(name);
    REQUIRE(trees.count(name) == 1);
    CHECK(trees.at(name) == theme::pack_yaml(YAML::Load(text)));
    CHECK(cli::builtin_layout_tree(name) == trees.at(name));
  }
  CHECK_FALSE(cli::builtin_layout_tree("no-such-layout").has_value());
}

TEST_CASE("every built-in locale file read from its tree gives what its text gives") {
  const auto texts = as_map(cli::builtin_locale_texts());
  const auto trees = as_map(cli::builtin_locale_trees());
  REQUIRE(texts.size() >= 10);
  REQUIRE(trees.size() == texts.size());
  for (const auto& [tag, text] : texts) {
    CAPTURE(tag);
    REQUIRE(trees.count(tag) == 1);
    CHECK(trees.at(tag) == theme::pack_yaml(YAML::Load(text)));
    core::Diagnostics a;
    core::Diagnostics b;
    const i18n::LocaleData from_text = cli::parse_locale(tag, text, "f.yaml", a);
    const i18n::LocaleData from_tree = cli::parse_locale_tree(tag, trees.at(tag), "f.yaml", b);
    CHECK(a.all().empty());
    CHECK(b.all().empty());
    CHECK(from_tree.phrases == from_text.phrases);
    CHECK(from_tree.sections == from_text.sections);
    CHECK_FALSE(from_tree.phrases.empty());
  }
}

TEST_CASE("a damaged tree is a located error, not a crash") {
  core::Diagnostics diags;
  const i18n::LocaleData d = cli::parse_locale_tree("en", "M1;s7:phrases", "data/locales/en.yaml", diags);
  CHECK(d.phrases.empty());
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all().front().loc.file == "data/locales/en.yaml");
}
