// verify/object.cpp — the bounded PDF object parser (see object.h).
#include "verify/object.h"

#include <charconv>
#include <cmath>

#include "core/limits.h"

namespace cvpdf::verify {

bool Object::integer(std::int64_t& out) const {
  if (const auto* i = std::get_if<std::int64_t>(&v)) return out = *i, true;
  if (const auto* d = std::get_if<double>(&v); d && std::nearbyint(*d) == *d && std::fabs(*d) < 1e15)
    return out = static_cast<std::int64_t>(*d), true;
  return false;
}

bool Object::number(double& out) const {
  if (const auto* i = std::get_if<std::int64_t>(&v)) return out = static_cast<double>(*i), true;
  if (const auto* d = std::get_if<double>(&v)) return out = *d, true;
  return false;
}

const Object* find(const Dict& d, std::string_view key) {
  for (const auto& [k, v] : d)
    if (k == key) return &v;
  return nullptr;
}

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

bool is_delimiter(char c) {
  switch (c) {
    case '(': case ')': case '<': case '>': case '[': case ']': case '{': case '}': case '/':
    case '%':
      return true;
    default:
      return false;
  }
}

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_regular(char c) { return !is_space(c) && !is_delimiter(c); }

}  // namespace

void Parser::fail(const std::string& what) const { throw ReadError(pos_, what); }

void Parser::skip_space() {
  while (pos_ < s_.size()) {
    if (is_space(s_[pos_])) {
      ++pos_;
    } else if (s_[pos_] == '%') {
      while (pos_ < s_.size() && s_[pos_] != '\n' && s_[pos_] != '\r') ++pos_;
    } else {
      break;
    }
  }
}

std::string_view Parser::peek_token() {
  skip_space();
  std::size_t e = pos_;
  while (e < s_.size() && is_regular(s_[e])) ++e;
  return s_.substr(pos_, e - pos_);
}

std::string_view Parser::keyword() {
  const std::string_view t = peek_token();
  if (t.empty() || !(std::isalpha(static_cast<unsigned char>(t[0])) || t[0] == '\'' || t[0] == '"'))
    return {};
  pos_ += t.size();
  return t;
}

void Parser::expect(std::string_view kw) {
  if (peek_token() != kw) fail("expected '" + std::string(kw) + "'");
  pos_ += kw.size();
}

Object Parser::parse() { return parse_at_depth(0); }

Object Parser::parse_at_depth(int depth) {
  if (depth >= core::limits::kMaxPdfNesting)  // depth 0 is the outermost object
    fail("arrays and dictionaries nested deeper than " + std::to_string(core::limits::kMaxPdfNesting));
  skip_space();
  if (pos_ >= s_.size()) fail("unexpected end of data");
  const char c = s_[pos_];
  if (c == '/') return Object{parse_name()};
  if (c == '(') return Object{parse_literal()};
  if (c == '[') return Object{parse_array(depth)};
  if (c == '<') {
    if (pos_ + 1 < s_.size() && s_[pos_ + 1] == '<') return Object{parse_dict(depth)};
    return Object{parse_hex()};
  }
  if (c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9')) return parse_number_or_ref();
  const std::string_view t = peek_token();
  if (t == "true" || t == "false") {
    pos_ += t.size();
    return Object{t == "true"};
  }
  if (t == "null") {
    pos_ += t.size();
    return Object{};
  }
  fail(t.empty() ? std::string("unexpected '") + c + "'" : "unexpected keyword '" + std::string(t) + "'");
}

Object Parser::parse_number_or_ref() {
  const std::string_view t = peek_token();
  const std::size_t start = pos_;
  pos_ += t.size();
  const bool real = t.find('.') != std::string_view::npos;
  if (!real) {
    std::int64_t n = 0;
    const auto r = std::from_chars(t.data() + (t[0] == '+' ? 1 : 0), t.data() + t.size(), n);
    if (r.ec != std::errc() || r.ptr != t.data() + t.size()) {
      pos_ = start;
      fail("bad number '" + std::string(t) + "'");
    }
    // `num gen R`: look ahead without committing.
    const std::size_t after = pos_;
    const std::string_view gen = peek_token();
    std::int64_t g = 0;
    if (n >= 0 && n <= INT32_MAX && !gen.empty() &&
        std::from_chars(gen.data(), gen.data() + gen.size(), g).ptr == gen.data() + gen.size() &&
        g >= 0 && g <= 65535) {
      pos_ += gen.size();
      if (peek_token() == "R") {
        pos_ += 1;
        return Object{Ref{static_cast<int>(n), static_cast<int>(g)}};
      }
    }
    pos_ = after;
    return Object{n};
  }
  // Reals: [+-]digits.digits, no exponent (§7.3.3); parsed by hand, locale-free.
  double value = 0, scale = 0;
  bool neg = false, digits = false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char ch = t[i];
    if (i == 0 && (ch == '-' || ch == '+')) neg = ch == '-';
    else if (ch == '.' && scale == 0) scale = 1;
    else if (ch >= '0' && ch <= '9') {
      digits = true;
      if (scale == 0) value = value * 10 + (ch - '0');
      else value += (ch - '0') * (scale /= 10);
    } else {
      pos_ = start;
      fail("bad number '" + std::string(t) + "'");
    }
  }
  if (!digits) {
    pos_ = start;
    fail("bad number '" + std::string(t) + "'");
  }
  return Object{neg ? -value : value};
}

