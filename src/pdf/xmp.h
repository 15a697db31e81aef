// pdf/xmp.h — the document's XMP metadata packet (ISO 16684-1; PDF 1.7 §14.3.2).
//
// Takes the frame metadata and the producer's name; gives an XMP packet (UTF-8 XML) with
// dc:format, dc:title, dc:creator, dc:description, dc:language, xmp:CreatorTool,
// xmp:CreateDate/ModifyDate/MetadataDate and pdf:Producer — the same values, and the same
// instant, as the Info dictionary (write_pdf.cpp), so that readers of either agree. Text is
// XML-escaped; characters XML 1.0 cannot hold (C0 controls but tab and newline) are dropped.
// Nothing here knows PoDoFo.
#pragma once

#include <string>

#include "frame/frame.h"

namespace cvpdf::pdf {

std::string xmp_packet(const frame::Metadata& meta, const std::string& producer);

/// `text` with & < > " ' as XML entities and XML-invalid control characters dropped.
std::string xml_escape(const std::string& text);

}  // namespace cvpdf::pdf
