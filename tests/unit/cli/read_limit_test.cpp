// tests/unit/cli/read_limit_test.cpp — the read limit (core/limits.h kMaxReadBytes) at the limit
// and one past it: cli::read_file reads a file of exactly 16 MiB and refuses one byte more,
// without reading further (`cvpdf /dev/zero` is tests/e2e/hostile.sh).
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "cli/world.h"
#include "core/limits.h"

namespace {

namespace limits = cvpdf::core::limits;

/// A file of `n` bytes 'x' in a fresh temporary folder; the folder goes with the object.
struct TempFile {
  std::filesystem::path dir;
  std::string path;
  explicit TempFile(std::size_t n) {
    dir = std::filesystem::temp_directory_path() /
          ("cvpdf-read-limit-" + std::to_string(::getpid()) + "-" + std::to_string(n));
    std::filesystem::create_directories(dir);
    path = (dir / "big.bin").string();
    std::ofstream(path, std::ios::binary) << std::string(n, 'x');
  }
  ~TempFile() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

}  // namespace

TEST_CASE("read limit: a file of 16 MiB is read whole, one byte more is refused") {
  const TempFile at(limits::kMaxReadBytes);
  cvpdf::core::Diagnostics diags;
  const auto bytes = cvpdf::cli::read_file(at.path, diags);
  CHECK_FALSE(diags.has_errors());
  REQUIRE(bytes);
  CHECK(bytes->size() == limits::kMaxReadBytes);

  const TempFile past(limits::kMaxReadBytes + 1);
  cvpdf::core::Diagnostics past_diags;
  CHECK_FALSE(cvpdf::cli::read_file(past.path, past_diags));
  REQUIRE(past_diags.error_count() == 1);
  CHECK(cvpdf::core::format_headline(past_diags.all()[0]) ==
        past.path + ": error: the file is larger than 16 MiB, the most cvpdf reads from one file");
}
