// pdf/images.cpp — JPEG passthrough and PNG decoding into image XObjects (see images.h).
#include "pdf/images.h"

#include <png.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "core/limits.h"
#include "core/sniff.h"
#include "pdf/deflate.h"
#include "pdf/image_cache.h"

namespace cvpdf::pdf {
namespace {

using PoDoFo::PdfName;
using PoDoFo::PdfObject;
using PoDoFo::pdf_int64;

/// Bits per colour component of every image cvpdf writes (JPEG baseline and 8-bit PNG).
constexpr pdf_int64 kBitsPerComponent = 8;

/// At most this many colours make an /Indexed image: one index byte per pixel (PDF 1.7 §8.6.6.3).
constexpr std::size_t kMaxPaletteColours = 256;

/// Decoded PNG pixels: RGB rows, and the alpha channel if the file has one; or, for a palette
/// PNG read as stored, one palette index per pixel and the palette's colours and alphas.
struct Pixels {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  std::vector<unsigned char> rgb;
  std::vector<unsigned char> alpha;  ///< empty: opaque
  bool indexed = false;              ///< rows hold palette indices, not RGB(A)
  bool has_trns = false;             ///< indexed: the file has a tRNS chunk (an alpha per index)
  std::array<std::uint32_t, 256> colour_of{};  ///< indexed: rgb_key of each index (0 past PLTE)
  std::array<unsigned char, 256> alpha_of{};   ///< indexed: alpha of each index (255 past tRNS)
  std::vector<unsigned char> rows;   ///< libpng's output (RGB, RGBA or index rows), owned here so
  std::vector<png_bytep> pointers;   ///< that a longjmp out of libpng leaks nothing
};

/// An RGB pixel as one number, for the palette's map.
std::uint32_t rgb_key(const unsigned char* p) {
  return (std::uint32_t{p[0]} << 16) | (std::uint32_t{p[1]} << 8) | std::uint32_t{p[2]};
}

/// libpng reads from memory through this cursor.
struct Cursor {
  const std::string* bytes;
  std::size_t at = 0;
};

void read_bytes(png_structp png, png_bytep out, png_size_t n) {
  auto* c = static_cast<Cursor*>(png_get_io_ptr(png));
  if (c->at + n > c->bytes->size()) png_error(png, "truncated PNG");
  std::memcpy(out, c->bytes->data() + c->at, n);
  c->at += n;
}

/// libpng's errors end in our setjmp, silently (the caller reports one diagnostic).
[[noreturn]] void on_error(png_structp png, png_const_charp) { png_longjmp(png, 1); }
void on_warning(png_structp, png_const_charp) {}

/// Asks libpng for 8-bit RGB or RGBA whatever the file holds (palette, grey, 16-bit, tRNS).
void normalise(png_structp png, png_infop info) {
  png_set_expand(png);
  png_set_strip_16(png);
  png_set_gray_to_rgb(png);
  png_set_interlace_handling(png);
  png_read_update_info(png, info);
}

/// For a palette PNG: asks libpng for one byte per pixel, the index as stored, and keeps the
/// colour and alpha of each index as png_set_expand would give them (libpng's palette has 256
/// entries, zero past PLTE; an index past tRNS is opaque).
void keep_indices(png_structp png, png_infop info, Pixels& px) {
  png_colorp plte = nullptr;
  int colours = 0;
  png_get_PLTE(png, info, &plte, &colours);
  for (int i = 0; i < colours && i < 256; ++i)
    px.colour_of[static_cast<std::size_t>(i)] = rgb_key(&plte[i].red);
  px.alpha_of.fill(255);
  png_bytep trans = nullptr;
  int n_trans = 0;
  px.has_trns = png_get_valid(png, info, PNG_INFO_tRNS) != 0 &&
                png_get_tRNS(png, info, &trans, &n_trans, nullptr) != 0;
  for (int i = 0; px.has_trns && i < n_trans && i < 256; ++i)
    px.alpha_of[static_cast<std::size_t>(i)] = trans[i];
  px.indexed = true;
  png_set_packing(png);
  png_set_interlace_handling(png);
  png_read_update_info(png, info);
}

/// Splits RGBA rows into the RGB image and its alpha mask.
void split_rows(std::size_t channels, Pixels& px) {
  const std::vector<unsigned char>& rows = px.rows;
  const std::size_t n = std::size_t{px.width} * px.height;
  px.rgb.resize(n * 3);
  if (channels == 4) px.alpha.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::memcpy(&px.rgb[i * 3], &rows[i * channels], 3);
    if (channels == 4) px.alpha[i] = rows[i * channels + 3];
  }
}

/// Reads the header and every row (libpng may longjmp out of here: nothing local to free).
void read_rows(png_structp png, png_infop info, Pixels& px, PaletteRead how) {
  png_set_user_limits(png, core::limits::kMaxPhotoSide, core::limits::kMaxPhotoSide);
  png_read_info(png, info);
  if (how == PaletteRead::AsStored && png_get_color_type(png, info) == PNG_COLOR_TYPE_PALETTE)
    keep_indices(png, info, px);
  else
    normalise(png, info);
  px.width = png_get_image_width(png, info);
  px.height = png_get_image_height(png, info);
  const std::size_t stride = png_get_rowbytes(png, info);
  px.rows.resize(stride * px.height);
  for (std::uint32_t y = 0; y < px.height; ++y) px.pointers.push_back(px.rows.data() + y * stride);
  png_read_image(png, px.pointers.data());
  if (!px.indexed) split_rows(png_get_channels(png, info), px);
}

/// Decodes a PNG; false with `why` on any libpng error (setjmp is libpng's only way to report).
bool decode_png(const std::string& bytes, Pixels& px, std::string& why, PaletteRead how) {
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, nullptr, on_error, on_warning);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!info) {
    png_destroy_read_struct(&png, nullptr, nullptr);
    why = "libpng could not start";
    return false;
  }
  Cursor cursor{&bytes};
  png_set_read_fn(png, &cursor, read_bytes);
  if (setjmp(png_jmpbuf(png))) {  // libpng's error path
    png_destroy_read_struct(&png, &info, nullptr);
    why = "the PNG data is corrupt or truncated";
    return false;
  }
  read_rows(png, info, px, how);
  png_destroy_read_struct(&png, &info, nullptr);
  return true;
}

