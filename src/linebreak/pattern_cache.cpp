// linebreak/pattern_cache.cpp — PatternIndex::to_bytes / from_bytes and the cache file around
// them (see pattern_cache.h). The bytes: the four minimums and whether a second level follows
// (u64 each), then per level its letters, its digits, its entries and its slots, each as a u64
// count and the raw array padded to 8 bytes. The file: the format line and the pattern file's
// stamp (path, size, mtime, ctime), padded to 8, the index bytes, and a 64-bit checksum of
// everything before it. A cache is mapped and its index read in place (no copy).
#include "linebreak/pattern_cache.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <span>
#include <type_traits>
#include <vector>

namespace cvpdf::linebreak {
namespace {

void put_u64(std::string& out, std::uint64_t v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

/// Zero bytes up to the next multiple of 8: every u64 and array starts 8-aligned.
void pad8(std::string& out) { out.append((8 - out.size() % 8) % 8, '\0'); }

template <typename T>
void put_array(std::string& out, const T* data, std::size_t count) {
  static_assert(std::is_trivially_copyable_v<T> && alignof(T) <= 8);
  put_u64(out, count);
  out.append(reinterpret_cast<const char*>(data), count * sizeof(T));
  pad8(out);
}

/// Reads what put_* wrote in place, never past the end of its bytes (which start 8-aligned).
struct Reader {
  std::string_view rest;
  bool u64(std::uint64_t& v) {
    if (rest.size() < sizeof v) return false;
    std::memcpy(&v, rest.data(), sizeof v);
    rest.remove_prefix(sizeof v);
    return true;
  }
  template <typename T>
  bool array(std::span<const T>& out) {
    static_assert(std::is_trivially_copyable_v<T>);
    std::uint64_t count = 0;
    if (!u64(count) || count > rest.size() / sizeof(T)) return false;
    const std::size_t bytes = count * sizeof(T);
    const std::size_t padded = bytes + (8 - bytes % 8) % 8;
    if (padded > rest.size()) return false;
    out = {reinterpret_cast<const T*>(rest.data()), static_cast<std::size_t>(count)};
    rest.remove_prefix(padded);
    return true;
  }
  bool chars(std::string_view& out) {
    std::span<const char> s;
    if (!array(s)) return false;
    out = {s.data(), s.size()};
    return true;
  }
};

/// A file mapped read-only, unmapped with its last owner.
struct Mapping {
  const char* data = nullptr;
  std::size_t size = 0;
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  Mapping(const char* d, std::size_t n) : data(d), size(n) {}
  ~Mapping() {
    if (data != nullptr) ::munmap(const_cast<char*>(data), size);
  }
};

/// `path` mapped, if it is a regular file of 1 to `max_bytes` bytes. A cache is replaced by
/// renaming a new file over it, so the mapped one never changes under a reader.
std::shared_ptr<const Mapping> map_file(const std::string& path, std::size_t max_bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat st {};
  std::shared_ptr<const Mapping> out;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
      static_cast<std::uint64_t>(st.st_size) <= max_bytes) {
    const auto size = static_cast<std::size_t>(st.st_size);
    void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p != MAP_FAILED) out = std::make_shared<const Mapping>(static_cast<const char*>(p), size);
  }
  ::close(fd);
  return out;
}

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

std::optional<PatternIndex> PatternIndex::from_bytes(std::string_view bytes,
                                                     std::shared_ptr<const void> owner) {
  if (reinterpret_cast<std::uintptr_t>(bytes.data()) % 8 != 0) return std::nullopt;
  Reader in{bytes};
  PatternIndex index;
  index.owner_ = std::move(owner);
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
    if (!in.chars(l->keys) || !in.chars(l->digits) || !in.array(l->entries) || !in.array(l->slots))
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
  pad8(head);  // the index's arrays are read in place, aligned
  if (auto mapped = map_file(cache, kMaxPatternCacheBytes);
      mapped && mapped->size >= head.size() + 8 &&
      std::string_view(mapped->data, mapped->size).starts_with(head)) {
    const std::string_view body(mapped->data, mapped->size - 8);
    std::uint64_t sum;
    std::memcpy(&sum, mapped->data + body.size(), 8);
    if (sum == checksum(body))
      if (auto index = PatternIndex::from_bytes(body.substr(head.size()), std::move(mapped)))
        return index;
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
