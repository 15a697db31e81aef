// profile/yaml_out.cpp — see yaml_out.h. Quoting rules: YAML 1.2 §7.3.3 (plain scalars) and
// §5.7 (escapes); words YAML 1.1 readers take for booleans or null are quoted as well, since
// editors and PyYAML still read YAML 1.1.
#include "profile/yaml_out.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "core/utf8.h"

namespace cvpdf::profile {

namespace {

/// Width at which long texts are folded (the profile's comment width).
constexpr std::size_t kFoldWidth = 88;

bool is_reserved_word(std::string_view s) {
  static const std::array<std::string_view, 22> kWords = {
      "null", "Null", "NULL", "~",  "true", "True", "TRUE", "false", "False", "FALSE", "yes",
      "Yes",  "YES",  "no",   "No", "NO",   "on",   "On",   "ON",    "off",   "Off",   "OFF"};
  return std::find(kWords.begin(), kWords.end(), s) != kWords.end() || s == "y" || s == "n" ||
         s == "Y" || s == "N";
}

/// Characters that must be escaped: C0/C1 controls, DEL, NEL, line/paragraph separators, BOM.
bool needs_escape(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
         cp == 0xFEFF;
}

bool has_escapes(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (needs_escape(core::decode_utf8(s, i))) return true;
  }
  return false;
}

bool can_be_plain(std::string_view s, bool in_flow) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ' || has_escapes(s)) return false;
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(s.front()) != std::string_view::npos)
    return false;
  if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos ||
      s.back() == ':' || s.starts_with("---") || s.starts_with("...")) {
    return false;
  }
  if (in_flow && s.find_first_of(",[]{}") != std::string_view::npos) return false;
  return !is_reserved_word(s);
}

std::string double_quoted(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const char32_t cp = core::decode_utf8(s, i);
    if (cp == '"' || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (needs_escape(cp)) {
      char buf[12];
      std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(cp));
      out += buf;
    } else {
      out.append(s.substr(start, i - start));
    }
  }
  return out + "\"";
}

/// A long single-line text that folds cleanly: no double spaces, no tabs, nothing to escape.
bool can_fold(std::string_view s, std::size_t indent) {
  return s.size() + indent > kFoldWidth && s.find('\n') == std::string_view::npos &&
         s.find("  ") == std::string_view::npos && s.front() != ' ' && s.back() != ' ' &&
         !has_escapes(s) && s.find(' ') != std::string_view::npos;
}

/// A multi-line text as a literal block: no escapes, lines without trailing spaces, the first
/// line not indented, no trailing newline.
bool can_literal(std::string_view s) {
  if (s.find('\n') == std::string_view::npos || s.front() == ' ' || s.front() == '\n' ||
      s.back() == '\n' || s.find("\t") != std::string_view::npos)
    return false;
  if (s.find(" \n") != std::string_view::npos || s.back() == ' ') return false;
  std::string_view rest = s;
  for (std::size_t i = 0; i < rest.size();) {
    const char32_t cp = core::decode_utf8(rest, i);
    if (cp != '\n' && needs_escape(cp)) return false;
  }
  return true;
}

void folded(std::string& out, std::string_view s, std::size_t indent) {
  out += ">-\n";
  const std::string pad(indent, ' ');
  std::string line;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t end = s.find(' ', start);
    if (end == std::string_view::npos) end = s.size();
    const std::string_view word = s.substr(start, end - start);
    if (!line.empty() && indent + line.size() + 1 + word.size() > kFoldWidth) {
      out += pad + line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + std::string(word);
    start = end + 1;
  }
  out += pad + line + "\n";
}

void literal(std::string& out, std::string_view s, std::size_t indent) {
  out += "|-\n";
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find('\n', start);
    if (end == std::string_view::npos) end = s.size();
    const std::string_view line = s.substr(start, end - start);
    out += line.empty() ? "\n" : std::string(indent, ' ') + std::string(line) + "\n";
    start = end + 1;
  }
}

void write_comments(std::string& out, const YNode& n, std::size_t indent) {
  if (n.blank_line) out += "\n";
  for (const std::string& c : n.comments)
    out += std::string(indent, ' ') + (c.empty() ? "#" : "# " + c) + "\n";
}

void write_node(std::string& out, const YNode& n, std::size_t indent);

