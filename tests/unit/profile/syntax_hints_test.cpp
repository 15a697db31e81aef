// tests/unit/profile/syntax_hints_test.cpp — the YAML mistakes people make in a CV, each with
// where cvpdf says it is, what it says and how it says to fix it (through load_profile, as a
// user meets them), and the explainer alone on what yaml-cpp may report.
#include "profile/syntax_hints.h"

#include <doctest/doctest.h>

#include "helpers.h"

using namespace cvpdf::profile::detail;
using namespace cvpdf::profile::test;

namespace {

/// The one diagnostic of `yaml`, as "line:col: error: message", and its hint.
struct One {
  std::string line;
  std::string hint;
};

One one(const std::string& yaml) {
  const Loaded l = load(yaml);
  REQUIRE_MESSAGE(l.lines().size() == 1, dump(l));
  return {l.lines()[0], l.hint_of(l.lines()[0])};
}

}  // namespace

TEST_CASE("an unclosed '[' or '{' is reported where it opens, not at the end of the file") {
  const One list = one("cv:\n  name: Ada\n  email: [a@b.org\n  phone: x\n");
  CHECK(list.line == "p.yaml:3:10: error: YAML syntax error: the list opened by this '[' is never closed");
  CHECK(list.hint == "close it with ']'; or, if the '[' is part of the text, quote the whole value: "
                     "email: \"[a@b.org\"");
  const One map = one("cv:\n  name: {en: Ada, zh: 艾达\n  headline: x\n");
  CHECK(map.line == "p.yaml:2:9: error: YAML syntax error: the map opened by this '{' is never closed");
  // An unclosed '[' that makes the next block item an error (yaml-cpp: "illegal block entry").
  CHECK(one("cv:\n  name: Ada\n  sections:\n    education: [\n      - institution: X\n").line ==
        "p.yaml:4:16: error: YAML syntax error: the list opened by this '[' is never closed");
  // A closer with no opener.
  const One stray = one("cv:\n  name: Ada\n  headline: ]x\n");
  CHECK(stray.line == "p.yaml:3:13: error: YAML syntax error: this ']' closes no '['");
  CHECK(stray.hint == "remove it; or, if it is part of the text, quote the whole value: headline: \"]x\"");
  // The inner one of two, past a closed one, a quoted ']' and a comment with a '['.
  CHECK(one("cv: {name: Ada, x: [a, \"]\", [b], # [c\n").line ==
        "p.yaml:1:20: error: YAML syntax error: the list opened by this '[' is never closed");
}

TEST_CASE("a second ': ' in a value, and a line indented under a key that has a value") {
  const One colon = one("cv:\n  name: Xinyi: Liu\n");
  CHECK(colon.line == "p.yaml:2:14: error: YAML syntax error: a second ': ' inside the value of 'name'");
  CHECK(colon.hint == "quote the whole value: name: \"Xinyi: Liu\"");
  const One deeper = one("cv:\n  name: Ada\n    headline: x\n");
  CHECK(deeper.line == "p.yaml:3:5: error: YAML syntax error: this line is indented under 'name' "
                       "(line 2), which already has a value");
  CHECK(deeper.hint == "to make it a key beside 'name', start it at column 3 as 'name' does; if it "
                       "continues that text, quote the text");
}

TEST_CASE("a key without its ':' is found on its own line, not at the next key") {
  const One words = one("cv:\n  name Ada Lovelace\n  headline: x\n");
  CHECK(words.line == "p.yaml:2:3: error: YAML syntax error: this line has no ':', but the lines beside "
                      "it are keys of a map");
  CHECK(words.hint == "write it as 'key: value', as in 'name: Ada Lovelace'");
  CHECK(one("cv:\n  nameAda \n  headline: x\n").hint == "write it as 'key: value'");
}

TEST_CASE("text after a closing bracket or quote: the whole value quoted, quotes kept") {
  const One bracket = one("cv:\n  name: Ada\n  headline: [Draft] My paper\n");
  CHECK(bracket.line == "p.yaml:3:21: error: YAML syntax error: text after the closing ']' of a list");
  CHECK(bracket.hint == "a value that starts with '[' is a list; to write it as text, quote the whole "
                        "value: headline: \"[Draft] My paper\"");
  const One quote = one("cv:\n  name: Ada\n  headline: \"a\" b\n");
  CHECK(quote.line == "p.yaml:3:17: error: YAML syntax error: text after the closing quote of a quoted value");
  CHECK(quote.hint == "a quoted value ends at its closing quote; to keep the quotes as text, quote the "
                      "whole value: headline: '\"a\" b'");
}

