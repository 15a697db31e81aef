// fuzz/kept.cpp — what a run reads back from the cache folder: a shape memo
// (text/shape_memo.h), a kept font program (pdf/program_cache.h), a kept image
// (pdf/image_cache.h) and a loaded profile's model (profile/model_bytes.h). Each is read as given and once more with its checksum made right, so that
// a mutation reaches the parser behind the checksum.
#include <set>

#include "core/byte_io.h"
#include "fuzz.h"
#include "pdf/image_cache.h"
#include "pdf/program_cache.h"
#include "profile/model_bytes.h"
#include "text/shape_memo.h"

namespace {

void read_all(const std::string& bytes) {
  cvpdf::text::ShapeMemo memo;
  if (memo.load(bytes)) (void)memo.to_bytes();
  // A font program's key is the one it holds (magic line, then the key, sized); glyphs 0-9.
  cvpdf::core::ByteReader r(std::string_view(bytes).substr(std::min(bytes.size(), bytes.find('\n') + 1)));
  const std::string key(r.sized());
  for (const std::set<std::uint32_t>& gids : {std::set<std::uint32_t>{}, std::set<std::uint32_t>{0, 1, 2, 3}})
    (void)cvpdf::pdf::decode_program(bytes, key, gids);
  (void)cvpdf::pdf::decode_image_entry(bytes, "\x89PNG");
  if (auto model = cvpdf::profile::profile_from_bytes(bytes)) (void)cvpdf::profile::profile_to_bytes(*model);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes = cvpdf::fuzz::as_string(data, size);
  read_all(bytes);
  cvpdf::core::put_checksum(bytes);
  read_all(bytes);
  return 0;
}
