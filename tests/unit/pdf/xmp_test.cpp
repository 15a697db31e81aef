// pdf/xmp: the XMP packet says what Info says, escaped.
#include <doctest/doctest.h>

#include "pdf/xmp.h"

using namespace cvpdf;

TEST_CASE("the XMP packet holds the metadata, XML-escaped, with the Info date") {
  frame::Metadata m{"A & B <CV>", "Xinyi \"XY\" Liu", "", "zh-Hans", "cvpdf", 1700000000};
  const std::string x = pdf::xmp_packet(m, "cvpdf");
  CHECK(x.find("<rdf:li xml:lang=\"x-default\">A &amp; B &lt;CV&gt;</rdf:li>") != std::string::npos);
  CHECK(x.find("<dc:creator><rdf:Seq><rdf:li>Xinyi &quot;XY&quot; Liu</rdf:li>") != std::string::npos);
  CHECK(x.find("<rdf:Bag><rdf:li>zh-Hans</rdf:li>") != std::string::npos);
  CHECK(x.find("<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>") != std::string::npos);
  CHECK(x.find("<pdf:Producer>cvpdf</pdf:Producer>") != std::string::npos);
  CHECK(x.find("dc:description") == std::string::npos);  // no subject, no property
  CHECK(pdf::xml_escape(std::string("a\x01" "b\tc'")) == "ab\tc&apos;");
  m.date.reset();
  CHECK(pdf::xmp_packet(m, "cvpdf").find("CreateDate") == std::string::npos);
}
