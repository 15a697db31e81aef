// verify/cmap.h — ToUnicode CMaps (ISO 32000-1 §9.10.3; Adobe TN 5014, 5411).
//
// Takes the decoded program of a ToUnicode stream; gives a map from character codes to text:
// codespace ranges (how many bytes a code has), bfchar entries and bfrange entries (both the
// incrementing form and the array form). Guarantees: bounded (ranges of at most 65 536 codes,
// at most kMaxRanges ranges), malformed programs are a ReadError with the offset in the
// program; lookups never fail (an unmapped code gives no text).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cvpdf::verify {

class CMap {
 public:
  /// At most this many bfrange entries (cvpdf writes none; a font has at most 65 536 codes).
  static constexpr std::size_t kMaxRanges = 65536;

  /// Parses a CMap program. Throws ReadError.
  static CMap parse(std::string_view program);
  /// The 2-byte identity codespace cvpdf's Type0/Identity-H fonts use, with no mappings.
  static CMap identity_codespace();

  /// The length in bytes (1–4) of the code starting at `s[0]`, from the codespace ranges
  /// (2 when there are none: Identity-H).
  [[nodiscard]] std::size_t code_length(std::string_view s) const;
  /// The text of `code` as UTF-8, or nullptr if the CMap does not map it.
  [[nodiscard]] const std::string* lookup(std::uint32_t code) const;
  [[nodiscard]] std::size_t size() const { return chars_.size() + ranges_.size(); }

 private:
  struct Codespace {
    std::size_t bytes;
    std::uint32_t lo, hi;
  };
  struct Range {
    std::uint32_t lo, hi;
    std::u16string base;             ///< incrementing form: the text of `lo`
    std::vector<std::string> list;   ///< array form: one UTF-8 text per code
  };
  std::vector<Codespace> codespace_;
  std::unordered_map<std::uint32_t, std::string> chars_;
  std::vector<Range> ranges_;
  mutable std::unordered_map<std::uint32_t, std::string> range_cache_;
};

}  // namespace cvpdf::verify
