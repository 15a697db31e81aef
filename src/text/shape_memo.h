// text/shape_memo.h — HarfBuzz's output kept between runs (issue 9).
//
// Rendering a profile again shapes the same runs with the same faces: HarfBuzz's shaping, and
// before its first run on a face the loading of that face's GSUB and GPOS lookups, was half of
// layout's instructions (seed en: 9.2 M, of which 4.2 M loading lookups) and much of the memory
// it touched. A memo maps what HarfBuzz sees of a run (the key: the face, the buffer's
// properties, the run's text and the context around it, shape.cpp) to the glyphs it gave;
// shape() asks it first and adds what it had to shape.
//
// Guarantees: a memo answers only for a key it holds whole (no hash stands for it), so a run
// is given exactly what HarfBuzz gave for the same input; bytes from a file are used only if
// they are a whole memo of this HarfBuzz version with a right checksum, else the memo starts
// empty. Thread-safe: layout's prefetch thread and a batch's workers share one.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cvpdf::text {

/// One glyph as HarfBuzz gave it, in font units; its cluster relative to the run's start.
struct MemoGlyph {
  std::uint32_t gid = 0;
  std::uint32_t cluster = 0;  ///< byte offset from the run's first byte
  std::int32_t x_advance = 0;
  std::int32_t x_offset = 0;
  std::int32_t y_offset = 0;
  bool unsafe_to_break = false;
  friend bool operator==(const MemoGlyph&, const MemoGlyph&) = default;
};
using MemoGlyphs = std::vector<MemoGlyph>;

class ShapeMemo {
 public:
  ShapeMemo() = default;
  ShapeMemo(const ShapeMemo&) = delete;
  ShapeMemo& operator=(const ShapeMemo&) = delete;

  /// Replaces the entries with those of `bytes` (to_bytes); false, and no entries, if they are
  /// not a whole memo of this HarfBuzz version.
  bool load(std::string_view bytes);
  /// The glyphs kept under `key`, marking the entry used; nullopt if there are none.
  std::optional<MemoGlyphs> find(const std::string& key);
  /// Keeps `glyphs` under `key` (used).
  void add(const std::string& key, MemoGlyphs glyphs);
  /// Whether an entry was added since load: only then is the memo worth writing. (Entries not
  /// used are not a reason: a run with one thread does not shape the spare thread's warm-up
  /// samples, and would rewrite the memo that the next run with two threads fills again.)
  [[nodiscard]] bool changed() const;
  /// The entries used or added since load, with a header and a checksum: what a render of the
  /// profile as it is now needs.
  [[nodiscard]] std::string to_bytes() const;
  [[nodiscard]] std::size_t size() const;

  /// Larger files are not read, and a memo that would be larger is not written.
  static constexpr std::size_t kMaxBytes = 16u << 20;

 private:
  struct Entry {
    MemoGlyphs glyphs;
    bool used = false;
  };
  mutable std::mutex mutex_;
  std::map<std::string, Entry, std::less<>> entries_;
  bool added_ = false;
};

}  // namespace cvpdf::text
