// cli/confine.h — files named inside a profile must stay inside the folders the user chose.
//
// A profile comes from a template or someone else's repository; the photo, layout and fonts it
// names are resolved (symbolic links followed) and must lie inside the profile's own folder or
// one of the configured layout/font folders. A `--theme FILE.yaml` given on the command line is
// the user's own choice and is not confined. This module only answers "is it inside?" and
// reports; reading the file stays with the caller.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"

namespace cvpdf::cli {

/// True when `file` (resolved: `..` removed, symbolic links followed) is inside one of `roots`
/// (resolved the same way). A file that does not exist is resolved as far as it exists.
bool is_inside(const std::string& file, const std::vector<std::string>& roots);

/// `name` as written in `profile_path` (relative names are relative to the profile's folder),
/// if it resolves inside the profile's folder or one of `extra_roots`; else a located error at
/// `loc` naming `what` (e.g. "settings.theme") and nothing.
std::optional<std::string> confined_path(const std::string& name, const std::string& profile_path,
                                         const std::vector<std::string>& extra_roots,
                                         const core::SourceLoc& loc, std::string_view what,
                                         core::Diagnostics& diags);

}  // namespace cvpdf::cli
