// cli/app.h — the command line: `cvpdf PROFILE -o OUT`, `cvpdf check`, `cvpdf dump`.
#pragma once

namespace cvpdf::cli {

/// Parses the arguments, runs the command, prints diagnostics; returns the process exit code
/// (cli/exit_code.h).
int run(int argc, char** argv);

}  // namespace cvpdf::cli
