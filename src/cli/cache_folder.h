// cli/cache_folder.h — pdf::BlobStore as the files of one folder of cvpdf's cache (issue 9).
//
// Takes a folder ($XDG_CACHE_HOME/cvpdf/programs for the kept font programs, pdf/program_cache.h)
// and keeps each blob as a file of its name. Guarantees:
// - a reader sees a whole file or none: a blob is written to a temporary file in the folder and
//   renamed over its name. No fsync: a blob lost in a crash is made again, and one damaged any
//   other way is refused by its reader's checksum;
// - the folder stays small: a put removes the least recently used files beyond `max_files`
//   files or `max_bytes` bytes (a get marks its file used by its modification time), and
//   temporary files older than an hour (a writer that was killed);
// - failures are silent: a cache that cannot be read or written only costs time.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include "pdf/blob_store.h"

namespace cvpdf::cli {

/// `path` made absolute and normal ("./a/../cv.yaml" → "/home/u/cv.yaml"), or as given if that
/// fails: what a profile's kept files are named after, whichever way the path was written.
std::string absolute_path(const std::string& path);

class CacheFolder final : public pdf::BlobStore {
 public:
  static constexpr std::size_t kMaxFiles = 200;
  static constexpr std::uintmax_t kMaxBytes = 32u << 20;

  explicit CacheFolder(std::string dir, std::size_t max_files = kMaxFiles, std::uintmax_t max_bytes = kMaxBytes);
  [[nodiscard]] std::optional<std::string> get(const std::string& name) override;
  void put(const std::string& name, const std::string& bytes) override;

 private:
  void prune();
  std::string dir_;
  std::size_t max_files_;
  std::uintmax_t max_bytes_;
  std::mutex prune_mutex_;
};

}  // namespace cvpdf::cli
