// pdf/compact_writer.cpp — object streams and a cross-reference stream (see compact_writer.h).
//
// Control flow: header → each stream object written in place (type-1 cross-reference entry)
// while every other object is appended to the object stream's body (type-2 entry: stream
// number, index) → the object stream → the cross-reference stream (W [1 4 2], PNG Up rows)
// → startxref.
// Objects with a generation other than 0 may not go into an object stream (§7.5.7); PoDoFo
// gives 0 to every object it creates, and anything else is written in place.
#include "pdf/compact_writer.h"

#include <cstdint>
#include <vector>

#include "pdf/deflate.h"

namespace cvpdf::pdf {
namespace {

using PoDoFo::PdfObject;

/// A cross-reference stream row: W [1 4 2] (type, offset or object stream, generation or index).
constexpr std::size_t kXrefRowBytes = 7;
/// The PNG row filter "Up" (RFC 2083 §6.3), a row's tag byte under /Predictor 12.
constexpr char kPngUp = 2;

/// One cross-reference stream entry (§7.5.8.3, Table 18).
struct XrefEntry {
  std::uint8_t type = 0;     ///< 0 free, 1 in place, 2 in an object stream
  std::uint32_t field2 = 0;  ///< type 1: byte offset; type 2: the object stream's number
  std::uint16_t field3 = 0;  ///< type 0: generation 65535 for object 0; type 2: index
};

/// `v` as PoDoFo itself writes it in compact mode.
void podofo_bytes(const PoDoFo::PdfVariant& v, std::string& out) {
  PoDoFo::PdfRefCountedBuffer buf;
  PoDoFo::PdfOutputDevice dev(&buf);
  v.Write(&dev, PoDoFo::ePdfWriteMode_Compact, nullptr);
  out.append(buf.GetBuffer(), dev.GetLength());
}

/// A name character PoDoFo 0.9.8 writes as it is (PdfName's EscapeName): printable, not white
/// space, not a delimiter, not '#'. Any other is written #XX.
bool plain_name_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u <= 32 || u >= 127 || c == '#') return false;
  switch (c) {
    case '(': case ')': case '<': case '>': case '[': case ']': case '{': case '}': case '/': case '%':
      return false;
    default:
      return true;
  }
}

void write_name(const PoDoFo::PdfName& name, std::string& out) {
  const std::string& s = name.GetName();
  for (char c : s)
    if (!plain_name_char(c)) {
      podofo_bytes(PoDoFo::PdfVariant(name), out);  // escapes: PoDoFo's own bytes
      return;
    }
  out += '/';
  out += s;
}

/// The bytes PoDoFo 0.9.8 writes for `v` in compact mode (PdfVariant, PdfArray, PdfDictionary,
/// PdfReference, PdfName ::Write): numbers, references, booleans and null after a space, /Type
/// first in a dictionary and then its keys in the dictionary's order, arrays and dictionaries
/// without separators. Written here for the common types because PoDoFo prints each token
/// through vsnprintf into a growing buffer (issue 9: 4 M instructions for the seed CV's 230
/// objects); strings, reals and names that need escapes go through PoDoFo itself.
/// tests/unit/pdf/compact_writer_test.cpp checks the bytes against PoDoFo's for every type.
void write_value(const PoDoFo::PdfVariant& v, std::string& out) {
  switch (v.GetDataType()) {
    case PoDoFo::ePdfDataType_Bool:
      out += v.GetBool() ? " true" : " false";
      return;
    case PoDoFo::ePdfDataType_Number:
      out += ' ';
      out += std::to_string(v.GetNumber());
      return;
    case PoDoFo::ePdfDataType_Null:
      out += " null";
      return;
    case PoDoFo::ePdfDataType_Reference: {
      const PoDoFo::PdfReference& r = v.GetReference();
      out += ' ';
      out += std::to_string(r.ObjectNumber());
      out += ' ';
      out += std::to_string(r.GenerationNumber());
      out += " R";
      return;
    }
    case PoDoFo::ePdfDataType_Name:
      write_name(v.GetName(), out);
      return;
    case PoDoFo::ePdfDataType_Array:
      out += '[';
      for (const PoDoFo::PdfObject& item : v.GetArray()) write_value(item, out);
      out += ']';
      return;
    case PoDoFo::ePdfDataType_Dictionary: {
      const PoDoFo::PdfDictionary& dict = v.GetDictionary();
      out += "<<";
      if (const PoDoFo::PdfObject* type = dict.GetKey(PoDoFo::PdfName::KeyType)) {
        out += "/Type";
        write_value(*type, out);
      }
      for (const auto& [key, value] : dict.GetKeys()) {
        if (key == PoDoFo::PdfName::KeyType) continue;
        write_name(key, out);
        write_value(*value, out);
      }
      out += ">>";
      return;
    }
    case PoDoFo::ePdfDataType_RawData:  // PdfData: its bytes as they are (pdf_number's " 12.5")
      out += v.GetRawData().data();
      return;
    default:  // strings, hex strings, reals
      podofo_bytes(v, out);
  }
}

