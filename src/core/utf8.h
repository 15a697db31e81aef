// core/utf8.h — small UTF-8 helpers that need no library (ICU does the real Unicode work).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cvpdf::core {

/// Decodes the code point starting at `s[i]` and advances `i` past it. On a malformed sequence
/// returns U+FFFD and advances by one byte.
char32_t decode_utf8(std::string_view s, std::size_t& i);

/// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(std::string& out, char32_t cp);

/// Byte offset of the first invalid UTF-8 sequence, or `npos` if `s` is valid.
std::size_t find_invalid_utf8(std::string_view s);

/// "U+1F604" for a code point.
std::string codepoint_name(char32_t cp);

/// Makes `s` safe to echo on a terminal: control characters and bidi overrides become
/// `\u{…}` escapes; everything else is kept.
std::string escape_for_terminal(std::string_view s);

/// `s` cut to at most `n` bytes on a character boundary, with "…" when anything was cut (for
/// quoting a user's text in a message).
std::string clip_utf8(std::string_view s, std::size_t n);

}  // namespace cvpdf::core
