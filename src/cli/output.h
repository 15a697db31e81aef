// cli/output.h — writing a result without ever losing the previous one (DESIGN.md rule 6).
//
// Takes bytes and a target path; writes them to a temporary file in the target's folder,
// flushes it to disk, and renames it over the target. On any failure the old file is untouched
// and the temporary file is removed. "-" writes to standard output.
#pragma once

#include <string>

#include "core/diagnostics.h"

namespace cvpdf::cli {

/// Returns true on success; on failure adds an error naming the path and the reason.
bool write_atomically(const std::string& path, const std::string& bytes, core::Diagnostics& diags);

}  // namespace cvpdf::cli
