// profile/load.h — profile.yaml text → Profile, with every error located and all of them at once.
//
// Takes the bytes of a profile and the name to show in diagnostics; gives a Profile. Guarantees:
// - byte checks before yaml-cpp (valid UTF-8, no NUL/control characters, one document, no tabs
//   used for indentation, no unterminated quotes), since yaml-cpp 0.7 lets those through;
// - yaml-cpp's 0-based marks are converted to 1-based line:col here, once;
// - a schema walk after parsing: unknown keys ("did you mean …?"), wrong types, duplicate keys,
//   anchors/aliases refused, bad dates (month 13, start after end), missing required fields
//   (`cv.name`), entry types detected from their keys (RenderCV's nine);
// - every problem is a diagnostic; the returned Profile holds what could be read.
#pragma once

#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "profile/model.h"

namespace cvpdf::profile {

Profile load_profile(std::string_view bytes, const std::string& file, core::Diagnostics& diags);

}  // namespace cvpdf::profile