Packed pack_bytes(const std::vector<unsigned char>& data) {
  return pack(std::string_view(reinterpret_cast<const char*>(data.data()), data.size()));
}

/// An image's colours as an /Indexed colour space's lookup and one index byte per pixel.
struct Palette {
  std::vector<unsigned char> lookup;   ///< RGB triples in ascending order
  std::vector<unsigned char> indices;  ///< one per pixel
};

/// The palette of an image with at most 256 distinct colours (a colour emoji has about 100):
/// a third of the RGB bytes, the same pixels (PDF 1.7 §8.6.6.3).
std::optional<Palette> palette_of(const Pixels& px) {
  std::map<std::uint32_t, unsigned char> index;
  const std::size_t n = px.rgb.size() / 3;
  std::uint32_t previous = 0;  // runs of one colour are common: look each run up once
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t key = rgb_key(&px.rgb[i * 3]);
    if (i > 0 && key == previous) continue;
    previous = key;
    index.emplace(key, 0);
    if (index.size() > kMaxPaletteColours) return std::nullopt;
  }
  Palette p;
  for (auto& [key, i] : index) {
    i = static_cast<unsigned char>(p.lookup.size() / 3);
    for (int shift : {16, 8, 0}) p.lookup.push_back(static_cast<unsigned char>(key >> shift));
  }
  p.indices.resize(n);
  unsigned char last = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t key = rgb_key(&px.rgb[i * 3]);
    if (i == 0 || key != previous) last = index.at(key);
    previous = key;
    p.indices[i] = last;
  }
  return p;
}

