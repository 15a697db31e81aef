// tests/unit/profile/schema_test.cpp — the walk after parsing: every rule with a small profile,
// the exact message and its line:col.
#include <doctest/doctest.h>

#include "helpers.h"
#include "profile/walk.h"

using namespace cvpdf::profile;
using namespace cvpdf::profile::test;

using Lines = std::vector<std::string>;

TEST_CASE("yaml-cpp's exceptions become located errors, 0-based marks made 1-based once") {
  CHECK(load("cv: a: b\n").lines() ==
        Lines{"p.yaml:1:6: error: YAML syntax error: a second ': ' inside the value of 'cv'"});
  // yaml-cpp places an unclosed '[' at the end of the input (4:1); the error is where it opens
  // (syntax_hints_test.cpp has every case).
  CHECK(load("cv:\n  name: [a,\nx: 1\n").lines() ==
        Lines{"p.yaml:2:9: error: YAML syntax error: the list opened by this '[' is never closed"});
}

TEST_CASE("unknown keys at every level, with did-you-mean; entries and settings warn") {
  const Loaded l = load(
      "cvv: {}\n"
      "cv:\n"
      "  name: X\n"
      "  emial: a@b.org\n"
      "  sections:\n"
      "    education:\n"
      "      - institution: PKU\n"
      "        area: CS\n"
      "        degre: PhD\n"
      "settings:\n"
      "  langauges: [en]\n");
  CHECK(l.lines() == Lines{"p.yaml:1:1: error: unknown key 'cvv' in the profile",
                           "p.yaml:4:3: error: unknown key 'emial' in cv",
                           "p.yaml:9:9: warning: unknown key 'degre' in education entry",
                           "p.yaml:11:3: warning: unknown key 'langauges' in settings"});
  CHECK(l.hint_of("p.yaml:1:1: error: unknown key 'cvv' in the profile") == "did you mean 'cv'?");
  CHECK(l.hint_of("p.yaml:4:3: error: unknown key 'emial' in cv") == "did you mean 'email'?");
  CHECK(l.hint_of("p.yaml:9:9: warning: unknown key 'degre' in education entry") ==
        "did you mean 'degree'?");
  CHECK(l.hint_of("p.yaml:11:3: warning: unknown key 'langauges' in settings") ==
        "did you mean 'languages'?");
}

TEST_CASE("a misspelt required entry key: a warning on the key and the missing field") {
  const Loaded l =
      load("cv:\n  name: X\n  sections:\n    edu:\n      - instituton: PKU\n        area: CS\n");
  CHECK(l.lines() == Lines{"p.yaml:5:9: warning: unknown key 'instituton' in education entry",
                           "p.yaml:5:9: error: education entry is missing 'institution'"});
  CHECK(l.hint_of("p.yaml:5:9: error: education entry is missing 'institution'") ==
        "is 'instituton' a misspelling of it?");
}

TEST_CASE("wrong types: a list or map where text is expected") {
  const Loaded l = load("cv:\n  name: [X]\n  headline: {first: a}\n  sections: text\n");
  CHECK(l.lines() ==
        Lines{"p.yaml:2:9: error: expected text for 'name', found a list",
              "p.yaml:3:14: error: 'first' in 'headline' is not a language tag",
              "p.yaml:4:13: error: expected a map of sections for 'sections', found text"});
  CHECK(load("- cv\n").lines() ==
        Lines{"p.yaml:1:1: error: expected a map with a 'cv' key at the top level, found a list"});
}

TEST_CASE("duplicate keys, which yaml-cpp keeps both of, are errors") {
  const Loaded l = load("cv:\n  name: X\n  name: Y\n  sections:\n    a: [x]\n    a: [y]\n");
  CHECK(l.lines() == Lines{"p.yaml:3:3: error: duplicate key 'name' in cv",
                           "p.yaml:6:5: error: duplicate key 'a' in cv.sections"});
  CHECK(l.hint_of("p.yaml:3:3: error: duplicate key 'name' in cv") ==
        "the first 'name' is at line 2; remove or merge one of them");
  CHECK(l.profile.cv.name.variants[0].second == "X");
}

