// linebreak/pattern_cache.cpp — PatternIndex::to_bytes / from_bytes and the cache file around
// them (see pattern_cache.h). The bytes: the four minimums and whether a second level follows
// (u64 each), then per level its letters, its digits, its entries and its slots, each as a u64
// count and the raw array. The file: the format line, the pattern file's stamp (path, size,
// mtime, ctime), the index bytes, and a 64-bit checksum of everything before it.
#include "linebreak/pattern_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <type_traits>
#include <vector>

namespace cvpdf::linebreak {
namespace {

void put_u64(std::string& out, std::uint64_t v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

template <typename T>
void put_array(std::string& out, const T* data, std::size_t count) {
  static_assert(std::is_trivially_copyable_v<T>);
  put_u64(out, count);
  out.append(reinterpret_cast<const char*>(data), count * sizeof(T));
}

/// Reads what put_* wrote, never past the end of its bytes.
struct Reader {
  std::string_view rest;
  bool u64(std::uint64_t& v) {
    if (rest.size() < sizeof v) return false;
    std::memcpy(&v, rest.data(), sizeof v);
    rest.remove_prefix(sizeof v);
    return true;
  }
  template <typename Container>
  bool array(Container& out) {
    using T = typename Container::value_type;
    static_assert(std::is_trivially_copyable_v<T>);
    std::uint64_t count = 0;
    if (!u64(count) || count > rest.size() / sizeof(T)) return false;
    out.resize(count);
    std::memcpy(out.data(), rest.data(), count * sizeof(T));
    rest.remove_prefix(count * sizeof(T));
    return true;
  }
};

/// A 64-bit checksum of `bytes`, eight at a time (a damaged cache must not pass as whole).
std::uint64_t checksum(std::string_view bytes) {
  std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ bytes.size();
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
    h = std::rotl((h ^ w) * 0xFF51AFD7ED558CCDULL, 31);
  }
  for (; i < bytes.size(); ++i)
    h = std::rotl((h ^ static_cast<unsigned char>(bytes[i])) * 0xC4CEB9FE1A85EC53ULL, 29);
  return h;
}

/// The pattern file as the cache records it: path, size, mtime and ctime (ns); "" if absent.
std::string stamp_of(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {};
  std::string out;
  put_array(out, path.data(), path.size());
  put_u64(out, static_cast<std::uint64_t>(st.st_size));
  for (const timespec& t : {st.st_mtim, st.st_ctim})
    put_u64(out, static_cast<std::uint64_t>(t.tv_sec) * 1000000000ULL +
                     static_cast<std::uint64_t>(t.tv_nsec));
  return out;
}

std::optional<std::string> read_file(const std::string& path, std::size_t max_bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  std::optional<std::string> bytes;
  if (::fstat(fd, &st) == 0 && st.st_size >= 0 &&
      static_cast<std::uint64_t>(st.st_size) <= max_bytes) {
    bytes.emplace(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t done = 0;
    while (done < bytes->size()) {
      const ssize_t n = ::read(fd, bytes->data() + done, bytes->size() - done);
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    if (done != bytes->size()) bytes.reset();  // shrunk meanwhile
  }
  ::close(fd);
  return bytes;
}

/// Writes `bytes` to `file` through a temporary file in its folder; false on any failure.
bool write_atomically(const std::string& file, const std::string& bytes) {
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(file).parent_path(), ec);
  if (ec) return false;
  std::string tmp = file + ".XXXXXX";
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) return false;
  bool ok = true;
  for (std::size_t done = 0; ok && done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    ok = n > 0;
    if (ok) done += static_cast<std::size_t>(n);
  }
  ok = (::close(fd) == 0) && ok;
  if (ok) ok = std::rename(tmp.c_str(), file.c_str()) == 0;
  if (!ok) ::unlink(tmp.c_str());
  return ok;
}

}  // namespace

std::string PatternIndex::to_bytes() const {
  std::string out;
  for (int v : {left_min_, right_min_, compound_left_min_, compound_right_min_})
    put_u64(out, static_cast<std::uint64_t>(static_cast<std::int64_t>(v)));
  put_u64(out, next_ ? 1 : 0);
  for (const Level* l : {&first_, next_ ? &*next_ : nullptr}) {
    if (l == nullptr) continue;
    put_array(out, l->keys.data(), l->keys.size());
    put_array(out, l->digits.data(), l->digits.size());
    put_array(out, l->entries.data(), l->entries.size());
    put_array(out, l->slots.data(), l->slots.size());
  }
  return out;
}

std::optional<PatternIndex> PatternIndex::from_bytes(std::string_view bytes) {
  Reader in{bytes};
  PatternIndex index;
  std::uint64_t v[5];
  for (std::uint64_t& x : v)
    if (!in.u64(x)) return std::nullopt;
  for (int i = 0; i < 4; ++i)
    if (static_cast<std::int64_t>(v[i]) < 0 || v[i] > 64) return std::nullopt;
  index.left_min_ = static_cast<int>(v[0]);
  index.right_min_ = static_cast<int>(v[1]);
  index.compound_left_min_ = static_cast<int>(v[2]);
  index.compound_right_min_ = static_cast<int>(v[3]);
  if (v[4] > 1) return std::nullopt;
  if (v[4] == 1) index.next_ = Level{};
  for (Level* l : {&index.first_, index.next_ ? &*index.next_ : nullptr}) {
    if (l == nullptr) continue;
    if (!in.array(l->keys) || !in.array(l->digits) || !in.array(l->entries) || !in.array(l->slots))
      return std::nullopt;
    // Every probe must end at a free slot, and every offset must fit its arena.
    const std::size_t slots = l->slots.size();
    if (slots == 0 || !std::has_single_bit(slots) || slots < 2 * l->entries.size())
      return std::nullopt;
    for (std::uint32_t s : l->slots)
      if (s > l->entries.size()) return std::nullopt;
    for (const Level::Entry& e : l->entries) {
      if (std::uint64_t{e.key_at} + e.key_size > l->keys.size() ||
          std::uint64_t{e.digits_at} + e.key_size + 1 > l->digits.size())
        return std::nullopt;
      l->longest_key = std::max<std::size_t>(l->longest_key, e.key_size);
    }
  }
  if (!in.rest.empty()) return std::nullopt;
  index.index_prefixes();
  return index;
}

std::string pattern_cache_file(const std::string& cache_dir, const std::string& path) {
  std::uint64_t h = 14695981039346656037ULL;  // FNV-1a of the path: one file per pattern file
  for (char c : path) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  char name[40];
  std::snprintf(name, sizeof name, "/hyph-%016llx.idx", static_cast<unsigned long long>(h));
  return cache_dir + name;
}

std::optional<PatternIndex> read_patterns_cached(const std::string& path,
                                                 const std::string& cache_dir) {
  if (cache_dir.empty()) return PatternIndex::read(path);
  const std::string stamp = stamp_of(path);
  if (stamp.empty()) return std::nullopt;  // no pattern file
  const std::string cache = pattern_cache_file(cache_dir, path);
  std::string head(kPatternCacheFormat);
  head += stamp;
  if (const auto bytes = read_file(cache, kMaxPatternCacheBytes);
      bytes && bytes->size() >= head.size() + 8 && bytes->starts_with(head)) {
    const std::string_view body(bytes->data(), bytes->size() - 8);
    std::uint64_t sum;
    std::memcpy(&sum, bytes->data() + body.size(), 8);
    if (sum == checksum(body))
      if (auto index = PatternIndex::from_bytes(body.substr(head.size()))) return index;
  }
  std::optional<PatternIndex> index = PatternIndex::read(path);
  // The stamp is taken before reading: a file changed meanwhile gets a stale stamp, not a
  // stale index under a fresh one.
  if (index) {
    std::string bytes = head + index->to_bytes();
    put_u64(bytes, checksum(bytes));
    write_atomically(cache, bytes);
  }
  return index;
}

}  // namespace cvpdf::linebreak
