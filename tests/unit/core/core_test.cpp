#include <doctest/doctest.h>

#include "core/diagnostics.h"
#include "core/geometry.h"
#include "core/utf8.h"

using namespace cvpdf::core;

TEST_CASE("SourceLoc prints file:line:col, 1-based") {
  CHECK(SourceLoc{"p.yaml", 14, 3}.str() == "p.yaml:14:3");
  CHECK(SourceLoc{"p.yaml", 0, 0}.str() == "p.yaml");
  CHECK(SourceLoc{}.str().empty());
}

TEST_CASE("Diagnostics count errors and warnings; --strict promotes warnings") {
  Diagnostics d;
  d.warning({"a", 1, 1}, "w");
  CHECK_FALSE(d.has_errors());
  d.error({"a", 2, 5}, "unknown key 'eduction'", "did you mean 'education'?");
  CHECK(d.error_count() == 1);
  CHECK(format_headline(d.all()[1]) == "a:2:5: error: unknown key 'eduction'");
  d.promote_warnings();
  CHECK(d.error_count() == 2);
  CHECK(d.warning_count() == 0);
}

TEST_CASE("Diagnostics::merge reports what two batch jobs both found once") {
  Diagnostics en, zh, all;
  en.warning({"p.yaml", 0, 0}, "the footer's {date} is left empty", "set a date");
  en.warning({"p.yaml", 3, 1}, "no text in en");
  zh.warning({"p.yaml", 0, 0}, "the footer's {date} is left empty", "set a date");
  zh.warning({"p.yaml", 3, 1}, "no text in zh");
  zh.error({"p.yaml", 0, 0}, "the footer's {date} is left empty", "set a date");  // not a warning
  all.merge(en);
  all.merge(zh);
  CHECK(all.all().size() == 4);
  CHECK(all.warning_count() == 3);
  CHECK(all.error_count() == 1);
}

TEST_CASE("hex colours and lengths") {
  CHECK(parse_hex_color("#1a4D8f") == Color{0x1a, 0x4d, 0x8f});
  CHECK(parse_hex_color("#fff") == Color{255, 255, 255});
  CHECK_FALSE(parse_hex_color("1a4d8f"));
  CHECK_FALSE(parse_hex_color("#12345g"));
  CHECK(*parse_length("72") == doctest::Approx(72));
  CHECK(*parse_length("25.4mm") == doctest::Approx(72));
  CHECK(*parse_length("2cm") == doctest::Approx(56.6929).epsilon(1e-4));
  CHECK(*parse_length("1in") == doctest::Approx(72));
  CHECK_FALSE(parse_length("3furlongs"));
}

TEST_CASE("UTF-8 decoding, validation and escaping") {
  std::string s = "a\xC3\xA9\xE5\x8C\x97\xF0\x9F\x98\x84";  // a é 北 😄
  std::size_t i = 0;
  CHECK(decode_utf8(s, i) == U'a');
  CHECK(decode_utf8(s, i) == U'\u00E9');
  CHECK(decode_utf8(s, i) == U'\u5317');
  CHECK(decode_utf8(s, i) == U'\U0001F604');
  CHECK(i == s.size());
  CHECK(find_invalid_utf8(s) == std::string::npos);
  CHECK(find_invalid_utf8("ab\xC3(") == 2);
  CHECK(find_invalid_utf8("\xED\xA0\x80") == 0);  // a UTF-16 surrogate
  std::string out;
  append_utf8(out, U'\U0001F604');
  CHECK(out == "\xF0\x9F\x98\x84");
  CHECK(codepoint_name(U'\U0001F604') == "U+1F604");
  CHECK(escape_for_terminal("a\x1b[31mb") == "a\\u{001B}[31mb");
  CHECK(clip_utf8(s, 10) == s);                  // whole: nothing cut, no ellipsis
  CHECK(clip_utf8(s, 5) == "a\xC3\xA9…");         // never inside 北
  CHECK(clip_utf8(s, 6) == "a\xC3\xA9\xE5\x8C\x97…");
  CHECK(clip_utf8("\xE5\x8C\x97", 1) == "…");
}

#include "core/suggest.h"

TEST_CASE("did you mean: edit distance with transpositions, and only plausible typos") {
  CHECK(edit_distance("eduction", "education") == 1);
  CHECK(edit_distance("educaiton", "education") == 1);  // adjacent transposition
  CHECK(edit_distance("Education", "education") == 0);  // ASCII case-insensitive
  const std::vector<std::string_view> keys{"education", "experience", "publications"};
  CHECK(did_you_mean("eduction", keys) == "did you mean 'education'?");
  CHECK(did_you_mean("zzz", keys).empty());
}
