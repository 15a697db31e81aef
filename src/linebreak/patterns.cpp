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
#include <unordered_map>

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
  key.resize(pattern.size());
  digits.resize(pattern.size() + 1);
  std::size_t n = 0;  // letters so far
  digits[0] = '0';
  for (char c : pattern) {
    if (is_digit(c)) {
      digits[n] = c;
    } else {
      key[n] = c;
      digits[++n] = '0';
    }
  }
  key.resize(n);
  digits.resize(n + 1);
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

namespace {

/// ISO-8859-1 → UTF-8 (each byte is its code point).
std::string latin1_to_utf8(std::string_view in) {
  std::string out;
  out.reserve(in.size() + in.size() / 8);
  for (char c : in) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x80) {
      out.push_back(c);
    } else {
      out.push_back(static_cast<char>(0xC0 | (b >> 6)));
      out.push_back(static_cast<char>(0x80 | (b & 0x3F)));
    }
  }
  return out;
}

/// Whether a NOHYPHEN string list ("NOHYPHEN -,'") could touch a word of letters.
bool nohyphen_has_letters(std::string_view line) {
  for (char c : line.substr(std::string_view("NOHYPHEN").size()))
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80)
      return true;
  return false;
}

/// Zeroes the points with fewer than `left` code points before them or `right` after them.
void apply_minimums(std::string_view word, std::vector<char>& points, int left, int right) {
  int total = 0;
  for (char c : word) total += is_continuation(c) ? 0 : 1;
  int before = 0;
  for (std::size_t j = 0; j < word.size(); ++j) {
    before += is_continuation(word[j]) ? 0 : 1;
    if (before < left || total - before < right) points[j] = '0';
  }
}

}  // namespace

std::optional<PatternIndex> PatternIndex::read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream all;
  if (!(all << in.rdbuf())) return std::nullopt;
  std::string text = std::move(all).str();
  std::string_view rest = text;
  auto next_line = [&rest] {
    const std::size_t nl = rest.find('\n');
    const std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    return line;
  };
  const std::string_view charset = pattern_of(next_line());
  if (charset == "ISO8859-1") {  // keys in the word's encoding: UTF-8
    text = latin1_to_utf8(rest);
    rest = text;
  } else if (charset != "UTF-8") {
    return std::nullopt;
  }
  PatternIndex index;
  Level* level = &index.first_;
  // Sized once for every line of the file (the table at most half full): no rehashing.
  level->reserve(static_cast<std::size_t>(std::count(rest.begin(), rest.end(), '\n')) + 1,
                 rest.size());
  std::string key, digits;
  while (!rest.empty()) {
    const std::string_view line = next_line();
    if (line.empty() || line[0] == '%' || line[0] == '#') continue;
    const bool keyword = line[0] >= 'A' && line[0] <= 'Z';  // patterns are lower case
    if (keyword && line.starts_with("NEXTLEVEL")) {
      if (index.next_) return std::nullopt;  // a third level: libhyphen's
      index.next_ = Level{};  // not emplace(): clang 14 rejects it for a nested class with member initializers
      level = &*index.next_;
    } else if (keyword && line.starts_with("NOHYPHEN")) {
      if (nohyphen_has_letters(line)) return std::nullopt;  // never met in a word of letters
    } else if (keyword && line.starts_with("COMPOUNDLEFTHYPHENMIN")) {
      if (!index.next_) index.compound_left_min_ = keyword_value(line);
    } else if (keyword && line.starts_with("COMPOUNDRIGHTHYPHENMIN")) {
      if (!index.next_) index.compound_right_min_ = keyword_value(line);
    } else if (keyword && line.starts_with("LEFTHYPHENMIN")) {
      if (!index.next_) index.left_min_ = keyword_value(line);
    } else if (keyword && line.starts_with("RIGHTHYPHENMIN")) {
      if (!index.next_) index.right_min_ = keyword_value(line);
    } else if (const std::string_view p = pattern_of(line); !p.empty()) {
      if (p.find('/') != std::string_view::npos) return std::nullopt;  // non-standard pattern
      split_pattern(p, key, digits);
      level->longest_key = std::max(level->longest_key, key.size());
      level->put(key, digits);  // a repeated pattern: the last wins, as in libhyphen
    }
  }
  index.index_prefixes();
  return index;
}

void PatternIndex::index_prefixes() {
  if (!next_) return;  // libhyphen's automaton has a state for every prefix of a pattern
  for (Level* l : {&first_, &*next_}) {
    for (const Level::Entry& e : l->entries)
      for (std::size_t n = 1; n < e.key_size; ++n) l->prefixes.insert(l->key_of(e).substr(0, n));
  }
}

namespace {

/// FNV-1a (64-bit) of a pattern's letters.
std::uint64_t hash_of(std::string_view key) {
  std::uint64_t h = 14695981039346656037ULL;
  for (char c : key) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return h;
}

}  // namespace

std::size_t PatternIndex::Level::slot_of(std::string_view key) const {
  const std::size_t mask = slots.size() - 1;
  for (std::size_t i = hash_of(key) & mask;; i = (i + 1) & mask) {  // linear probing
    if (slots[i] == 0 || key_of(entries[slots[i] - 1]) == key) return i;
  }
}

