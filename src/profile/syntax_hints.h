// profile/syntax_hints.h — a YAML syntax error that yaml-cpp reports, explained from the bytes.
//
// Takes the profile's bytes, yaml-cpp's message and its position (1-based line and column);
// gives where the cause is, what is wrong in the words of someone writing a CV, and how to fix
// it. yaml-cpp 0.7 says "illegal map value" or "end of map not found" and points where its
// parser stopped, which is often not where the mistake is: an unclosed '[' is reported at the
// end of the file. Recognised, each from the line at fault and the lines above it:
//   - an unclosed '[' or '{' (located at the bracket itself), also where it makes the next
//     block key or item an error; a ']' or '}' that closes nothing;
//   - a second ': ' inside an unquoted value, a line indented under a key that has a value, a
//     line among a map's keys without its ':';
//   - text after a closing quote or bracket ("[Draft] My paper", "\"a\" b");
//   - a value starting with '*', '&', '@' or '`' (emphasis, a handle, code);
//   - '- ' after a key on the same line, a '- ' item among a map's keys;
//   - a line whose indentation matches none of the blocks above it (the columns it could take).
// Anything else keeps yaml-cpp's words with a hint on quoting and indentation. Pure: no I/O.
#pragma once

#include <string>
#include <string_view>

namespace cvpdf::profile::detail {

struct SyntaxExplained {
  int line = 1;  ///< 1-based
  int col = 1;   ///< 1-based, in bytes
  std::string message;
  std::string hint;
};

/// yaml-cpp's `what` at `line`:`col` in `bytes`, explained.
SyntaxExplained explain_syntax_error(std::string_view bytes, int line, int col, const std::string& what);

/// A `key: value` or `- value` line as it should be written to keep all of its value as text,
/// a trailing `#...` included: `key: "value #1"`; empty for any other line.
std::string quoted_whole_value(std::string_view line);

}  // namespace cvpdf::profile::detail
