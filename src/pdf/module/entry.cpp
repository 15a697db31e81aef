// pdf/module/entry.cpp — the entry point of cvpdf-pdf.so, the PDF writer as a loadable module.
//
// PoDoFo and hb-subset bring 13 shared libraries the rest of cvpdf does without (OpenSSL's
// libcrypto, libtiff and five codecs, libjpeg, libidn, ...); mapping and relocating them took
// about 5 of the 9.7 ms a process linked with them needed before main (issue 9). The cvpdf program loads this
// module on a spare thread while the profile is read and typeset (cli/pdf_writer.h), so that no
// one waits for them. The module holds pdf/ and what it uses (frame/, core/), their symbols
// local to it; its one exported symbol gives the writer and what the program checks before
// calling it.
#include "pdf/module/entry.h"

#include "pdf/write_pdf.h"

extern "C" __attribute__((visibility("default"))) const cvpdf::pdf::ModuleEntry* cvpdf_pdf_module() {
  static const cvpdf::pdf::ModuleEntry entry{cvpdf::pdf::kModuleAbi, &cvpdf::pdf::write_pdf};
  return &entry;
}
