// pdf/deflate.cpp — zlib with chosen settings (see deflate.h).
#include "pdf/deflate.h"

#include <zlib.h>

#include <stdexcept>

namespace cvpdf::pdf {
namespace {

/// zlib's largest window (32 KB) and internal state (memLevel 9): the best ratio.
constexpr int kWindowBits = 15;
constexpr int kMemLevel = 9;
/// "/Filter/FlateDecode": what a compressed stream's dictionary pays for compression.
constexpr std::size_t kFilterKeyBytes = 19;

}  // namespace

std::string deflate(std::string_view data, StreamKind kind) {
  z_stream z{};
  const int strategy = kind == StreamKind::Operators ? Z_FILTERED : Z_DEFAULT_STRATEGY;
  const int level = kind == StreamKind::Objects ? Z_BEST_COMPRESSION : Z_DEFAULT_COMPRESSION;
  if (deflateInit2(&z, level, Z_DEFLATED, kWindowBits, kMemLevel, strategy) != Z_OK)
    throw std::runtime_error("zlib could not start compressing a stream");
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = ::deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw std::runtime_error("zlib could not compress a stream");
  return out;
}

void set_stream(PoDoFo::PdfObject& obj, std::string_view data, StreamKind kind) {
  const std::string packed = deflate(data, kind);
  const bool compress = packed.size() + kFilterKeyBytes < data.size();
  const std::string_view bytes = compress ? std::string_view(packed) : data;
  PoDoFo::PdfMemoryInputStream in(bytes.data(), static_cast<PoDoFo::pdf_long>(bytes.size()));
  obj.GetStream()->SetRawData(&in);
  if (compress) obj.GetDictionary().AddKey("Filter", PoDoFo::PdfName("FlateDecode"));
}

}  // namespace cvpdf::pdf
