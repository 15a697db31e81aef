// cli/pdf_writer.h — where the program's PDF writer comes from (issue 9).
//
// pdf/ and the 13 shared libraries only it needs (PoDoFo's, hb-subset) live in a module,
// cvpdf-pdf.so (pdf/module/entry.h), that the program loads when it first needs it or, with a
// spare core, on a thread of its own started before the profile is read: mapping those
// libraries took about 5 of the 9.7 ms a process linked with them spent before main. Looked
// for beside the program, then in ../lib/cvpdf/ (the installed layout, `cmake --install`).
//
// Guarantees: the module is loaded once per process, whichever thread asks first; a module
// from another build (version or layout of what crosses differs) is refused; when it cannot be
// loaded, pdf_writer() throws ModuleMissing, which names each file looked for and why it failed,
// and says what to do. Tests and the in-process benchmark link pdf/ and set the writer with
// use_pdf_writer instead.
#pragma once

#include <stdexcept>
#include <string>

#include "pdf/module/entry.h"

namespace cvpdf::cli {

/// what(): the files looked for and why each failed; hint: what to do.
struct ModuleMissing : std::runtime_error {
  ModuleMissing(const std::string& what, std::string how) : std::runtime_error(what), hint(std::move(how)) {}
  std::string hint;
};

/// Starts loading the module on a thread of its own unless it is loaded, being loaded, or set.
void preload_pdf_writer();

/// The writer: waits for the load preload_pdf_writer started, or loads the module now.
pdf::WritePdf pdf_writer();

/// Uses `write` instead of the module (a program or test that links pdf/ itself).
void use_pdf_writer(pdf::WritePdf write);

}  // namespace cvpdf::cli
