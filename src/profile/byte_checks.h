// profile/byte_checks.h — what yaml-cpp 0.7 lets through, checked on the raw bytes first.
//
// Takes the bytes of a profile and the file name for locations; gives located errors for:
// a size over kMaxProfileBytes, UTF-16/UTF-32 (one error naming the encoding), invalid UTF-8, NUL and other control characters (tab, LF and
// CR excepted; C1 controls and DEL included), tabs used as indentation, unterminated quoted
// strings (yaml-cpp swallows the rest of the file into them), and a second YAML document; and
// a warning for a '#' glued to the word after a value (`Ranked #1`): a comment, so text lost.
// A UTF-8 BOM at the start is allowed and does not shift columns (yaml-cpp skips it too).
// Returns false when yaml-cpp must not see the bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "core/limits.h"

namespace cvpdf::profile::detail {

/// The largest profile accepted (core/limits.h gives the reason).
inline constexpr std::size_t kMaxProfileBytes = core::limits::kMaxInputBytes;

/// At most this many byte-level errors are listed; one bad encoding would otherwise flood.
inline constexpr int kMaxByteErrors = core::limits::kMaxErrorsOfOneKind;

/// Runs every byte check; true when none failed.
bool check_bytes(std::string_view bytes, const std::string& file, core::Diagnostics& diags);

}  // namespace cvpdf::profile::detail
