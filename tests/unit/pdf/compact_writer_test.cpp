// pdf/compact_writer.h compact_value: the object stream's bytes for each value are PoDoFo's own.
#include "pdf/compact_writer.h"

#include <doctest/doctest.h>

#include <string>

#include "pdf/objects.h"

using namespace cvpdf;
using PoDoFo::PdfArray;
using PoDoFo::PdfDictionary;
using PoDoFo::PdfName;
using PoDoFo::PdfObject;
using PoDoFo::PdfString;
using PoDoFo::PdfVariant;

namespace {

std::string podofo(const PdfVariant& v) {
  PoDoFo::PdfRefCountedBuffer buf;
  PoDoFo::PdfOutputDevice dev(&buf);
  v.Write(&dev, PoDoFo::ePdfWriteMode_Compact, nullptr);
  return std::string(buf.GetBuffer(), dev.GetLength());
}

}  // namespace

TEST_CASE("compact_value writes every kind of value as PoDoFo does") {
  PdfArray nested;
  nested.push_back(PdfObject(PoDoFo::pdf_int64{1}));
  nested.push_back(PdfObject(PdfName("Name")));
  PdfArray array;
  array.push_back(PdfObject(PoDoFo::PdfReference(39, 0)));
  array.push_back(PdfObject(nested));
  array.push_back(pdf::pdf_number(12.5));
  array.push_back(PdfObject(PdfString("lit(er)al\\ string\n")));
  array.push_back(PdfObject(pdf::text_string("Ünïcode 中文")));
  array.push_back(PdfObject(true));
  array.push_back(PdfObject(false));
  array.push_back(PdfObject(PdfVariant()));  // null
  array.push_back(PdfObject(3.14159));       // a real
  array.push_back(PdfObject(-0.5));
  array.push_back(PdfObject(PoDoFo::pdf_int64{-42}));
  PdfDictionary inner;
  inner.AddKey("Marked", PdfObject(true));
  PdfDictionary dict;
  dict.AddKey("Zeta", PdfObject(PoDoFo::pdf_int64{7}));
  dict.AddKey("Type", PdfName("Catalog"));  // written first, whatever its place
  dict.AddKey("Alpha", PdfObject(array));
  dict.AddKey("MarkInfo", PdfObject(inner));
  dict.AddKey("Empty", PdfObject(PdfArray()));
  dict.AddKey("Odd Name#(x)", PdfName("Value/with space#"));  // names escaped #XX
  dict.AddKey("Raw", pdf::pdf_number(0.001));
  const std::vector<PdfVariant> values = {
      PdfVariant(dict), PdfVariant(array), PdfVariant(PdfName("Plain")), PdfVariant(PoDoFo::pdf_int64{0}),
      PdfVariant(PdfName("a#b")), PdfVariant(PdfName("")), PdfVariant(PdfDictionary()),
      PdfVariant(PdfString(reinterpret_cast<const PoDoFo::pdf_utf8*>("UTF-8 ü")))};
  for (const PdfVariant& v : values) {
    CAPTURE(podofo(v));
    CHECK(pdf::compact_value(v) == podofo(v));
  }
  // The /Type-first rule and the spacing, spelled out once.
  PdfDictionary small;
  small.AddKey("B", PdfObject(PoDoFo::pdf_int64{2}));
  small.AddKey("Type", PdfName("X"));
  small.AddKey("A", PdfObject(PoDoFo::PdfReference(5, 0)));
  CHECK(pdf::compact_value(PdfVariant(small)) == "<</Type/X/A 5 0 R/B 2>>");
}
