// tests/unit/profile/settings_test.cpp — settings.max_pages and the `- page_break: true` item:
// what the loader keeps, and the located error for each misuse.
#include <doctest/doctest.h>

#include "helpers.h"

using namespace cvpdf::profile;
using namespace cvpdf::profile::test;

namespace {

Loaded with_max_pages(const std::string& value) {
  return load("cv:\n  name: X\nsettings:\n  max_pages: " + value + "\n");
}

const std::string kHint =
    "write e.g. max_pages: 2, or remove the key to let the CV take the pages it needs";

}  // namespace

TEST_CASE("settings.max_pages: a whole number of pages, kept with its place") {
  const Loaded l = with_max_pages("2");
  CHECK(l.diags.all().empty());
  CHECK(l.profile.settings.max_pages == 2);
  CHECK(l.profile.settings.max_pages_loc.line == 4);
  CHECK(l.profile.settings.max_pages_loc.col == 14);
  CHECK(with_max_pages("60").profile.settings.max_pages == 60);
  CHECK(load("cv:\n  name: X\n").profile.settings.max_pages == 0);  // not set: no limit
}

TEST_CASE("settings.max_pages: 0, negative, text, fractions and too many pages are located errors") {
  for (const std::string bad : {"0", "-1", "two", "1.5", "61", "2 pages", "99999999999"}) {
    CAPTURE(bad);
    const Loaded l = with_max_pages(bad);
    const std::string line = "p.yaml:4:14: error: settings.max_pages must be a whole number of "
                             "pages from 1 to 60, found '" + bad + "'";
    CHECK_MESSAGE(l.has(line), dump(l));
    CHECK(l.hint_of(line) == kHint);
    CHECK(l.profile.settings.max_pages == 0);
  }
  CHECK(with_max_pages("[2]").has("p.yaml:4:14: error: expected a whole number of pages for "
                                  "'max_pages', found a list"));
  CHECK(with_max_pages("").has("p.yaml:4:3: error: settings.max_pages has no value"));
}

TEST_CASE("page_break items mark the entry after them, or the section when first or last") {
  const Loaded l = load(R"(cv:
  name: X
  sections:
    a:
      - page_break: true
      - bullet: one
      - page_break: true
      - bullet: two
      - bullet: three
      - page_break: TRUE
    b:
      - {name: Prize, date: 2020}
      - page_break: false
      - {name: Medal, date: 2021}
)");
  REQUIRE_MESSAGE(l.diags.all().empty(), dump(l));
  const auto& s = l.profile.cv.sections;
  REQUIRE(s.size() == 2);
  REQUIRE(s[0].entries.size() == 3);  // page breaks are not entries and do not type the section
  CHECK(s[0].type == EntryType::Bullet);
  CHECK(s[0].page_break_before);
  CHECK(s[0].page_break_after);
  CHECK_FALSE(s[0].entries[0].page_break_before);
  CHECK(s[0].entries[1].page_break_before);
  CHECK_FALSE(s[0].entries[2].page_break_before);
  REQUIRE(s[1].entries.size() == 2);  // `false` does nothing
  CHECK_FALSE(s[1].page_break_before);
  CHECK_FALSE(s[1].page_break_after);
  CHECK_FALSE(s[1].entries[1].page_break_before);
}
