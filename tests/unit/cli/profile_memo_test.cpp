// cli/profile_memo.h: a loaded profile kept between runs gives back the same model and the same
// messages, for the same path and bytes only; damaged, cut or foreign entries are refused, and
// so is an entry claiming an error (profiles with errors are never kept).
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "cli/profile_memo.h"
#include "core/byte_io.h"
#include "profile/load.h"

using namespace cvpdf;

namespace {

std::string read(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

struct Sample {
  std::string path = "tests/diag/mojibake.yaml";  // loads with warnings, no error
  std::string bytes = read(CVPDF_SOURCE_DIR "/tests/diag/mojibake.yaml");
  cli::LoadedProfile loaded;
  Sample() {
    core::Diagnostics said;
    loaded.profile = profile::load_profile(bytes, path, said);
    loaded.said = said.all();
  }
};

bool same_messages(const std::vector<core::Diagnostic>& a, const std::vector<core::Diagnostic>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].severity != b[i].severity || !(a[i].loc == b[i].loc) || a[i].message != b[i].message ||
        a[i].hint != b[i].hint)
      return false;
  return true;
}

}  // namespace

TEST_CASE("a kept profile gives the same model and messages, for its path and bytes only") {
  REQUIRE(cli::profile_memo_enabled());  // the ci and default builds link yaml-cpp and ICU in
  const Sample s;
  REQUIRE(!s.loaded.said.empty());
  const std::string entry = cli::encode_profile_memo(s.path, s.bytes, s.loaded);
  const auto back = cli::decode_profile_memo(entry, s.path, s.bytes);
  REQUIRE(back.has_value());
  CHECK(back->profile == s.loaded.profile);
  CHECK(same_messages(back->said, s.loaded.said));
  CHECK_FALSE(cli::decode_profile_memo(entry, "./" + s.path, s.bytes));  // another path as given
  CHECK_FALSE(cli::decode_profile_memo(entry, s.path, s.bytes + "\n"));  // other bytes
  CHECK(cli::profile_memo_name(s.path) == cli::profile_memo_name("./" + s.path));
  CHECK(cli::profile_memo_name(s.path) != cli::profile_memo_name("tests/diag/other.yaml"));
}

TEST_CASE("damaged, cut, foreign and erroneous entries are refused") {
  const Sample s;
  const std::string entry = cli::encode_profile_memo(s.path, s.bytes, s.loaded);
  for (std::size_t n = 0; n < entry.size(); n += 11)
    CHECK_FALSE(cli::decode_profile_memo(std::string_view(entry).substr(0, n), s.path, s.bytes));
  for (std::size_t i = 0; i < entry.size(); i += 13) {
    std::string bad = entry;
    bad[i] = static_cast<char>(bad[i] ^ 0x10);
    CHECK_FALSE(cli::decode_profile_memo(bad, s.path, s.bytes));
  }
  // Written by another program file (its identity changed, the checksum made right).
  std::string other = entry;
  other.resize(other.size() - 8);
  const std::size_t at = other.find("cvpdf ", 5);
  REQUIRE(at != std::string::npos);
  other[at] = 'C';
  core::put_checksum(other);
  CHECK_FALSE(cli::decode_profile_memo(other, s.path, s.bytes));
  // An entry that says the profile had an error is never used.
  cli::LoadedProfile with_error = s.loaded;
  with_error.said.push_back({core::Severity::Error, {s.path, 1, 1}, "bad", ""});
  CHECK_FALSE(cli::decode_profile_memo(cli::encode_profile_memo(s.path, s.bytes, with_error), s.path, s.bytes));
}
