#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "cli/commands.h"
#include "cli/locales.h"
#include "cli/output.h"
#include "cli/report.h"

using namespace cvpdf;
namespace fs = std::filesystem;

TEST_CASE("output paths for one and several languages") {
  CHECK(cli::output_path("cv.pdf", "en", false) == "cv.pdf");
  CHECK(cli::output_path("cv.pdf", "zh", true) == "cv.zh.pdf");
  CHECK(cli::output_path("out/cv.{lang}.pdf", "zh", true) == "out/cv.zh.pdf");
  CHECK(cli::output_path("out.d/cv", "en", true) == "out.d/cv.en");
  CHECK(cli::output_path("-", "en", true) == "-");
}

TEST_CASE("--lang: default, list, all; unknown languages warn") {
  profile::Profile p;
  p.settings.languages = {{"en", {"p.yaml", 2, 15}}, {"zh", {"p.yaml", 2, 19}}};
  core::Diagnostics d;
  CHECK(cli::requested_languages("", p, d) == std::vector<std::string>{"en"});
  CHECK(cli::requested_languages("all", p, d) == std::vector<std::string>{"en", "zh"});
  CHECK(cli::requested_languages("zh,en", p, d) == std::vector<std::string>{"zh", "en"});
  CHECK(d.all().empty());
  CHECK(cli::requested_languages("fr", p, d) == std::vector<std::string>{"fr"});
  REQUIRE(d.warning_count() == 1);
  CHECK(d.all()[0].loc.line == 2);
}

TEST_CASE("a report shows the source line, a caret under the column, and the hint") {
  cli::Reporter r(false);
  r.add_source("p.yaml", "cv:\n  name: X\n  eduction: y\n");
  const std::string text =
      r.format({core::Severity::Error, {"p.yaml", 3, 3}, "unknown key 'eduction' in cv",
                "did you mean 'education'?"});
  CHECK(text ==
        "p.yaml:3:3: error: unknown key 'eduction' in cv\n"
        " 3 |   eduction: y\n"
        "   |   ^\n"
        "   = hint: did you mean 'education'?\n");
}

TEST_CASE("a report escapes terminal control sequences from the user's file") {
  cli::Reporter r(false);
  r.add_source("p.yaml", "name: \"\x1b[2J\"\n");
  const std::string text = r.format({core::Severity::Warning, {"p.yaml", 1, 7}, "odd \x1b[31m", ""});
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find("\\u{001B}") != std::string::npos);
}

TEST_CASE("atomic output: replaces the file whole, or leaves it untouched") {
  const fs::path dir = fs::temp_directory_path() / ("cvpdf-cli-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string target = (dir / "cv.pdf").string();
  core::Diagnostics d;
  REQUIRE(cli::write_atomically(target, "old", d));
  REQUIRE(cli::write_atomically(target, "new bytes", d));
  std::ifstream in(target);
  std::stringstream ss;
  ss << in.rdbuf();
  CHECK(ss.str() == "new bytes");
  CHECK_FALSE(cli::write_atomically((dir / "missing" / "cv.pdf").string(), "x", d));
  CHECK(d.error_count() == 1);
  int files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++files;
  CHECK(files == 1);  // no temporary file left behind
  fs::remove_all(dir);
}

TEST_CASE("every shipped locale file parses and gives every phrase and section title") {
  const auto texts = cli::builtin_locale_texts();
  std::set<std::string> tags;
  for (const auto& [tag, _] : texts) tags.insert(tag);
  for (const char* want : {"en", "zh-Hans", "zh-Hant", "ja", "ko", "de", "fr", "es", "ru", "ar"}) {
    CHECK_MESSAGE(tags.count(want) == 1, want);
  }
  std::map<std::string, i18n::LocaleData> all;
  for (const auto& [tag, text] : texts) {
    core::Diagnostics d;
    all[tag] = cli::parse_locale(tag, text, tag + ".yaml", d);
    CHECK_MESSAGE(d.all().empty(), tag);
    for (const auto& key : i18n::phrase_keys()) {
      CHECK_MESSAGE(all[tag].phrases.count(key) == 1, std::string(tag + ": " + key));
    }
    CHECK_MESSAGE(all[tag].phrases["ongoing"].find("{start}") != std::string::npos, tag);
  }
  for (const auto& [tag, data] : all) {
    CHECK_MESSAGE(data.sections.size() == all["en"].sections.size(), tag);
    for (const auto& [key, _] : all["en"].sections) CHECK_MESSAGE(data.sections.count(key) == 1, std::string(tag + ": " + key));
  }
  CHECK(cli::builtin_locales().phrase("present", "zh") == "\xE8\x87\xB3\xE4\xBB\x8A");  // 至今
}

TEST_CASE("a language without its own file falls back to English phrases") {
  CHECK(cli::builtin_locales().phrase("present", "it") == "present");
  CHECK(cli::builtin_locales().phrase("present", "de-AT") == "heute");
}
