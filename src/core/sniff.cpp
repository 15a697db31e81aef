// core/sniff.cpp — JPEG SOFn, PNG IHDR and sfnt/maxp readers with bounds checks on every read.
#include "core/sniff.h"

#include "core/limits.h"

namespace cvpdf::core {

namespace {

/// Big-endian reads that fail instead of reading past the end.
struct Reader {
  std::string_view b;
  bool ok(std::size_t at, std::size_t n) const { return at <= b.size() && n <= b.size() - at; }
  std::uint32_t u8(std::size_t at) const { return static_cast<unsigned char>(b[at]); }
  std::uint32_t u16(std::size_t at) const { return u8(at) << 8 | u8(at + 1); }
  std::uint32_t u32(std::size_t at) const { return u16(at) << 16 | u16(at + 2); }
};

/// SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC): the markers that carry the frame size.
bool is_sof(std::uint32_t marker) {
  return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

/// Standalone markers have no length field: TEM, RST0–7 (SOI and EOI are handled by the caller).
bool is_standalone(std::uint32_t marker) {
  return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7);
}

std::optional<ImageHeader> sniff_jpeg(const Reader& r, std::string& why) {
  std::size_t at = 2;  // after SOI
  while (r.ok(at, 2)) {
    if (r.u8(at) != 0xFF) {
      why = "a JPEG marker was expected at byte " + std::to_string(at);
      return std::nullopt;
    }
    const std::uint32_t marker = r.u8(at + 1);
    if (marker == 0xFF) {  // fill byte
      ++at;
      continue;
    }
    if (is_standalone(marker)) {
      at += 2;
      continue;
    }
    if (marker == 0xD9 || marker == 0xDA || !r.ok(at + 2, 2)) break;  // EOI or SOS before SOF
    const std::uint32_t length = r.u16(at + 2);
    if (length < 2) break;
    if (is_sof(marker)) {
      if (length < 8 || !r.ok(at + 4, 6)) break;
      ImageHeader h{ImageHeader::Format::Jpeg, r.u16(at + 7), r.u16(at + 5),
                    static_cast<int>(r.u8(at + 9))};
      if (h.width == 0 || h.height == 0) {
        why = "the JPEG declares a zero width or height";
        return std::nullopt;
      }
      return h;
    }
    at += 2 + length;
  }
  why = "the JPEG ends before its frame header (SOF)";
  return std::nullopt;
}

std::optional<ImageHeader> sniff_png(const Reader& r, std::string& why) {
  // 8-byte signature, then the IHDR chunk: length 13, "IHDR", width, height, depth, colour type.
  if (!r.ok(8, 25) || r.u32(8) != 13 || r.b.substr(12, 4) != "IHDR") {
    why = "the PNG does not start with an IHDR chunk";
    return std::nullopt;
  }
  ImageHeader h{ImageHeader::Format::Png, r.u32(16), r.u32(20), static_cast<int>(r.u8(25))};
  if (h.width == 0 || h.height == 0) {
    why = "the PNG declares a zero width or height";
    return std::nullopt;
  }
  return h;
}

/// The offset of the table `tag` in the sfnt whose directory starts at `dir`, or nothing.
std::optional<std::uint32_t> find_table(const Reader& r, std::size_t dir, std::string_view tag,
                                        std::uint32_t& length) {
  if (!r.ok(dir, 12)) return std::nullopt;
  const std::uint32_t tables = r.u16(dir + 4);
  for (std::uint32_t i = 0; i < tables; ++i) {
    const std::size_t rec = dir + 12 + 16 * std::size_t{i};
    if (!r.ok(rec, 16)) return std::nullopt;
    if (r.b.substr(rec, 4) != tag) continue;
    length = r.u32(rec + 12);
    return r.u32(rec + 8);
  }
  return std::nullopt;
}

}  // namespace

std::optional<ImageHeader> sniff_image(std::string_view bytes, std::string& why) {
  const Reader r{bytes};
  if (bytes.starts_with("\xFF\xD8")) return sniff_jpeg(r, why);
  if (bytes.starts_with("\x89PNG\r\n\x1A\n")) return sniff_png(r, why);
  why = "it is neither a JPEG nor a PNG file";
  return std::nullopt;
}

std::optional<FontHeader> sniff_font(std::string_view bytes, std::string& why) {
  const Reader r{bytes};
  FontHeader h;
  std::size_t dir = 0;
  if (bytes.starts_with("ttcf")) {
    if (!r.ok(8, 8) || r.u32(8) == 0) {
      why = "the font collection lists no faces";
      return std::nullopt;
    }
    h.collection = true;
    h.faces = r.u32(8);
    dir = r.u32(12);
  }
  const std::string_view version = r.ok(dir, 4) ? bytes.substr(dir, 4) : std::string_view();
  h.cff = version == "OTTO";
  if (!h.cff && version != std::string_view("\0\1\0\0", 4) && version != "true") {
    why = "it is not an OpenType or TrueType font";
    return std::nullopt;
  }
  std::uint32_t length = 0;
  const std::optional<std::uint32_t> maxp = find_table(r, dir, "maxp", length);
  if (!maxp || length < 6 || !r.ok(*maxp, 6)) {
    why = "its maxp table is missing or outside the file";
    return std::nullopt;
  }
  h.glyphs = r.u16(*maxp + 4);
  return h;
}

bool check_photo(std::string_view bytes, const std::string& name, const SourceLoc& loc,
                 Diagnostics& diags) {
  using namespace limits;
  const std::string head = "photo '" + name + "'";
  if (bytes.size() > kMaxPhotoBytes) {
    diags.error(loc, head + " is larger than the " + std::to_string(kMaxPhotoBytes >> 20) +
                         " MiB limit",
                "save it smaller; a CV photo needs about 600 × 800 pixels");
    return false;
  }
  std::string why;
  const std::optional<ImageHeader> h = sniff_image(bytes, why);
  if (!h) {
    diags.error(loc, head + " cannot be used: " + why, "use a JPEG or PNG file");
    return false;
  }
  const std::uint64_t pixels = std::uint64_t{h->width} * h->height;
  if (h->width > kMaxPhotoSide || h->height > kMaxPhotoSide || pixels > kMaxPhotoPixels) {
    diags.error(loc,
                head + " declares " + std::to_string(h->width) + " × " +
                    std::to_string(h->height) + " pixels, over the limit of " +
                    std::to_string(kMaxPhotoPixels) + " pixels and " +
                    std::to_string(kMaxPhotoSide) + " per side",
                "save it smaller; a CV photo needs about 600 × 800 pixels");
    return false;
  }
  return true;
}

bool check_font(std::string_view bytes, std::string& why) {
  if (bytes.size() > limits::kMaxFontBytes) {
    why = "it is larger than the " + std::to_string(limits::kMaxFontBytes >> 20) + " MiB limit";
    return false;
  }
  const std::optional<FontHeader> h = sniff_font(bytes, why);
  if (!h) return false;
  if (h->glyphs == 0) {
    why = "it has no glyphs";
    return false;
  }
  return true;
}

}  // namespace cvpdf::core
