// cli/profile_memo.h — a loaded profile kept between runs (issue 9).
//
// Reading the seed profile is yaml-cpp's scanner at about 1 000 instructions a byte: 9.3 M of a
// warm render's 61 M, for a file a pre-commit hook renders again unchanged. load_profile is a
// pure function of the file's bytes, its path as given and the code (the loader, and yaml-cpp
// and ICU linked into the program), so its result — the model and what it said — is kept in
// the cache folder, `profiles/profile-<hash of the absolute path>.bin`, and taken from there
// when all three are the same again.
//
// Guarantees: an entry is used only if it holds exactly these bytes and this path, was written
// by this very program file (cvpdf's version, the program's size and modification time) and its
// checksum holds; it then gives a Profile equal to what load_profile gives (model_bytes.h) and
// the same messages in the same order. Profiles with errors are not kept. Only built where
// yaml-cpp and ICU are linked into the program (CVPDF_STATIC_DEPS): with shared ones, an
// upgraded library could parse the same bytes otherwise under the same program file.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "pdf/blob_store.h"
#include "profile/model.h"

namespace cvpdf::cli {

/// What load_profile gave for a file.
struct LoadedProfile {
  profile::Profile profile;
  std::vector<core::Diagnostic> said;
};

/// Whether this build keeps loaded profiles (see above).
bool profile_memo_enabled();

/// The entry's name for the profile at `path`: "profile-<16 hex digits>.bin".
std::string profile_memo_name(const std::string& path);

/// The entry's bytes.
std::string encode_profile_memo(const std::string& path, std::string_view bytes, const LoadedProfile& loaded);

/// What `entry` keeps for `path` with these `bytes`, if it does.
std::optional<LoadedProfile> decode_profile_memo(std::string_view entry, const std::string& path,
                                                 std::string_view bytes);

}  // namespace cvpdf::cli
