// pdf/blob_store.h — where pdf/ keeps what it made for a later run (issue 9).
//
// An interface only: the caller decides where blobs live (cli/cache_folder.h keeps them as
// files in cvpdf's cache folder) and pdf/ decides what goes in them (program_cache.h). Header
// only, so that cli/ can implement it without linking pdf/ (the program loads pdf/ as a module).
#pragma once

#include <optional>
#include <string>

namespace cvpdf::pdf {

/// Named blobs kept between runs. Names are made of [0-9a-z.-]. get and put may be called from
/// several threads at once. A store may lose or damage any blob at any time: whoever reads one
/// checks it; a put that fails costs time on a later run, nothing else.
class BlobStore {
 public:
  BlobStore() = default;
  BlobStore(const BlobStore&) = delete;
  BlobStore& operator=(const BlobStore&) = delete;
  virtual ~BlobStore() = default;
  /// The bytes kept under `name`, or nullopt.
  [[nodiscard]] virtual std::optional<std::string> get(const std::string& name) = 0;
  /// Keeps `bytes` under `name`, replacing what was there.
  virtual void put(const std::string& name, const std::string& bytes) = 0;
};

}  // namespace cvpdf::pdf
