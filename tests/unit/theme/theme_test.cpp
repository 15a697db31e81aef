#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "theme/theme.h"

using namespace cvpdf;

TEST_CASE("the classic layout file parses without findings") {
  std::ifstream in(CVPDF_SOURCE_DIR "/layouts/classic.yaml");
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  core::Diagnostics d;
  const theme::Theme t = theme::parse_theme(ss.str(), "classic.yaml", d);
  CHECK(d.all().empty());
  CHECK(t.name == "classic");
  CHECK(t.style("name").size > t.style("body").size);
  CHECK(t.fonts.at("body").size() >= 2);
}

TEST_CASE("layout overrides apply over the defaults") {
  core::Diagnostics d;
  const auto t = theme::parse_theme(
      "page: {size: letter, margins: {left: 1in}}\n"
      "styles: {body: {size: 11pt, color: \"#102030\"}}\n",
      "t.yaml", d);
  CHECK(d.all().empty());
  CHECK(t.page.width == doctest::Approx(612));
  CHECK(t.page.margin_left == doctest::Approx(72));
  CHECK(t.style("body").size == doctest::Approx(11));
  CHECK(t.style("body").color == core::Color{0x10, 0x20, 0x30});
  CHECK(t.style("name").size == doctest::Approx(24));  // untouched default
}

TEST_CASE("layout errors are located, all in one run") {
  core::Diagnostics d;
  theme::parse_theme("page:\n  size: b5\nstyles:\n  body: {colour: red}\nbulet: x\n", "t.yaml", d);
  REQUIRE(d.error_count() == 3);
  CHECK(core::format_headline(d.all()[0]) == "t.yaml:2:9: error: unknown page size 'b5'");
  CHECK(core::format_headline(d.all()[1]) ==
        "t.yaml:4:10: error: unknown key 'colour' in 'styles.body'");
  CHECK(core::format_headline(d.all()[2]) == "t.yaml:5:1: error: unknown key 'bulet' in 'layout'");
  CHECK(d.all()[1].hint == "did you mean 'color'?");
  CHECK(d.all()[2].hint == "did you mean 'bullet'?");
}