String Parser::parse_literal() {
  String out;
  int depth = 0;
  ++pos_;  // '('
  while (pos_ < s_.size()) {
    const char c = s_[pos_++];
    if (c == '(') ++depth;
    if (c == ')' && depth-- == 0) return out;
    if (c != '\\') {
      out.bytes += c;
      continue;
    }
    if (pos_ >= s_.size()) break;
    const char e = s_[pos_++];
    switch (e) {
      case 'n': out.bytes += '\n'; break;
      case 'r': out.bytes += '\r'; break;
      case 't': out.bytes += '\t'; break;
      case 'b': out.bytes += '\b'; break;
      case 'f': out.bytes += '\f'; break;
      case '\r': if (pos_ < s_.size() && s_[pos_] == '\n') ++pos_; break;
      case '\n': break;
      default:
        if (e >= '0' && e <= '7') {
          int v = e - '0';
          for (int k = 0; k < 2 && pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '7'; ++k)
            v = v * 8 + (s_[pos_++] - '0');
          out.bytes += static_cast<char>(v & 0xFF);
        } else {
          out.bytes += e;
        }
    }
  }
  fail("unterminated string");
}

String Parser::parse_hex() {
  String out;
  ++pos_;  // '<'
  int high = -1;
  while (pos_ < s_.size()) {
    const char c = s_[pos_++];
    if (c == '>') {
      if (high >= 0) out.bytes += static_cast<char>(high << 4);
      return out;
    }
    if (is_space(c)) continue;
    const int v = hex_value(c);
    if (v < 0) {
      --pos_;
      fail("bad hex digit in a string");
    }
    if (high < 0) {
      high = v;
    } else {
      out.bytes += static_cast<char>((high << 4) | v);
      high = -1;
    }
  }
  fail("unterminated hex string");
}

Name Parser::parse_name() {
  Name out;
  ++pos_;  // '/'
  while (pos_ < s_.size() && is_regular(s_[pos_])) {
    const char c = s_[pos_++];
    if (c == '#' && pos_ + 1 < s_.size() && hex_value(s_[pos_]) >= 0 && hex_value(s_[pos_ + 1]) >= 0) {
      out.s += static_cast<char>(hex_value(s_[pos_]) * 16 + hex_value(s_[pos_ + 1]));
      pos_ += 2;
    } else {
      out.s += c;
    }
  }
  return out;
}

Dict Parser::parse_dict(int depth) {
  Dict d;
  pos_ += 2;  // '<<'
  for (;;) {
    skip_space();
    if (pos_ + 1 < s_.size() && s_[pos_] == '>' && s_[pos_ + 1] == '>') {
      pos_ += 2;
      return d;
    }
    if (pos_ >= s_.size()) fail("unterminated dictionary");
    if (s_[pos_] != '/') fail("a dictionary key must be a name");
    std::string key = parse_name().s;
    Object value = parse_at_depth(depth + 1);
    d.emplace_back(std::move(key), std::move(value));
  }
}

Array Parser::parse_array(int depth) {
  Array a;
  ++pos_;  // '['
  for (;;) {
    skip_space();
    if (pos_ < s_.size() && s_[pos_] == ']') {
      ++pos_;
      return a;
    }
    if (pos_ >= s_.size()) fail("unterminated array");
    a.push_back(parse_at_depth(depth + 1));
  }
}

}  // namespace cvpdf::verify
