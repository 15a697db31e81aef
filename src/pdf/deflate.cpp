// pdf/deflate.cpp — libdeflate at one level (see deflate.h).
#include "pdf/deflate.h"

#include <libdeflate.h>

#include <memory>

#include <stdexcept>

namespace cvpdf::pdf {
namespace {

/// libdeflate's level (1–12; 6 is zlib's default): against zlib at the same level, 0.5 % smaller
/// files for 3 % fewer instructions of the whole run (seed CV).
constexpr int kLevel = 6;
struct Free {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};
/// "/Filter/FlateDecode": what a compressed stream's dictionary pays for compression.
constexpr std::size_t kFilterKeyBytes = 19;

}  // namespace

std::string deflate(std::string_view data) {
  // One compressor per thread, kept for the thread's life (batch mode renders languages on
  // several threads); libdeflate allocates its 652 KB of tables once per compressor.
  thread_local std::unique_ptr<libdeflate_compressor, Free> compressor;
  auto& c = compressor;
  if (!c) c.reset(libdeflate_alloc_compressor(kLevel));
  if (!c) throw std::runtime_error("libdeflate could not start compressing a stream");
  std::string out(libdeflate_zlib_compress_bound(c.get(), data.size()), '\0');
  const std::size_t n = libdeflate_zlib_compress(c.get(), data.data(), data.size(), out.data(), out.size());
  if (n == 0) throw std::runtime_error("libdeflate could not compress a stream");
  out.resize(n);
  return out;
}

Packed pack(std::string_view data) {
  Packed p{deflate(data), true};
  if (p.bytes.size() + kFilterKeyBytes >= data.size()) p = {std::string(data), false};
  return p;
}

void set_packed(PoDoFo::PdfObject& obj, const Packed& packed) {
  PoDoFo::PdfMemoryInputStream in(packed.bytes.data(), static_cast<PoDoFo::pdf_long>(packed.bytes.size()));
  obj.GetStream()->SetRawData(&in);
  if (packed.flate) obj.GetDictionary().AddKey("Filter", PoDoFo::PdfName("FlateDecode"));
}

void set_stream(PoDoFo::PdfObject& obj, std::string_view data) {
  set_packed(obj, pack(data));
}

}  // namespace cvpdf::pdf
