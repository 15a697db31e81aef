#include <doctest/doctest.h>

#include "i18n/locale.h"
#include "i18n/resolve.h"

using namespace cvpdf;

namespace {

/// A catalog as the shipped files give it (cli/locales.cpp reads the real ones).
i18n::LocaleCatalog test_catalog() {
  i18n::LocaleCatalog c;
  c.add({"en", {{"present", "present"}, {"ongoing", "{start}\u2009\u2013\u2009present"}, {"cv", "CV"}},
         {{"experience", "Experience"}}});
  c.add({"zh-Hans", {{"present", "\u81f3\u4eca"}, {"ongoing", "{start}\u81f3\u4eca"}},
         {{"experience", "\u5de5\u4f5c\u7ecf\u5386"}, {"honors_awards", "\u8363\u8a89"}}});
  return c;
}

std::string date(const profile::Date& d, const std::string& lang) {
  const auto c = test_catalog();
  return i18n::DateFormatter(lang, c).date(d);
}

std::string range(const profile::Date& a, const profile::Date& b, const std::string& lang) {
  const auto c = test_catalog();
  return i18n::DateFormatter(lang, c).range(a, b);
}

}  // namespace

TEST_CASE("dates come from CLDR through ICU") {
  profile::Date jun{2025, 6, 0, false, {}};
  profile::Date sep23{2023, 9, 0, false, {}};
  profile::Date dec23{2023, 12, 0, false, {}};
  profile::Date y2019{2019, 0, 0, false, {}};
  profile::Date y2023{2023, 0, 0, false, {}};
  profile::Date present{0, 0, 0, true, {}};
  CHECK(date(jun, "en") == "Jun 2025");
  CHECK(date(jun, "zh") == "2025年6月");
  CHECK(date(jun, "de") == "Juni 2025");
  CHECK(date(jun, "ja") == "2025年6月");
  CHECK(date(jun, "ar") == "يونيو ٢٠٢٥");  // CLDR: Arabic-Indic digits
  CHECK(date(present, "zh") == "至今");
  // A footer's {date}: the month written out.
  const auto c = test_catalog();
  CHECK(i18n::DateFormatter("en", c).month_year(2025, 11) == "November 2025");
  CHECK(i18n::DateFormatter("zh", c).month_year(2025, 11) == "2025年11月");
  CHECK(i18n::DateFormatter("de", c).month_year(2025, 3) == "März 2025");
  // Closed ranges: ICU DateIntervalFormat (CLDR intervalFormats; thin spaces in English).
  CHECK(range(y2019, y2023, "en") == "2019 – 2023");
  CHECK(range(y2019, y2023, "zh") == "2019–2023年");
  CHECK(range(sep23, jun, "en") == "Sep 2023 – Jun 2025");
  CHECK(range(sep23, dec23, "en") == "Sep – Dec 2023");  // the shared year once
  CHECK(range(sep23, jun, "zh") == "2023年9月至2025年6月");
  CHECK(range(sep23, jun, "ja") == "2023年9月～2025年6月");
  // Different precision: CLDR's interval fallback pattern.
  CHECK(range(sep23, profile::Date{2025, 0, 0, false, {}}, "en") ==
        "Sep 2023 – 2025");
  // Open ends: the locale file's `ongoing` pattern.
  CHECK(range(jun, present, "zh") == "2025年6月至今");
  CHECK(range(sep23, present, "en") == "Sep 2023 – present");
}

TEST_CASE("lists are joined by CLDR's list patterns") {
  CHECK(i18n::join_list({"A", "B", "C"}, "en") == "A, B, and C");
  CHECK(i18n::join_list({"A", "B", "C"}, "zh") == "A、B和C");
  CHECK(i18n::join_list({"A", "B", "C"}, "de") == "A, B und C");
  CHECK(i18n::join_list({"A"}, "en") == "A");
}

