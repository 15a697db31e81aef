// tests/unit/profile/diag_test.cpp — tests/diag/*.yaml: one bad profile per error class, its
// diagnostics (`file:line:col: severity: message`, then `  = hint: …` when there is one)
// compared word for word with
// tests/diag/*.expected. `CVPDF_REGEN=1 cvpdf_test_profile` rewrites the .expected files:
// review the diff before committing it.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "helpers.h"

using namespace cvpdf::profile::test;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> diag_cases() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(CVPDF_SOURCE_DIR "/tests/diag"))
    if (e.path().extension() == ".yaml") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string headlines(const fs::path& yaml) {
  const std::string shown = "tests/diag/" + yaml.filename().string();
  const Loaded l = load(read_file(yaml.string()), shown);
  std::string out;
  for (const auto& d : l.diags.all()) {
    out += cvpdf::core::format_headline(d) + "\n";
    if (!d.hint.empty()) out += "  = hint: " + d.hint + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("tests/diag: every bad profile gives exactly its expected diagnostics") {
  const bool regen = std::getenv("CVPDF_REGEN") != nullptr;
  const std::vector<fs::path> cases = diag_cases();
  CHECK(cases.size() >= 10);
  for (const fs::path& yaml : cases) {
    fs::path expected = yaml;
    expected.replace_extension(".expected");
    const std::string got = headlines(yaml);
    CAPTURE(yaml.filename().string());
    CHECK_FALSE(got.empty());  // each case exists to produce at least one diagnostic
    if (regen) {
      std::ofstream(expected, std::ios::binary) << got;
      continue;
    }
    REQUIRE_MESSAGE(fs::exists(expected), "missing " << expected << " (run with CVPDF_REGEN=1)");
    CHECK(got == read_file(expected.string()));
  }
}
