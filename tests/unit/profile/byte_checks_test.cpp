// tests/unit/profile/byte_checks_test.cpp — what yaml-cpp 0.7 would let through is caught on
// the bytes, each error located at file:line:col (1-based, columns in bytes).
#include "profile/byte_checks.h"

#include <doctest/doctest.h>

#include "helpers.h"

using namespace cvpdf::profile::test;

TEST_CASE("invalid UTF-8 is located at the bad byte") {
  const Loaded l = load("cv:\n  name: X\xFF\n");
  CHECK(l.lines() == std::vector<std::string>{"p.yaml:2:10: error: invalid UTF-8 byte 0xFF"});
  CHECK(l.hint_of("p.yaml:2:10: error: invalid UTF-8 byte 0xFF") == "save the file as UTF-8");
}

TEST_CASE("NUL, BEL, yaml-cpp's 0x04, DEL and C1 controls are refused; tab and CRLF are fine") {
  CHECK(load(std::string("cv:\n  name: \0X\n", 14)).lines() ==
        std::vector<std::string>{"p.yaml:2:9: error: control character U+0000 is not allowed"});
  CHECK(load("cv:\n  name: X\x07\n").lines() ==
        std::vector<std::string>{"p.yaml:2:10: error: control character U+0007 is not allowed"});
  CHECK(load("cv: {name: \x04}\n").lines() ==
        std::vector<std::string>{"p.yaml:1:12: error: control character U+0004 is not allowed"});
  CHECK(load("cv: {name: a\x7F}\n").lines() ==
        std::vector<std::string>{"p.yaml:1:13: error: control character U+007F is not allowed"});
  CHECK(load("cv: {name: a\xC2\x85}\n").lines() ==
        std::vector<std::string>{"p.yaml:1:13: error: control character U+0085 is not allowed"});
  CHECK(load("cv:\r\n  name: \"a\tb\"\r\n").lines().empty());
}

TEST_CASE("a UTF-8 BOM is accepted and does not shift columns") {
  const Loaded l = load(
      "\xEF\xBB\xBF"
      "cv:\n  nme: X\n");
  CHECK(l.has("p.yaml:2:3: error: unknown key 'nme' in cv"));
  CHECK(load("\xEF\xBB\xBF"
             "cv: {name: X\x07}\n")
            .lines() ==
        std::vector<std::string>{"p.yaml:1:13: error: control character U+0007 is not allowed"});
}

TEST_CASE("tabs used as indentation; tabs inside values and block scalars are fine") {
  CHECK(load("cv:\n\tname: X\n").lines() ==
        std::vector<std::string>{"p.yaml:2:1: error: tab used for indentation"});
  CHECK(load("cv:\n  \tname: X\n").lines() ==
        std::vector<std::string>{"p.yaml:2:3: error: tab used for indentation"});
  CHECK(load("cv:\n  name: X\n  headline: |\n    a\n    \tb\n").lines().empty());
}

TEST_CASE("an unterminated double or single quote is an error at the opening quote") {
  // yaml-cpp 0.7 accepts both and takes the following lines into the string.
  CHECK(load("cv:\n  name: \"Xinyi Liu\n  headline: PhD\n").lines() ==
        std::vector<std::string>{"p.yaml:2:9: error: unterminated double-quoted string"});
  CHECK(load("cv:\n  name: 'Xinyi Liu\n").lines() ==
        std::vector<std::string>{"p.yaml:2:9: error: unterminated single-quoted string"});
  // Quotes that are not YAML quotes, or that close on a later, more indented line.
  CHECK(load("cv:\n  name: Bob's \"CV\n  headline: 'it''s' # a \"comment\n").lines().empty());
  CHECK(
      load("cv:\n  name: \"Xinyi\n    Liu\"\n  email: [\"a@b.org\", 'c@d.org']\n").lines().empty());
  CHECK(load("cv:\n  name: X\n  headline: >\n    \"not closed\n  location: x\n").lines().empty());
}

TEST_CASE("a second YAML document is an error at its marker") {
  CHECK(load("cv:\n  name: X\n---\ncv: {name: Y}\n").lines() ==
        std::vector<std::string>{"p.yaml:3:1: error: second YAML document in a profile"});
  CHECK(load("---\ncv:\n  name: X\n---\n").lines() ==
        std::vector<std::string>{"p.yaml:4:1: error: second YAML document in a profile"});
  CHECK(load("---\ncv:\n  name: X\n...\n").lines().empty());
  CHECK(load("cv:\n  name: X\n...\ncv: {name: Y}\n").lines() ==
        std::vector<std::string>{"p.yaml:4:1: error: second YAML document in a profile"});
}

TEST_CASE("a profile over the size limit is refused before parsing") {
  std::string big = "cv:\n  name: X\n  headline: \"";
  big.append(cvpdf::profile::detail::kMaxProfileBytes, 'a');
  big += "\"\n";
  const Loaded l = load(big);
  REQUIRE(l.lines().size() == 1);
  CHECK(l.lines()[0].starts_with("p.yaml:3:"));
  CHECK(l.lines()[0].ends_with("error: profile is larger than the 4 MiB limit"));
}

TEST_CASE("byte errors are capped so that a binary file does not flood the report") {
  const Loaded l = load(std::string(1000, '\x01'));
  CHECK(l.diags.error_count() == cvpdf::profile::detail::kMaxByteErrors);
  CHECK(l.lines().back() == "p.yaml:1:21: note: further byte-level errors are not listed");
}

TEST_CASE("a '#' glued to text after a value is a comment that loses text: a warning with the fix") {
  const Loaded l = load("cv:\n  name: Ada\n  headline: Ranked #1 in the class\n");
  const std::string line = "p.yaml:3:20: warning: '#1 in the class' is read as a YAML comment: it is not in the CV";
  CHECK(l.lines() == std::vector<std::string>{line});
  CHECK(l.hint_of(line) == "to keep it, quote the whole value: headline: \"Ranked #1 in the class\"; to "
                           "mark a comment, write '# ' with a blank");
  REQUIRE(l.profile.cv.headline.variants.size() == 1);  // YAML's reading, which the warning is about
  CHECK(l.profile.cv.headline.variants[0].second == "Ranked");
  // A list item; a long comment cut at 40 bytes on a character boundary.
  const Loaded item = load("cv:\n  name: Ada\n  sections:\n    notes:\n      - Top #1 " +
                           std::string(12, 'x') + "中文中文中文中文\n");
  CHECK(item.lines() == std::vector<std::string>{"p.yaml:5:13: warning: '#1 xxxxxxxxxxxx中文中文中文中文' is "
                                                 "read as a YAML comment: it is not in the CV"});
  const Loaded long_one = load("cv:\n  name: Ada\n  headline: A #" + std::string(37, 'y') + "中z\n");
  CHECK(long_one.lines() == std::vector<std::string>{"p.yaml:3:15: warning: '#" + std::string(37, 'y') +
                                                     "…' is read as a YAML comment: it is not in the CV"});
  // Comments written as comments, a whole value that is a comment, '#' inside quotes or a word.
  const Loaded fine = load("# top\ncv:  #x\n  name: Ada  # legal name\n  headline: x # y\n  phone: #none\n"
                           "  location: \"Room #1\"\n  website: https://x.org/#frag\n  sections:\n"
                           "    notes:\n      - C# and F#\n      - |\n        a #b\n");
  for (const std::string& line : fine.lines()) CHECK(line.find("YAML comment") == std::string::npos);
}
