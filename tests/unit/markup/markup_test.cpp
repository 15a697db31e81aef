#include <doctest/doctest.h>

#include "markup/markup.h"

using namespace cvpdf;

namespace {
std::vector<doc::Span> inl(const std::string& s) {
  core::Diagnostics d;
  return markup::parse_inline(s, {"p.yaml", 3, 5}, d);
}
}  // namespace

TEST_CASE("bold, italic, code and links become spans; markup disappears") {
  auto spans = inl("**Runner Up, Gold Medal**, The 12th *ICPC* `x` [DAIR lab](https://pkudair.github.io)");
  REQUIRE(spans.size() == 7);
  CHECK(spans[0].text == "Runner Up, Gold Medal");
  CHECK(spans[0].bold);
  CHECK(spans[1].text == ", The 12th ");
  CHECK_FALSE(spans[1].bold);
  CHECK(spans[2].text == "ICPC");
  CHECK(spans[2].italic);
  CHECK(spans[4].text == "x");
  CHECK(spans[4].mono);
  CHECK(spans[6].text == "DAIR lab");
  CHECK(spans[6].link == "https://pkudair.github.io");
  CHECK(spans[6].loc == core::SourceLoc{"p.yaml", 3, 5});
}

TEST_CASE("text is kept exactly: no smart quotes, emoji and CJK untouched") {
  auto spans = inl("Hi! \xF0\x9F\x98\x84 I'm \"here\" \xE5\x8C\x97\xE4\xBA\xAC -- ok...");
  REQUIRE(spans.size() == 1);
  CHECK(spans[0].text == "Hi! \xF0\x9F\x98\x84 I'm \"here\" \xE5\x8C\x97\xE4\xBA\xAC -- ok...");
}

TEST_CASE("soft breaks become spaces; paragraphs are kept apart by parse_markdown") {
  core::Diagnostics d;
  auto paras = markup::parse_markdown("one\ntwo\n\nthree", {}, d);
  REQUIRE(paras.size() == 2);
  CHECK(paras[0][0].text == "one two");
  CHECK(paras[1][0].text == "three");
  CHECK(inl("one\n\nthree").size() == 3);
}

TEST_CASE("raw HTML is shown as text with one warning") {
  core::Diagnostics d;
  auto paras = markup::parse_markdown("a <i>b</i> c", {"p.yaml", 1, 1}, d);
  CHECK(d.warning_count() == 1);
  CHECK(doc::plain_text({doc::Role::Body, doc::Align::Left, paras.at(0)}) == "a <i>b</i> c");
}
