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
//          there is one; all /FlateDecode. A palette PNG (a colour emoji) is read as stored,
//          its indices mapped to the same palette and pixels without expanding them (1.7 M
//          instructions less for the seed CV's emoji; the same bytes).
// A corrupt or truncated image is a diagnostic naming it, and the photo is left out.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <podofo/podofo.h>

#include "core/diagnostics.h"
#include "frame/frame.h"
#include "pdf/blob_store.h"
#include "pdf/deflate.h"

namespace cvpdf::pdf {

/// An embedded image: its XObject and its page-resource name (/Im1, …).
struct ImageObject {
  PoDoFo::PdfReference ref;
  std::string resource;
};

/// Images by their bytes' address (one XObject for an image drawn on several pages).
using ImageTable = std::map<const std::string*, ImageObject>;

/// One distinct image of the document, decoded and compressed: everything its XObject needs.
struct EncodedImage {
  const std::string* key = nullptr;  ///< the frame image's bytes
  bool ok = false;
  std::string why;  ///< what is wrong with it, if not ok
  bool jpeg = false;
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  std::string colour_space;      ///< DeviceRGB, DeviceGray or DeviceCMYK
  Packed data;                   ///< the pixels (PNG: palette indices or RGB), or the JPEG file
  std::optional<Packed> palette; ///< PNG with at most 256 colours: the /Indexed lookup
  int hival = 0;                 ///< the palette's highest index
  std::optional<Packed> alpha;   ///< PNG with alpha: the /SMask pixels
};

/// How a palette PNG is read: its indices as stored (what encode_images does), or expanded to
/// RGB(A) and its colours counted again, as every other PNG (tests compare the two).
enum class PaletteRead { AsStored, Expanded };

/// One PNG encoded as encode_images encodes it.
EncodedImage encode_png_image(const std::string& bytes, PaletteRead how = PaletteRead::AsStored);

/// Every distinct image of the document in first-use order, encoded. Touches no PoDoFo object:
/// it may run on another thread (write_pdf.cpp runs it beside the font subsetting). With a
/// `cache`, a PNG encoded by an earlier run is taken from it, and one encoded now is kept in it
/// (image_cache.h): the same images.
std::vector<EncodedImage> encode_images(const frame::Document& doc, BlobStore* cache = nullptr);

/// Adds an XObject for every encoded image; images that could not be encoded are reported and
/// missing from the table (content.cpp then skips them).
ImageTable add_images(PoDoFo::PdfVecObjects& objs, const std::vector<EncodedImage>& images,
                      core::Diagnostics& diags);

}  // namespace cvpdf::pdf