TEST_CASE("anchors and aliases are refused, located, before any walk") {
  CHECK(load("cv:\n  name: &n X\n  headline: *n\n").lines() ==
        Lines{"p.yaml:2:9: error: YAML anchors are not allowed in a profile",
              "p.yaml:3:13: error: YAML aliases are not allowed in a profile"});
}

TEST_CASE("missing cv and cv.name") {
  CHECK(load("").lines() == Lines{"p.yaml:1:1: error: missing required key 'cv'"});
  CHECK(load("# only a comment\n").lines() ==
        Lines{"p.yaml:1:1: error: missing required key 'cv'"});
  CHECK(load("settings: {}\n").lines() == Lines{"p.yaml:1:1: error: missing required key 'cv'"});
  CHECK(load("cv:\n  headline: X\n").lines() ==
        Lines{"p.yaml:1:1: error: missing required key 'name' in cv"});
}

TEST_CASE("dates: formats, ranges, start after end, free text, YAML integers") {
  const Loaded l = load(
      "cv:\n  name: X\n  sections:\n    s:\n"
      "      - name: a\n        start_date: 2022-13\n        end_date: 2023-01-32\n"
      "      - name: b\n        start_date: 2024-05\n        end_date: 2023\n"
      "      - name: c\n        start_date: 2023-02-29\n        end_date: presnt\n"
      "      - name: d\n        date: Fall 2023\n        start_date: 2020/01\n"
      "      - name: e\n        date: 2022\n        start_date: 2024-02-29\n        end_date: "
      "present\n");
  CHECK(l.lines() == Lines{"p.yaml:6:21: error: month 13 is out of range in '2022-13'",
                           "p.yaml:7:19: error: day 32 is out of range in '2023-01-32'",
                           "p.yaml:9:21: error: start_date 2024-05 is after end_date 2023",
                           "p.yaml:12:21: error: day 29 is out of range in '2023-02-29'",
                           "p.yaml:13:19: error: 'presnt' is not a valid end_date",
                           "p.yaml:16:21: error: '2020/01' is not a valid start_date"});
  CHECK(l.hint_of("p.yaml:13:19: error: 'presnt' is not a valid end_date") ==
        "did you mean 'present'?");
  const auto& e = l.profile.cv.sections.at(0).entries;
  REQUIRE(e.size() == 5);
  CHECK(e[3].date.variants.at(0).second == "Fall 2023");
  CHECK(e[4].date_value.year == 2022);
  CHECK(e[4].start_date.month == 2);
  CHECK(e[4].start_date.day == 29);
  CHECK(e[4].end_date.present);
  CHECK(e[4].start_date.loc == SourceLoc{"p.yaml", 19, 21});
}

TEST_CASE("e-mail addresses are checked; non-http URLs warn") {
  const Loaded l =
      load("cv:\n  name: X\n  email: [a@b.org, foo@, x y@b.org]\n  website: ftp://x.org\n");
  CHECK(l.lines() == Lines{"p.yaml:3:20: error: 'foo@' is not a valid e-mail address",
                           "p.yaml:3:26: error: 'x y@b.org' is not a valid e-mail address",
                           "p.yaml:4:12: warning: 'ftp://x.org' is not an http or https URL"});
  CHECK(l.profile.cv.emails.size() == 3);
}

