// fuzz/markup.cpp — bytes → the Markdown span parser (cmark plus the style walk).
#include "fuzz.h"
#include "markup/markup.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text = cvpdf::fuzz::as_string(data, size);
  cvpdf::core::Diagnostics diags;
  (void)cvpdf::markup::parse_markdown(text, {"fuzz.md", 1, 1}, diags);
  (void)cvpdf::markup::parse_inline(text, {"fuzz.md", 1, 1}, diags);
  return 0;
}