/// The same palette and indices as palette_of on the expanded pixels, from a palette PNG's
/// indices: its used colours in ascending order, each index mapped to its colour's place. And
/// the alpha of each pixel if the file has tRNS (as png_set_expand gives it).
Palette palette_of_indexed(Pixels& px) {
  std::array<bool, 256> used{};
  for (unsigned char i : px.rows) used[i] = true;
  std::vector<std::uint32_t> colours;
  for (std::size_t i = 0; i < used.size(); ++i)
    if (used[i]) colours.push_back(px.colour_of[i]);
  std::sort(colours.begin(), colours.end());
  colours.erase(std::unique(colours.begin(), colours.end()), colours.end());
  std::array<unsigned char, 256> place{};
  for (std::size_t i = 0; i < used.size(); ++i)
    if (used[i])
      place[i] = static_cast<unsigned char>(
          std::lower_bound(colours.begin(), colours.end(), px.colour_of[i]) - colours.begin());
  Palette p;
  for (std::uint32_t key : colours)
    for (int shift : {16, 8, 0}) p.lookup.push_back(static_cast<unsigned char>(key >> shift));
  p.indices.resize(px.rows.size());
  for (std::size_t i = 0; i < px.rows.size(); ++i) p.indices[i] = place[px.rows[i]];
  if (px.has_trns) {
    px.alpha.resize(px.rows.size());
    for (std::size_t i = 0; i < px.rows.size(); ++i) px.alpha[i] = px.alpha_of[px.rows[i]];
  }
  return p;
}

bool encode_png(const std::string& bytes, EncodedImage& out, PaletteRead how) {
  Pixels px;
  if (!decode_png(bytes, px, out.why, how)) return false;
  out.width = px.width;
  out.height = px.height;
  out.colour_space = "DeviceRGB";
  // The colours: /Indexed when the image has few colours, else DeviceRGB.
  if (auto palette = px.indexed ? std::optional<Palette>(palette_of_indexed(px)) : palette_of(px)) {
    out.palette = pack_bytes(palette->lookup);
    out.hival = static_cast<int>(palette->lookup.size() / 3) - 1;
    out.data = pack_bytes(palette->indices);
  } else {
    out.data = pack_bytes(px.rgb);
  }
  if (!px.alpha.empty()) out.alpha = pack_bytes(px.alpha);
  return true;
}

bool encode_jpeg(const std::string& bytes, EncodedImage& out) {
  const auto header = core::sniff_image(bytes, out.why);
  if (!header || header->format != core::ImageHeader::Format::Jpeg) {
    if (out.why.empty()) out.why = "not a JPEG";
    return false;
  }
  out.colour_space = header->components == 1   ? "DeviceGray"
                     : header->components == 3 ? "DeviceRGB"
                     : header->components == 4 ? "DeviceCMYK"
                                               : "";
  if (out.colour_space.empty()) {
    out.why = "a JPEG with " + std::to_string(header->components) + " colour components";
    return false;
  }
  out.jpeg = true;
  out.width = header->width;
  out.height = header->height;
  out.data = {bytes, false};  // no re-encoding: the JPEG is the stream
  return true;
}

PoDoFo::PdfObject* image_dict(PoDoFo::PdfVecObjects& objs, std::uint32_t w, std::uint32_t h,
                              const std::string& colour_space) {
  PoDoFo::PdfObject* obj = objs.CreateObject("XObject");
  PoDoFo::PdfDictionary& d = obj->GetDictionary();
  d.AddKey("Subtype", PdfName("Image"));
  d.AddKey("Width", PdfObject(pdf_int64{w}));
  d.AddKey("Height", PdfObject(pdf_int64{h}));
  d.AddKey("ColorSpace", PdfName(colour_space));
  d.AddKey("BitsPerComponent", PdfObject(kBitsPerComponent));
  return obj;
}

