// profile/byte_checks.cpp — the checks yaml-cpp 0.7 does not make, run on the raw bytes.
//
// Takes the profile's bytes; gives located errors (see byte_checks.h). Two passes:
//  1. encoding: every byte sequence is valid UTF-8 and no character is a control character;
//  2. lines: a small scanner that knows just enough YAML — quotes, comments, flow brackets,
//     block scalar headers and document markers — to find tabs used as indentation,
//     unterminated quoted strings, a second document and comments glued to the text before
//     them (a warning). It never needs to be right about the parse, only about these four
//     things, and it runs in one linear pass.
// Columns count bytes from the start of the line, 1-based; a leading BOM does not count.
#include "profile/byte_checks.h"

#include <cstdio>

#include "core/utf8.h"
#include "profile/syntax_hints.h"

namespace cvpdf::profile::detail {

namespace {

/// Collects byte-level errors up to kMaxByteErrors, then one note.
struct Reporter {
  const std::string& file;
  core::Diagnostics& diags;
  int count = 0;

  /// A warning: the bytes may still go to yaml-cpp.
  void warning(int line, int col, std::string message, std::string hint) {
    diags.warning({file, line, col}, std::move(message), std::move(hint));
  }

  void error(int line, int col, std::string message, std::string hint = {}) {
    ++count;
    if (count <= kMaxByteErrors) {
      diags.error({file, line, col}, std::move(message), std::move(hint));
    } else if (count == kMaxByteErrors + 1) {
      diags.note({file, line, col}, "further byte-level errors are not listed");
    }
  }
};

std::size_t bom_size(std::string_view s) {
  return s.starts_with("\xEF\xBB\xBF") ? 3 : 0;
}

std::string hex_byte(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(b));
  return buf;
}

/// C0 controls other than tab, LF and CR; DEL; C1 controls. yaml-cpp passes all of them,
/// and 0x04 is even its internal end-of-stream marker.
bool is_forbidden_control(char32_t cp) {
  if (cp == '\t' || cp == '\n' || cp == '\r') return false;
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

void check_encoding(std::string_view s, Reporter& r) {
  int line = 1;
  std::size_t line_start = bom_size(s);
  for (std::size_t i = line_start; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b == '\n') {
      ++line;
      line_start = ++i;
      continue;
    }
    const int col = static_cast<int>(i - line_start + 1);
    std::size_t next = i;
    const char32_t cp = core::decode_utf8(s, next);
    if (cp == 0xFFFD && b >= 0x80 && next == i + 1) {
      r.error(line, col, "invalid UTF-8 byte " + hex_byte(b), "save the file as UTF-8");
    } else if (is_forbidden_control(cp)) {
      r.error(line, col, "control character " + core::codepoint_name(cp) + " is not allowed",
              cp == 0 ? "a NUL byte suggests a UTF-16 or binary file; save it as UTF-8"
                      : "remove it or write the character you meant");
    }
    i = next;
  }
}

bool is_space(char c) {
  return c == ' ' || c == '\t';
}

bool ends_token(std::string_view t, std::size_t i) {
  return i >= t.size() || is_space(t[i]);
}

/// After `|` or `>`: optional indentation/chomping indicators, then nothing or a comment.
bool is_block_header(std::string_view rest) {
  std::size_t i = 0;
  while (i < rest.size() && i < 2 &&
         (rest[i] == '+' || rest[i] == '-' || (rest[i] >= '1' && rest[i] <= '9'))) {
    ++i;
  }
  if (i < rest.size() && !is_space(rest[i])) return false;
  while (i < rest.size() && is_space(rest[i])) ++i;
  return i == rest.size() || rest[i] == '#';
}

/// `key:` or `- ` at the start of `t`: a line that cannot continue a quoted string.
bool looks_like_key_or_item(std::string_view t) {
  if (t == "-" || t.starts_with("- ")) return true;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (c == ':') return i > 0 && ends_token(t, i + 1);
    const bool key_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || c == ' ';
    if (!key_char) return false;
  }
  return false;
}

bool is_marker(std::string_view t, std::string_view m) {
  return t.starts_with(m) && ends_token(t, m.size());
}

/// The line scanner: state carried across lines.
class LineScan {
 public:
  explicit LineScan(Reporter& r) : r_(r) {}
  void line(std::string_view t, int no);
  void finish();

 private:
  void scan(std::string_view t, std::size_t i, int no, int indent);
  std::size_t scan_quoted(std::string_view t, std::size_t i);
  bool document_marker(std::string_view t, int no);
  void check_tabs(std::string_view t, int no);
  void unterminated();
  void glued_comment(std::string_view t, std::size_t hash, int no);

