// pdf/objects.cpp — Type0 fonts, link annotations and the outline as PoDoFo objects (see objects.h).
#include "pdf/objects.h"

#include "pdf/deflate.h"
#include "pdf/encode.h"

namespace cvpdf::pdf {

using PoDoFo::PdfArray;
using PoDoFo::PdfData;
using PoDoFo::PdfDictionary;
using PoDoFo::PdfName;
using PoDoFo::PdfObject;
using PoDoFo::PdfReference;
using PoDoFo::PdfVariant;
using PoDoFo::pdf_int64;

namespace {

/// The default width of CIDs absent from /W (PDF 1.7 §9.7.4.3): 1000, the CJK full width.
constexpr std::int64_t kDefaultWidthMicroEm = 1000000;
/// /StemV is required but not derivable from an OpenType font; 80 is the usual neutral value.
constexpr pdf_int64 kStemV = 80;
/// FontDescriptor flags (PDF 1.7 Table 123): 4 = Symbolic (always for CID fonts), 1 = FixedPitch.
constexpr pdf_int64 kFlagSymbolic = 4;
constexpr pdf_int64 kFlagFixedPitch = 1;
/// Annotation flag 4 = Print (PDF 1.7 Table 165).
constexpr pdf_int64 kAnnotPrint = 4;

/// A number written exactly as fmt_num/fmt_milli writes it (PdfData is emitted verbatim).
/// The leading space separates it from the previous token: PoDoFo writes compactly.
PdfObject milli(std::int64_t m) { return PdfObject(PdfVariant(PdfData((" " + fmt_milli(m)).c_str()))); }

/// /W: `c [w w …]` for each run of consecutive codes; codes with the default width are omitted.
PdfArray widths(const EmbeddedFont& f) {
  PdfArray w;
  PdfArray group;
  int next = -1;
  for (const auto& [code, width] : f.width_of) {
    if (width == kDefaultWidthMicroEm) continue;
    if (code != next) {
      if (!group.empty()) w.push_back(group);
      group.clear();
      w.push_back(PdfObject(static_cast<pdf_int64>(code)));
    }
    group.push_back(milli(width));
    next = code + 1;
  }
  if (!group.empty()) w.push_back(group);
  return w;
}

PdfObject* font_program(PoDoFo::PdfVecObjects& objs, const EmbeddedFont& f) {
  PdfObject* prog = objs.CreateObject();
  set_packed(*prog, f.packed_program);
  if (f.cff) prog->GetDictionary().AddKey("Subtype", PdfName("CIDFontType0C"));
  else prog->GetDictionary().AddKey("Length1", PdfObject(static_cast<pdf_int64>(f.program.size())));
  return prog;
}

PdfObject* descriptor(PoDoFo::PdfVecObjects& objs, const EmbeddedFont& f) {
  const FontMetrics& m = f.metrics;
  PdfObject* d = objs.CreateObject("FontDescriptor");
  PdfDictionary& dict = d->GetDictionary();
  dict.AddKey("FontName", PdfName(f.base_font));
  dict.AddKey("Flags", PdfObject(kFlagSymbolic | (m.fixed_pitch ? kFlagFixedPitch : 0)));
  PdfArray bbox;
  for (double v : m.bbox) bbox.push_back(pdf_number(v));
  dict.AddKey("FontBBox", bbox);
  dict.AddKey("ItalicAngle", pdf_number(m.italic_angle));
  dict.AddKey("Ascent", pdf_number(m.ascent));
  dict.AddKey("Descent", pdf_number(m.descent));
  dict.AddKey("CapHeight", pdf_number(m.cap_height));
  dict.AddKey("StemV", PdfObject(kStemV));
  dict.AddKey(f.cff ? "FontFile3" : "FontFile2", font_program(objs, f)->Reference());
  return d;
}

PdfObject* cid_font(PoDoFo::PdfVecObjects& objs, const EmbeddedFont& f) {
  PdfObject* cid = objs.CreateObject("Font");
  PdfDictionary& dict = cid->GetDictionary();
  dict.AddKey("Subtype", PdfName(f.cff ? "CIDFontType0" : "CIDFontType2"));
  dict.AddKey("BaseFont", PdfName(f.base_font));
  PdfDictionary info;
  info.AddKey("Registry", PoDoFo::PdfString("Adobe"));
  info.AddKey("Ordering", PoDoFo::PdfString("Identity"));
  info.AddKey("Supplement", PdfObject(pdf_int64(0)));
  dict.AddKey("CIDSystemInfo", info);
  dict.AddKey("FontDescriptor", descriptor(objs, f)->Reference());
  dict.AddKey("DW", PdfObject(kDefaultWidthMicroEm / 1000));
  if (PdfArray w = widths(f); !w.empty()) dict.AddKey("W", w);
  if (!f.cff) dict.AddKey("CIDToGIDMap", PdfName("Identity"));  // TrueType: CID = subset GID
  return cid;
}

/// Type 3 glyph space: 1/1000 em, like /W (PDF 1.7 §9.6.5).
constexpr double kType3Scale = 0.001;
/// The 'm' width Poppler takes as a font's normal (0.6 em; TextOutputDev.cc).
constexpr std::int64_t kPopplerMWidthMicroEm = 600000;

/// The Type 3 font of a colour bitmap face: every glyph an empty procedure `wx 0 d0` (layout
/// draws the pictures as image XObjects), named /gN for code N; widths from the face.
PdfObject* type3_font(PoDoFo::PdfVecObjects& objs, const EmbeddedFont& f) {
  PdfObject* font = objs.CreateObject("Font");
  PdfDictionary& dict = font->GetDictionary();
  dict.AddKey("Subtype", PdfName("Type3"));
  PdfArray bbox;
  for (double v : f.metrics.bbox) bbox.push_back(pdf_number(v));
  dict.AddKey("FontBBox", bbox);
  PdfArray matrix;
  for (double v : {kType3Scale, 0.0, 0.0, kType3Scale, 0.0, 0.0}) matrix.push_back(pdf_number(v));
  dict.AddKey("FontMatrix", matrix);
  PdfDictionary procs;
  PdfArray differences;
  PdfArray widths;
  differences.push_back(PdfObject(pdf_int64(0)));
  // Code 0 is never drawn: a glyph named /m, 0.6 em wide, for Poppler's text extraction, which
  // guesses a Type 3 font's em from the width of its 'm' (else of any glyph, as 0.5 em), so
  // that emoji 1.25 em wide do not make it think the text is 2.5 times larger and set the
  // emoji on a line of their own (TextOutputDev.cc, updateFont).
  std::map<std::uint16_t, std::int64_t> glyphs = f.width_of;
  glyphs[0] = kPopplerMWidthMicroEm;
  for (const auto& [code, width] : glyphs) {
    const std::string name = code == 0 ? "m" : "g" + std::to_string(code);
    const std::string proc = fmt_milli(width) + " 0 d0\n";
    PdfObject* p = objs.CreateObject();
    set_stream(*p, proc);
    procs.AddKey(PdfName(name), p->Reference());
    differences.push_back(PdfName(name));
    widths.push_back(milli(width));
  }
  dict.AddKey("CharProcs", procs);
  PdfDictionary encoding;
  encoding.AddKey("Type", PdfName("Encoding"));
  encoding.AddKey("Differences", differences);
  dict.AddKey("Encoding", encoding);
  dict.AddKey("FirstChar", PdfObject(pdf_int64(0)));
  dict.AddKey("LastChar", PdfObject(static_cast<pdf_int64>(f.width_of.size())));
  dict.AddKey("Widths", widths);
  dict.AddKey("Resources", PdfDictionary());
  return font;
}

}  // namespace

PdfObject pdf_number(double v) { return PdfObject(PdfVariant(PdfData((" " + fmt_num(v)).c_str()))); }

PoDoFo::PdfString text_string(const std::string& utf8) {
  const std::string bytes = "\xFE\xFF" + utf16be_text(utf8);
  return PoDoFo::PdfString(bytes.data(), static_cast<PoDoFo::pdf_long>(bytes.size()), true);
}

PdfReference add_font(PoDoFo::PdfVecObjects& objs, const EmbeddedFont& f, const PdfReference& to_unicode) {
  if (f.type3) {
    PdfObject* t3 = type3_font(objs, f);
    t3->GetDictionary().AddKey("ToUnicode", to_unicode);
    return t3->Reference();
  }
  PdfObject* type0 = objs.CreateObject("Font");
  PdfDictionary& dict = type0->GetDictionary();
  dict.AddKey("Subtype", PdfName("Type0"));
  // PDF 1.7 §9.7.6.1: for a CIDFontType0 descendant, BaseFont is the CIDFont name + "-" + CMap.
  dict.AddKey("BaseFont", PdfName(f.cff ? f.base_font + "-Identity-H" : f.base_font));
  dict.AddKey("Encoding", PdfName("Identity-H"));
  PdfArray descendants;
  descendants.push_back(cid_font(objs, f)->Reference());
  dict.AddKey("DescendantFonts", descendants);
  dict.AddKey("ToUnicode", to_unicode);
  return type0->Reference();
}

std::string ascii_uri(const std::string& uri) {
  std::string out;
  // RFC 3986 excludes these ASCII characters from URIs: a profile cannot make them reach the PDF.
  constexpr std::string_view kExcluded = "\"<>\\^`{|}";
  for (unsigned char c : uri) {
    if (c > 0x20 && c < 0x7F && kExcluded.find(static_cast<char>(c)) == std::string_view::npos) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      append_hex(out, c, 2);
    }
  }
  return out;
}