/// What follows `key:` or `- ` for a scalar, a flow list or an empty collection; false when
/// the node needs lines of its own.
bool write_inline(std::string& out, const YNode& n, std::size_t indent) {
  switch (n.kind) {
    case YNode::Kind::Null: out += "\n"; return true;
    case YNode::Kind::Scalar:
      if (can_fold(n.scalar, indent)) return folded(out, n.scalar, indent), true;
      if (can_literal(n.scalar)) return literal(out, n.scalar, indent), true;
      out += " " + scalar_text(n.scalar) + "\n";
      return true;
    case YNode::Kind::Map:
      if (!n.map.empty()) return false;
      out += " {}\n";
      return true;
    case YNode::Kind::Seq:
      if (!n.seq.empty() && !n.flow) return false;
      out += " [";
      for (std::size_t i = 0; i < n.seq.size(); ++i)
        out += (i ? ", " : "") + scalar_text(n.seq[i].scalar, true);
      out += "]\n";
      return true;
  }
  return true;
}

void write_map(std::string& out, const YNode& n, std::size_t indent, bool first_inline) {
  for (std::size_t i = 0; i < n.map.size(); ++i) {
    const auto& [key, value] = n.map[i];
    if (!(first_inline && i == 0)) {
      write_comments(out, value, indent);
      out += std::string(indent, ' ');
    }
    out += scalar_text(key) + ":";
    if (value.kind == YNode::Kind::Scalar && (can_fold(value.scalar, indent + 2) ||
                                              can_literal(value.scalar))) {
      out += " ";
    }
    if (!write_inline(out, value, indent + 2)) {
      out += "\n";
      write_node(out, value, indent + 2);
    }
  }
}

void write_seq(std::string& out, const YNode& n, std::size_t indent) {
  for (const YNode& item : n.seq) {
    write_comments(out, item, indent);
    if (item.kind == YNode::Kind::Map && !item.map.empty()) {
      write_comments(out, item.map.front().second, indent);
      out += std::string(indent, ' ') + "- ";
      write_map(out, item, indent + 2, true);
      continue;
    }
    out += std::string(indent, ' ') + "-";
    if (item.kind == YNode::Kind::Scalar && (can_fold(item.scalar, indent + 2) ||
                                             can_literal(item.scalar))) {
      out += " ";
    }
    if (!write_inline(out, item, indent + 2)) {
      out += "\n";
      write_node(out, item, indent + 2);
    }
  }
}

void write_node(std::string& out, const YNode& n, std::size_t indent) {
  if (n.kind == YNode::Kind::Map) write_map(out, n, indent, false);
  if (n.kind == YNode::Kind::Seq) write_seq(out, n, indent);
}

}  // namespace

YNode YNode::text(std::string s) {
  YNode n;
  n.kind = Kind::Scalar;
  n.scalar = std::move(s);
  return n;
}

YNode YNode::new_map() {
  YNode n;
  n.kind = Kind::Map;
  return n;
}

YNode YNode::new_list() {
  YNode n;
  n.kind = Kind::Seq;
  return n;
}

YNode& YNode::set(std::string key, YNode value) {
  if (kind == Kind::Null) kind = Kind::Map;
  map.push_back(YEntry{std::move(key), std::move(value)});
  return map.back().second;
}

YNode& YNode::push(YNode value) {
  if (kind == Kind::Null) kind = Kind::Seq;
  seq.push_back(std::move(value));
  return seq.back();
}

YNode& YNode::note(std::string line) {
  comments.push_back(std::move(line));
  return *this;
}

bool YNode::empty() const {
  return kind == Kind::Null || (kind == Kind::Scalar && scalar.empty()) ||
         (kind == Kind::Map && map.empty()) || (kind == Kind::Seq && seq.empty());
}

std::string scalar_text(std::string_view s, bool in_flow) {
  return can_be_plain(s, in_flow) ? std::string(s) : double_quoted(s);
}

std::string write_yaml(const YNode& root, const std::vector<std::string>& header) {
  std::string out;
  for (const std::string& c : header) out += c.empty() ? "#\n" : "# " + c + "\n";
  if (!header.empty()) out += "\n";
  write_node(out, root, 0);
  return out;
}

}  // namespace cvpdf::profile
