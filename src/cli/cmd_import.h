// cli/cmd_import.h — `cvpdf import FORMAT INPUT -o profile.yaml` and `cvpdf schema`.
//
// Takes the parsed options (free of CLI11); reads the input files (a file, or an academicpages
// site folder), runs the importer in profile/import.h, checks that the result loads, writes it
// atomically; prints the JSON Schema of the profile format. Gives an exit code.
#pragma once

#include <string>

#include "cli/exit_code.h"

namespace cvpdf::cli {

struct ImportOptions {
  std::string format;        ///< academicpages | jsonresume
  std::string input;         ///< a file, or (academicpages) the site's folder
  std::string output = "-";  ///< the profile to write; "-" is standard output
  bool quiet = false;
  bool color = false;
};

/// `cvpdf import`: exit 0 when the profile was written (warnings say what was guessed or kept
/// unclassified), 1 when the input cannot be imported, 3 when a file cannot be read or written.
ExitCode run_import(const ImportOptions& o);

/// `cvpdf schema`: the JSON Schema (draft-07) of the profile format on standard output.
ExitCode run_schema();

}  // namespace cvpdf::cli