TEST_CASE("entry types are detected from their keys, as RenderCV does") {
  const Loaded l = load(
      "cv:\n  name: X\n  sections:\n"
      "    a: [{institution: I, area: A}]\n"
      "    b: [{company: C, position: P}]\n"
      "    c: [{title: T, authors: [A, B], tag: ICLR Spotlight, arxiv: '2504.21411'}]\n"
      "    d: [{name: N}]\n"
      "    e: [{label: L, details: D}]\n"
      "    f: [{bullet: B}]\n"
      "    g: [{number: N}]\n"
      "    h: [{reversed_number: R}]\n"
      "    i: [plain text]\n"
      "    j: [{en: Hello, zh: 你好}]\n");
  INFO(dump(l));
  CHECK(l.diags.all().empty());
  const auto& s = l.profile.cv.sections;
  REQUIRE(s.size() == 10);
  const std::vector<EntryType> want = {EntryType::Education,   EntryType::Experience,
                                       EntryType::Publication, EntryType::Normal,
                                       EntryType::OneLine,     EntryType::Bullet,
                                       EntryType::Numbered,    EntryType::ReversedNumbered,
                                       EntryType::Text,        EntryType::Text};
  for (std::size_t i = 0; i < want.size(); ++i) CHECK(s[i].type == want[i]);
  CHECK(s[2].entries[0].authors.size() == 2);
  CHECK(s[2].entries[0].tag.variants[0].second == "ICLR Spotlight");
  CHECK(s[5].entries[0].text.variants[0].second == "B");
  CHECK(s[9].entries[0].text.variants.size() == 2);
}

TEST_CASE("a section mixing entry types is an error; an untypable entry too") {
  const Loaded l = load(
      "cv:\n  name: X\n  sections:\n    s:\n      - name: A\n      - title: T\n        authors: "
      "[A]\n"
      "      - just text\n      - foo: 1\n");
  CHECK(
      l.lines() ==
      Lines{"p.yaml:6:9: error: publication entry in section 's' of normal entries",
            "p.yaml:8:9: error: text entry in section 's' of normal entries",
            "p.yaml:9:9: error: cannot tell the type of this entry in section 's' from its keys"});
}

TEST_CASE("section titles: from the key as RenderCV makes them, or {title, entries}") {
  const Loaded l = load(
      "cv:\n  name: X\n  sections:\n    honors_and_awards: [a]\n    Honors & Awards: [b]\n"
      "    experience_in_industry: [c]\n"
      "    edu:\n      title: {en: Education, zh: 教育经历}\n      entries: [d]\n"
      "    bad:\n      titel: x\n      entries: [e]\n");
  CHECK(l.lines() == Lines{"p.yaml:11:7: error: unknown key 'titel' in section 'bad'"});
  CHECK(l.hint_of("p.yaml:11:7: error: unknown key 'titel' in section 'bad'") ==
        "did you mean 'title'?");
  const auto& s = l.profile.cv.sections;
  REQUIRE(s.size() == 5);
  CHECK(s[0].title.variants[0].second == "Honors and Awards");
  CHECK(s[1].title.variants[0].second == "Honors & Awards");
  CHECK(s[2].title.variants[0].second == "Experience in Industry");
  CHECK(s[3].key == "edu");
  CHECK(s[3].title.variants ==
        std::vector<std::pair<std::string, std::string>>{{"en", "Education"}, {"zh", "教育经历"}});
  CHECK(s[3].title.loc == SourceLoc{"p.yaml", 8, 14});
  CHECK(s[3].entries.size() == 1);
}

// 3-byte characters (刘) count 3 columns: columns are bytes, as GCC counts them.
TEST_CASE("language maps: BCP 47 shapes, located variants, tags not in settings.languages") {
  const Loaded l = load(
      "settings: {languages: [en, zh-Hans, pt-BR, english]}\n"
      "cv:\n  name: {en: X, zh-Hans: 刘, pt-BR: Y, es-419: Z, zh_CN: W}\n");
  CHECK(l.lines() ==
        Lines{"p.yaml:1:44: error: 'english' in settings.languages is not a language tag",
              "p.yaml:3:41: warning: language 'es-419' is not in settings.languages",
              "p.yaml:3:52: error: 'zh_CN' in 'name' is not a language tag"});
  const Text& name = l.profile.cv.name;
  REQUIRE(name.variants.size() == 4);
  CHECK(name.variants[1] == std::pair<std::string, std::string>{"zh-Hans", "刘"});
  CHECK(name.loc == SourceLoc{"p.yaml", 3, 9});
}

