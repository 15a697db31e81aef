// pdf/program_cache.cpp — the key and the bytes of a kept font program (see program_cache.h).
#include "pdf/program_cache.h"

#include <dlfcn.h>
#include <hb.h>
#include <libdeflate.h>
#include <sys/stat.h>


#include "core/byte_io.h"

#ifndef CVPDF_VERSION
#error "CVPDF_VERSION must be defined (CMakeLists.txt)"
#endif

namespace cvpdf::pdf {
namespace {

constexpr std::string_view kMagic = "cvpdf font program 1\n";
/// Larger entries are not read (a Noto CJK subset of a few hundred glyphs is about 100 KB).
constexpr std::size_t kMaxEntryBytes = 64u << 20;

}  // namespace

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

ProgramKey program_key(const std::string& face_identity, const std::set<std::uint32_t>& gids) {
  ProgramKey k;
  k.text = code_identity() + "\n" + face_identity + "\nglyphs";
  for (std::uint32_t g : gids) k.text += " " + std::to_string(g);
  k.name = "font-" + core::hash_hex(k.text) + ".bin";
  return k;
}

std::string encode_program(const std::string& key_text, const CachedProgram& p) {
  std::string out(kMagic);
  core::put_sized(out, key_text);
  core::put_sized(out, p.program);
  core::put_u32(out, p.packed.flate ? 1 : 0);
  core::put_sized(out, p.packed.bytes);
  core::put_u32(out, static_cast<std::uint32_t>(p.code_of.size()));
  for (const auto& [gid, code] : p.code_of) {
    core::put_u32(out, gid);
    core::put_u32(out, code);
  }
  core::put_checksum(out);
  return out;
}

std::optional<CachedProgram> decode_program(std::string_view bytes, const std::string& key_text,
                                            const std::set<std::uint32_t>& gids) {
  bool whole = false;
  const std::string_view body = core::checked_body(bytes, whole);
  if (!whole || bytes.size() > kMaxEntryBytes || body.substr(0, kMagic.size()) != kMagic) return std::nullopt;
  core::ByteReader r(body.substr(kMagic.size()));
  if (r.sized() != key_text || !r.ok()) return std::nullopt;
  CachedProgram p;
  p.program = std::string(r.sized());
  const std::uint32_t flate = r.u32();
  p.packed = {std::string(r.sized()), flate == 1};
  const std::uint32_t n = r.u32();
  if (!r.ok() || flate > 1 || n != gids.size()) return std::nullopt;
  for (std::uint32_t i = 0; i < n && r.ok(); ++i) {
    const std::uint32_t gid = r.u32();
    const std::uint32_t code = r.u32();
    if (code > 0xFFFF || gids.count(gid) == 0) return std::nullopt;
    p.code_of.emplace(gid, static_cast<std::uint16_t>(code));
  }
  if (!r.done() || p.code_of.size() != gids.size() || p.program.empty()) return std::nullopt;
  return p;
}

}  // namespace cvpdf::pdf
