// cli/cache_folder.cpp — blobs as files, least recently used removed first (see cache_folder.h).
#include "cli/cache_folder.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string_view>
#include <tuple>
#include <vector>

namespace cvpdf::cli {
namespace fs = std::filesystem;

namespace {

/// No blob is read beyond this size (a Noto CJK face's kept subset is about 100 KB).
constexpr std::size_t kMaxBlobBytes = 64u << 20;
/// A temporary file this old belongs to a writer that was killed.
constexpr auto kStaleTemporary = std::chrono::hours(1);
/// Temporary files start with this; no blob's name does (valid_name).
constexpr std::string_view kTemporaryPrefix = ".tmp-";

bool valid_name(const std::string& name) {
  return !name.empty() && name.size() <= 128 && name.front() != '.' &&
         std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '.' || c == '-';
         });
}

bool write_all(int fd, const std::string& bytes) {
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

std::string absolute_path(const std::string& path) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec);
  return ec ? path : absolute.lexically_normal().string();
}

CacheFolder::CacheFolder(std::string dir, std::size_t max_files, std::uintmax_t max_bytes)
    : dir_(std::move(dir)), max_files_(max_files), max_bytes_(max_bytes) {}

std::optional<std::string> CacheFolder::get(const std::string& name) {
  if (!valid_name(name)) return std::nullopt;
  const int fd = ::open((dir_ + "/" + name).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  std::optional<std::string> out;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<std::uintmax_t>(st.st_size) <= kMaxBlobBytes) {
    std::string bytes(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    if (done == bytes.size()) {
      ::futimens(fd, nullptr);  // used now: the last to go when the folder is pruned
      out = std::move(bytes);
    }
  }
  ::close(fd);
  return out;
}

void CacheFolder::put(const std::string& name, const std::string& bytes) {
  if (!valid_name(name)) return;
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) return;
  const std::string file = dir_ + "/" + name;
  std::string tmp = dir_ + "/" + std::string(kTemporaryPrefix) + name + ".XXXXXX";
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) return;
  bool ok = write_all(fd, bytes);
  ok = ::close(fd) == 0 && ok;
  if (!ok || std::rename(tmp.c_str(), file.c_str()) != 0) {
    ::unlink(tmp.c_str());
    return;
  }
  prune();
}

void CacheFolder::prune() {
  std::lock_guard<std::mutex> lock(prune_mutex_);
  std::error_code ec;
  struct Entry {
    fs::file_time_type time;
    std::uintmax_t size;
    fs::path path;
  };
  std::vector<Entry> blobs;
  const auto now = fs::file_time_type::clock::now();
  for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const fs::path path = it->path();
    const auto time = fs::last_write_time(path, ec);
    if (ec) continue;
    const std::string name = path.filename().string();
    if (name.rfind(kTemporaryPrefix, 0) == 0 && now - time > kStaleTemporary) fs::remove(path, ec);
    if (!valid_name(name)) continue;  // a temporary file, or not one of ours
    const std::uintmax_t size = it->file_size(ec);
    if (!ec) blobs.push_back({time, size, path});
  }
  std::sort(blobs.begin(), blobs.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.time, a.path) < std::tie(b.time, b.path);
  });
  std::uintmax_t total = 0;
  for (const Entry& e : blobs) total += e.size;
  for (std::size_t i = 0; i < blobs.size() && (blobs.size() - i > max_files_ || total > max_bytes_); ++i) {
    fs::remove(blobs[i].path, ec);
    total -= blobs[i].size;
  }
}

}  // namespace cvpdf::cli
