// fuzz/sniff.cpp — photo and font headers (JPEG SOFn, PNG IHDR, sfnt/ttcf + maxp).
#include "core/sniff.h"
#include "fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes = cvpdf::fuzz::as_string(data, size);
  std::string why;
  (void)cvpdf::core::sniff_image(bytes, why);
  (void)cvpdf::core::sniff_font(bytes, why);
  cvpdf::core::Diagnostics diags;
  (void)cvpdf::core::check_photo(bytes, "photo.jpg", {"p.yaml", 1, 1}, diags);
  (void)cvpdf::core::check_font(bytes, why);
  return 0;
}
