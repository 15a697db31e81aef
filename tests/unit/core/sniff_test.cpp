// tests/unit/core/sniff_test.cpp — photo and font headers read before any decoder, and the photo
// and font limits at the limit and one past it (core/limits.h).
#include "core/sniff.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#include "core/limits.h"

using cvpdf::core::check_font;
using cvpdf::core::check_photo;
using cvpdf::core::Diagnostics;
using cvpdf::core::ImageHeader;
using cvpdf::core::sniff_font;
using cvpdf::core::sniff_image;
namespace limits = cvpdf::core::limits;

namespace {

std::string be16(std::uint32_t v) {
  return {static_cast<char>(v >> 8 & 0xFF), static_cast<char>(v & 0xFF)};
}
std::string be32(std::uint32_t v) { return be16(v >> 16) + be16(v & 0xFFFF); }

/// SOI, an APP0 segment, SOFn with the given size, SOS, EOI.
std::string jpeg(std::uint32_t w, std::uint32_t h, char sof = '\xC0') {
  const std::string app0 = std::string("\xFF\xE0", 2) + be16(16) + std::string("JFIF\0\1\1\0\0\1\0\1\0\0", 14);
  const std::string frame = std::string("\xFF", 1) + sof + be16(11) + "\x08" + be16(h) + be16(w) +
                            std::string("\x01\x01\x11\x00", 4);
  return std::string("\xFF\xD8", 2) + app0 + frame + std::string("\xFF\xDA\x00\x02\xFF\xD9", 6);
}

std::string png(std::uint32_t w, std::uint32_t h) {
  return std::string("\x89PNG\r\n\x1A\n", 8) + be32(13) + "IHDR" + be32(w) + be32(h) +
         std::string("\x08\x02\x00\x00\x00", 5) + be32(0);
}

/// An sfnt with one table, maxp, declaring `glyphs` glyphs.
std::string sfnt(std::uint32_t glyphs) {
  return std::string("\0\1\0\0", 4) + be16(1) + be16(16) + be16(0) + be16(0) + "maxp" + be32(0) +
         be32(28) + be32(6) + be32(0x5000) + be16(glyphs);
}

std::string error_of(const std::string& bytes) {
  Diagnostics d;
  if (check_photo(bytes, "me.jpg", {"p.yaml", 3, 10}, d)) return "";
  return cvpdf::core::format_headline(d.all().at(0));
}

}  // namespace

TEST_CASE("JPEG and PNG dimensions come from SOFn and IHDR") {
  std::string why;
  auto j = sniff_image(jpeg(640, 480), why);
  REQUIRE(j);
  CHECK(j->format == ImageHeader::Format::Jpeg);
  CHECK(j->width == 640);
  CHECK(j->height == 480);
  auto progressive = sniff_image(jpeg(10, 20, '\xC2'), why);
  REQUIRE(progressive);
  CHECK(progressive->height == 20);
  auto p = sniff_image(png(800, 600), why);
  REQUIRE(p);
  CHECK(p->format == ImageHeader::Format::Png);
  CHECK(p->width == 800);
  CHECK(p->height == 600);
}

TEST_CASE("truncated, zero-sized and unknown images are refused with a reason") {
  std::string why;
  const std::string j = jpeg(640, 480);
  for (std::size_t n = 0; n < 30; ++n) CHECK_FALSE(sniff_image(j.substr(0, n), why));
  CHECK_FALSE(sniff_image(jpeg(0, 10), why));
  CHECK(why == "the JPEG declares a zero width or height");
  CHECK_FALSE(sniff_image(png(10, 0), why));
  CHECK_FALSE(sniff_image("GIF89a", why));
  CHECK(why == "it is neither a JPEG nor a PNG file");
}

TEST_CASE("photo pixels: 24 MP accepted, one row more refused, from the header alone") {
  CHECK(error_of(jpeg(6000, 4000)) == "");  // 24 000 000 pixels
  CHECK(error_of(png(6000, 4001)) ==
        "p.yaml:3:10: error: photo 'me.jpg' declares 6000 × 4001 pixels, over the limit of "
        "24000000 pixels and 12000 per side");
  CHECK(error_of(jpeg(12000, 2000)) == "");
  CHECK(error_of(jpeg(12001, 1)) != "");
  CHECK(error_of(jpeg(65000, 65000)) != "");  // the PoDoFo JPEG bomb of notes/input-libraries.md
}

TEST_CASE("photo bytes: 16 MiB accepted, one byte more refused") {
  std::string at = jpeg(100, 100);
  at.resize(limits::kMaxPhotoBytes, '\0');
  CHECK(error_of(at) == "");
  CHECK(error_of(at + '\0') == "p.yaml:3:10: error: photo 'me.jpg' is larger than the 16 MiB limit");
}

TEST_CASE("fonts: sfnt and collections give maxp's glyph count; 0 glyphs and garbage are refused") {
  std::string why;
  auto f = sniff_font(sfnt(7), why);
  REQUIRE(f);
  CHECK(f->glyphs == 7);
  CHECK(check_font(sfnt(1), why));
  CHECK_FALSE(check_font(sfnt(0), why));
  CHECK(why == "it has no glyphs");
  CHECK_FALSE(check_font("not a font at all", why));
  CHECK(why == "it is not an OpenType or TrueType font");
  CHECK_FALSE(check_font(sfnt(7).substr(0, 30), why));
  const std::string ttc = "ttcf" + be32(0x10000) + be32(1) + be32(16) + sfnt(9);
  // the face's maxp offset is relative to the file: move it past the 16-byte collection header
  std::string fixed = ttc;
  fixed.replace(16 + 12 + 8, 4, be32(16 + 28));
  auto c = sniff_font(fixed, why);
  REQUIRE(c);
  CHECK(c->collection);
  CHECK(c->glyphs == 9);
}

TEST_CASE("font bytes: 64 MiB accepted, one byte more refused") {
  std::string why;
  std::string at = sfnt(5);
  at.resize(limits::kMaxFontBytes, '\0');
  CHECK(check_font(at, why));
  CHECK_FALSE(check_font(at + '\0', why));
  CHECK(why == "it is larger than the 64 MiB limit");
}

TEST_CASE("every pinned font passes the header check") {
  for (const char* name : {"NotoSerif-Regular.ttf", "NotoSansCJKsc-Regular.otf", "Symbola.ttf"}) {
    std::ifstream in(std::string(CVPDF_SOURCE_DIR) + "/fonts/" + name, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    std::string why;
    CHECK_MESSAGE(check_font(s.str(), why), name, ": ", why);
  }
}
