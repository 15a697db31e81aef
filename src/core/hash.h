// core/hash.h — a stable, platform-independent 64-bit hash (FNV-1a).
//
// Takes bytes; gives the same 64-bit value on every machine and run (no seed, no std::hash):
// for PDF subset tags and content digests (pdf/), and for the font index's file name and
// checksum (text/). Not a cryptographic hash.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace cvpdf::core {

/// FNV-1a 64-bit: a stable, platform-independent hash for tags and digests.
class Fnv64 {
 public:
  Fnv64() = default;
  /// A hash with another offset basis: a second, independent-enough lane for wider digests.
  explicit Fnv64(std::uint64_t basis) : h_(basis) {}
  void add(std::string_view bytes) {
    for (unsigned char c : bytes) {
      h_ ^= c;
      h_ *= 0x100000001b3ULL;
    }
  }
  void add_u32(std::uint32_t v) {
    const char b[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16),
                       static_cast<char>(v >> 8), static_cast<char>(v)};
    add(std::string_view(b, 4));
  }
  [[nodiscard]] std::uint64_t value() const { return h_; }

 private:
  std::uint64_t h_ = 0xcbf29ce484222325ULL;
};

/// `v` as 16 lowercase hexadecimal digits (file names of cached data, checksum lines).
inline std::string hex16(std::uint64_t v) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[static_cast<std::size_t>(i)] = kDigits[v & 15];
  return out;
}

/// Appends each byte of `bytes` as two lowercase hexadecimal digits (a table in a cache key).
inline void append_hex(std::string& out, std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  for (unsigned char b : bytes) {
    out += kDigits[b >> 4];
    out += kDigits[b & 15];
  }
}

/// The FNV-1a hash of `bytes` as hex16.
inline std::string hash_hex(std::string_view bytes) {
  Fnv64 h;
  h.add(bytes);
  return hex16(h.value());
}

}  // namespace cvpdf::core
