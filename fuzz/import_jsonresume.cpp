// fuzz/import_jsonresume.cpp — bytes as a JSON Resume → profile YAML → loader.
#include "fuzz.h"
#include "profile/import.h"
#include "profile/load.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const cvpdf::profile::InputFile resume{"resume.json", cvpdf::fuzz::as_string(data, size)};
  cvpdf::core::Diagnostics diags;
  const std::string yaml = cvpdf::profile::import_jsonresume(resume, diags);
  cvpdf::core::Diagnostics reload;
  (void)cvpdf::profile::load_profile(yaml, "profile.yaml", reload);
  return 0;
}
