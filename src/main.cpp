// cvpdf — typeset a CV from a YAML profile into a PDF. See README.md and cli/app.h.
#include "cli/app.h"

int main(int argc, char** argv) { return cvpdf::cli::run(argc, argv); }
