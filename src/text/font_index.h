// text/font_index.h — the font index: fontconfig's answers kept on disk between runs.
//
// Takes the answers a FontStore got from fontconfig (request → file, face index, names, weight,
// slant) and stamps of the files and folders those answers depend on (the store's font folders,
// recursively; with system fonts, fontconfig's font folders and configuration files); gives them
// back to the next run without building fontconfig's configuration (29 M instructions and 8 MiB
// for the system's). Guarantees: an answer is served only while every stamp (mtime, ctime, size,
// existence) still matches and the file carries this cvpdf's format, version and fontconfig's
// version; the file is read with strict bounds (size, fields, numbers, checksum), so a corrupt
// or foreign file is ignored and rebuilt, never trusted; it is written atomically (a temporary
// file in the same folder, renamed). The output cannot change with the index: it holds exactly
// what fontconfig answered, and the face is opened and its PostScript name checked on use.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cvpdf::text {

/// What a path looked like: modification and status-change times (ns), size; size -1: absent.
struct Stamp {
  std::string path;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;
  std::int64_t size = -1;
  bool operator==(const Stamp&) const = default;
};

/// The stamp of `path` now (lstat is not used: a symlinked font folder is stamped as its target).
Stamp stamp_of(const std::string& path);

/// One recorded answer: the face fontconfig chose, or none (`found` false: no such family).
struct IndexAnswer {
  bool found = false;
  std::string path;
  int face_index = 0;
  std::string postscript_name;
  std::string family;
  int weight = 400;
  bool italic = false;
  bool color_bitmap = false;  ///< FaceInfo::color_bitmap: known without opening the face
  bool operator==(const IndexAnswer&) const = default;
};

class FontIndex {
 public:
  /// The most bytes read from an index file; a larger file is ignored.
  static constexpr std::size_t kMaxBytes = 1 << 20;

  /// The index at `file` if it parses and every stamp in it still matches; else an empty one.
  static FontIndex load(const std::string& file);
  /// Parses the bytes of an index file (no I/O, no stamp check); nullopt if anything is wrong.
  static std::optional<FontIndex> parse(std::string_view bytes);
  /// The bytes of the file: a header, the stamps, the answers, a checksum line.
  [[nodiscard]] std::string serialize() const;
  /// Writes the index to `file` atomically (creating its folder); false on any failure.
  bool save(const std::string& file) const;

  /// Whether every stamp still matches the file system.
  [[nodiscard]] bool current() const;

  [[nodiscard]] const IndexAnswer* find(const std::string& request) const;
  /// Records an answer; false (nothing recorded) if a field cannot be stored (tab, newline).
  bool record(const std::string& request, const IndexAnswer& answer);
  void set_stamps(std::vector<Stamp> stamps) { stamps_ = std::move(stamps); }
  [[nodiscard]] const std::vector<Stamp>& stamps() const { return stamps_; }
  [[nodiscard]] bool empty() const { return answers_.empty(); }
  void clear() {
    answers_.clear();
    stamps_.clear();
  }

 private:
  std::vector<Stamp> stamps_;
  std::map<std::string, IndexAnswer> answers_;
};

/// The index file for a store over `font_dirs` (with or without system fonts) in `cache_dir`:
/// `<cache_dir>/fonts-<hash>.idx`, the hash over the folders (absolute), `use_system` and
/// `environment` (what else changes fontconfig's answers, e.g. FONTCONFIG_FILE). Empty
/// `cache_dir`: no index.
std::string index_file_for(const std::string& cache_dir, const std::vector<std::string>& font_dirs,
                           bool use_system, const std::string& environment);

/// Stamps of every folder and font file under `dirs`, recursively (sorted by path).
std::vector<Stamp> stamp_tree(const std::vector<std::string>& dirs);

}  // namespace cvpdf::text
