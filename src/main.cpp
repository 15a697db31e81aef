// cvpdf — typeset a CV from a YAML profile into a PDF. See README.md and cli/app.h.
#include <malloc.h>

#include "cli/app.h"
#ifdef CVPDF_PDF_LINKED
#include "cli/pdf_writer.h"
#include "pdf/write_pdf.h"
#endif

int main(int argc, char** argv) {
  // A run lives for tens of milliseconds and frees most of what it allocates: keep freed
  // memory for reuse instead of returning it to the kernel. By default glibc gives blocks over
  // 128 KiB their own mmap (unmapped on free) and trims the heap's top past 128 KiB, so each
  // large buffer (pattern index, font subsets, zlib streams, the PDF) was faulted in afresh.
  // Seed CV: 1 353 -> 1 092 page faults (en), 1 696 -> 1 439 (zh); peak RSS +0.1 MiB (issue 9).
  mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
  mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
#ifdef CVPDF_PDF_LINKED  // built without the module (CMakeLists.txt CVPDF_PDF_MODULE)
  cvpdf::cli::use_pdf_writer(&cvpdf::pdf::write_pdf);
#endif
  return cvpdf::cli::run(argc, argv);
}