std::string_view PatternIndex::Level::find(std::string_view key) const {
  if (slots.empty()) return {};
  const std::uint32_t at = slots[slot_of(key)];
  if (at == 0) return {};
  const Entry& e = entries[at - 1];
  return digits.substr(e.digits_at, e.key_size + 1);
}

void PatternIndex::Level::reserve(std::size_t patterns, std::size_t bytes) {
  std::size_t size = 1024;
  while (size < 2 * patterns) size *= 2;
  own_entries_.reserve(patterns);
  own_keys_.reserve(bytes);
  own_digits_.reserve(bytes);
  if (size > slots.size()) grow(size);
  view_own();
}

void PatternIndex::Level::grow(std::size_t size) {
  own_slots_.assign(size, 0);
  view_own();
  for (std::size_t k = 0; k < own_entries_.size(); ++k)
    own_slots_[slot_of(key_of(own_entries_[k]))] = static_cast<std::uint32_t>(k + 1);
}

void PatternIndex::Level::put(std::string_view key, std::string_view key_digits) {
  if (2 * (own_entries_.size() + 1) > own_slots_.size())
    grow(std::max<std::size_t>(1024, 2 * own_slots_.size()));
  const std::size_t slot = slot_of(key);
  const auto digits_at = static_cast<std::uint32_t>(own_digits_.size());
  own_digits_.append(key_digits);
  if (own_slots_[slot] != 0) {  // the same letters again: the new digits replace the old
    own_entries_[own_slots_[slot] - 1].digits_at = digits_at;
  } else {
    own_entries_.push_back({static_cast<std::uint32_t>(own_keys_.size()),
                            static_cast<std::uint32_t>(key.size()), digits_at});
    own_keys_.append(key);
    own_slots_[slot] = static_cast<std::uint32_t>(own_entries_.size());
  }
  view_own();
}

void PatternIndex::Level::view_own() {
  // A string in its own heap block keeps it when moved; a short one would be copied out of
  // the small-string buffer, leaving the views behind.
  own_keys_.reserve(std::max<std::size_t>(own_keys_.size(), 64));
  own_digits_.reserve(std::max<std::size_t>(own_digits_.size(), 64));
  keys = own_keys_;
  digits = own_digits_;
  entries = own_entries_;
  slots = own_slots_;
}

std::vector<char> PatternIndex::Level::values(std::string_view word) const {
  const std::string edged = "." + std::string(word) + ".";
  // best[g]: the value of the gap before edged[g]. As libhyphen's automaton does: after each
  // byte, the longest suffix read so far that begins some pattern is the state; its pattern,
  // if it is a whole one, applies (shorter patterns ending there do not).
  std::vector<char> best(edged.size() + 1, '0');
  for (std::size_t e = 1; e <= edged.size(); ++e) {
    for (std::size_t n = std::min(longest_key, e); n >= 1; --n) {
      const std::string_view piece = std::string_view(edged).substr(e - n, n);
      const std::string_view found = find(piece);
      if (found.empty()) {
        // A state that is no pattern: nothing applies here (two-level files only).
        if (!prefixes.empty() && prefixes.contains(piece)) break;
        continue;
      }
      for (std::size_t k = 0; k < found.size(); ++k)
        best[e - n + k] = std::max(best[e - n + k], found[k]);
      break;
    }
  }
  // The point after word byte j is the gap before edged[j + 2]; none after the last byte.
  std::vector<char> out(word.size(), '0');
  for (std::size_t j = 0; j + 1 < word.size(); ++j)
    if (!is_continuation(word[j + 1])) out[j] = best[j + 2];
  return out;
}

std::vector<char> PatternIndex::hyphenate(std::string_view part, bool left_edge,
                                          bool right_edge) const {
  std::vector<char> h = first_.values(part);
  if (!next_) return h;
  // Split at the first level's points; each piece again by the first level (libhyphen
  // recurses with the same level), its own points overwriting the ones inside it.
  std::size_t begin = 0;
  for (std::size_t i = 0; i < part.size(); ++i) {
    const bool boundary = (h[i] - '0') % 2 == 1;
    if (!boundary && !(begin > 0 && i + 1 == part.size())) continue;
    if (i > begin) {
      const std::vector<char> inner = hyphenate(part.substr(begin, i - begin + 1),
                                                begin == 0 && left_edge, !boundary && right_edge);
      std::copy(inner.begin(), inner.begin() + static_cast<std::ptrdiff_t>(i - begin),
                h.begin() + static_cast<std::ptrdiff_t>(begin));
    }
    begin = i + 1;
  }
  if (begin == 0) {  // not a compound: the second level, compound minimums at inner edges
    h = next_->values(part);
    apply_minimums(part, h, left_edge ? 0 : compound_left_min_,
                   right_edge ? 0 : compound_right_min_);
  }
  return h;
}

std::vector<char> PatternIndex::digits(std::string_view word, int left_min, int right_min) const {
  std::vector<char> out = hyphenate(word, true, true);
  // Minimums of 2 and more give libhyphen's points exactly (checked: 6 123 German words and
  // pseudo-compounds × 2/2, 2/3, 3/3, no difference); with 1, libhyphen's two-level edges are
  // irregular, so a two-level file keeps at least 2 letters at each edge.
  const int floor = next_ ? 2 : 0;
  apply_minimums(word, out, std::max({left_min, left_min_, floor}),
                 std::max({right_min, right_min_, floor}));
  return out;
}

}  // namespace cvpdf::linebreak
