// pdf/images.h: a palette PNG read as stored gives the same image as expanded to RGB(A) and its
// colours counted again — every emoji PNG of the pinned Noto Color Emoji, a photo, and palette
// PNGs written here with what such files may hold (1-, 2-, 4- and 8-bit indices, tRNS shorter
// than the palette or missing, interlacing, colours repeated in the palette, unused entries,
// an index past the palette).
#include <doctest/doctest.h>

#include <png.h>

#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "pdf/image_cache.h"
#include "pdf/images.h"

using namespace cvpdf;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

/// Every PNG stored in a font file (CBDT bitmaps), whole: signature to IEND chunk.
std::vector<std::string> pngs_in(const std::string& bytes) {
  static const std::string sig = "\x89PNG\r\n\x1a\n";
  static const std::string iend = "IEND";
  std::vector<std::string> out;
  for (std::size_t at = bytes.find(sig); at != std::string::npos; at = bytes.find(sig, at + 1)) {
    const std::size_t end = bytes.find(iend, at);
    if (end == std::string::npos) break;
    out.push_back(bytes.substr(at, end + iend.size() + 4 - at));  // + the chunk's CRC
  }
  return out;
}

/// A palette PNG written with libpng.
struct PaletteSpec {
  int width = 13;
  int height = 7;
  int bit_depth = 8;
  int colours = 5;        ///< PLTE entries
  int transparent = 3;    ///< tRNS entries (0: no tRNS chunk)
  bool interlaced = false;
  bool repeat_colour = false;  ///< PLTE holds one colour twice
  int index_past = 0;     ///< one pixel uses this index, past PLTE (0: none)
};

void on_write(png_structp png, png_bytep data, png_size_t n) {
  static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<const char*>(data), n);
}
void on_flush(png_structp) {}

std::string palette_png(const PaletteSpec& s) {
  std::string out;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return {};
  }
  png_set_write_fn(png, &out, on_write, on_flush);
  png_set_IHDR(png, info, static_cast<png_uint_32>(s.width), static_cast<png_uint_32>(s.height), s.bit_depth,
               PNG_COLOR_TYPE_PALETTE, s.interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  std::vector<png_color> plte(static_cast<std::size_t>(s.colours));
  for (int i = 0; i < s.colours; ++i)
    plte[static_cast<std::size_t>(i)] = {static_cast<png_byte>(250 - 37 * i), static_cast<png_byte>(11 * i),
                                         static_cast<png_byte>((i * 97) & 0xff)};
  if (s.repeat_colour && s.colours > 2) plte[2] = plte[0];
  png_set_PLTE(png, info, plte.data(), s.colours);
  std::vector<png_byte> trns(static_cast<std::size_t>(s.transparent));
  for (int i = 0; i < s.transparent; ++i) trns[static_cast<std::size_t>(i)] = static_cast<png_byte>(i * 60);
  if (s.transparent > 0) png_set_tRNS(png, info, trns.data(), s.transparent, nullptr);
  if (s.index_past > 0) png_set_check_for_invalid_index(png, 0);
  png_write_info(png, info);
  const int max_index = (1 << s.bit_depth) - 1;
  const int per_byte = 8 / s.bit_depth;
  const std::size_t stride = static_cast<std::size_t>((s.width + per_byte - 1) / per_byte);
  std::vector<std::vector<png_byte>> rows(static_cast<std::size_t>(s.height), std::vector<png_byte>(stride));
  for (int y = 0; y < s.height; ++y)
    for (int x = 0; x < s.width; ++x) {
      int index = (x * 3 + y * 5) % (s.colours - 1);  // the last PLTE entry stays unused
      if (s.index_past > 0 && x == 1 && y == 1) index = s.index_past;
      index = std::min(index, max_index);
      const int shift = 8 - s.bit_depth * (x % per_byte + 1);
      rows[static_cast<std::size_t>(y)][static_cast<std::size_t>(x / per_byte)] |=
          static_cast<png_byte>(index << shift);
    }
  std::vector<png_bytep> pointers;
  for (auto& r : rows) pointers.push_back(r.data());
  png_write_image(png, pointers.data());
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return out;
}

/// Two encodings of an image are the same, field by field.
void check_equal(const pdf::EncodedImage& stored, const pdf::EncodedImage& expanded) {
  REQUIRE(expanded.ok);
  REQUIRE(stored.ok);
  CHECK(stored.width == expanded.width);
  CHECK(stored.height == expanded.height);
  CHECK(stored.colour_space == expanded.colour_space);
  CHECK(stored.hival == expanded.hival);
  CHECK(stored.data.bytes == expanded.data.bytes);
  REQUIRE(stored.palette.has_value() == expanded.palette.has_value());
  if (stored.palette) CHECK(stored.palette->bytes == expanded.palette->bytes);
  REQUIRE(stored.alpha.has_value() == expanded.alpha.has_value());
  if (stored.alpha) CHECK(stored.alpha->bytes == expanded.alpha->bytes);
  CHECK(stored.data.flate == expanded.data.flate);
}

