// cli/photo.h — the profile's `photo:` read, confined and checked before anything decodes it.
//
// Takes the profile (its path and cv.photo); gives the photo's bytes with the format and size
// read from its header (core/sniff.h: by content, never by the file name), or nothing. The
// path must resolve inside the profile's folder (cli/confine.h); the file must be within
// core/limits.h (bytes, pixels, side) — a 65 000 × 65 000 header is refused here, before
// pdf/ would decode it. Every refusal is an error located at the `photo:` field.
#pragma once

#include <optional>

#include "cli/world.h"
#include "core/diagnostics.h"
#include "doc/document.h"
#include "profile/model.h"

namespace cvpdf::cli {

std::optional<doc::Image> load_photo(const World& world, const profile::Profile& p,
                                     core::Diagnostics& diags);

}  // namespace cvpdf::cli
