// verify/file.h — a PDF file as cvpdf writes it: header, classic xref table, trailer, objects.
//
// Takes the bytes of a whole PDF; gives its trailer, any object by reference (parsed once,
// cached), decoded streams (none or FlateDecode, through zlib) and the page list. Reads classic
// xref tables and what pdf/compact_writer.h writes: a cross-reference stream (§7.5.8, rows
// under the PNG Up predictor or none) and objects packed in object streams (§7.5.7). Bounded
// (core/limits.h): the object count, the nesting of objects and of the page tree, the inflated
// size of each stream and of all of them; reference cycles are refused. Anything damaged or
// outside what cvpdf writes (other predictors, other filters, encryption) is a ReadError naming
// the object and byte offset. Never crashes, whatever the bytes.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "verify/object.h"

namespace cvpdf::verify {

/// An indirect object: its value and, for a stream, where its raw data lies in the file.
struct Indirect {
  Object value;
  std::size_t data = 0;        ///< offset of the stream's first byte
  std::size_t data_size = 0;   ///< bytes of raw (encoded) stream data
  bool is_stream = false;
};

/// One page: its dictionary, its reference and its (inherited) resources.
struct PageRef {
  Ref ref;
  const Dict* dict = nullptr;
  const Dict* resources = nullptr;
};

class File {
 public:
  /// Parses the header, the xref table(s) and the trailer. Throws ReadError.
  explicit File(std::string_view bytes);

  [[nodiscard]] const Dict& trailer() const { return trailer_; }
  /// The object `r` (null if the xref has no such object). Throws ReadError if it is damaged.
  const Indirect& get(Ref r);
  /// `o` itself, or the object it refers to (one level: cvpdf never chains references).
  const Object& resolve(const Object& o);
  /// The dictionary `o` is or refers to, or nullptr.
  const Dict* dict(const Object& o);
  /// The decoded data of the stream `o` refers to. Throws ReadError (damaged, bomb, filter).
  std::string stream(const Object& o, std::string_view what);
  /// The pages in order (page tree walked depth-first, bounded). Throws ReadError.
  std::vector<PageRef> pages();
  [[nodiscard]] std::string_view bytes() const { return s_; }

 private:
  /// One cross-reference entry: free, at a byte offset, or the index-th object of a stream.
  struct Entry {
    enum Kind { Free, InFile, InStream } kind = Free;
    std::size_t where = 0;  ///< InFile: byte offset; InStream: the object stream's number
    int index = 0;          ///< InStream: the object's index in it
  };
  /// An object stream's decoded data and where each of its objects starts.
  struct ObjStm {
    std::string data;
    std::vector<std::pair<int, std::size_t>> objects;  ///< (number, offset from /First)
    std::size_t first = 0;
  };

  std::size_t find_startxref() const;
  void read_xref(std::size_t at);
  /// Reads one table's entries; returns the offset of the 'trailer' keyword after it.
  std::size_t read_xref_table(std::size_t at);
  /// Reads a cross-reference stream's entries; gives its dictionary (the trailer).
  Dict read_xref_stream(std::size_t at);
  /// A cross-reference stream's rows with /DecodeParms' PNG predictor (rows of `columns` bytes
  /// after a None or Up tag, §7.4.4.4) undone; other predictors are a ReadError.
  std::string unpredict(const std::string& data, const Object& parms, std::size_t columns, std::size_t at);
  void add_entry(int num, Entry e);
  Indirect parse_indirect(Ref r, std::size_t at);
  Indirect parse_packed(Ref r, const Entry& e);
  const ObjStm& object_stream(int num);
  std::string decode(const Indirect& ind, Ref r, std::string_view what);
  void walk_pages(const Object& node, const Dict* inherited, int depth, std::vector<PageRef>& out);

  std::string_view s_;
  std::map<int, Entry> entries_;  ///< object number → where it is
  std::map<int, std::unique_ptr<ObjStm>> objstms_;
  Dict trailer_;
  std::map<int, std::unique_ptr<Indirect>> cache_;
  std::vector<int> resolving_;  ///< objects being parsed (a /Length loop)
  std::size_t inflated_ = 0;
};

/// Inflates zlib data up to `cap` bytes. Throws ReadError (offset `at`) if the data is damaged
/// or inflates past the cap.
std::string inflate(std::string_view data, std::size_t cap, std::size_t at);

/// A PDF text string (UTF-16BE with BOM, UTF-8 with BOM, else PDFDocEncoding) as UTF-8.
std::string text_string(std::string_view bytes);

/// UTF-16BE bytes (no BOM) as UTF-8; unpaired surrogates become U+FFFD.
std::string utf16be_to_utf8(std::string_view bytes);

}  // namespace cvpdf::verify
