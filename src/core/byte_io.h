// core/byte_io.h — little-endian numbers and sized byte strings, written and read back with
// bounds, for the files cvpdf keeps between runs (pdf/program_cache.h, text/shape_memo.h).
//
// ByteReader never reads past its input: a read that would makes ok() false for good and gives
// 0 or an empty view, so a truncated or damaged file is refused, never a crash.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/hash.h"

namespace cvpdf::core {

inline void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>(v >> (8 * i)));
}

/// The length (32 bits), then the bytes.
inline void put_sized(std::string& out, std::string_view bytes) {
  put_u32(out, static_cast<std::uint32_t>(bytes.size()));
  out.append(bytes);
}

/// Appends the FNV-1a checksum of everything in `out` so far (64 bits).
inline void put_checksum(std::string& out) {
  Fnv64 h;
  h.add(out);
  put_u32(out, static_cast<std::uint32_t>(h.value()));
  put_u32(out, static_cast<std::uint32_t>(h.value() >> 32));
}

/// What precedes a right put_checksum at the end of `bytes`; nullopt-like empty view with
/// `ok` false when the checksum is missing or wrong.
inline std::string_view checked_body(std::string_view bytes, bool& ok) {
  ok = false;
  if (bytes.size() < 8) return {};
  const std::string_view body = bytes.substr(0, bytes.size() - 8);
  std::uint64_t sum = 0;
  for (std::size_t i = 8; i-- > 0;) sum = (sum << 8) | static_cast<unsigned char>(bytes[body.size() + i]);
  Fnv64 h;
  h.add(body);
  ok = h.value() == sum;
  return ok ? body : std::string_view();
}

class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : b_(bytes) {}
  std::uint32_t u32() {
    if (!take(4)) return 0;
    std::uint32_t v = 0;
    for (std::size_t i = 4; i-- > 0;) v = (v << 8) | static_cast<unsigned char>(b_[pos_ - 4 + i]);
    return v;
  }
  std::uint8_t u8() { return take(1) ? static_cast<std::uint8_t>(b_[pos_ - 1]) : 0; }
  std::string_view bytes(std::size_t n) { return take(n) ? b_.substr(pos_ - n, n) : std::string_view(); }
  /// What put_sized wrote.
  std::string_view sized() { return bytes(u32()); }
  [[nodiscard]] bool ok() const { return ok_; }
  /// Every byte read, and nothing past the end.
  [[nodiscard]] bool done() const { return ok_ && pos_ == b_.size(); }
  [[nodiscard]] std::size_t left() const { return b_.size() - pos_; }

 private:
  bool take(std::size_t n) {
    if (!ok_ || n > b_.size() - pos_) return ok_ = false;
    pos_ += n;
    return true;
  }
  std::string_view b_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace cvpdf::core
