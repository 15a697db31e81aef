// Break opportunities from ICU (UAX #14) for English, Chinese and mixed text.
#include "linebreak/breaks.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace cvpdf::linebreak;

namespace {

std::vector<std::size_t> offsets(const std::vector<BreakOpportunity>& breaks) {
  std::vector<std::size_t> out;
  for (const auto& b : breaks) out.push_back(b.offset);
  return out;
}

/// Cuts `text` at every opportunity.
std::vector<std::string> pieces(const std::string& text, const std::vector<BreakOpportunity>& b) {
  std::vector<std::string> out;
  std::size_t prev = 0;
  for (const auto& brk : b) {
    out.push_back(text.substr(prev, brk.offset - prev));
    prev = brk.offset;
  }
  out.push_back(text.substr(prev));
  return out;
}

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

TEST_CASE("English: breaks after spaces and after hyphens, never at the ends") {
  const std::string text = "state-of-the-art line breaking";
  const auto breaks = find_breaks(text, "en");
  CHECK(pieces(text, breaks) ==
        std::vector<std::string>{"state-", "of-", "the-", "art ", "line ", "breaking"});
  for (const auto& b : breaks) CHECK_FALSE(b.mandatory);
  CHECK(find_breaks("", "en").empty());
  CHECK(find_breaks("word", "en").empty());
}

TEST_CASE("a newline is a mandatory break") {
  const auto breaks = find_breaks("one\ntwo three", "en");
  REQUIRE(breaks.size() == 2);
  CHECK(breaks[0] == BreakOpportunity{4, true});
  CHECK(breaks[1] == BreakOpportunity{8, false});
}

TEST_CASE("Chinese: breaks between ideographs, none before closing punctuation") {
  const std::string text = "我在北京大学读书，研究机器学习。然后去了上海。";
  const auto breaks = find_breaks(text, "zh-Hans");
  CHECK(breaks.size() > 10);
  for (const auto& piece : pieces(text, breaks)) {
    CHECK_FALSE(starts_with(piece, "，"));
    CHECK_FALSE(starts_with(piece, "。"));
  }
  // Every offset is a code point boundary (each ideograph is 3 bytes here).
  for (auto off : offsets(breaks)) CHECK(off % 3 == 0);
}

TEST_CASE("Japanese uses strict kinsoku: no line starts with a small kana") {
  CHECK(icu_locale_for("ja") == "ja@lb=strict");
  CHECK(icu_locale_for("zh-Hans") == "zh_Hans@lb=normal");
  CHECK(icu_locale_for("en") == "en");
  const std::string text = "ちょっとキャッシュ";
  for (const auto& piece : pieces(text, find_breaks(text, "ja"))) {
    CHECK_FALSE(starts_with(piece, "ょ"));
    CHECK_FALSE(starts_with(piece, "っ"));
    CHECK_FALSE(starts_with(piece, "ャ"));
    CHECK_FALSE(starts_with(piece, "ッ"));
  }
}

TEST_CASE("mixed Chinese and Latin text") {
  const std::string text = "使用Python和C++编程，发表于ICLR 2024。";
  const auto parts = pieces(text, find_breaks(text, "zh"));
  // Latin words are never split inside; the Chinese around them breaks per character.
  bool saw_python = false;
  for (const auto& p : parts) {
    CHECK_FALSE(starts_with(p, "，"));
    CHECK_FALSE(starts_with(p, "。"));
    if (p.find("Python") != std::string::npos) saw_python = true;
    CHECK(p != "Py");
  }
  CHECK(saw_python);
  CHECK(parts.size() > 6);
}

TEST_CASE("no-break ranges drop the opportunities inside them, not at their edges") {
  const std::string text = "by Xinyi Liu and https://example.org/a-b/c";
  auto breaks = find_breaks(text, "en");
  const std::size_t name = text.find("Xinyi");
  const std::size_t url = text.find("https");
  drop_breaks_inside(breaks, {{name, name + 9}, {url, text.size()}});
  CHECK(pieces(text, breaks) ==
        std::vector<std::string>{"by ", "Xinyi Liu ", "and ", "https://example.org/a-b/c"});

  auto hard = find_breaks("a\nb", "en");
  drop_breaks_inside(hard, {{0, 3}});
  CHECK(hard.size() == 1);  // a typed newline wins
}

TEST_CASE("no break after a hyphen that joins words: extraction would drop the hyphen") {
  const std::string text = "the Hetu-Galvatron open-source system";
  auto breaks = cvpdf::linebreak::find_breaks(text, "en");
  auto has = [&](std::size_t off) {
    for (const auto& b : breaks) if (b.offset == off) return true;
    return false;
  };
  const std::size_t after_hetu = text.find("Galvatron");
  REQUIRE(has(after_hetu));  // UAX #14 allows it...
  cvpdf::linebreak::drop_breaks_after_hyphens(breaks, text);
  CHECK_FALSE(has(after_hetu));  // ...cvpdf does not
  CHECK_FALSE(has(text.find("source")));
  CHECK(has(text.find("open")));  // the spaces still break
  CHECK(has(text.find("system")));
}
