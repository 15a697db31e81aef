// fuzz/profile.cpp — bytes → load_profile(): byte checks, the event pre-pass, the schema walk.
#include "fuzz.h"
#include "profile/load.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes = cvpdf::fuzz::as_string(data, size);
  cvpdf::core::Diagnostics diags;
  (void)cvpdf::profile::load_profile(bytes, "fuzz.yaml", diags);
  return 0;
}
