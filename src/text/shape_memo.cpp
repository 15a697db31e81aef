// text/shape_memo.cpp — the memo's entries and file bytes (see shape_memo.h).
//
// File: "cvpdf shapes 1 harfbuzz <version>\n", the entry count, each entry as its key (length,
// bytes) and its glyphs (count, then gid, cluster, x advance, x offset, y offset as 32-bit
// little-endian numbers and a flag byte), then a 64-bit FNV-1a checksum of all before it.
#include "text/shape_memo.h"

#include <hb.h>

#include "core/byte_io.h"

namespace cvpdf::text {
namespace {

std::string header() { return std::string("cvpdf shapes 1 harfbuzz ") + hb_version_string() + "\n"; }

/// Bytes of one glyph: five numbers and a flag.
constexpr std::size_t kGlyphBytes = 21;

}  // namespace

bool ShapeMemo::load(std::string_view bytes) {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_.clear();
  added_ = false;
  const std::string head = header();
  bool whole = false;
  const std::string_view body = core::checked_body(bytes, whole);
  if (!whole || bytes.size() > kMaxBytes || body.substr(0, head.size()) != head) return false;
  core::ByteReader r(body.substr(head.size()));
  const std::uint32_t count = r.u32();
  for (std::uint32_t e = 0; e < count && r.ok(); ++e) {
    const std::string_view key = r.sized();
    const std::uint32_t n = r.u32();
    if (!r.ok() || n > r.left() / kGlyphBytes) break;
    Entry entry;
    entry.glyphs.resize(n);
    for (MemoGlyph& g : entry.glyphs) {
      g.gid = r.u32();
      g.cluster = r.u32();
      g.x_advance = static_cast<std::int32_t>(r.u32());
      g.x_offset = static_cast<std::int32_t>(r.u32());
      g.y_offset = static_cast<std::int32_t>(r.u32());
      const std::uint8_t flag = r.u8();
      if (flag > 1) return entries_.clear(), false;
      g.unsafe_to_break = flag == 1;
    }
    if (r.ok()) entries_.emplace(std::string(key), std::move(entry));
  }
  if (!r.done() || entries_.size() != count) {
    entries_.clear();
    return false;
  }
  return true;
}

std::optional<MemoGlyphs> ShapeMemo::find(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  it->second.used = true;
  return it->second.glyphs;
}

void ShapeMemo::add(const std::string& key, MemoGlyphs glyphs) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto [it, fresh] = entries_.try_emplace(key);
  it->second = {std::move(glyphs), true};
  added_ = added_ || fresh;
}

bool ShapeMemo::changed() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return added_;
}

std::size_t ShapeMemo::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return entries_.size();
}

std::string ShapeMemo::to_bytes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string out = header();
  std::uint32_t count = 0;
  for (const auto& [key, entry] : entries_) count += entry.used ? 1 : 0;
  core::put_u32(out, count);
  for (const auto& [key, entry] : entries_) {
    if (!entry.used) continue;
    core::put_sized(out, key);
    core::put_u32(out, static_cast<std::uint32_t>(entry.glyphs.size()));
    for (const MemoGlyph& g : entry.glyphs) {
      for (std::uint32_t v : {g.gid, g.cluster, static_cast<std::uint32_t>(g.x_advance),
                              static_cast<std::uint32_t>(g.x_offset), static_cast<std::uint32_t>(g.y_offset)})
        core::put_u32(out, v);
      out.push_back(g.unsafe_to_break ? '\1' : '\0');
    }
  }
  core::put_checksum(out);
  if (out.size() > kMaxBytes) return {};
  return out;
}

}  // namespace cvpdf::text
