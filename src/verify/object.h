// verify/object.h — PDF objects and a bounded parser for them (ISO 32000-1 §7.2–7.3).
//
// Takes bytes and an offset; gives one object (null, boolean, number, string, name, array,
// dictionary, reference) and where it ended. Guarantees: never reads outside the bytes, never
// nests deeper than core::limits::kMaxPdfNesting, and reports any malformed token as a
// ReadError carrying the byte offset. This is the only PDF syntax cvpdf reads, and only to
// read back PDFs it wrote (verify/); PoDoFo's parser is never linked.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace cvpdf::verify {

/// A damaged or unexpected PDF: what is wrong and the byte offset where it was found.
struct ReadError : std::runtime_error {
  ReadError(std::size_t at, const std::string& what) : std::runtime_error(what), offset(at) {}
  std::size_t offset;
};

struct Object;
/// An indirect reference `12 0 R`.
struct Ref {
  int num = 0;
  int gen = 0;
  friend bool operator==(const Ref&, const Ref&) = default;
};
/// A name `/Font`, without the slash, #xx escapes decoded.
struct Name {
  std::string s;
};
/// A string, literal `(…)` or hex `<…>`, escapes decoded: the raw bytes.
struct String {
  std::string bytes;
};
using Array = std::vector<Object>;
struct DictEntry;
/// A dictionary as written: key order kept, looked up linearly (cvpdf's have a few keys).
/// Entries are a struct of their own, not std::pair: a pair of an incomplete Object inside
/// Object's own variant does not compile with clang and libstdc++ (the fuzz build).
using Dict = std::vector<DictEntry>;

/// One PDF object.
struct Object {
  std::variant<std::monostate, bool, std::int64_t, double, String, Name, Array, Dict, Ref> v;

  [[nodiscard]] bool is_null() const { return v.index() == 0; }
  [[nodiscard]] const Dict* dict() const { return std::get_if<Dict>(&v); }
  [[nodiscard]] const Array* array() const { return std::get_if<Array>(&v); }
  [[nodiscard]] const Name* name() const { return std::get_if<Name>(&v); }
  [[nodiscard]] const String* string() const { return std::get_if<String>(&v); }
  [[nodiscard]] const Ref* ref() const { return std::get_if<Ref>(&v); }
  /// An integer (or a real with an integral value); false otherwise.
  bool integer(std::int64_t& out) const;
  /// Any number as a double; false if this is not a number.
  bool number(double& out) const;
};

/// One key and its value in a Dict (`first` / `second`, as std::pair named them).
struct DictEntry {
  DictEntry(std::string key, Object value) : first(std::move(key)), second(std::move(value)) {}
  std::string first;
  Object second;
};

/// The value of `key` in `d`, or nullptr.
const Object* find(const Dict& d, std::string_view key);

/// PDF whitespace (§7.2.2) and delimiters (§7.2.3).
bool is_space(char c);
bool is_delimiter(char c);

/// A cursor over bytes that parses objects; every read is bounds-checked.
class Parser {
 public:
  explicit Parser(std::string_view bytes, std::size_t pos = 0) : s_(bytes), pos_(pos) {}

  /// Skips whitespace and comments.
  void skip_space();
  /// Parses one object; `R` references are recognised (`12 0 R`).
  Object parse();
  /// The next bare keyword (`obj`, `stream`, `BT`) or number token, without consuming an object;
  /// empty at the end of the bytes.
  std::string_view peek_token();
  /// Consumes the keyword `kw` or throws.
  void expect(std::string_view kw);
  /// Reads one token that is a keyword (letters, `'`, `"`, `*`); empty if the next thing is
  /// not a keyword.
  std::string_view keyword();

  [[nodiscard]] std::size_t pos() const { return pos_; }
  void seek(std::size_t p) { pos_ = p; }
  [[nodiscard]] bool at_end() const { return pos_ >= s_.size(); }
  [[nodiscard]] std::string_view bytes() const { return s_; }

 private:
  Object parse_at_depth(int depth);
  Object parse_number_or_ref();
  String parse_literal();
  String parse_hex();
  Name parse_name();
  Dict parse_dict(int depth);
  Array parse_array(int depth);
  [[noreturn]] void fail(const std::string& what) const;

  std::string_view s_;
  std::size_t pos_;
};

}  // namespace cvpdf::verify
