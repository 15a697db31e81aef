// pdf/module/entry.h — what cvpdf-pdf.so exports (entry.cpp) and the program checks
// (cli/pdf_writer.cpp): one C symbol, `cvpdf_pdf_module`, giving a ModuleEntry.
#pragma once

#include <string>

#include "core/diagnostics.h"
#include "frame/frame.h"
#include "pdf/blob_store.h"

namespace cvpdf::pdf {

using WritePdf = std::string (*)(const frame::Document& doc, core::Diagnostics& diags, unsigned threads,
                                 BlobStore* cache);

/// The program and the module pass frame::Document and core::Diagnostics by reference, so both
/// must be built from the same sources: the module is refused unless it says the same version
/// and the same sizes of what crosses.
struct ModuleAbi {
  const char* version;
  std::size_t document_size;
  std::size_t diagnostics_size;
  std::size_t string_size;
};

#ifndef CVPDF_VERSION
#error "CVPDF_VERSION must be defined (CMakeLists.txt)"
#endif
inline constexpr ModuleAbi kModuleAbi{CVPDF_VERSION, sizeof(frame::Document), sizeof(core::Diagnostics),
                                      sizeof(std::string)};

struct ModuleEntry {
  ModuleAbi abi;
  WritePdf write_pdf;
};

inline constexpr const char* kModuleSymbol = "cvpdf_pdf_module";
inline constexpr const char* kModuleFile = "cvpdf-pdf.so";

}  // namespace cvpdf::pdf
