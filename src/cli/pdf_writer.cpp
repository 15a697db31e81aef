// cli/pdf_writer.cpp — loading cvpdf-pdf.so (see pdf_writer.h).
#include "cli/pdf_writer.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <future>
#include <mutex>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

namespace cvpdf::cli {

namespace {

namespace fs = std::filesystem;

struct Loaded {
  pdf::WritePdf write = nullptr;
  std::string error;  // why `write` is null
};

/// Where the module may be: beside the program (the build tree), then ../lib/cvpdf/ (installed).
/// The program's own path, symbolic links resolved: a link to it on PATH finds its module.
std::vector<fs::path> module_candidates() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {fs::path(pdf::kModuleFile)};
  const fs::path dir = exe.parent_path();
  return {dir / pdf::kModuleFile, dir.parent_path() / "lib" / "cvpdf" / pdf::kModuleFile};
}

bool same_abi(const pdf::ModuleAbi& a, const pdf::ModuleAbi& b) {
  return std::strcmp(a.version, b.version) == 0 && a.document_size == b.document_size &&
         a.diagnostics_size == b.diagnostics_size && a.string_size == b.string_size;
}

/// True when libraries are preloaded into every process (LD_PRELOAD, /etc/ld.so.preload): one
/// may replace malloc (jemalloc, tcmalloc), and under RTLD_DEEPBIND the module's libraries would
/// bind to libc's malloc while the rest of the process uses the replacement, and memory passing
/// between HarfBuzz and hb-subset would be freed by the wrong allocator.
bool libraries_preloaded() {
  const char* env = std::getenv("LD_PRELOAD");
  return (env != nullptr && *env != '\0') || ::access("/etc/ld.so.preload", F_OK) == 0;
}

Loaded load_module() {
  std::string tried;
  const int deep_bind = libraries_preloaded() ? 0 : RTLD_DEEPBIND;
  for (const fs::path& path : module_candidates()) {
    tried += tried.empty() ? "" : "; ";
    std::error_code ec;
    if (!fs::exists(path, ec)) {
      tried += path.string() + ": not there";
      continue;
    }
    // RTLD_LOCAL: nothing in it can take the place of a symbol of the program's. RTLD_LAZY:
    // functions are bound when first called, as at start-up (binding the 13 libraries' every
    // function now cost 5 M instructions) — for the libraries not built with BIND_NOW: Debian
    // builds PoDoFo, libcrypto, libtiff and most others with it, so their 9 800 symbols are
    // bound here. RTLD_DEEPBIND: those lookups start in the module's own libraries instead of
    // first walking the program's 17 objects, where few of them are: 14.7 M -> 9.3 M
    // instructions. The copies the program holds of libc's and libstdc++'s data (copy
    // relocations) are then not the ones the module's libraries see: tests/e2e/pdf_module.sh
    // checks that those they use are read-only or safe when stale (vtables, stderr,
    // __libc_single_threaded), and 48 PDFs with their messages were the same as without it.
    // Not when libraries are preloaded (libraries_preloaded).
    void* handle = ::dlopen(path.c_str(), RTLD_LAZY | RTLD_LOCAL | deep_bind);
    if (handle == nullptr) {
      const char* why = ::dlerror();
      tried += path.string() + ": " + (why ? why : "cannot be loaded");
      continue;
    }
    using Entry = const pdf::ModuleEntry* (*)();
    auto entry = reinterpret_cast<Entry>(::dlsym(handle, pdf::kModuleSymbol));
    const pdf::ModuleEntry* e = entry ? entry() : nullptr;
    if (e == nullptr || !same_abi(e->abi, pdf::kModuleAbi)) {
      tried += path.string() + ": from another build of cvpdf";
      ::dlclose(handle);
      continue;
    }
    return {e->write_pdf, {}};  // never unloaded: the process ends soon
  }
  return {nullptr, "cvpdf's PDF writer cannot be loaded (" + tried + ")"};
}

struct State {
  std::mutex mutex;
  std::optional<Loaded> loaded;
  std::future<Loaded> pending;
  pdf::WritePdf set = nullptr;
};

State& state() {
  static State s;
  return s;
}

}  // namespace

void preload_pdf_writer() {
  State& s = state();
  std::lock_guard<std::mutex> lock(s.mutex);
  if (s.set != nullptr || s.loaded || s.pending.valid()) return;
  s.pending = std::async(std::launch::async, load_module);
}

pdf::WritePdf pdf_writer() {
  State& s = state();
  std::lock_guard<std::mutex> lock(s.mutex);
  if (s.set != nullptr) return s.set;
  if (!s.loaded) s.loaded = s.pending.valid() ? s.pending.get() : load_module();
  if (s.loaded->write == nullptr)
    throw ModuleMissing(s.loaded->error, std::string("install cvpdf with `cmake --install BUILD_DIR`, or keep the program "
                                                     "and ") + pdf::kModuleFile + " of the same build side by side");
  return s.loaded->write;
}

void use_pdf_writer(pdf::WritePdf write) {
  State& s = state();
  std::lock_guard<std::mutex> lock(s.mutex);
  s.set = write;
}

}  // namespace cvpdf::cli
