// pdf/images.h — photos as image XObjects, written by hand (never PoDoFo's PdfImage, which
// picks its decoder from the file name's extension and checks no dimensions).
//
// Takes the frame's images (encoded bytes, already sniffed and limit-checked by cli/ with
// core/sniff.h); gives one XObject per distinct image, in first-use order:
//   JPEG — the file itself as a /DCTDecode stream (passthrough) after re-reading its SOF header
//          here: width, height and components must match what the frame says, and the
//          components must be 1 (DeviceGray), 3 (DeviceRGB) or 4 (DeviceCMYK, Adobe-inverted);
//   PNG  — decoded with libpng (limits set before the rows are read: png_set_user_limits), all
//          formats expanded to 8-bit RGB, written /Indexed (a palette and one byte a pixel) when
//          the image has at most 256 colours, with an 8-bit /SMask for the alpha channel when
//          there is one; all /FlateDecode.
// A corrupt or truncated image is a diagnostic naming it, and the photo is left out.
#pragma once

#include <map>
#include <string>

#include <podofo/podofo.h>

#include "core/diagnostics.h"
#include "frame/frame.h"

namespace cvpdf::pdf {

/// An embedded image: its XObject and its page-resource name (/Im1, …).
struct ImageObject {
  PoDoFo::PdfReference ref;
  std::string resource;
};

/// Images by their bytes' address (one XObject for an image drawn on several pages).
using ImageTable = std::map<const std::string*, ImageObject>;

/// Adds an XObject for every image of the document; images that cannot be embedded are
/// reported and missing from the table (content.cpp then skips them).
ImageTable add_images(PoDoFo::PdfVecObjects& objs, const frame::Document& doc,
                      core::Diagnostics& diags);

}  // namespace cvpdf::pdf
