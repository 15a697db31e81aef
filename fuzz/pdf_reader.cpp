// fuzz/pdf_reader.cpp — verify/'s PDF reader (xref, objects, FlateDecode, ToUnicode CMaps, the
// content interpreter, the structure tree) and the checks of `cvpdf verify` on what it reads.
#include "doc/document.h"
#include "fuzz.h"
#include "verify/object.h"
#include "verify/read.h"
#include "verify/verify.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes = cvpdf::fuzz::as_string(data, size);
  // The reader throws ReadError on damage and nothing else; verify_pdf never throws.
  try {
    (void)cvpdf::verify::read_pdf(bytes);
  } catch (const cvpdf::verify::ReadError&) {
  }
  cvpdf::doc::Document expected;
  cvpdf::doc::Paragraph p;
  p.spans.push_back(cvpdf::doc::Span{});
  p.spans.back().text = "Xinyi Liu";
  p.spans.back().loc = {"p.yaml", 1, 1};
  expected.blocks.emplace_back(p);
  cvpdf::core::Diagnostics diags;
  (void)cvpdf::verify::verify_pdf(bytes, "cv.pdf", expected, diags);
  return 0;
}
