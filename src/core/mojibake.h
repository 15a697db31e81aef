// core/mojibake.h — repairing UTF-8 text that was once read as Windows-1252 (or Latin-1).
//
// Takes a valid UTF-8 string; gives the repaired string when some of it looks double-encoded
// ("ðŸ˜„" → "😄", "Ã©" → "é"), else nothing. The repair is the honest inverse of the accident:
// each maximal run of characters that Windows-1252 (or Latin-1, for its C1 gaps) can encode is
// re-encoded to bytes, and only those byte sequences that form valid multi-byte UTF-8 are
// decoded; every other character is kept as written. A repaired sequence is always shorter than
// its mojibake (2–4 characters become 1), so the result is shorter whenever it differs.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cvpdf::core {

/// The repaired text, or nullopt when nothing in `s` looks double-encoded.
std::optional<std::string> repair_mojibake(std::string_view s);

}  // namespace cvpdf::core