void add_links(PoDoFo::PdfVecObjects& objs, PoDoFo::PdfPage& pdf_page, const frame::Page& page,
               std::size_t page_index, const ContentTags& tags, long& next_key, std::vector<AnnotMark>& marks) {
  PdfArray annots;
  for (const frame::Item& item : page.items) {
    const auto* link = std::get_if<frame::Link>(&item);
    if (!link) continue;
    const core::Rect& r = link->area;
    PdfObject* a = objs.CreateObject("Annot");
    PdfDictionary& dict = a->GetDictionary();
    dict.AddKey("Subtype", PdfName("Link"));
    PdfArray rect;
    for (double v : {r.x, page.height - r.y - r.height, r.x + r.width, page.height - r.y}) rect.push_back(pdf_number(v));
    dict.AddKey("Rect", rect);
    PdfArray border;
    for (int i = 0; i < 3; ++i) border.push_back(PdfObject(pdf_int64(0)));
    dict.AddKey("Border", border);
    dict.AddKey("F", PdfObject(kAnnotPrint));
    dict.AddKey("P", pdf_page.GetObject()->Reference());
    PdfDictionary action;
    action.AddKey("S", PdfName("URI"));
    const PoDoFo::PdfString uri(ascii_uri(link->uri));  // printable ASCII: PDFDocEncoding
    action.AddKey("URI", uri);
    dict.AddKey("A", action);
    dict.AddKey("Contents", uri);  // the link's description (PDF/UA-1 §7.18.5)
    if (tags.tag(link->content) != nullptr) {
      dict.AddKey("StructParent", PdfObject(static_cast<pdf_int64>(next_key)));
      marks.push_back(AnnotMark{link->content, page_index, a->Reference(), next_key++});
    }
    annots.push_back(a->Reference());
  }
  if (!annots.empty()) pdf_page.GetObject()->GetDictionary().AddKey("Annots", annots);
}

}  // namespace cvpdf::pdf