  Reporter& r_;
  char quote_ = 0;  ///< '"' or '\'' while inside a quoted string
  int q_line_ = 0, q_col_ = 0, q_indent_ = 0;
  int block_indent_ = -1;  ///< inside a block scalar: the indentation of its header line
  int flow_depth_ = 0;
  int glued_ = 0;  ///< glued comments reported
  bool seen_content_ = false, seen_marker_ = false, doc_ended_ = false, reported_doc_ = false;
};

void LineScan::unterminated() {
  const bool dq = quote_ == '"';
  r_.error(q_line_, q_col_,
           dq ? "unterminated double-quoted string" : "unterminated single-quoted string",
           dq ? "add the closing '\"'; without it the following lines become part of the string"
              : "add the closing \"'\"; without it the following lines become part of the string");
  quote_ = 0;
}

std::string glued_hint(std::string_view t) {
  const std::string example = quoted_whole_value(t);
  return (example.empty() ? std::string("to keep it, put the whole value in quotes")
                          : "to keep it, quote the whole value: " + example) +
         "; to mark a comment, write '# ' with a blank";
}

/// A '#' after a value and one blank, glued to what follows (`Ranked #1 in the class`): YAML
/// reads a comment and the CV loses the rest of the line without a word. Comments written as
/// such have a blank after the '#' (yamllint's rule), or stand on a line of their own.
void LineScan::glued_comment(std::string_view t, std::size_t hash, int no) {
  const std::size_t before = t.find_last_not_of(" \t", hash == 0 ? 0 : hash - 1);
  if (hash == 0 || before == std::string_view::npos || hash + 1 >= t.size() || is_space(t[hash + 1]))
    return;
  if (t[before] == ':' || t[before] == '-' || t[before] == '[' || t[before] == '{' || t[before] == ',')
    return;  // nothing of a value before it: the whole value is the comment
  if (++glued_ > kMaxByteErrors) return;
  r_.warning(no, static_cast<int>(hash + 1),
             "'" + core::clip_utf8(t.substr(hash), 40) + "' is read as a YAML comment: it is not in the CV",
             glued_hint(t));
}

void LineScan::line(std::string_view t, int no) {
  if (!t.empty() && t.back() == '\r') t.remove_suffix(1);
  int indent = 0;
  while (static_cast<std::size_t>(indent) < t.size() && t[static_cast<std::size_t>(indent)] == ' ')
    ++indent;
  const std::string_view body = t.substr(static_cast<std::size_t>(indent));
  const bool blank = body.find_first_not_of(" \t") == std::string_view::npos;
  if (block_indent_ >= 0) {
    if (blank || indent > block_indent_) return;
    block_indent_ = -1;
  }
  if (quote_) {
    if (blank || indent > q_indent_ || !looks_like_key_or_item(body)) {
      scan(t, 0, no, q_indent_);
      return;
    }
    unterminated();
  }
  if (blank || document_marker(t, no)) return;
  const std::string_view content = t.substr(t.find_first_not_of(" \t"));
  if (content[0] == '#' || t[0] == '%') return;
  check_tabs(t, no);
  if (doc_ended_ && !reported_doc_) {
    reported_doc_ = true;
    r_.error(no, 1, "second YAML document in a profile", "a profile is one YAML document");
  }
  seen_content_ = true;
  scan(t, static_cast<std::size_t>(indent), no, indent);
}

/// `---` or `...` at column 1; true when the line was one (its rest is not scanned).
bool LineScan::document_marker(std::string_view t, int no) {
  if (is_marker(t, "...")) {
    doc_ended_ = true;
    return true;
  }
  if (!is_marker(t, "---")) return false;
  if ((seen_content_ || seen_marker_ || doc_ended_) && !reported_doc_) {
    reported_doc_ = true;
    r_.error(no, 1, "second YAML document in a profile",
             "a profile is one YAML document; remove this '---' and what follows, or move it "
             "to its own file");
  }
  seen_marker_ = true;
  return true;
}

void LineScan::check_tabs(std::string_view t, int no) {
  const std::size_t end = t.find_first_not_of(" \t");
  const std::size_t tab = t.substr(0, end).find('\t');
  if (tab == std::string_view::npos) return;
  r_.error(no, static_cast<int>(tab + 1), "tab used for indentation",
           "YAML indentation must be spaces");
}

std::size_t LineScan::scan_quoted(std::string_view t, std::size_t i) {
  while (i < t.size()) {
    const char c = t[i];
    if (quote_ == '"' && c == '\\') {
      i += 2;
    } else if (quote_ == '\'' && c == '\'' && i + 1 < t.size() && t[i + 1] == '\'') {
      i += 2;
    } else if (c == quote_) {
      quote_ = 0;
      return i + 1;
    } else {
      ++i;
    }
  }
  return t.size();
}

