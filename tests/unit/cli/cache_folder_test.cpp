// cli/cache_folder.h: blobs as files; what was put is got back whole; names outside
// [0-9a-z.-] are refused; the least recently used blobs go first when the folder is over its
// limits, a get counting as a use; a killed writer's old temporary file is removed.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "cli/cache_folder.h"

using namespace cvpdf;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& stem) {
  const fs::path dir = fs::temp_directory_path() / ("cvpdf-cache-folder-" + stem + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  return dir;
}

/// Sets a file's modification time `age` into the past.
void age(const fs::path& file, std::chrono::seconds by) {
  fs::last_write_time(file, fs::file_time_type::clock::now() - by);
}

}  // namespace

TEST_CASE("a blob put is got back; missing, refused and unreadable names give nothing") {
  const fs::path dir = fresh_dir("basic");
  cli::CacheFolder folder(dir.string());
  CHECK_FALSE(folder.get("font-1.bin"));  // no folder yet
  std::string bytes("a\0b\xff", 4);
  bytes += std::string(100000, 'x');
  folder.put("font-1.bin", bytes);
  CHECK(folder.get("font-1.bin") == bytes);
  folder.put("font-1.bin", "second");
  CHECK(folder.get("font-1.bin") == "second");
  for (const char* bad : {"", "../x", "A.bin", ".hidden", "a/b", "x y"}) {
    folder.put(bad, "no");
    CHECK_FALSE(folder.get(bad));
  }
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir)) files += e.is_regular_file() ? 1 : 0;
  CHECK(files == 1);  // no temporary file left behind
  fs::remove_all(dir);
}

TEST_CASE("over its limits, the folder drops the least recently used blobs") {
  const fs::path dir = fresh_dir("prune");
  cli::CacheFolder folder(dir.string(), 3, 1000);
  for (const char* name : {"a", "b", "c"}) folder.put(name, "12345");
  age(dir / "a", std::chrono::seconds(30));
  age(dir / "b", std::chrono::seconds(20));
  age(dir / "c", std::chrono::seconds(10));
  CHECK(folder.get("a"));  // used now: b is the oldest
  folder.put("d", "12345");
  CHECK(folder.get("a"));
  CHECK_FALSE(folder.get("b"));
  CHECK(folder.get("c"));
  CHECK(folder.get("d"));
  // By size: a blob of 991 bytes leaves room for one blob of 5 bytes, not two.
  folder.put("e", std::string(991, 'e'));
  CHECK(folder.get("e"));
  int left = 0;
  for (const char* name : {"a", "c", "d"}) left += folder.get(name) ? 1 : 0;
  CHECK(left == 1);
  fs::remove_all(dir);
}

TEST_CASE("a killed writer's temporary file goes when it is old, not before") {
  const fs::path dir = fresh_dir("temp");
  cli::CacheFolder folder(dir.string());
  folder.put("a", "1");
  std::ofstream(dir / ".tmp-b.Ab12Cd") << "half";
  std::ofstream(dir / ".tmp-c.Ef34Gh") << "half";
  age(dir / ".tmp-b.Ab12Cd", std::chrono::hours(2));
  folder.put("d", "1");
  CHECK_FALSE(fs::exists(dir / ".tmp-b.Ab12Cd"));
  CHECK(fs::exists(dir / ".tmp-c.Ef34Gh"));  // perhaps another process writing it now
  CHECK(folder.get("a"));
  fs::remove_all(dir);
}
