// The pattern index cache (linebreak/pattern_cache.h): the same answers as the pattern file,
// and a stale, damaged, truncated or foreign cache is ignored and rewritten.
#include "linebreak/pattern_cache.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "linebreak/hyphenate.h"

using namespace cvpdf::linebreak;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path dir;
  TempDir() {
    static int n = 0;
    dir = fs::temp_directory_path() /
          ("cvpdf-hyphcache-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~TempDir() { fs::remove_all(dir); }
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

void spit(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
}

/// The digits of each word, joined: what an index answers.
std::string answers(const PatternIndex& index, std::initializer_list<const char*> words) {
  std::string out;
  for (const char* w : words) {
    const std::vector<char> d = index.digits(w, 2, 2);
    out.append(d.begin(), d.end()).push_back('|');
  }
  return out;
}

}  // namespace

TEST_CASE("a cached pattern index answers as the pattern file does (one and two levels)") {
  for (const char* name : {"hyph_en_US.dic", "hyph_de_DE.dic"}) {
    const std::string file = std::string(kDebianHyphenDir) + "/" + name;
    if (!fs::exists(file)) continue;
    CAPTURE(name);
    TempDir cache;
    const auto direct = PatternIndex::read(file);
    REQUIRE(direct);
    const auto first = read_patterns_cached(file, cache.dir.string());  // writes the cache
    REQUIRE(fs::exists(pattern_cache_file(cache.dir.string(), file)));
    const auto second = read_patterns_cached(file, cache.dir.string());  // reads it
    REQUIRE(first);
    REQUIRE(second);
    const auto words = {"hyphenation",
                        "optimization",
                        "donaudampfschifffahrt",
                        "silbentrennung",
                        "reconstructed",
                        "straßenbahn",
                        "a",
                        "xyzzy"};
    CHECK(answers(*second, words) == answers(*direct, words));
    CHECK(answers(*first, words) == answers(*direct, words));
    // The second index reads the mapped cache in place: replacing the file as cvpdf does (a
    // new file renamed over it) or removing it leaves the mapping, and the answers, as they were.
    const fs::path cache_file = pattern_cache_file(cache.dir.string(), file);
    const fs::path other = cache.dir / "other";
    spit(other, std::string(4096, 'x'));
    fs::rename(other, cache_file);
    CHECK(answers(*second, words) == answers(*direct, words));
    fs::remove(cache_file);
    CHECK(answers(*second, words) == answers(*direct, words));
  }
}

TEST_CASE("a stale, damaged, truncated or foreign pattern cache is ignored and rewritten") {
  TempDir dir;
  const fs::path patterns = dir.dir / "hyph_xx.dic";
  spit(patterns, "UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\nb1c\n");
  const std::string cache_dir = (dir.dir / "cache").string();
  const fs::path cache = pattern_cache_file(cache_dir, patterns.string());
  auto points = [&] {
    const auto index = read_patterns_cached(patterns.string(), cache_dir);
    REQUIRE(index);
    const std::vector<char> d = index->digits("abcd", 1, 1);
    return std::string(d.begin(), d.end());
  };
  CHECK(points() == "0100");  // a point after "ab"
  const std::string good = slurp(cache);
  REQUIRE(good.starts_with(kPatternCacheFormat));

  SUBCASE("the pattern file changed (same size, same modification time)") {
    const auto mtime = fs::last_write_time(patterns);
    spit(patterns, "UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\nc1d\n");
    fs::last_write_time(patterns, mtime);  // only the status-change time tells
    CHECK(points() == "0010");
    CHECK(slurp(cache) != good);
    CHECK(points() == "0010");  // and the rewritten cache says so
  }
  SUBCASE("one byte of the cache flipped, anywhere") {
    for (std::size_t at : {std::size_t{0}, good.size() / 2, good.size() - 20, good.size() - 1}) {
      std::string bad = good;
      bad[at] = static_cast<char>(bad[at] ^ 0x04);
      spit(cache, bad);
      CHECK(points() == "0100");
      CHECK(slurp(cache) == good);  // rejected, so rebuilt
    }
  }
  SUBCASE("truncated, empty, or not a cache at all") {
    for (const std::string& bad :
         {good.substr(0, good.size() / 2), std::string(), std::string("%PDF-1.7\n") + good}) {
      spit(cache, bad);
      CHECK(points() == "0100");
      CHECK(slurp(cache) == good);
    }
  }
}

TEST_CASE("PatternIndex::from_bytes refuses sizes and offsets that do not fit") {
  const auto index = PatternIndex::read(std::string(kDebianHyphenDir) + "/hyph_en_US.dic");
  REQUIRE(index);
  const std::string bytes = index->to_bytes();
  REQUIRE(PatternIndex::from_bytes(bytes));
  CHECK_FALSE(PatternIndex::from_bytes(bytes.substr(0, bytes.size() - 1)));
  CHECK_FALSE(PatternIndex::from_bytes(bytes + "x"));
  CHECK_FALSE(PatternIndex::from_bytes(std::string(40, '\xff')));
  CHECK_FALSE(PatternIndex::from_bytes({}));
  // Arrays are read in place: bytes that do not start 8-aligned are refused, not misread.
  std::string shifted = "x" + bytes;
  CHECK_FALSE(PatternIndex::from_bytes(std::string_view(shifted).substr(1)));
  // A letters arena claimed larger than the bytes.
  std::string big = bytes;
  big[5 * 8 + 7] = '\x7f';
  CHECK_FALSE(PatternIndex::from_bytes(big));
}
