// cli/photo.cpp — see photo.h.
#include "cli/photo.h"

#include <memory>

#include "cli/confine.h"
#include "core/sniff.h"

namespace cvpdf::cli {

std::optional<doc::Image> load_photo(const World& world, const profile::Profile& p,
                                     core::Diagnostics& diags) {
  (void)world;
  const profile::Str& field = p.cv.photo;
  if (field.text.empty()) return std::nullopt;
  const auto path = confined_path(field.text, p.file, {}, field.loc, "cv.photo", diags);
  if (!path) return std::nullopt;
  core::Diagnostics io;
  auto bytes = read_file(*path, io);
  if (!bytes) {
    diags.error(field.loc, "cannot read the photo '" + field.text + "'");
    return std::nullopt;
  }
  if (!core::check_photo(*bytes, field.text, field.loc, diags)) return std::nullopt;
  std::string why;
  const auto header = core::sniff_image(*bytes, why);  // known good: check_photo sniffed it
  if (!header) return std::nullopt;
  doc::Image img;
  img.kind = header->format == core::ImageHeader::Format::Png ? doc::ImageKind::Png : doc::ImageKind::Jpeg;
  img.width = static_cast<int>(header->width);
  img.height = static_cast<int>(header->height);
  img.loc = field.loc;
  img.bytes = std::make_shared<const std::string>(std::move(*bytes));
  return img;
}

}  // namespace cvpdf::cli
