#include <doctest/doctest.h>

#include "i18n/locale.h"
#include "i18n/resolve.h"

using namespace cvpdf;

TEST_CASE("dates come from CLDR through ICU") {
  profile::Date jun{2025, 6, 0, false, {}};
  profile::Date y2019{2019, 0, 0, false, {}};
  profile::Date y2023{2023, 0, 0, false, {}};
  profile::Date present{0, 0, 0, true, {}};
  CHECK(i18n::format_date(jun, "en") == "Jun 2025");
  CHECK(i18n::format_date(jun, "zh") == "2025\xE5\xB9\xB4" "6\xE6\x9C\x88");  // 2025年6月
  CHECK(i18n::format_date(jun, "de") == "Juni 2025");
  CHECK(i18n::format_range(y2019, y2023, "en") == "2019 \xE2\x80\x93 2023");
  CHECK(i18n::format_range(jun, present, "zh") == "2025\xE5\xB9\xB4" "6\xE6\x9C\x88 \xE2\x80\x93 \xE8\x87\xB3\xE4\xBB\x8A");
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
  auto zh = i18n::resolve(p, "zh", d);
  CHECK(zh.document_lang == "zh-Hans");
  CHECK(zh.cv.name.text == "Xinyi Liu");
  CHECK(zh.cv.sections[0].title.text == "\xE6\x95\x99\xE8\x82\xB2");
  CHECK(zh.cv.sections[0].entries[0].institution.text == "Peking University");
  REQUIRE(d.warning_count() == 1);
  CHECK(d.all()[0].loc == core::SourceLoc{"p.yaml", 7, 20});
  // A start date without an end date is ongoing (RenderCV).
  CHECK(zh.cv.sections[0].entries[0].date.text ==
        "2023\xE5\xB9\xB4" "9\xE6\x9C\x88 \xE2\x80\x93 \xE8\x87\xB3\xE4\xBB\x8A");

  core::Diagnostics d2;
  auto en = i18n::resolve(p, "en", d2);
  CHECK(d2.all().empty());
  CHECK(en.cv.sections[0].entries[0].date.text == "Sep 2023 \xE2\x80\x93 present");
}
