// pdf/deflate.cpp — libdeflate at one level (see deflate.h).
#include "pdf/deflate.h"

#include <libdeflate.h>
#include <sys/mman.h>

#include <memory>
#include <mutex>
#include <stdexcept>

namespace cvpdf::pdf {
namespace {

/// libdeflate's level (1–12; 6 is zlib's default): against zlib at the same level, 0.5 % smaller
/// files for 3 % fewer instructions of the whole run (seed CV).
constexpr int kLevel = 6;
struct Free {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};
/// libdeflate's memory as blocks of their own, mapped and unmapped: a helper thread's
/// compressor (652 KB) goes back to the system when the thread ends instead of staying in its
/// malloc arena, which cvpdf never trims (main.cpp), until the end of the render, where its
/// peak RSS is (issue 9). The block's size sits in the 16 bytes before what libdeflate gets.
constexpr std::size_t kBlockHeader = 16;
void* map_block(std::size_t size) {
  const std::size_t total = size + kBlockHeader;
  void* p = ::mmap(nullptr, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) return nullptr;
  *static_cast<std::size_t*>(p) = total;
  return static_cast<char*>(p) + kBlockHeader;
}
void unmap_block(void* block) {
  if (block == nullptr) return;
  char* p = static_cast<char*>(block) - kBlockHeader;
  ::munmap(p, *reinterpret_cast<std::size_t*>(p));
}

/// "/Filter/FlateDecode": what a compressed stream's dictionary pays for compression.
constexpr std::size_t kFilterKeyBytes = 19;

}  // namespace

std::string deflate(std::string_view data) {
  // One compressor per thread, kept for the thread's life (batch mode renders languages on
  // several threads); libdeflate allocates its 652 KB of tables once per compressor.
  static std::once_flag allocator;
  std::call_once(allocator, [] { libdeflate_set_memory_allocator(map_block, unmap_block); });
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
