// tests/unit/profile/profile_data_test.cpp — data/profile.yaml, the first user's CV, loads
// cleanly and says what the seed page says.
#include <doctest/doctest.h>

#include <algorithm>

#include "helpers.h"

using namespace cvpdf::profile;
using namespace cvpdf::profile::test;

namespace {

const Loaded& real_profile() {
  static const Loaded l =
      load(read_file(CVPDF_SOURCE_DIR "/data/profile.yaml"), "data/profile.yaml");
  return l;
}

const Section& section(const Profile& p, const std::string& key) {
  static const Section none;
  for (const Section& s : p.cv.sections)
    if (s.key == key) return s;
  return none;
}

std::string variant(const Text& t, const std::string& lang) {
  for (const auto& [tag, text] : t.variants)
    if (tag == lang || tag.empty()) return text;
  return "<missing " + lang + ">";
}

}  // namespace

TEST_CASE("data/profile.yaml loads with no diagnostics at all") {
  const Loaded& l = real_profile();
  INFO(dump(l));
  CHECK(l.diags.all().empty());
}

TEST_CASE("data/profile.yaml: header, languages, e-mail as on the page") {
  const Profile& p = real_profile().profile;
  CHECK(variant(p.cv.name, "en") == "Xinyi Liu");
  CHECK(variant(p.cv.headline, "zh").find("北京大学") != std::string::npos);
  REQUIRE(p.settings.languages.size() == 2);
  CHECK(p.settings.languages[0].text == "en");
  CHECK(p.settings.languages[1].text == "zh");
  REQUIRE(p.cv.emails.size() == 1);
  CHECK(p.cv.emails[0].text == "xy.liu@stu.pku.edn.cn");
  CHECK(p.cv.name.loc.line > 0);
}

TEST_CASE("data/profile.yaml: sections in the page's order, titles in en and zh") {
  const Profile& p = real_profile().profile;
  std::vector<std::string> keys;
  for (const Section& s : p.cv.sections) keys.push_back(s.key);
  CHECK(keys == std::vector<std::string>{"about", "education", "publications", "honors_and_awards",
                                         "talks", "teaching_assistant"});
  CHECK(variant(section(p, "education").title, "zh") == "教育经历");
  CHECK(variant(section(p, "honors_and_awards").title, "en") == "Honors & Awards");
  CHECK(variant(section(p, "about").title, "zh") == "个人简介");
}

TEST_CASE("data/profile.yaml: bio with the real emoji U+1F604, not the page's mojibake") {
  const Section& about = section(real_profile().profile, "about");
  REQUIRE(about.entries.size() == 1);
  CHECK(about.type == EntryType::Text);
  const std::string en = variant(about.entries[0].text, "en");
  CHECK(en.starts_with("Hi! \xF0\x9F\x98\x84 I'm Xinyi Liu"));
  CHECK(en.find("\xC3\xB0\xC5\xB8") == std::string::npos);  // "ðŸ" must not survive
  CHECK(en.find("[Hetu-Galvatron](https://github.com/PKU-DAIR/Hetu-Galvatron)") !=
        std::string::npos);
  CHECK(variant(about.entries[0].text, "zh").find("\xF0\x9F\x98\x84") != std::string::npos);
}

TEST_CASE("data/profile.yaml: education — both degrees, Peking University in Chinese") {
  const Section& edu = section(real_profile().profile, "education");
  REQUIRE(edu.entries.size() == 2);
  CHECK(edu.type == EntryType::Education);
  const Entry& bs = edu.entries[0];
  CHECK(variant(bs.area, "en") == "Cyberspace Security");
  CHECK(variant(bs.institution, "zh") == "哈尔滨工业大学（威海）");
  CHECK(bs.start_date.year == 2019);
  CHECK(bs.end_date.year == 2023);
  const Entry& phd = edu.entries[1];
  CHECK(variant(phd.institution, "zh") == "北京大学");
  CHECK(variant(phd.institution, "en") == "Peking University");
  // "2023 - 2028(expected)" on the page: a free-text date, in both languages.
  CHECK(variant(phd.date, "en") == "2023 – 2028 (expected)");
  CHECK(variant(phd.date, "zh").find("预计") != std::string::npos);
  REQUIRE(phd.highlights.size() == 1);
  CHECK(variant(phd.highlights[0], "zh") == "导师：Bin Cui");
  CHECK(variant(phd.area, "en").find("https://dse.pku.edu.cn/") != std::string::npos);
}

TEST_CASE("data/profile.yaml: three 2025 publications with full author lists, tags and links") {
  const Section& pubs = section(real_profile().profile, "publications");
  REQUIRE(pubs.entries.size() == 3);
  CHECK(pubs.type == EntryType::Publication);
  CHECK(variant(pubs.entries[0].tag, "en") == "arXiv");
  CHECK(pubs.entries[0].arxiv.text == "2504.21411");
  CHECK(pubs.entries[0].authors.size() == 7);
  CHECK(variant(pubs.entries[1].tag, "en") == "ICLR Spotlight");
  CHECK(variant(pubs.entries[1].title, "zh") ==
        "NetMoE: Accelerating MoE Training through Dynamic Sample Placement");
  CHECK(pubs.entries[2].doi.text == "10.1145/3676641.3715998");
  REQUIRE(pubs.entries[2].authors.size() == 10);
  CHECK(variant(pubs.entries[2].authors[4], "en") == "Xinyi Liu");
  for (const Entry& e : pubs.entries) {
    CHECK(e.date_value.year == 2025);
    CHECK_FALSE(variant(e.title, "en").ends_with("."));
  }
}

TEST_CASE("data/profile.yaml: eight honours, two talks, one TA entry") {
  const Profile& p = real_profile().profile;
  const Section& honors = section(p, "honors_and_awards");
  REQUIRE(honors.entries.size() == 8);
  CHECK(honors.type == EntryType::Normal);
  CHECK(variant(honors.entries[1].name, "en") == "**National Scholarship**");
  CHECK(variant(honors.entries[3].name, "en") ==
        "**7th place (0.2%)**, The 26th CCF Certified Software Professional");
  CHECK(honors.entries[0].date_value.year == 2025);
  CHECK(honors.entries[7].date_value.year == 2021);
  const Section& talks = section(p, "talks");
  REQUIRE(talks.entries.size() == 2);
  CHECK(talks.entries[0].date_value.month == 6);
  CHECK(talks.entries[1].date_value.month == 5);
  CHECK(variant(talks.entries[0].location, "zh") == "中国北京");
  const Section& ta = section(p, "teaching_assistant");
  REQUIRE(ta.entries.size() == 1);
  CHECK(variant(ta.entries[0].date, "en") == "Fall 2023");
  CHECK(ta.entries[0].date_value.empty());
}
