// fuzz/url.cpp — URL handling: the scheme filter (compose), the PDF encoding (pdf), and the
// URL in a profile and in Markdown links. Checks that what reaches the PDF is printable ASCII.
#include <cstdlib>

#include "compose/spans.h"
#include "fuzz.h"
#include "markup/markup.h"
#include "pdf/objects.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string uri = cvpdf::fuzz::as_string(data, size);
  if (cvpdf::compose::allowed_uri(uri)) {
    for (char c : cvpdf::pdf::ascii_uri(uri))
      if (c <= 0x20 || c >= 0x7F) std::abort();  // the PDF gets percent-encoded ASCII only
  }
  cvpdf::core::Diagnostics diags;
  (void)cvpdf::markup::parse_inline("[x](" + uri + ") <" + uri + ">", {"f", 1, 1}, diags);
  return 0;
}
