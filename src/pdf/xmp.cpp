// pdf/xmp.cpp — the XMP packet (see xmp.h).
#include "pdf/xmp.h"

#include "pdf/encode.h"

namespace cvpdf::pdf {

std::string xml_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') break;  // not XML 1.0
        out += c;
    }
  }
  return out;
}

namespace {

/// A language-alternative property (dc:title, dc:description): one x-default entry.
std::string alt(const char* name, const std::string& value) {
  return std::string("   <") + name + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(value) +
         "</rdf:li></rdf:Alt></" + name + ">\n";
}

/// An ordered (Seq) or unordered (Bag) array property with one item.
std::string array(const char* name, const char* kind, const std::string& value) {
  return std::string("   <") + name + "><rdf:" + kind + "><rdf:li>" + xml_escape(value) + "</rdf:li></rdf:" +
         kind + "></" + name + ">\n";
}

std::string simple(const char* name, const std::string& value) {
  return std::string("   <") + name + ">" + xml_escape(value) + "</" + name + ">\n";
}

}  // namespace

std::string xmp_packet(const frame::Metadata& meta, const std::string& producer) {
  // The packet header's id is fixed by the XMP specification; begin holds a UTF-8 BOM.
  std::string x = "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
  x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
  x += " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
  x += "  <rdf:Description rdf:about=\"\"\n";
  x += "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n";
  x += "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n";
  x += "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n";
  x += simple("dc:format", "application/pdf");
  if (!meta.title.empty()) x += alt("dc:title", meta.title);
  if (!meta.author.empty()) x += array("dc:creator", "Seq", meta.author);
  if (!meta.subject.empty()) x += alt("dc:description", meta.subject);
  if (!meta.lang.empty()) x += array("dc:language", "Bag", meta.lang);
  x += simple("xmp:CreatorTool", meta.creator);
  if (meta.date) {
    const std::string date = xmp_date(*meta.date);
    x += simple("xmp:CreateDate", date) + simple("xmp:ModifyDate", date) + simple("xmp:MetadataDate", date);
  }
  x += simple("pdf:Producer", producer);
  x += "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>\n";
  return x;
}

}  // namespace cvpdf::pdf
