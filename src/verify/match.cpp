// verify/match.cpp — normalisation, search and the ordered chain (see match.h).
#include "verify/match.h"

#include <algorithm>

#include "core/utf8.h"
#include "verify/read.h"

namespace cvpdf::verify {

namespace {

bool is_white(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

/// Han, kana, Hangul, CJK punctuation and full-width forms: scripts written without spaces.
bool is_cjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF);
}

/// A letter for the purpose of hyphenation: ASCII letters and anything beyond ASCII that is not
/// white space or punctuation of the General Punctuation block.
bool is_letter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && !is_white(c) && !(c >= 0x2000 && c <= 0x206F));
}

/// U+FB00–FB06 as letters (pdf/ maps ligature glyphs the same way).
const char* ligature(char32_t c) {
  static const char* const kLetters[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};
  return c >= 0xFB00 && c <= 0xFB06 ? kLetters[c - 0xFB00] : nullptr;
}

}  // namespace

Normalized normalize(std::string_view s, Mode mode) {
  Normalized out;
  out.text.reserve(s.size());
  out.origin.reserve(s.size());
  bool pending_space = false;
  std::size_t space_at = 0;
  char32_t last = 0;  // the last code point written
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    if (s[i] == kGapSpace) {
      ++i;
      if (mode == Mode::Gaps || mode == Mode::Joined) pending_space = true, space_at = at;
      continue;
    }
    if (s[i] == '-' && i + 1 < s.size() && s[i + 1] == '\n') {
      // A hyphen at a line end: Loose drops it; Joined drops it between two letters.
      std::size_t next = i + 2;
      const bool letters = is_letter(last) && next < s.size() && is_letter(core::decode_utf8(s, next));
      if (mode == Mode::Loose || (mode == Mode::Joined && letters)) {
        i += 2;
        continue;
      }
    }
    const char32_t c = core::decode_utf8(s, i);
    if (c == 0xAD) continue;  // soft hyphen
    if (is_white(c)) {
      if (mode != Mode::Loose) pending_space = true, space_at = at;
      continue;
    }
    if (pending_space && !out.text.empty() && !is_cjk(last) && !is_cjk(c)) {
      out.text += ' ';
      out.origin.push_back(space_at);
    }
    pending_space = false;
    const std::size_t before = out.text.size();
    if (const char* lig = ligature(c)) out.text += lig;
    else core::append_utf8(out.text, c);
    out.origin.insert(out.origin.end(), out.text.size() - before, at);
    last = c;
  }
  return out;
}

std::vector<std::size_t> occurrences(const Normalized& hay, std::string_view needle, std::size_t cap) {
  std::vector<std::size_t> out;
  if (needle.empty()) return out;
  for (std::size_t at = hay.text.find(needle); at != std::string::npos && out.size() < cap;
       at = hay.text.find(needle, at + 1))
    out.push_back(at);
  return out;
}

std::vector<std::size_t> longest_ordered_chain(const std::vector<std::vector<std::size_t>>& candidates,
                                               const std::vector<std::size_t>& weights) {
  struct Node {
    std::size_t element, pos;
    int prev;
  };
  using Best = std::pair<std::size_t, int>;  // (chain weight, last node), -1: empty chain
  std::vector<std::size_t> coords;
  for (const auto& c : candidates) coords.insert(coords.end(), c.begin(), c.end());
  std::sort(coords.begin(), coords.end());
  coords.erase(std::unique(coords.begin(), coords.end()), coords.end());
  std::vector<Best> tree(coords.size(), Best{0, -1});
  auto query = [&](std::size_t n) {  // best over the first n coordinates
    Best b{0, -1};
    for (std::size_t i = n; i > 0; i &= i - 1) b = std::max(b, tree[i - 1]);
    return b;
  };
  auto update = [&](std::size_t i, Best b) {
    for (++i; i <= tree.size(); i += i & (~i + 1)) tree[i - 1] = std::max(tree[i - 1], b);
  };
  std::vector<Node> nodes;
  for (std::size_t e = 0; e < candidates.size(); ++e) {
    std::vector<std::pair<std::size_t, Best>> mine;  // inserted after all are computed: one per element
    for (std::size_t pos : candidates[e]) {
      const std::size_t i = static_cast<std::size_t>(std::lower_bound(coords.begin(), coords.end(), pos) - coords.begin());
      const Best before = query(i);  // positions strictly smaller
      nodes.push_back(Node{e, pos, before.second});
      mine.push_back({i, Best{before.first + weights[e], static_cast<int>(nodes.size() - 1)}});
    }
    for (const auto& [i, b] : mine) update(i, b);
  }
  std::vector<std::size_t> chosen(candidates.size(), std::string::npos);
  for (int n = query(coords.size()).second; n >= 0; n = nodes[static_cast<std::size_t>(n)].prev)
    chosen[nodes[static_cast<std::size_t>(n)].element] = nodes[static_cast<std::size_t>(n)].pos;
  return chosen;
}

std::pair<std::size_t, std::size_t> longest_found_prefix(const Normalized& hay, std::string_view needle) {
  // Occurrence of a prefix is monotone in its length: binary search over code-point boundaries.
  std::vector<std::size_t> cuts;
  for (std::size_t i = 0; i < needle.size();) {
    core::decode_utf8(needle, i);
    cuts.push_back(i);
  }
  std::size_t lo = 0, hi = cuts.size(), where = 0;  // lo: count of cuts known to be found
  while (lo < hi) {
    const std::size_t mid = (lo + hi + 1) / 2;
    const std::size_t at = hay.text.find(needle.substr(0, cuts[mid - 1]));
    if (at != std::string::npos) lo = mid, where = at;
    else hi = mid - 1;
  }
  if (lo == 0) return {0, 0};
  return {cuts[lo - 1], where};  // `where` is from the last successful probe, which is lo's
}

}  // namespace cvpdf::verify
