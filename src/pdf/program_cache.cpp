// pdf/program_cache.cpp — the key and the bytes of a kept font program (see program_cache.h).
#include "pdf/program_cache.h"

#include <dlfcn.h>
#include <hb.h>
#include <libdeflate.h>
#include <sys/stat.h>

#include <cstdio>

#include "core/hash.h"

#ifndef CVPDF_VERSION
#error "CVPDF_VERSION must be defined (CMakeLists.txt)"
#endif

namespace cvpdf::pdf {
namespace {

constexpr std::string_view kMagic = "cvpdf font program 1\n";
/// Larger entries are not read (a Noto CJK subset of a few hundred glyphs is about 100 KB).
constexpr std::size_t kMaxEntryBytes = 64u << 20;

/// The code that makes an entry: versions, and the file this function is in (cvpdf-pdf.so, or
/// the program when pdf/ is linked in) by size and modification time.
const std::string& code_identity() {
  static const std::string id = [] {
    std::string s = std::string("cvpdf ") + CVPDF_VERSION + " harfbuzz " + hb_version_string() +
                    " libdeflate " + LIBDEFLATE_VERSION_STRING;
    Dl_info info{};
    struct stat st {};
    if (::dladdr(reinterpret_cast<void*>(&code_identity), &info) != 0 && info.dli_fname != nullptr &&
        ::stat(info.dli_fname, &st) == 0)
      s += " build " + std::to_string(st.st_size) + " " + std::to_string(st.st_mtim.tv_sec) + "." +
           std::to_string(st.st_mtim.tv_nsec);
    return s;
  }();
  return id;
}

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>(v >> (8 * i)));
}
void put_bytes(std::string& out, std::string_view b) {
  put_u32(out, static_cast<std::uint32_t>(b.size()));
  out.append(b);
}

/// Reads what put_* wrote; any read past the end makes ok() false.
class Reader {
 public:
  explicit Reader(std::string_view b) : b_(b) {}
  std::uint32_t u32() {
    if (!take(4)) return 0;
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b_[pos_ - 4 + static_cast<std::size_t>(i)]);
    return v;
  }
  std::string_view bytes() {
    const std::uint32_t n = u32();
    if (!take(n)) return {};
    return b_.substr(pos_ - n, n);
  }
  [[nodiscard]] bool ok() const { return ok_; }
  [[nodiscard]] std::size_t pos() const { return pos_; }

 private:
  bool take(std::size_t n) {
    if (!ok_ || n > b_.size() - pos_) return ok_ = false;
    pos_ += n;
    return true;
  }
  std::string_view b_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

std::uint64_t checksum(std::string_view b) {
  core::Fnv64 h;
  h.add(b);
  return h.value();
}

}  // namespace

ProgramKey program_key(const std::string& face_identity, const std::set<std::uint32_t>& gids) {
  ProgramKey k;
  k.text = code_identity() + "\n" + face_identity + "\nglyphs";
  for (std::uint32_t g : gids) k.text += " " + std::to_string(g);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(checksum(k.text)));
  k.name = std::string("font-") + hex + ".bin";
  return k;
}

std::string encode_program(const std::string& key_text, const CachedProgram& p) {
  std::string out(kMagic);
  put_bytes(out, key_text);
  put_bytes(out, p.program);
  put_u32(out, p.packed.flate ? 1 : 0);
  put_bytes(out, p.packed.bytes);
  put_u32(out, static_cast<std::uint32_t>(p.code_of.size()));
  for (const auto& [gid, code] : p.code_of) {
    put_u32(out, gid);
    put_u32(out, code);
  }
  const std::uint64_t sum = checksum(out);
  put_u32(out, static_cast<std::uint32_t>(sum));
  put_u32(out, static_cast<std::uint32_t>(sum >> 32));
  return out;
}

std::optional<CachedProgram> decode_program(std::string_view bytes, const std::string& key_text,
                                            const std::set<std::uint32_t>& gids) {
  if (bytes.size() > kMaxEntryBytes || bytes.substr(0, kMagic.size()) != kMagic || bytes.size() < kMagic.size() + 8)
    return std::nullopt;
  const std::string_view body = bytes.substr(0, bytes.size() - 8);
  Reader tail(bytes.substr(body.size()));
  const std::uint64_t low = tail.u32();
  if (checksum(body) != (low | (std::uint64_t{tail.u32()} << 32))) return std::nullopt;
  Reader r(body.substr(kMagic.size()));
  if (r.bytes() != key_text || !r.ok()) return std::nullopt;
  CachedProgram p;
  p.program = std::string(r.bytes());
  const std::uint32_t flate = r.u32();
  p.packed = {std::string(r.bytes()), flate == 1};
  const std::uint32_t n = r.u32();
  if (!r.ok() || flate > 1 || n != gids.size()) return std::nullopt;
  for (std::uint32_t i = 0; i < n && r.ok(); ++i) {
    const std::uint32_t gid = r.u32();
    const std::uint32_t code = r.u32();
    if (code > 0xFFFF || gids.count(gid) == 0) return std::nullopt;
    p.code_of.emplace(gid, static_cast<std::uint16_t>(code));
  }
  if (!r.ok() || r.pos() != body.size() - kMagic.size() || p.code_of.size() != gids.size() || p.program.empty())
    return std::nullopt;
  return p;
}

}  // namespace cvpdf::pdf