TEST_CASE("plain text keeps its location; YAML integers are text") {
  const Loaded l = load("cv:\n  name:   Xinyi Liu\n  headline: 2022\n");
  CHECK(l.diags.all().empty());
  CHECK(l.profile.cv.name.loc == SourceLoc{"p.yaml", 2, 11});
  CHECK(l.profile.cv.name.variants[0] == std::pair<std::string, std::string>{"", "Xinyi Liu"});
  CHECK(l.profile.cv.headline.variants[0].second == "2022");
}

TEST_CASE("settings, design and locale") {
  const Loaded l = load(
      "cv: {name: X}\n"
      "settings:\n  languages: [en, zh]\n  bold_keywords: [Xinyi Liu]\n  current_date: 2025-13\n"
      "  page_size: a5\n  theme: classic\n  render_command: {}\n"
      "design:\n  page:\n    size: a4\n  highlights: [a, b]\n"
      "locale:\n  language: english\n");
  CHECK(
      l.lines() ==
      Lines{"p.yaml:5:17: error: month 13 is out of range in '2025-13'",
            "p.yaml:6:14: error: unknown page size 'a5'",
            "p.yaml:8:3: warning: settings.render_command is RenderCV's and is ignored by cvpdf"});
  const Profile& p = l.profile;
  CHECK(p.settings.bold_keywords.at(0).text == "Xinyi Liu");
  CHECK(p.settings.theme.text == "classic");
  CHECK(p.design.at("page.size").text == "a4");
  CHECK(p.design.at("page.size").loc == SourceLoc{"p.yaml", 11, 11});
  CHECK(p.design.at("highlights.1").text == "b");
  CHECK(p.locale.at("language").text == "english");
}

TEST_CASE("publications: DOI and arXiv shapes warn") {
  const Loaded l = load(
      "cv:\n  name: X\n  sections:\n    p:\n      - title: T\n        authors: [A]\n"
      "        doi: https://doi.org/10.1/x\n        arxiv: arXiv:2504\n        url: www.x.org\n");
  CHECK(l.lines() == Lines{"p.yaml:7:14: warning: 'https://doi.org/10.1/x' is not a DOI",
                           "p.yaml:8:16: warning: 'arXiv:2504' is not an arXiv identifier",
                           "p.yaml:9:14: warning: 'www.x.org' is not an http or https URL"});
}

TEST_CASE("social networks: RenderCV's list, with did-you-mean") {
  const Loaded l = load(
      "cv:\n  name: X\n  social_networks:\n    - {network: Github, username: x}\n"
      "    - {network: GitHub, username: y}\n    - {network: GitHub}\n");
  CHECK(l.lines() == Lines{"p.yaml:4:17: error: unknown social network 'Github'",
                           "p.yaml:6:7: error: social network is missing 'username'"});
  CHECK(l.hint_of("p.yaml:4:17: error: unknown social network 'Github'") ==
        "did you mean 'GitHub'?");
}

TEST_CASE("section titles from keys: RenderCV's rule, with Unicode case") {
  using cvpdf::profile::detail::section_title_from_key;
  CHECK(section_title_from_key("research_interests") == "Research Interests");
  CHECK(section_title_from_key("welcome_to_RenderCV") == "Welcome to RenderCV");
  CHECK(section_title_from_key("Already Titled") == "Already Titled");  // a space: as written
  CHECK(section_title_from_key("über_mich") == "Über Mich");
  CHECK(section_title_from_key("éducation_et_ελληνικά") == "Éducation Et Ελληνικά");
  CHECK(section_title_from_key("iOS_apps") == "iOS Apps");  // a word with a capital: kept
  CHECK(section_title_from_key("教育_ǆungla") == "教育 ǅungla");  // title case, not upper case
}
