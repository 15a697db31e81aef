// The date memo (i18n/date_memo.h): what ICU answered comes back the same without ICU; bytes
// that are not a whole memo of this language are ignored.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "core/hash.h"

#include "i18n/date_memo.h"
#include "i18n/locale.h"

using namespace cvpdf;

namespace {

i18n::LocaleCatalog catalog() {
  i18n::LocaleCatalog c;
  c.add({"en", {{"present", "present"}, {"ongoing", "{start} \u2013 present"}}, {}});
  c.add({"zh-Hans", {{"present", "\u81f3\u4eca"}, {"ongoing", "{start}\u81f3\u4eca"}}, {}});
  return c;
}

profile::Date ym(int y, int m) {
  profile::Date d;
  d.year = y;
  d.month = m;
  return d;
}

/// Every kind of question DateFormatter asks ICU, in one text.
std::string all_kinds(const i18n::DateFormatter& f) {
  return f.date(ym(2023, 9)) + "|" + f.date(ym(2021, 0)) + "|" + f.range(ym(2019, 9), ym(2023, 6)) +
         "|" + f.range(ym(2019, 0), ym(2023, 0)) + "|" + f.range(ym(2019, 0), ym(2023, 6)) + "|" +
         f.month_year(2025, 11);
}

}  // namespace

TEST_CASE("a memo gives ICU's answers back, through its bytes, in every language") {
  const auto c = catalog();
  for (const std::string lang : {"en", "zh", "ar", "de"}) {
    CAPTURE(lang);
    const std::string plain = all_kinds(i18n::DateFormatter(lang, c));
    i18n::DateMemo memo(lang);
    CHECK(all_kinds(i18n::DateFormatter(lang, c, &memo)) == plain);
    CHECK(memo.changed());
    // date yMMM 2023 9, date y 2021 1, range yMMM …, range y …, the fallback pattern with its two
    // dates (date y 2019 1, date yMMM 2023 6), date yMMMM 2025 11.
    CHECK(memo.size() == 8);
    const i18n::DateMemo again = i18n::DateMemo::parse(memo.to_bytes(), lang);
    CHECK(again.size() == memo.size());
    CHECK_FALSE(again.changed());
    CHECK(again.to_bytes() == memo.to_bytes());
  }
}

TEST_CASE("a formatter answers from its memo without asking ICU") {
  const auto c = catalog();
  i18n::DateMemo memo("en");
  (void)i18n::DateFormatter("en", c, &memo).date(ym(2023, 9));
  // Change the remembered answer (through the bytes, as a file would): the formatter gives it.
  std::string bytes = memo.to_bytes();
  const std::size_t at = bytes.find("Sep 2023");
  REQUIRE(at != std::string::npos);
  bytes.replace(at, 8, "Sept 2023");
  // The checksum no longer matches: the whole memo is ignored.
  CHECK(i18n::DateMemo::parse(bytes, "en").size() == 0);
  i18n::DateMemo edited("en");
  edited.add("date yMMM 2023 9", "remembered");
  const i18n::DateMemo read = i18n::DateMemo::parse(edited.to_bytes(), "en");
  i18n::DateMemo use = read;
  CHECK(i18n::DateFormatter("en", c, &use).date(ym(2023, 9)) == "remembered");
  CHECK_FALSE(use.changed());
  CHECK(i18n::DateFormatter("en", c, &use).date(ym(2023, 10)) == "Oct 2023");
  CHECK(use.changed());
}

TEST_CASE("bytes that are not a whole memo of this language are ignored") {
  i18n::DateMemo memo("en");
  memo.add("date y 2021 1", "2021");
  memo.add("date yMMM 2023 9", "Sep 2023");
  const std::string good = memo.to_bytes();
  REQUIRE(i18n::DateMemo::parse(good, "en").size() == 2);
  CHECK(i18n::DateMemo::parse(good, "zh").size() == 0);                   // another language
  CHECK(i18n::DateMemo::parse(good.substr(0, good.size() - 1), "en").size() == 0);  // truncated
  CHECK(i18n::DateMemo::parse("", "en").size() == 0);
  std::string other_format = good;
  other_format.replace(0, i18n::kDateMemoFormat.size(), "cvpdf dates 0");
  CHECK(i18n::DateMemo::parse(other_format, "en").size() == 0);
  std::string other_icu = good;
  other_icu.replace(other_icu.find(" icu ") + 5, 2, "99");
  CHECK(i18n::DateMemo::parse(other_icu, "en").size() == 0);
  // A line without its tab, the checksum made right again: still refused as a whole.
  const auto resummed = [](std::string bytes) {
    bytes.erase(bytes.rfind("sum "));
    core::Fnv64 h;
    h.add(bytes);
    char sum[32];
    std::snprintf(sum, sizeof sum, "sum %016llx\n", static_cast<unsigned long long>(h.value()));
    return bytes + sum;
  };
  REQUIRE(i18n::DateMemo::parse(resummed(good), "en").size() == 2);  // the control
  std::string no_tab = good;
  no_tab.replace(no_tab.find('\t'), 1, " ");
  CHECK(i18n::DateMemo::parse(resummed(no_tab), "en").size() == 0);
  std::string no_end = good;
  no_end.erase(no_end.rfind("sum ") - 1, 1);  // the last answer's line break
  CHECK(i18n::DateMemo::parse(resummed(no_end), "en").size() == 0);
}

TEST_CASE("a memo keeps no answer with a tab or a line break, and no more than its limit") {
  i18n::DateMemo memo("en");
  memo.add("q\t1", "a");
  memo.add("q", "a\nb");
  CHECK(memo.size() == 0);
  CHECK_FALSE(memo.changed());
  for (std::size_t i = 0; i < i18n::kMaxDateMemoEntries + 5; ++i) memo.add("q" + std::to_string(i), "a");
  CHECK(memo.size() == i18n::kMaxDateMemoEntries);
  CHECK(i18n::DateMemo::parse(memo.to_bytes(), "en").size() == i18n::kMaxDateMemoEntries);
}

TEST_CASE("memo files are named by language, inside the cache folder") {
  CHECK(i18n::date_memo_file("/c", "en") != i18n::date_memo_file("/c", "zh"));
  CHECK(i18n::date_memo_file("/c", "en").rfind("/c/dates-", 0) == 0);
  CHECK(i18n::date_memo_file("/c", "../../x").find("..") == std::string::npos);
}
