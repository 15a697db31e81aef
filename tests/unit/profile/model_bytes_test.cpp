// profile/model_bytes.h: a loaded Profile written as bytes and read back is equal to it, field
// for field (the model's defaulted ==), for every profile the project ships and every
// diagnostics case that loads; every truncation and any byte past the end is refused.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "helpers.h"
#include "profile/model_bytes.h"

using namespace cvpdf;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> profile_files() {
  std::vector<std::string> files{CVPDF_SOURCE_DIR "/data/profile.yaml", CVPDF_SOURCE_DIR "/tests/e2e/data/lang_five.yaml"};
  for (const char* dir : {CVPDF_SOURCE_DIR "/samples", CVPDF_SOURCE_DIR "/tests/photos", CVPDF_SOURCE_DIR "/tests/diag",
                          CVPDF_SOURCE_DIR "/tests/layout"})
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".yaml") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("every shipped profile round-trips through its bytes") {
  int checked = 0;
  bool some_dates = false, some_social = false, some_design = false;
  for (const std::string& file : profile_files()) {
    CAPTURE(file);
    const profile::test::Loaded loaded = profile::test::load(profile::test::read_file(file), file);
    if (loaded.diags.has_errors()) continue;
    const std::string bytes = profile::profile_to_bytes(loaded.profile);
    const auto back = profile::profile_from_bytes(bytes);
    REQUIRE(back.has_value());
    CHECK(*back == loaded.profile);
    CHECK(profile::profile_to_bytes(*back) == bytes);
    ++checked;
    for (const auto& s : loaded.profile.cv.sections)
      for (const auto& e : s.entries) some_dates = some_dates || !e.start_date.empty() || !e.date_value.empty();
    some_social = some_social || !loaded.profile.cv.social_networks.empty();
    some_design = some_design || !loaded.profile.design.empty();
  }
  CHECK(checked >= 10);
  CHECK(some_dates);  // the round trip saw the fields it must carry
  CHECK(some_social);
  CHECK(some_design);
}

TEST_CASE("a changed field changes the bytes, and cut or padded bytes are refused") {
  const profile::test::Loaded loaded =
      profile::test::load(profile::test::read_file(CVPDF_SOURCE_DIR "/data/profile.yaml"), "data/profile.yaml");
  REQUIRE_FALSE(loaded.diags.has_errors());
  const std::string bytes = profile::profile_to_bytes(loaded.profile);
  profile::Profile other = loaded.profile;
  other.cv.sections.back().entries.back().loc.col += 1;
  CHECK(profile::profile_to_bytes(other) != bytes);
  CHECK_FALSE(*profile::profile_from_bytes(bytes) == other);
  for (std::size_t n = 0; n < bytes.size(); n += 37) CHECK_FALSE(profile::profile_from_bytes(bytes.substr(0, n)));
  CHECK_FALSE(profile::profile_from_bytes(bytes.substr(0, bytes.size() - 1)));
  CHECK_FALSE(profile::profile_from_bytes(bytes + "x"));
}

TEST_CASE("the fuzz corpus's model is a whole one, so that fuzz/kept reaches past the magic") {
  const auto model = profile::profile_from_bytes(profile::test::read_file(CVPDF_SOURCE_DIR "/fuzz/corpus/kept/profile-model.bin"));
  REQUIRE(model.has_value());
  CHECK(model->cv.sections.at(0).entries.at(0).text.variants.size() == 2);
  CHECK(model->settings.languages.size() == 2);
}
