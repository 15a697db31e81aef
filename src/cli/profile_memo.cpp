// cli/profile_memo.cpp — the bytes of a kept profile (see profile_memo.h).
#include "cli/profile_memo.h"

#include <sys/stat.h>

#include <filesystem>

#include "cli/cache_folder.h"
#include "core/byte_io.h"
#include "profile/model_bytes.h"

#ifndef CVPDF_VERSION
#error "CVPDF_VERSION must be defined (CMakeLists.txt)"
#endif

namespace cvpdf::cli {
namespace {

constexpr std::string_view kMagic = "cvpdf profile memo 1\n";

/// The program file that loads profiles: cvpdf's version, and the file's size and time.
const std::string& code_identity() {
  static const std::string id = [] {
    std::string s = std::string("cvpdf ") + CVPDF_VERSION;
    // The file /proc/self/exe names (valgrind gives its client's name there, not its own).
    std::error_code ec;
    const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", ec);
    struct stat st {};
    if (!ec && ::stat(program.c_str(), &st) == 0)
      s += " program " + std::to_string(st.st_size) + " " + std::to_string(st.st_mtim.tv_sec) + "." +
           std::to_string(st.st_mtim.tv_nsec);
    else
      s.clear();  // unknown: nothing is kept
    return s;
  }();
  return id;
}

}  // namespace

bool profile_memo_enabled() {
#ifdef CVPDF_PARSER_IN_PROGRAM
  return !code_identity().empty();
#else
  return false;
#endif
}

std::string profile_memo_name(const std::string& path) {
  return "profile-" + core::hash_hex(absolute_path(path)) + ".bin";
}

std::string encode_profile_memo(const std::string& path, std::string_view bytes, const LoadedProfile& loaded) {
  std::string out(kMagic);
  core::put_sized(out, code_identity());
  core::put_sized(out, path);
  core::put_sized(out, bytes);
  core::put_u32(out, static_cast<std::uint32_t>(loaded.said.size()));
  for (const core::Diagnostic& d : loaded.said) {
    core::put_u32(out, static_cast<std::uint32_t>(d.severity));
    core::put_sized(out, d.loc.file);
    core::put_u32(out, static_cast<std::uint32_t>(d.loc.line));
    core::put_u32(out, static_cast<std::uint32_t>(d.loc.col));
    core::put_sized(out, d.message);
    core::put_sized(out, d.hint);
  }
  core::put_sized(out, profile::profile_to_bytes(loaded.profile));
  core::put_checksum(out);
  return out;
}

std::optional<LoadedProfile> decode_profile_memo(std::string_view entry, const std::string& path,
                                                 std::string_view bytes) {
  bool whole = false;
  const std::string_view body = core::checked_body(entry, whole);
  if (!whole || body.substr(0, kMagic.size()) != kMagic || code_identity().empty()) return std::nullopt;
  core::ByteReader r(body.substr(kMagic.size()));
  if (r.sized() != code_identity() || r.sized() != path || r.sized() != bytes || !r.ok()) return std::nullopt;
  LoadedProfile loaded;
  const std::uint32_t n = r.u32();
  for (std::uint32_t i = 0; i < n && r.ok(); ++i) {
    core::Diagnostic d;
    const std::uint32_t severity = r.u32();
    if (severity > static_cast<std::uint32_t>(core::Severity::Note)) return std::nullopt;
    d.severity = static_cast<core::Severity>(severity);
    d.loc.file = std::string(r.sized());
    d.loc.line = static_cast<int>(r.u32());
    d.loc.col = static_cast<int>(r.u32());
    d.message = std::string(r.sized());
    d.hint = std::string(r.sized());
    if (d.severity == core::Severity::Error) return std::nullopt;  // never kept
    loaded.said.push_back(std::move(d));
  }
  auto model = profile::profile_from_bytes(r.sized());
  if (!model || !r.done()) return std::nullopt;
  loaded.profile = std::move(*model);
  return loaded;
}

}  // namespace cvpdf::cli
