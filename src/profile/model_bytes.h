// profile/model_bytes.h — a loaded Profile as bytes and back, for the profile memo (issue 9).
//
// Takes a Profile (profile/model.h); gives bytes from which profile_from_bytes rebuilds an
// equal Profile (every field, every SourceLoc), or nullopt for bytes that are not one — cut,
// damaged, or written for another shape of the model. No checksum here: the memo's file format
// (cli/profile_memo.h) holds one. One list of fields per struct serves both ways
// (model_bytes.cpp), and a static_assert on each struct's size stops the build when a field is
// added to the model but not to the list.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "profile/model.h"

namespace cvpdf::profile {

std::string profile_to_bytes(const Profile& p);
std::optional<Profile> profile_from_bytes(std::string_view bytes);

}  // namespace cvpdf::profile