/// The two ways of reading give the same image.
void check_same(const std::string& png) {
  check_equal(pdf::encode_png_image(png, pdf::PaletteRead::AsStored),
              pdf::encode_png_image(png, pdf::PaletteRead::Expanded));
}

}  // namespace

TEST_CASE("every emoji of the pinned Noto Color Emoji: read as stored or expanded, the same image") {
  const auto pngs = pngs_in(read_file(CVPDF_SOURCE_DIR "/fonts/NotoColorEmoji.ttf"));
  REQUIRE(pngs.size() >= 30);
  for (std::size_t i = 0; i < pngs.size(); ++i) {
    CAPTURE(i);
    check_same(pngs[i]);
  }
}

TEST_CASE("a photo that is not a palette PNG is read one way") {
  check_same(read_file(CVPDF_SOURCE_DIR "/tests/photos/photo.png"));
}

TEST_CASE("palette PNGs of every kind: the same image both ways") {
  std::vector<PaletteSpec> specs;
  for (int depth : {1, 2, 4, 8}) {
    PaletteSpec s;
    s.bit_depth = depth;
    s.colours = std::min(5, 1 << depth);
    s.transparent = std::min(3, s.colours);
    specs.push_back(s);
  }
  PaletteSpec no_trns;
  no_trns.transparent = 0;
  specs.push_back(no_trns);
  PaletteSpec all_trns;
  all_trns.transparent = all_trns.colours;
  specs.push_back(all_trns);
  PaletteSpec interlaced;
  interlaced.interlaced = true;
  interlaced.width = 31;
  interlaced.height = 17;
  specs.push_back(interlaced);
  PaletteSpec repeated;
  repeated.repeat_colour = true;
  specs.push_back(repeated);
  PaletteSpec past;
  past.index_past = 200;
  specs.push_back(past);
  PaletteSpec big;
  big.colours = 256;
  big.transparent = 100;
  big.width = 200;
  big.height = 150;
  specs.push_back(big);
  for (std::size_t i = 0; i < specs.size(); ++i) {
    CAPTURE(i);
    const std::string png = palette_png(specs[i]);
    REQUIRE(!png.empty());
    check_same(png);
  }
}

TEST_CASE("a corrupt palette PNG is refused both ways") {
  std::string png = palette_png(PaletteSpec{});
  REQUIRE(png.size() > 60);
  png.resize(png.size() - 30);  // cut inside the pixel data
  CHECK_FALSE(pdf::encode_png_image(png, pdf::PaletteRead::AsStored).ok);
  CHECK_FALSE(pdf::encode_png_image(png, pdf::PaletteRead::Expanded).ok);
}

TEST_CASE("a kept image (image_cache.h) is the image encoded, for its own bytes only") {
  auto pngs = pngs_in(read_file(CVPDF_SOURCE_DIR "/fonts/NotoColorEmoji.ttf"));
  pngs.resize(5);
  pngs.push_back(read_file(CVPDF_SOURCE_DIR "/tests/photos/photo.png"));
  std::set<std::string> names;
  for (std::size_t i = 0; i < pngs.size(); ++i) {
    CAPTURE(i);
    const pdf::EncodedImage made = pdf::encode_png_image(pngs[i]);
    const std::string entry = pdf::encode_image_entry(pngs[i], made);
    const auto kept = pdf::decode_image_entry(entry, pngs[i]);
    REQUIRE(kept.has_value());
    check_equal(*kept, made);
    CHECK_FALSE(pdf::decode_image_entry(entry, pngs[(i + 1) % pngs.size()]));
    names.insert(pdf::image_entry_name(pngs[i]));
  }
  CHECK(names.size() == pngs.size());
  const std::string entry = pdf::encode_image_entry(pngs[0], pdf::encode_png_image(pngs[0]));
  for (std::size_t n = 0; n < entry.size(); ++n)
    CHECK_FALSE(pdf::decode_image_entry(std::string_view(entry).substr(0, n), pngs[0]));
  for (std::size_t i = 0; i < entry.size(); i += 7) {
    std::string bad = entry;
    bad[i] = static_cast<char>(bad[i] ^ 0x04);
    CHECK_FALSE(pdf::decode_image_entry(bad, pngs[0]));
  }
}