void put_be(std::string& out, std::uint32_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

std::string stream_object(std::uint32_t number, const std::string& dict_keys,
                          const std::string& data) {
  return std::to_string(number) + " 0 obj\n<<" + dict_keys + "/Filter/FlateDecode/Length " +
         std::to_string(data.size()) + ">>stream\n" + data + "\nendstream\nendobj\n";
}

}  // namespace

std::string compact_value(const PoDoFo::PdfVariant& value) {
  std::string out;
  write_value(value, out);
  return out;
}

std::string write_compact(PoDoFo::PdfMemDocument& pdf, const std::string& id_hex) {
  PoDoFo::PdfVecObjects& objs = pdf.GetObjects();
  std::uint32_t last = 0;
  for (const PdfObject* obj : objs) last = std::max(last, obj->Reference().ObjectNumber());
  const std::uint32_t objstm = last + 1;
  const std::uint32_t xref = last + 2;
  std::vector<XrefEntry> entries(xref + 1);
  entries[0].field3 = 65535;  // the head of the free list

  PoDoFo::PdfRefCountedBuffer buf;
  PoDoFo::PdfOutputDevice dev(&buf);
  dev.Print("%%PDF-1.7\n%%\xE2\xE3\xCF\xD3\n");
  std::string offsets;  // the object stream's header: "number offset" pairs
  std::string packed;   // and its objects
  std::uint16_t packed_count = 0;
  for (PdfObject* obj : objs) {
    const std::uint32_t n = obj->Reference().ObjectNumber();
    if (obj->HasStream() || obj->Reference().GenerationNumber() != 0) {
      entries[n] = {1, static_cast<std::uint32_t>(dev.Tell()), 0};
      obj->WriteObject(&dev, PoDoFo::ePdfWriteMode_Compact, nullptr);
      continue;
    }
    offsets += std::to_string(n) + ' ' + std::to_string(packed.size()) + ' ';
    write_value(*obj, packed);
    packed += '\n';
    entries[n] = {2, objstm, packed_count++};
  }
  const std::string stm = stream_object(
      objstm,
      "/Type/ObjStm/N " + std::to_string(packed_count) + "/First " + std::to_string(offsets.size()),
      deflate(offsets + packed));
  entries[objstm] = {1, static_cast<std::uint32_t>(dev.Tell()), 0};
  dev.Write(stm.data(), stm.size());

  entries[xref] = {1, static_cast<std::uint32_t>(dev.Tell()), 0};
  // PNG Up predictor (§7.4.4.4): each row as its difference from the row above, after a tag
  // byte 2. Consecutive objects in the object stream then differ in one byte, and the stream
  // compresses to 40 % (548 → 217 bytes on the seed zh CV).
  std::string rows;
  std::string above(kXrefRowBytes, '\0');
  for (const XrefEntry& e : entries) {
    std::string row;
    put_be(row, e.type, 1);
    put_be(row, e.field2, 4);
    put_be(row, e.field3, 2);
    rows.push_back(kPngUp);
    for (std::size_t k = 0; k < kXrefRowBytes; ++k)
      rows.push_back(static_cast<char>(static_cast<unsigned char>(row[k]) -
                                       static_cast<unsigned char>(above[k])));
    above = row;
  }
  const std::string keys =
      "/Type/XRef/Size " + std::to_string(xref + 1) +
      "/W[1 4 2]/DecodeParms<</Predictor 12/Columns " + std::to_string(kXrefRowBytes) + ">>/Root " +
      pdf.GetCatalog()->Reference().ToString() + "/Info " +
      pdf.GetInfo()->GetObject()->Reference().ToString() + "/ID[<" + id_hex + "><" + id_hex + ">]";
  const std::string xs = stream_object(xref, keys, deflate(rows));
  dev.Write(xs.data(), xs.size());
  dev.Print("startxref\n%u\n%%%%EOF\n", entries[xref].field2);
  return std::string(buf.GetBuffer(), dev.GetLength());
}

}  // namespace cvpdf::pdf
