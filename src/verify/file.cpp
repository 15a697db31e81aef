// verify/file.cpp — xref table, objects, streams and pages of a cvpdf PDF (see file.h).
#include "verify/file.h"

#include <zlib.h>

#include <algorithm>
#include <set>

#include "core/limits.h"
#include "core/utf8.h"

namespace cvpdf::verify {

namespace {

/// How far from the end `startxref` may be: ISO 32000-1 §7.5.5 puts it in the last lines;
/// PoDoFo writes it 20–30 bytes before the end.
constexpr std::size_t kTailScan = 1024;
/// Cross-reference sections chained by /Prev: cvpdf writes one; incremental updates add one each.
constexpr int kMaxXrefSections = 16;

std::string obj_name(Ref r) { return "object " + std::to_string(r.num); }

}  // namespace

File::File(std::string_view bytes) : s_(bytes) {
  if (s_.size() < 8 || s_.substr(0, 5) != "%PDF-") throw ReadError(0, "not a PDF: no %PDF- header");
  read_xref(find_startxref());
  const Object* root = find(trailer_, "Root");
  if (!root || !root->ref() || !dict(*root))
    throw ReadError(s_.size(), "the trailer has no /Root catalog");
}

std::size_t File::find_startxref() const {
  const std::size_t from = s_.size() > kTailScan ? s_.size() - kTailScan : 0;
  const std::size_t at = s_.rfind("startxref");
  if (at == std::string_view::npos || at < from)
    throw ReadError(s_.size(), "no 'startxref' at the end: the file is truncated or not a complete PDF");
  Parser p(s_, at + 9);
  std::int64_t off = -1;
  if (!p.parse().integer(off) || off < 0 || static_cast<std::size_t>(off) >= s_.size())
    throw ReadError(at, "'startxref' does not give an offset inside the file");
  return static_cast<std::size_t>(off);
}

void File::read_xref(std::size_t at) {
  std::set<std::size_t> seen;
  bool first = true;
  for (int n = 0;; ++n) {
    if (n >= kMaxXrefSections || !seen.insert(at).second)
      throw ReadError(at, "cross-reference sections loop or are too many");
    Parser p(s_, at);
    Object trailer;
    std::size_t tr = at;
    if (p.peek_token() == "xref") {
      tr = read_xref_table(p.pos() + 4);
      Parser t(s_, tr + 7);  // after 'trailer'
      trailer = t.parse();
    } else {
      trailer = Object{read_xref_stream(at)};
    }
    const Dict* d = trailer.dict();
    if (!d) throw ReadError(tr, "the trailer is not a dictionary");
    if (find(*d, "Encrypt")) throw ReadError(tr, "the PDF is encrypted (cvpdf never encrypts)");
    if (first) trailer_ = *d;
    first = false;
    const Object* prev = find(*d, "Prev");
    std::int64_t off = -1;
    if (!prev) break;
    if (!prev->integer(off) || off < 0 || static_cast<std::size_t>(off) >= s_.size())
      throw ReadError(tr, "the trailer's /Prev is not an offset inside the file");
    at = static_cast<std::size_t>(off);
  }
  std::int64_t size = 0;
  const Object* sz = find(trailer_, "Size");
  if (!sz || !sz->integer(size) || size < 1 || size > core::limits::kMaxPdfObjects)
    throw ReadError(at, "the trailer's /Size is missing or over " +
                            std::to_string(core::limits::kMaxPdfObjects) + " objects");
}

std::size_t File::read_xref_table(std::size_t at) {
  Parser p(s_, at);
  for (;;) {
    if (p.peek_token() == "trailer") return p.pos();
    if (p.at_end()) throw ReadError(at, "no 'trailer' after the xref table");
    std::int64_t start = 0, count = 0;
    const std::size_t here = p.pos();
    if (!p.parse().integer(start) || !p.parse().integer(count) || start < 0 || count < 0 ||
        start + count > core::limits::kMaxPdfObjects)
      throw ReadError(here, "bad xref subsection header");
    for (std::int64_t i = 0; i < count; ++i) {
      std::int64_t off = 0, gen = 0;
      const std::size_t entry = p.pos();
      if (!p.parse().integer(off) || !p.parse().integer(gen)) throw ReadError(entry, "bad xref entry");
      const std::string_view kind = p.keyword();
      if (kind != "n" && kind != "f") throw ReadError(entry, "bad xref entry type");
      const int num = static_cast<int>(start + i);
      if (kind == "n" && (off < 0 || static_cast<std::size_t>(off) >= s_.size()))
        throw ReadError(entry, "xref entry of object " + std::to_string(num) + " points outside the file");
      add_entry(num, kind == "n" ? Entry{Entry::InFile, static_cast<std::size_t>(off), 0} : Entry{});
    }
  }
}

void File::add_entry(int num, Entry e) {
  entries_.try_emplace(num, e);  // the newest section is read first: an older entry never replaces it
}

namespace {

/// An integer entry of a /DecodeParms dictionary, or its default.
std::int64_t parm(const Dict& d, const char* key, std::int64_t fallback) {
  const Object* o = find(d, key);
  std::int64_t v = fallback;
  return o && o->integer(v) ? v : (o ? -1 : fallback);
}

}  // namespace

std::string File::unpredict(const std::string& data, const Object& parms, std::size_t columns,
                            std::size_t at) {
  const Dict* d = resolve(parms).dict();
  const std::int64_t predictor = d ? parm(*d, "Predictor", 1) : -1;
  if (predictor == 1) return data;
  if (!d || predictor < 10 || predictor > 15 ||
      parm(*d, "Columns", 1) != static_cast<std::int64_t>(columns) || parm(*d, "Colors", 1) != 1 ||
      parm(*d, "BitsPerComponent", 8) != 8 || columns == 0)
    throw ReadError(at,
                    "the cross-reference stream uses a predictor other than PNG rows of its /W "
                    "width (cvpdf writes PNG Up)");
  if (data.size() % (columns + 1) != 0)
    throw ReadError(at, "the cross-reference stream's predictor rows are not whole");
  std::string out;
  out.reserve(data.size() / (columns + 1) * columns);
  std::string above(columns, '\0');
  for (std::size_t i = 0; i < data.size(); i += columns + 1) {
    const auto tag = static_cast<unsigned char>(data[i]);
    if (tag != 0 && tag != 2)  // PNG row filters (RFC 2083 §6): 0 None, 2 Up
      throw ReadError(at, "the cross-reference stream uses PNG predictor row filter " +
                              std::to_string(tag) + " (cvpdf writes None and Up)");
    for (std::size_t k = 0; k < columns; ++k)
      above[k] = static_cast<char>(static_cast<unsigned char>(data[i + 1 + k]) +
                                   (tag == 2 ? static_cast<unsigned char>(above[k]) : 0));
    out += above;
  }
  return out;
}

Dict File::read_xref_stream(std::size_t at) {
  const std::string none = "no xref table or cross-reference stream at the offset 'startxref' gives";
  Parser p(s_, at);
  std::int64_t num = -1;
  Indirect ind;
  try {
    if (!p.parse().integer(num) || num < 0 || num > core::limits::kMaxPdfObjects) throw ReadError(at, none);
    ind = parse_indirect(Ref{static_cast<int>(num), 0}, at);
  } catch (const ReadError& e) {
    throw ReadError(at, none + " (" + e.what() + ")");
  }
  const Ref r{static_cast<int>(num), 0};
  const Dict* d = ind.value.dict();
  const Object* type = d ? find(*d, "Type") : nullptr;
  if (!ind.is_stream || !type || !type->name() || type->name()->s != "XRef")
    throw ReadError(at, none);
  if (find(*d, "Encrypt")) throw ReadError(at, "the PDF is encrypted (cvpdf never encrypts)");
  std::int64_t w[3] = {0, 0, 0}, size = 0;
  const Object* wo = find(*d, "W");
  const Array* wa = wo ? wo->array() : nullptr;
  const Object* so = find(*d, "Size");
  if (!wa || wa->size() != 3 || !so || !so->integer(size) || size < 1 || size > core::limits::kMaxPdfObjects)
    throw ReadError(at, "the cross-reference stream's /W or /Size is malformed");
  for (int k = 0; k < 3; ++k)
    if (!(*wa)[k].integer(w[k]) || w[k] < 0 || w[k] > 8) throw ReadError(at, "the cross-reference stream's /W is malformed");
  Array index{Object{std::int64_t{0}}, Object{size}};
  if (const Object* io = find(*d, "Index"); io && io->array()) index = *io->array();
  const auto row = static_cast<std::size_t>(w[0] + w[1] + w[2]);
  std::string rows = decode(ind, r, "the cross-reference stream");
  if (const Object* parms = find(*d, "DecodeParms")) rows = unpredict(rows, *parms, row, at);
  std::size_t pos = 0;
  auto field = [&](std::int64_t n) {
    std::uint64_t v = 0;
    for (std::int64_t k = 0; k < n; ++k) v = (v << 8) | static_cast<unsigned char>(rows[pos++]);
    return v;
  };
  for (std::size_t k = 0; k + 1 < index.size(); k += 2) {
    std::int64_t start = 0, count = 0;
    if (!index[k].integer(start) || !index[k + 1].integer(count) || start < 0 || count < 0 ||
        start + count > core::limits::kMaxPdfObjects)
      throw ReadError(at, "the cross-reference stream's /Index is malformed");
    for (std::int64_t i = 0; i < count; ++i) {
      if (row == 0 || pos + row > rows.size()) throw ReadError(at, "the cross-reference stream is shorter than its /Index says");
      const std::uint64_t t = w[0] == 0 ? 1 : field(w[0]), f2 = field(w[1]), f3 = field(w[2]);
      const int n = static_cast<int>(start + i);
      if (t == 1 && f2 >= s_.size())
        throw ReadError(at, "cross-reference stream entry of object " + std::to_string(n) + " points outside the file");
      if (t == 2 && (f2 > static_cast<std::uint64_t>(core::limits::kMaxPdfObjects) || f3 > INT32_MAX))
        throw ReadError(at, "cross-reference stream entry of object " + std::to_string(n) + " is malformed");
      if (t == 1) add_entry(n, Entry{Entry::InFile, static_cast<std::size_t>(f2), 0});
      else if (t == 2) add_entry(n, Entry{Entry::InStream, static_cast<std::size_t>(f2), static_cast<int>(f3)});
      else add_entry(n, Entry{});
    }
  }
  return *d;
}

const Indirect& File::get(Ref r) {
  static const Indirect kNull{};
  if (auto it = cache_.find(r.num); it != cache_.end()) return *it->second;
  const auto e = entries_.find(r.num);
  if (e == entries_.end() || e->second.kind == Entry::Free) return kNull;
  if (std::find(resolving_.begin(), resolving_.end(), r.num) != resolving_.end() ||
      resolving_.size() > static_cast<std::size_t>(core::limits::kMaxPdfNesting))
    throw ReadError(e->second.where, obj_name(r) + " refers back to itself");
  resolving_.push_back(r.num);
  Indirect ind = e->second.kind == Entry::InFile ? parse_indirect(r, e->second.where) : parse_packed(r, e->second);
  resolving_.pop_back();
  return *(cache_[r.num] = std::make_unique<Indirect>(std::move(ind)));
}

Indirect File::parse_indirect(Ref r, std::size_t at) {
  Parser p(s_, at);
  std::int64_t num = -1, gen = -1;
  try {
    if (!p.parse().integer(num) || !p.parse().integer(gen) || num != r.num) throw ReadError(at, "");
    p.expect("obj");
  } catch (const ReadError&) {
    throw ReadError(at, "the xref table says " + obj_name(r) + " is at byte " + std::to_string(at) +
                            ", but it is not there (a damaged or edited file)");
  }
  Indirect out;
  out.value = p.parse();
  if (p.peek_token() != "stream") return out;
  p.expect("stream");
  std::size_t data = p.pos();
  if (data < s_.size() && s_[data] == '\r') ++data;
  if (data < s_.size() && s_[data] == '\n') ++data;
  const Dict* d = out.value.dict();
  const Object* len = d ? find(*d, "Length") : nullptr;
  std::int64_t n = -1;
  if (len && !len->integer(n) && len->ref()) (void)get(*len->ref()).value.integer(n);
  if (n < 0 || data + static_cast<std::size_t>(n) > s_.size())
    throw ReadError(data, "the stream of " + obj_name(r) + " has a /Length past the end of the file");
  Parser e(s_, data + static_cast<std::size_t>(n));
  if (e.peek_token() != "endstream")
    throw ReadError(data + static_cast<std::size_t>(n), "the stream of " + obj_name(r) + " does not end at its /Length");
  out.is_stream = true;
  out.data = data;
  out.data_size = static_cast<std::size_t>(n);
  return out;
}

const File::ObjStm& File::object_stream(int num) {
  if (auto it = objstms_.find(num); it != objstms_.end()) return *it->second;
  const Ref r{num, 0};
  const auto e = entries_.find(num);
  if (e == entries_.end() || e->second.kind != Entry::InFile)
    throw ReadError(0, obj_name(r) + " should be an object stream but is not in the file itself");
  const Indirect& ind = get(r);
  const Dict* d = ind.value.dict();
  std::int64_t n = -1, first = -1;
  const Object* no = d ? find(*d, "N") : nullptr;
  const Object* fo = d ? find(*d, "First") : nullptr;
  if (!ind.is_stream || !no || !no->integer(n) || !fo || !fo->integer(first) || n < 0 ||
      n > core::limits::kMaxPdfObjects || first < 0)
    throw ReadError(e->second.where, obj_name(r) + " is not an object stream (/N, /First)");
  auto stm = std::make_unique<ObjStm>();
  stm->data = decode(ind, r, "an object stream");
  stm->first = static_cast<std::size_t>(first);
  Parser p(stm->data);
  for (std::int64_t i = 0; i < n; ++i) {
    std::int64_t num_i = -1, off = -1;
    if (!p.parse().integer(num_i) || !p.parse().integer(off) || num_i < 0 || off < 0 ||
        stm->first + static_cast<std::size_t>(off) >= stm->data.size())
      throw ReadError(e->second.where, "the header of object stream " + std::to_string(num) + " is malformed");
    stm->objects.emplace_back(static_cast<int>(num_i), static_cast<std::size_t>(off));
  }
  return *(objstms_[num] = std::move(stm));
}

Indirect File::parse_packed(Ref r, const Entry& e) {
  const ObjStm& stm = object_stream(static_cast<int>(e.where));
  if (e.index < 0 || static_cast<std::size_t>(e.index) >= stm.objects.size() ||
      stm.objects[static_cast<std::size_t>(e.index)].first != r.num)
    throw ReadError(0, "the cross-reference stream says " + obj_name(r) + " is object " + std::to_string(e.index) +
                           " of object stream " + std::to_string(e.where) + ", but it is not there");
  Parser p(stm.data, stm.first + stm.objects[static_cast<std::size_t>(e.index)].second);
  Indirect out;
  try {
    out.value = p.parse();
  } catch (const ReadError& err) {
    throw ReadError(err.offset, obj_name(r) + " in object stream " + std::to_string(e.where) + ": " + err.what());
  }
  return out;
}

const Object& File::resolve(const Object& o) {
  if (const Ref* r = o.ref()) return get(*r).value;
  return o;
}

const Dict* File::dict(const Object& o) { return resolve(o).dict(); }

std::string File::stream(const Object& o, std::string_view what) {
  const Ref* r = o.ref();
  if (!r) throw ReadError(0, std::string(what) + " is not a stream reference");
  const Indirect& ind = get(*r);
  if (!ind.is_stream) throw ReadError(0, std::string(what) + " (" + obj_name(*r) + ") is not a stream");
  return decode(ind, *r, what);
}

std::string File::decode(const Indirect& ind, Ref r, std::string_view what) {
  const Dict& d = *ind.value.dict();
  const std::string_view raw = s_.substr(ind.data, ind.data_size);
  const Object* filter = find(d, "Filter");
  if (!filter) return std::string(raw);
  const Object& f = resolve(*filter);
  const Name* name = f.name();
  if (const Array* a = f.array(); a && a->size() == 1) name = (*a)[0].name();
  if (!name || name->s != "FlateDecode")
    throw ReadError(ind.data, std::string(what) + " (" + obj_name(r) +
                                  ") uses a filter cvpdf does not write (only FlateDecode)");
  if (inflated_ >= core::limits::kMaxInflatedTotal)
    throw ReadError(ind.data, "the PDF's streams inflate to more than " +
                                  std::to_string(core::limits::kMaxInflatedTotal >> 20) + " MiB");
  const std::size_t cap = std::min(core::limits::kMaxInflatedStream, core::limits::kMaxInflatedTotal - inflated_);
  try {
    std::string out = inflate(raw, cap, ind.data);
    inflated_ += out.size();
    return out;
  } catch (const ReadError& e) {
    throw ReadError(e.offset, std::string(what) + " (" + obj_name(r) + "): " + e.what());
  }
}

std::vector<PageRef> File::pages() {
  const Dict* root = dict(*find(trailer_, "Root"));
  const Object* node = find(*root, "Pages");
  if (!node || !node->ref()) throw ReadError(0, "the catalog has no /Pages tree");
  std::vector<PageRef> out;
  walk_pages(*node, nullptr, 0, out);
  if (out.empty()) throw ReadError(0, "the PDF has no pages");
  return out;
}

void File::walk_pages(const Object& node, const Dict* inherited, int depth, std::vector<PageRef>& out) {
  const Ref* r = node.ref();
  if (!r || depth >= core::limits::kMaxPdfNesting)
    throw ReadError(0, "the page tree is deeper than " + std::to_string(core::limits::kMaxPdfNesting) +
                           " levels or holds a direct object");
  const Dict* d = get(*r).value.dict();
  if (!d) throw ReadError(0, "page tree node " + obj_name(*r) + " is not a dictionary");
  if (const Object* res = find(*d, "Resources")) inherited = dict(*res) ? dict(*res) : inherited;
  const Object* type = find(*d, "Type");
  const bool is_page = type && type->name() && type->name()->s == "Page";
  if (is_page) {
    if (out.size() >= core::limits::kMaxPages)
      throw ReadError(0, "more than " + std::to_string(core::limits::kMaxPages) + " pages (cvpdf's limit)");
    for (const PageRef& p : out)
      if (p.ref == *r) throw ReadError(0, "the page tree lists " + obj_name(*r) + " twice");
    out.push_back(PageRef{*r, d, inherited});
    return;
  }
  const Object* kids = find(*d, "Kids");
  const Array* a = kids ? resolve(*kids).array() : nullptr;
  if (!a) throw ReadError(0, "page tree node " + obj_name(*r) + " has no /Kids");
  for (const Object& kid : *a) walk_pages(kid, inherited, depth + 1, out);
}

std::string inflate(std::string_view data, std::size_t cap, std::size_t at) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK) throw ReadError(at, "zlib: cannot start inflating");
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char buf[1 << 15];
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = ::inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&z);
      throw ReadError(at, "damaged FlateDecode data (zlib: " + std::string(z.msg ? z.msg : "no progress") + ")");
    }
    out.append(buf, sizeof buf - z.avail_out);
    if (out.size() > cap) {
      inflateEnd(&z);
      throw ReadError(at, "inflates to more than " + std::to_string(cap >> 20) +
                              " MiB (a decompression bomb?)");
    }
    if (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0) {
      inflateEnd(&z);
      throw ReadError(at, "truncated FlateDecode data");
    }
  }
  inflateEnd(&z);
  return out;
}