TEST_CASE("a value starting with '*' (emphasis), '@' or '`' is text once quoted") {
  const One star = one("cv:\n  name: Ada\n  headline: *Best* paper\n");
  CHECK(star.line == "p.yaml:3:13: error: YAML syntax error: a value that starts with '*' is read as a "
                     "YAML alias, not as text");
  CHECK(star.hint == "to start the text with '*', quote the whole value: headline: \"*Best* paper\"");
  CHECK(one("cv:\n  name: Ada\n  headline: @ada\n").line ==
        "p.yaml:3:13: error: YAML syntax error: YAML reserves '@': an unquoted value cannot start with it");
  CHECK(one("cv:\n  name: Ada\n  headline: `code`\n").hint ==
        "to start the text with '`', quote the whole value: headline: \"`code`\"");
  CHECK(one("cv:\n  name: Ada\n  headline: %50 faster\n").line ==
        "p.yaml:3:13: error: YAML syntax error: YAML reserves '%': an unquoted value cannot start with it");
}

TEST_CASE("'- ' items: after a key on its line, among a map's keys, or beside the list above") {
  const One same_line = one("cv:\n  name: Ada\n  headline: - x\n");
  CHECK(same_line.line == "p.yaml:3:13: error: YAML syntax error: a '- ' list item on the same line as "
                          "its key 'headline'");
  CHECK(same_line.hint == "start the list on the next line, one '- ' item a line, indented under "
                          "'headline'; if the dash is text, quote the whole value: headline: \"- x\"");
  const One in_map = one("cv:\n  name: Ada\n  - x\n");
  CHECK(in_map.line == "p.yaml:3:3: error: YAML syntax error: a '- ' list item among the keys of a map "
                       "('name' on line 2 is a key)");
  CHECK(in_map.hint == "a map holds 'key: value' lines only; put the list under a key of its own, "
                       "indented further");
  const One list_above = one("cv:\n  name: Ada\n  sections:\n    about:\n      - A line.\n    - B\n");
  CHECK(list_above.line == "p.yaml:6:5: error: YAML syntax error: a '- ' list item among the keys of a "
                           "map ('about' on line 4 is a key)");
  CHECK(list_above.hint == "to add it to the list above, start it at column 7 like the '- ' on line 5");
}

TEST_CASE("a line that lines up with no block above: the columns it could start at, nearest first") {
  const std::string entries = "cv:\n  name: Ada\n  sections:\n    education:\n      - institution: X\n        area: Y\n";
  const One key = one(entries + "       degree: Z\n");
  CHECK(key.line == "p.yaml:7:8: error: YAML syntax error: this line starts at column 8, which lines up "
                    "with none of the blocks above it");
  CHECK(key.hint == "start it at the column of the block it belongs to: column 9 like 'area' (line 6), "
                    "column 7 like '- institution' (line 5), column 5 like 'education' (line 4)");
  // A '- ' item is first offered the column of the '- ' items above.
  CHECK(one(entries + "     - institution: Z\n").hint ==
        "start it at the column of the block it belongs to: column 7 like '- institution' (line 5), "
        "column 9 like 'area' (line 6), column 5 like 'education' (line 4)");
  CHECK(one("cv:\n  name: Ada\n headline: x\n").hint ==
        "start it at the column of the block it belongs to: column 3 like 'name' (line 2), column 1 "
        "like 'cv' (line 1)");
}

TEST_CASE("the explainer alone: yaml-cpp's words kept, with a hint, for what it does not know") {
  const SyntaxExplained x = explain_syntax_error("cv: x\n", 1, 5, "illegal EOF in scalar");
  CHECK(x.line == 1);
  CHECK(x.col == 5);
  CHECK(x.message == "YAML syntax error: illegal EOF in scalar");
  CHECK(x.hint.starts_with("check this line's indentation and quoting"));
  // Positions past the end, empty input, a BOM, a cut inside a UTF-8 sequence: no crash, and a
  // label never ends inside a character.
  CHECK(explain_syntax_error("", 9, 9, "end of map not found").message == "YAML syntax error: end of map not found");
  CHECK(explain_syntax_error("\xEF\xBB\xBF" "a: [b\n", 2, 1, "end of sequence flow not found").col == 4);
  const SyntaxExplained label = explain_syntax_error(
      "a:\n  完整的中文文本完整的中文文本\n x: 1\n", 3, 2, "end of map not found");
  CHECK(label.hint == "start it at the column of the block it belongs to: column 3 like "
                      "'完整的中文文…' (line 2), column 1 like 'a' (line 1)");
}

TEST_CASE("quoted_whole_value: the value with what YAML would take for a comment, quoted") {
  CHECK(quoted_whole_value("  headline: Ranked #1 in the class  ") == "headline: \"Ranked #1 in the class\"");
  CHECK(quoted_whole_value("  - Top #1") == "- \"Top #1\"");
  CHECK(quoted_whole_value("  - key: say \"hi\" #2") == "key: 'say \"hi\" #2'");
  CHECK(quoted_whole_value("  key:").empty());
  CHECK(quoted_whole_value("  just text").empty());
  CHECK(quoted_whole_value("").empty());
}