TEST_CASE("the catalog: best file per language, phrases with an English fallback") {
  const auto c = test_catalog();
  CHECK(c.find("zh")->tag == "zh-Hans");
  CHECK(c.find("zh-CN")->tag == "zh-Hans");
  CHECK(c.find("fr")->tag == "en");
  CHECK(c.phrase("cv", "zh") == "CV");  // missing in zh-Hans: English
  CHECK(c.phrase("nope", "zh") == "nope");
  CHECK(i18n::section_key("Honors & Awards") == "honors_awards");
  CHECK(*c.section_title("Honors & Awards", "zh") == "荣誉");
  CHECK_FALSE(c.section_title("experience", "fr"));  // no French file: the key as written
}

TEST_CASE("language tags") {
  CHECK(i18n::document_lang("zh") == "zh-Hans");
  CHECK(i18n::document_lang("zh-TW") == "zh-Hant");
  CHECK(i18n::tag_matches("zh", "zh-Hans"));
  CHECK(i18n::tag_matches("zh-Hans", "zh"));
  CHECK_FALSE(i18n::tag_matches("zh-Hant", "zh-Hans"));
  CHECK_FALSE(i18n::tag_matches("en", "es"));
}

TEST_CASE("resolve picks the language, falls back with a located warning") {
  profile::Profile p;
  p.settings.languages = {{"en", {}}, {"zh", {}}};
  p.cv.name.variants = {{"", "Xinyi Liu"}};
  profile::Section s;
  s.title.variants = {{"en", "Education"}, {"zh", "\xE6\x95\x99\xE8\x82\xB2"}};
  profile::Entry e;
  e.type = profile::EntryType::Education;
  e.institution.variants = {{"en", "Peking University"}};
  e.institution.loc = {"p.yaml", 7, 20};
  e.start_date = {2023, 9, 0, false, {}};
  s.entries.push_back(e);
  p.cv.sections.push_back(s);

  core::Diagnostics d;
  const auto catalog = test_catalog();
  auto zh = i18n::resolve(p, "zh", catalog, d);
  CHECK(zh.document_lang == "zh-Hans");
  CHECK(zh.cv.name.text == "Xinyi Liu");
  CHECK(zh.cv.sections[0].title.text == "\xE6\x95\x99\xE8\x82\xB2");
  CHECK(zh.cv.sections[0].entries[0].institution.text == "Peking University");
  REQUIRE(d.warning_count() == 1);
  CHECK(d.all()[0].loc == core::SourceLoc{"p.yaml", 7, 20});
  // A start date without an end date is ongoing (RenderCV).
  CHECK(zh.cv.sections[0].entries[0].date.text == "2023年9月至今");

  core::Diagnostics d2;
  auto en = i18n::resolve(p, "en", catalog, d2);
  CHECK(d2.all().empty());
  CHECK(en.cv.sections[0].entries[0].date.text == "Sep 2023\u2009–\u2009present");
}

TEST_CASE("a section written by key alone takes the locale file's title") {
  profile::Profile p;
  p.settings.languages = {{"en", {}}, {"zh", {}}};
  profile::Section keyed;  // `experience:` — the loader makes its title from the key
  keyed.key = "experience";
  keyed.loc = {"p.yaml", 3, 3};
  keyed.title = {{{"", "Experience"}}, keyed.loc};
  profile::Section titled = keyed;  // `experience: {title: Jobs, entries: …}`
  titled.title = {{{"", "Jobs"}}, {"p.yaml", 4, 12}};
  p.cv.sections = {keyed, titled};
  const auto catalog = test_catalog();
  core::Diagnostics d;
  const auto zh = i18n::resolve(p, "zh", catalog, d);
  CHECK(zh.cv.sections[0].title.text == "工作经历");
  CHECK(zh.cv.sections[1].title.text == "Jobs");
  CHECK(d.all().empty());
  CHECK(zh.phrase("cv") == "CV");
}
