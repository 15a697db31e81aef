// verify/cmap.cpp — ToUnicode CMap programs (see cmap.h).
#include "verify/cmap.h"

#include "verify/file.h"
#include "verify/object.h"

namespace cvpdf::verify {

namespace {

/// A code written as a hex string of 1–4 bytes, as a number.
std::uint32_t code_of(const Object& o, std::size_t at, std::size_t* bytes = nullptr) {
  const String* s = o.string();
  if (!s || s->bytes.empty() || s->bytes.size() > 4) throw ReadError(at, "a CMap code must be a hex string of 1 to 4 bytes");
  std::uint32_t v = 0;
  for (unsigned char c : s->bytes) v = (v << 8) | c;
  if (bytes) *bytes = s->bytes.size();
  return v;
}

/// A destination: UTF-16BE in a hex string (or a glyph name, which carries no text here).
std::string text_of(const Object& o) {
  if (const String* s = o.string()) return utf16be_to_utf8(s->bytes);
  return {};
}

std::u16string units_of(const Object& o) {
  std::u16string u;
  if (const String* s = o.string())
    for (std::size_t i = 0; i + 1 < s->bytes.size(); i += 2)
      u += static_cast<char16_t>((static_cast<unsigned char>(s->bytes[i]) << 8) |
                                 static_cast<unsigned char>(s->bytes[i + 1]));
  return u;
}

std::string utf8_of(const std::u16string& u) {
  std::string bytes;
  for (char16_t c : u) {
    bytes += static_cast<char>(c >> 8);
    bytes += static_cast<char>(c & 0xFF);
  }
  return utf16be_to_utf8(bytes);
}

}  // namespace

CMap CMap::identity_codespace() { return CMap{}; }

CMap CMap::parse(std::string_view program) {
  CMap m;
  Parser p(program);
  for (;;) {
    p.skip_space();
    if (p.at_end()) break;
    const std::size_t at = p.pos();
    const std::string_view kw = p.keyword();
    if (kw.empty()) {
      const char c = program[p.pos()];
      if (c == '{' || c == '}' || c == ')' || c == ']' || c == '>') {  // PostScript leftovers
        p.seek(p.pos() + 1);
        continue;
      }
      (void)p.parse();  // an operand (names, numbers, dictionaries of the CMap header)
      continue;
    }
    if (kw == "begincodespacerange") {
      while (p.peek_token() != "endcodespacerange") {
        std::size_t n1 = 0, n2 = 0;
        const std::uint32_t lo = code_of(p.parse(), p.pos(), &n1), hi = code_of(p.parse(), p.pos(), &n2);
        if (n1 != n2 || lo > hi) throw ReadError(at, "bad codespace range");
        m.codespace_.push_back({n1, lo, hi});
      }
      p.expect("endcodespacerange");
    } else if (kw == "beginbfchar") {
      while (p.peek_token() != "endbfchar") {
        const std::uint32_t code = code_of(p.parse(), p.pos());
        m.chars_[code] = text_of(p.parse());
      }
      p.expect("endbfchar");
    } else if (kw == "beginbfrange") {
      while (p.peek_token() != "endbfrange") {
        const std::size_t here = p.pos();
        const std::uint32_t lo = code_of(p.parse(), here), hi = code_of(p.parse(), here);
        const Object dst = p.parse();
        if (lo > hi || hi - lo > 0xFFFF) throw ReadError(here, "bad bfrange: more than 65 536 codes or reversed");
        if (m.ranges_.size() >= kMaxRanges) throw ReadError(here, "more than 65 536 bfrange entries");
        Range r{lo, hi, {}, {}};
        if (const Array* a = dst.array()) {
          if (a->size() != hi - lo + 1) throw ReadError(here, "a bfrange array does not have one entry per code");
          for (const Object& o : *a) r.list.push_back(text_of(o));
        } else {
          r.base = units_of(dst);
          if (r.base.empty()) throw ReadError(here, "a bfrange destination must be a hex string or an array");
        }
        m.ranges_.push_back(std::move(r));
      }
      p.expect("endbfrange");
    }
  }
  return m;
}

std::size_t CMap::code_length(std::string_view s) const {
  if (codespace_.empty()) return 2;
  // §9.7.6.2: match the shortest codespace range that the leading bytes fall in.
  for (std::size_t n = 1; n <= 4 && n <= s.size(); ++n) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < n; ++i) v = (v << 8) | static_cast<unsigned char>(s[i]);
    for (const Codespace& c : codespace_)
      if (c.bytes == n && v >= c.lo && v <= c.hi) return n;
  }
  return 1;  // not in any range: one byte (the standard's choice for an unmatched byte)
}

const std::string* CMap::lookup(std::uint32_t code) const {
  if (auto it = chars_.find(code); it != chars_.end()) return &it->second;
  if (auto it = range_cache_.find(code); it != range_cache_.end()) return &it->second;
  for (const Range& r : ranges_) {
    if (code < r.lo || code > r.hi) continue;
    std::string text;
    if (!r.list.empty()) {
      text = r.list[code - r.lo];
    } else {
      std::u16string u = r.base;
      u.back() = static_cast<char16_t>(u.back() + (code - r.lo));
      text = utf8_of(u);
    }
    return &(range_cache_[code] = std::move(text));
  }
  return nullptr;
}

}  // namespace cvpdf::verify