/// The XObject (and palette and soft mask) of an encoded image, in the order PDF readers of
/// earlier versions of cvpdf saw them: image, palette, mask.
PoDoFo::PdfObject* add_image(PoDoFo::PdfVecObjects& objs, const EncodedImage& img) {
  PoDoFo::PdfObject* obj = image_dict(objs, img.width, img.height, img.colour_space);
  if (img.jpeg) {
    if (img.colour_space == "DeviceCMYK") {  // Adobe writes CMYK JPEGs inverted
      PoDoFo::PdfArray decode;
      for (int i = 0; i < 4; ++i) decode.push_back(PdfObject(pdf_int64{1})), decode.push_back(PdfObject(pdf_int64{0}));
      obj->GetDictionary().AddKey("Decode", decode);
    }
    PoDoFo::PdfMemoryInputStream in(img.data.bytes.data(), static_cast<PoDoFo::pdf_long>(img.data.bytes.size()));
    obj->GetStream()->SetRawData(&in);
    obj->GetDictionary().AddKey("Filter", PdfName("DCTDecode"));
    return obj;
  }
  if (img.palette) {
    PoDoFo::PdfObject* lookup = objs.CreateObject();
    set_packed(*lookup, *img.palette);
    PoDoFo::PdfArray space;
    space.push_back(PdfName("Indexed"));
    space.push_back(PdfName("DeviceRGB"));
    space.push_back(PdfObject(static_cast<pdf_int64>(img.hival)));
    space.push_back(lookup->Reference());
    obj->GetDictionary().AddKey("ColorSpace", space);
  }
  set_packed(*obj, img.data);
  if (img.alpha) {
    PoDoFo::PdfObject* mask = image_dict(objs, img.width, img.height, "DeviceGray");
    set_packed(*mask, *img.alpha);
    obj->GetDictionary().AddKey("SMask", mask->Reference());
  }
  return obj;
}

/// A PNG encoded: kept from an earlier run if `cache` has it (image_cache.h), else encoded now
/// and, if it could be, kept for the next run.
EncodedImage png_kept_or_encoded(const std::string& png, BlobStore* cache) {
  const std::string name = cache != nullptr ? image_entry_name(png) : std::string();
  if (cache != nullptr)
    if (auto entry = cache->get(name))
      if (auto kept = decode_image_entry(*entry, png)) return std::move(*kept);
  EncodedImage e;
  e.ok = encode_png(png, e, PaletteRead::AsStored);
  if (cache != nullptr && e.ok) cache->put(name, encode_image_entry(png, e));
  return e;
}

}  // namespace

std::vector<EncodedImage> encode_images(const frame::Document& doc, BlobStore* cache) {
  std::vector<EncodedImage> out;
  for (const frame::Page& page : doc.pages)
    for (const frame::Item& item : page.items) {
      const auto* img = std::get_if<frame::Image>(&item);
      if (!img || !img->bytes) continue;
      if (std::any_of(out.begin(), out.end(), [&](const EncodedImage& e) { return e.key == img->bytes.get(); }))
        continue;
      EncodedImage& e = out.emplace_back();
      if (img->format == frame::ImageFormat::Png)
        e = png_kept_or_encoded(*img->bytes, cache);
      else
        e.ok = encode_jpeg(*img->bytes, e);
      e.key = img->bytes.get();
    }
  return out;
}

EncodedImage encode_png_image(const std::string& bytes, PaletteRead how) {
  EncodedImage e;
  e.key = &bytes;
  e.ok = encode_png(bytes, e, how);
  return e;
}

ImageTable add_images(PoDoFo::PdfVecObjects& objs, const std::vector<EncodedImage>& images,
                      core::Diagnostics& diags) {
  ImageTable table;
  for (const EncodedImage& img : images) {
    if (!img.ok) {
      diags.error({}, "cannot embed the photo: " + img.why);
      continue;
    }
    table[img.key] = {add_image(objs, img)->Reference(), "Im" + std::to_string(table.size() + 1)};
  }
  return table;
}

}  // namespace cvpdf::pdf
