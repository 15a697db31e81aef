// cli/cmd_verify.h — `cvpdf verify cv.pdf --profile profile.yaml [--lang L]`: the ATS check.
//
// Takes the parsed options (free of CLI11): the PDF, the profile and the options that shaped
// the render (language, layout, --set). Composes the profile as a render would (load → resolve
// → compose), reads the PDF back with verify/ and prints every finding located in the profile.
// Gives Ok when every profile string is found, unbroken and in order (and a structure tree, if
// any, reaches all content); VerifyFailed on any finding; InvalidInput, Io or Usage otherwise.
#pragma once

#include <string>

#include "cli/commands.h"
#include "cli/exit_code.h"

namespace cvpdf::cli {

/// `cvpdf verify PDF --profile PROFILE`: `o.profile`, `o.lang`, `o.render` as for a render.
ExitCode run_verify(const Options& o, const std::string& pdf);

}  // namespace cvpdf::cli
