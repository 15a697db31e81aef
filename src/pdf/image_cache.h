// pdf/image_cache.h — encoded PNG images kept between runs (issue 9).
//
// A colour emoji or a PNG photo is decoded and its pixels compressed again on every run: for
// the seed CV's one emoji, 2.7 M instructions, more than any other image work. An encoded PNG
// is kept in a BlobStore under a name hashed from its bytes; a later run drawing the same
// bytes takes it from there. The entry holds the whole PNG and the code identity
// (program_cache.h) it was made by, and a checksum: it is used only for exactly those bytes
// from exactly that code, so the PDF is the same with the cache off, cold, warm or corrupt.
// JPEG photos are not kept: they are written as they are.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "pdf/images.h"

namespace cvpdf::pdf {

/// "image-<16 hex digits>.bin", from the PNG's bytes.
std::string image_entry_name(std::string_view png);

/// An entry for `png` encoded as `image` (which must be ok).
std::string encode_image_entry(std::string_view png, const EncodedImage& image);

/// The encoded image of `png` in `entry`, if the entry is whole, of this code and of exactly
/// these bytes; its `key` is left null for the caller to set.
std::optional<EncodedImage> decode_image_entry(std::string_view entry, std::string_view png);

}  // namespace cvpdf::pdf
