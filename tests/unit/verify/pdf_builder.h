// tests/unit/verify/pdf_builder.h — small PDFs written by hand for the reader's tests: objects
// numbered from 1, a classic xref table with the right offsets, a trailer.
#pragma once

#include <zlib.h>

#include <cstdio>
#include <string>
#include <vector>

namespace cvpdf::verify::test {

/// `body` as a FlateDecode stream object body.
inline std::string flate_stream(const std::string& body, const std::string& extra = "") {
  uLongf n = compressBound(static_cast<uLong>(body.size()));
  std::string out(n, '\0');
  compress2(reinterpret_cast<Bytef*>(out.data()), &n, reinterpret_cast<const Bytef*>(body.data()),
            static_cast<uLong>(body.size()), 9);
  out.resize(n);
  return "<</Filter/FlateDecode/Length " + std::to_string(out.size()) + extra + ">>\nstream\n" + out +
         "\nendstream";
}

inline std::string plain_stream(const std::string& body) {
  return "<</Length " + std::to_string(body.size()) + ">>\nstream\n" + body + "\nendstream";
}

/// A PDF of `objects` (object i+1 is objects[i]) whose trailer is `trailer`.
inline std::string build_pdf(const std::vector<std::string>& objects, const std::string& trailer) {
  std::string pdf = "%PDF-1.7\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    char line[24];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    pdf += line;
  }
  pdf += "trailer\n<</Size " + std::to_string(objects.size() + 1) + trailer + ">>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

/// As pdf/compact_writer.h writes: objects without a stream packed into one object stream,
/// streams in place, a cross-reference stream with W [1 4 2]. `trailer` goes into its dictionary.
/// `png_tag` ≥ 0: the rows under /Predictor 12 with that PNG row filter tag (0 None, 2 Up;
/// others only to test that they are refused).
inline std::string build_compact_pdf(const std::vector<std::string>& objects, const std::string& trailer,
                                     int png_tag = -1) {
  std::string pdf = "%PDF-1.7\n";
  const std::size_t n = objects.size(), objstm = n + 1, xref = n + 2;
  std::vector<std::string> rows(xref + 1);
  auto row = [](unsigned type, std::size_t f2, unsigned f3) {
    std::string r(1, static_cast<char>(type));
    for (int i = 3; i >= 0; --i) r += static_cast<char>((f2 >> (8 * i)) & 0xFF);
    return r + static_cast<char>(f3 >> 8) + static_cast<char>(f3 & 0xFF);
  };
  rows[0] = row(0, 0, 65535);
  std::string header, body;
  unsigned packed = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (objects[i].find("stream\n") != std::string::npos) {
      rows[i + 1] = row(1, pdf.size(), 0);
      pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
      continue;
    }
    header += std::to_string(i + 1) + " " + std::to_string(body.size()) + " ";
    body += objects[i] + "\n";
    rows[i + 1] = row(2, objstm, packed++);
  }
  rows[objstm] = row(1, pdf.size(), 0);
  pdf += std::to_string(objstm) + " 0 obj\n" +
         flate_stream(header + body, "/Type/ObjStm/N " + std::to_string(packed) + "/First " + std::to_string(header.size())) +
         "\nendobj\n";
  const std::size_t at = pdf.size();
  rows[xref] = row(1, at, 0);
  std::string all;
  std::string above(7, '\0');
  for (const auto& r : rows) {
    if (png_tag < 0) {
      all += r;
      continue;
    }
    all += static_cast<char>(png_tag);
    for (std::size_t k = 0; k < r.size(); ++k)
      all += static_cast<char>(png_tag == 2 ? static_cast<unsigned char>(r[k]) - static_cast<unsigned char>(above[k])
                                            : static_cast<unsigned char>(r[k]));
    above = r;
  }
  const std::string parms = png_tag < 0 ? "" : "/DecodeParms<</Predictor 12/Columns 7>>";
  pdf += std::to_string(xref) + " 0 obj\n" +
         flate_stream(all, "/Type/XRef/W[1 4 2]/Size " + std::to_string(xref + 1) + parms + trailer) + "\nendobj\n";
  return pdf + "startxref\n" + std::to_string(at) + "\n%%EOF\n";
}

/// A one-page PDF with a Type0 font F1 whose ToUnicode is `cmap`, drawing `content`;
/// Producer cvpdf. Objects: 1 catalog, 2 info, 3 pages, 4 page, 5 content, 6 font, 7 CIDFont,
/// 8 ToUnicode, then `extra` objects from 9 on.
inline std::string one_page_pdf(const std::string& content, const std::string& cmap,
                                const std::string& catalog_extra = "",
                                const std::vector<std::string>& extra = {}) {
  std::vector<std::string> objs = {
      "<</Type/Catalog/Pages 3 0 R" + catalog_extra + ">>",
      "<</Producer(cvpdf)>>",
      "<</Type/Pages/Count 1/Kids[4 0 R]>>",
      "<</Type/Page/Parent 3 0 R/MediaBox[0 0 600 800]/Contents 5 0 R/Resources<</Font<</F1 6 0 R>>>>>>",
      flate_stream(content),
      "<</Type/Font/Subtype/Type0/BaseFont/X/Encoding/Identity-H/DescendantFonts[7 0 R]/ToUnicode 8 0 R>>",
      "<</Type/Font/Subtype/CIDFontType2/BaseFont/X/DW 500/W[1[250]]>>",
      flate_stream(cmap),
  };
  objs.insert(objs.end(), extra.begin(), extra.end());
  return build_pdf(objs, "/Root 1 0 R/Info 2 0 R");
}

/// A ToUnicode CMap: code 1 → space, 2..27 → 'a'..'z' (bfrange), 28 → "fi" (bfchar).
inline std::string alphabet_cmap() {
  return "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
         "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
         "2 beginbfchar <0001> <0020> <001C> <00660069> endbfchar\n"
         "1 beginbfrange <0002> <001B> <0061> endbfrange\n"
         "endcmap CMapName currentdict /CMap defineresource pop end end\n";
}

/// Hex codes of `text` (lower-case letters and spaces) in alphabet_cmap().
inline std::string codes(const std::string& text) {
  std::string out = "<";
  char buf[5];
  for (char c : text) {
    std::snprintf(buf, sizeof buf, "%04X", c == ' ' ? 1 : c - 'a' + 2);
    out += buf;
  }
  return out + ">";
}

}  // namespace cvpdf::verify::test