void LineScan::scan(std::string_view t, std::size_t i, int no, int indent) {
  bool at_value = quote_ == 0;  // a quote here would open a quoted scalar
  bool after_quote = false;
  while (i < t.size()) {
    const char c = t[i];
    if (quote_) {
      i = scan_quoted(t, i);
      after_quote = quote_ == 0;
      at_value = false;
    } else if (is_space(c)) {
      ++i;
    } else if (c == '#' && (i == 0 || is_space(t[i - 1]))) {
      glued_comment(t, i, no);
      return;
    } else if ((c == '"' || c == '\'') && at_value) {
      quote_ = c, q_line_ = no, q_col_ = static_cast<int>(i + 1), q_indent_ = indent;
      ++i;
    } else if ((c == '[' || c == '{') && at_value) {
      ++flow_depth_, ++i;
    } else if ((c == ']' || c == '}') && flow_depth_ > 0) {
      --flow_depth_, ++i, at_value = false;
    } else if (c == ',' && flow_depth_ > 0) {
      at_value = true, ++i;
    } else if (c == ':' && (ends_token(t, i + 1) || after_quote || flow_depth_ > 0)) {
      at_value = true, after_quote = false, ++i;
    } else if ((c == '-' || c == '?') && at_value && ends_token(t, i + 1)) {
      ++i;
    } else if ((c == '|' || c == '>') && at_value && flow_depth_ == 0 &&
               is_block_header(t.substr(i + 1))) {
      block_indent_ = indent;
      return;
    } else if ((c == '&' || c == '*' || c == '!') && at_value) {
      while (i < t.size() && !is_space(t[i])) ++i;  // anchor, alias or tag: a value follows
    } else {
      at_value = false, after_quote = false, ++i;
    }
  }
}

void LineScan::finish() {
  if (quote_) unterminated();
}

void check_lines(std::string_view s, Reporter& r) {
  LineScan scan(r);
  std::size_t start = bom_size(s);
  int no = 1;
  while (start <= s.size()) {
    std::size_t end = s.find('\n', start);
    if (end == std::string_view::npos) end = s.size();
    scan.line(s.substr(start, end - start), no++);
    start = end + 1;
  }
  scan.finish();
}

/// 1-based line and column of byte `offset`.
std::pair<int, int> line_col(std::string_view s, std::size_t offset) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < s.size(); ++i) {
    if (s[i] == '\n') ++line, line_start = i + 1;
  }
  return {line, static_cast<int>(offset - line_start + 1)};
}

/// "UTF-16LE" and the like when the bytes are UTF-16 or UTF-32 (by their BOM, or by a NUL in
/// the first two bytes next to an ASCII one, as in `c\0v\0`); empty otherwise.
std::string wide_encoding(std::string_view s) {
  if (s.starts_with(std::string_view("\xFF\xFE\0\0", 4))) return "UTF-32LE";
  if (s.starts_with(std::string_view("\0\0\xFE\xFF", 4))) return "UTF-32BE";
  if (s.starts_with("\xFF\xFE")) return "UTF-16LE";
  if (s.starts_with("\xFE\xFF")) return "UTF-16BE";
  const auto ascii = [](char c) { return (c >= 0x20 && c < 0x7F) || c == '\n' || c == '#'; };
  if (s.size() >= 2 && ascii(s[0]) && s[1] == '\0') return "UTF-16LE";
  if (s.size() >= 2 && s[0] == '\0' && ascii(s[1])) return "UTF-16BE";
  return {};
}

}  // namespace

bool check_bytes(std::string_view bytes, const std::string& file, core::Diagnostics& diags) {
  Reporter r{file, diags};
  if (bytes.size() > kMaxProfileBytes) {
    const auto [line, col] = line_col(bytes, kMaxProfileBytes);
    r.error(line, col,
            "profile is larger than the " + std::to_string(kMaxProfileBytes / (1024 * 1024)) +
                " MiB limit",
            "a CV profile is a few kilobytes; is this the right file?");
    return false;
  }
  if (const std::string wide = wide_encoding(bytes); !wide.empty()) {
    r.error(1, 1, "the file is " + wide + ", not UTF-8",
            "save it as UTF-8 (most editors: \"Save with encoding\")");
    return false;
  }
  check_encoding(bytes, r);
  check_lines(bytes, r);
  return r.count == 0;
}

}  // namespace cvpdf::profile::detail
