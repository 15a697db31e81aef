// pdf/image_cache.cpp — the bytes of a kept image (see image_cache.h).
#include "pdf/image_cache.h"

#include "core/byte_io.h"
#include "pdf/program_cache.h"

namespace cvpdf::pdf {
namespace {

constexpr std::string_view kMagic = "cvpdf image 1\n";

void put_packed(std::string& out, const Packed& p) {
  core::put_u32(out, p.flate ? 1 : 0);
  core::put_sized(out, p.bytes);
}

void put_optional(std::string& out, const std::optional<Packed>& p) {
  core::put_u32(out, p ? 1 : 0);
  if (p) put_packed(out, *p);
}

/// A Packed as put_packed wrote it; false if its flag is not 0 or 1.
bool read_packed(core::ByteReader& r, Packed& p) {
  const std::uint32_t flate = r.u32();
  p = {std::string(r.sized()), flate == 1};
  return flate <= 1;
}

bool read_optional(core::ByteReader& r, std::optional<Packed>& p) {
  const std::uint32_t has = r.u32();
  if (has == 0) return true;
  p.emplace();
  return has == 1 && read_packed(r, *p);
}

}  // namespace

std::string image_entry_name(std::string_view png) { return "image-" + core::hash_hex(png) + ".bin"; }

std::string encode_image_entry(std::string_view png, const EncodedImage& image) {
  std::string out(kMagic);
  core::put_sized(out, code_identity());
  core::put_sized(out, png);
  core::put_u32(out, image.width);
  core::put_u32(out, image.height);
  core::put_sized(out, image.colour_space);
  put_packed(out, image.data);
  put_optional(out, image.palette);
  core::put_u32(out, static_cast<std::uint32_t>(image.hival));
  put_optional(out, image.alpha);
  core::put_checksum(out);
  return out;
}

std::optional<EncodedImage> decode_image_entry(std::string_view entry, std::string_view png) {
  bool whole = false;
  const std::string_view body = core::checked_body(entry, whole);
  if (!whole || body.substr(0, kMagic.size()) != kMagic) return std::nullopt;
  core::ByteReader r(body.substr(kMagic.size()));
  if (r.sized() != code_identity() || r.sized() != png || !r.ok()) return std::nullopt;
  EncodedImage e;
  e.ok = true;
  e.width = r.u32();
  e.height = r.u32();
  e.colour_space = std::string(r.sized());
  bool fine = read_packed(r, e.data) && read_optional(r, e.palette);
  e.hival = static_cast<int>(r.u32());
  fine = fine && read_optional(r, e.alpha);
  if (!fine || !r.done() || e.width == 0 || e.height == 0 || e.hival < 0 || e.hival > 255) return std::nullopt;
  return e;
}

}  // namespace cvpdf::pdf