std::string utf16be_to_utf8(std::string_view b) {
  std::string out;
  for (std::size_t i = 0; i + 1 < b.size(); i += 2) {
    char32_t u = (static_cast<unsigned char>(b[i]) << 8) | static_cast<unsigned char>(b[i + 1]);
    if (u >= 0xD800 && u < 0xDC00 && i + 3 < b.size()) {
      const char32_t lo = (static_cast<unsigned char>(b[i + 2]) << 8) | static_cast<unsigned char>(b[i + 3]);
      if (lo >= 0xDC00 && lo < 0xE000) {
        u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
        i += 2;
      } else {
        u = 0xFFFD;
      }
    } else if (u >= 0xD800 && u < 0xE000) {
      u = 0xFFFD;
    }
    core::append_utf8(out, u);
  }
  if (b.size() % 2) core::append_utf8(out, 0xFFFD);
  return out;
}

std::string text_string(std::string_view b) {
  if (b.size() >= 2 && b[0] == '\xFE' && b[1] == '\xFF') return utf16be_to_utf8(b.substr(2));
  if (b.size() >= 3 && b.substr(0, 3) == "\xEF\xBB\xBF") return std::string(b.substr(3));
  std::string out;  // PDFDocEncoding agrees with Latin-1 on the printable ASCII cvpdf writes
  for (unsigned char c : b) core::append_utf8(out, c);
  return out;
}

}  // namespace cvpdf::verify
