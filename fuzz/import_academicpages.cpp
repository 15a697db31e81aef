// fuzz/import_academicpages.cpp — bytes as an academicpages about.md → profile YAML → loader.
#include "fuzz.h"
#include "profile/import.h"
#include "profile/load.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cvpdf::profile::AcademicSite site;
  site.about = {"about.md", cvpdf::fuzz::as_string(data, size)};
  cvpdf::core::Diagnostics diags;
  const std::string yaml = cvpdf::profile::import_academicpages(site, diags);
  cvpdf::core::Diagnostics reload;
  (void)cvpdf::profile::load_profile(yaml, "profile.yaml", reload);
  return 0;
}
