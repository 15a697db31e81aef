// cli/exit_code.h — cvpdf's exit codes, the one documented list (README "Exit codes").
#pragma once

namespace cvpdf::cli {

enum class ExitCode : int {
  Ok = 0,            ///< every requested PDF was written (warnings may have been printed)
  InvalidInput = 1,  ///< the profile or layout has errors (or warnings, with --strict)
  Usage = 2,         ///< bad command line
  Io = 3,            ///< a file could not be read or written
  Internal = 4,      ///< a bug in cvpdf: please report it
  VerifyFailed = 5,  ///< `verify`: a profile string missing, broken or out of order in the PDF, content
                     ///< outside its structure tree, or a PDF cvpdf cannot read back
};

}  // namespace cvpdf::cli
