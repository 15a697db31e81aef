// tests/unit/profile/yaml_out_test.cpp — the importers' YAML writer: every scalar reads back
// through the loader as exactly the string written; layout (comments, folding, blank lines).
#include <doctest/doctest.h>

#include "helpers.h"
#include "profile/import.h"
#include "profile/yaml_out.h"

using namespace cvpdf::profile;
using namespace cvpdf::profile::test;

namespace {

/// Writes `s` as cv.headline and returns what the loader reads back (or the diagnostics).
std::string round_trip(const std::string& s) {
  YNode root;
  YNode& cv = root.set("cv", YNode::new_map());
  cv.set("name", YNode::text("X"));
  cv.set("headline", YNode::text(s)).note("a comment");
  const std::string yaml = write_yaml(root, {"header"});
  const Loaded l = load(yaml);
  if (!l.lines().empty()) return "<" + dump(l) + ">\n" + yaml;
  const auto& v = l.profile.cv.headline.variants;
  return v.empty() ? std::string("<empty>") : v.front().second;
}

}  // namespace

TEST_CASE("scalars YAML would misread are quoted; everything reads back unchanged") {
  for (const std::string& s : std::vector<std::string>{
           "plain text", "Honors & Awards", "key: value", "- dash", "#hash", "a #b", "yes", "No",
        "null", "~", "true", "2023", "1e3", "0x1F", "'single'", "\"double\"", "back\\slash",
        "[flow]", "{map}", "*alias", "&anchor", "!tag", "%percent", "@at", "`tick`",
        " leading", "trailing ", "tab\there", "bell\a", "emoji 😄 and 北京大学", "ends with:",
        "---", "...", "? question", "| pipe", "> gt", "two\nlines", "two\n\nparagraphs",
        "trailing newline\n", "  indented\nsecond", std::string(200, 'x'),
        "a long line of words that is certainly longer than the fold width of the writer, "
        "so it is folded onto several lines and must still read back as one line exactly"}) {
    CAPTURE(s);
    CHECK(round_trip(s) == s);
  }
}

TEST_CASE("layout: comments above keys and items, flow lists, folded long text") {
  YNode root;
  YNode& cv = root.set("cv", YNode::new_map());
  cv.set("name", YNode::text("Xinyi Liu"));
  YNode& list = cv.set("sections", YNode::new_map()).set("Honors & Awards", YNode::new_list());
  YNode& e = list.push(YNode::new_map()).note("guessed");
  e.set("name", YNode::text("**National Scholarship**"));
  e.set("date", YNode::text("2022"));
  YNode tags = YNode::new_list();
  tags.flow = true;
  tags.push(YNode::text("a, b"));
  tags.push(YNode::text("c"));
  root.set("settings", YNode::new_map()).set("bold_keywords", std::move(tags));
  CHECK(write_yaml(root, {"top"}) ==
        "# top\n\n"
        "cv:\n"
        "  name: Xinyi Liu\n"
        "  sections:\n"
        "    Honors & Awards:\n"
        "      # guessed\n"
        "      - name: \"**National Scholarship**\"\n"
        "        date: 2022\n"
        "settings:\n"
        "  bold_keywords: [\"a, b\", c]\n");
}

TEST_CASE("an importer's output loads without errors (a tiny JSON Resume)") {
  cvpdf::core::Diagnostics diags;
  const std::string yaml = import_jsonresume(
      {"r.json", R"({"basics": {"name": "Ada", "email": "ada@example.org"},
                     "work": [{"name": "ACME", "position": "Dev", "startDate": "2020-01"}]})"},
      diags);
  CHECK(diags.all().empty());
  const Loaded l = load(yaml);
  CHECK(dump(l) == "");
  REQUIRE(l.profile.cv.sections.size() == 1);
  CHECK(l.profile.cv.sections[0].entries[0].end_date.present);
}
