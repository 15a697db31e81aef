// linebreak/patterns.cpp — PatternIndex (see patterns.h). The file format is libhyphen's
// (hyphen.c, hnj_hyphen_load_line): the first line names the charset; lines starting with '%'
// are comments; keyword lines (LEFTHYPHENMIN 2, NEXTLEVEL, ...) are upper-case words; every
// other line is a pattern — letters, '.' for a word edge, and digits between them — ending at
// the first byte <= ' '.
#include "linebreak/patterns.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace cvpdf::linebreak {
namespace {

/// The pattern part of a line: up to the first byte <= ' ' (libhyphen stops there).
std::string_view pattern_of(std::string_view line) {
  std::size_t end = 0;
  while (end < line.size() && static_cast<unsigned char>(line[end]) > ' ') ++end;
  return line.substr(0, end);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// ".ach4" → key ".ach", digits "00004": digits[k] is the value before key byte k.
void split_pattern(std::string_view pattern, std::string& key, std::string& digits) {
  key.clear();
  digits.assign(1, '0');
  for (char c : pattern) {
    if (is_digit(c)) {
      digits.back() = c;
    } else {
      key.push_back(c);
      digits.push_back('0');
    }
  }
}

/// The number after a keyword ("LEFTHYPHENMIN 2" → 2).
int keyword_value(std::string_view line) {
  const std::size_t space = line.find(' ');
  return space == std::string_view::npos ? 0 : std::atoi(std::string(line.substr(space + 1)).c_str());
}

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

/// The lines of `text` (without their '\n').
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    out.push_back(text.substr(0, nl));
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
  }
  return out;
}

/// What libhyphen files a line under in one level (hnj_hyphen_load_line): the keyword for the
/// keyword lines, else the letters of the pattern — its bytes before any '/' and before the
/// first byte <= ' ', without the digits.
std::string libhyphen_key(std::string_view line) {
  for (std::string_view kw : {"LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN",
                              "COMPOUNDRIGHTHYPHENMIN", "NOHYPHEN"}) {
    if (line.starts_with(kw)) return "\n" + std::string(kw);  // '\n' never starts a pattern
  }
  std::string key;
  for (char c : pattern_of(line.substr(0, line.find('/')))) {
    if (!is_digit(c)) key.push_back(c);
  }
  return key;
}

}  // namespace

std::string without_repeated_patterns(std::string_view text) {
  const std::vector<std::string_view> lines = lines_of(text);
  // last[level][key]: the line where each key last appears in each level (NEXTLEVEL splits).
  std::vector<std::unordered_map<std::string, std::size_t>> last(1);
  std::vector<std::size_t> level_of(lines.size(), 0);
  for (std::size_t i = 1; i < lines.size(); ++i) {  // line 0 names the charset
    if (lines[i].starts_with("NEXTLEVEL")) {
      last.emplace_back();
    } else if (!lines[i].starts_with("%")) {
      last.back()[libhyphen_key(lines[i])] = i;
    }
    level_of[i] = last.size() - 1;
  }
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const bool pattern = i > 0 && !lines[i].starts_with("NEXTLEVEL") && !lines[i].starts_with("%");
    if (pattern && last[level_of[i]].at(libhyphen_key(lines[i])) != i) continue;
    out.append(lines[i]);
    out.push_back('\n');
  }
  return out;
}

std::optional<PatternIndex> PatternIndex::read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream all;
  if (!(all << in.rdbuf())) return std::nullopt;
  const std::string text = std::move(all).str();
  std::string_view rest = text;
  auto next_line = [&rest] {
    const std::size_t nl = rest.find('\n');
    const std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    return line;
  };
  if (pattern_of(next_line()) != "UTF-8") return std::nullopt;  // keys: the word's encoding
  PatternIndex index;
  index.by_key_.reserve(text.size() / 8);
  std::string key, digits;
  while (!rest.empty()) {
    const std::string_view line = next_line();
    if (line.empty() || line[0] == '%') continue;
    if (line.starts_with("NEXTLEVEL") || line.starts_with("COMPOUND") || line.starts_with("NOHYPHEN"))
      return std::nullopt;
    if (line.starts_with("LEFTHYPHENMIN")) index.left_min_ = keyword_value(line);
    else if (line.starts_with("RIGHTHYPHENMIN")) index.right_min_ = keyword_value(line);
    else if (const std::string_view p = pattern_of(line); !p.empty()) {
      if (p.find('/') != std::string_view::npos) return std::nullopt;  // non-standard pattern
      split_pattern(p, key, digits);
      index.longest_key_ = std::max(index.longest_key_, key.size());
      index.by_key_[key] = digits;  // a repeated pattern: the last wins, as in libhyphen
    }
  }
  return index;
}

std::vector<char> PatternIndex::digits(std::string_view word, int left_min, int right_min) const {
  const std::string edged = "." + std::string(word) + ".";
  // best[g]: the value of the gap before edged[g].
  std::vector<char> best(edged.size() + 1, '0');
  for (std::size_t i = 0; i < edged.size(); ++i) {
    const std::size_t longest = std::min(longest_key_, edged.size() - i);
    for (std::size_t n = 1; n <= longest; ++n) {
      const auto it = by_key_.find(edged.substr(i, n));
      if (it == by_key_.end()) continue;
      for (std::size_t k = 0; k < it->second.size(); ++k) best[i + k] = std::max(best[i + k], it->second[k]);
    }
  }
  // The point after word byte j is the gap before edged[j + 2].
  std::vector<char> out(word.size(), '0');
  const int left = std::max(left_min, left_min_), right = std::max(right_min, right_min_);
  int before = 0;
  int total = 0;
  for (char c : word) total += is_continuation(c) ? 0 : 1;
  for (std::size_t j = 0; j + 1 < word.size(); ++j) {
    before += is_continuation(word[j]) ? 0 : 1;
    if (is_continuation(word[j + 1])) continue;  // inside a code point
    if (before >= left && total - before >= right) out[j] = best[j + 2];
  }
  return out;
}

}  // namespace cvpdf::linebreak
