// cli/dump_lines.h — `cvpdf dump --stage=lines PROFILE`: every fitted line with its costs.
//
// Takes the parsed options; runs load → resolve → compose → layout for each requested language
// and prints one row per line, in document order:
//   profile.yaml:42:7  b=12.5  d=506  r=+0.31  space     | Liu X, Chen Y, …
// (badness, demerits, adjustment ratio, why the line ends: space, CJK, hyphen, forced,
// emergency, end; "OVERFULL" marks a line wider than its measure). Diagnostics go to stderr;
// overfull lines are warnings naming the text and its location, as in a render.
#pragma once

#include <string>
#include <vector>

#include "cli/commands.h"
#include "layout/layout.h"

namespace cvpdf::cli {

ExitCode run_dump_lines(const Options& o);

/// One report as dump --stage=lines prints it (no newline).
std::string format_line_report(const layout::LineReport& r);

}  // namespace cvpdf::cli
