// cli/confine.cpp — std::filesystem::weakly_canonical and a component-wise prefix test.
#include "cli/confine.h"

#include <filesystem>
#include <system_error>

namespace cvpdf::cli {

namespace {

namespace fs = std::filesystem;

/// Absolute, `..`-free, symbolic links followed as far as the path exists; empty on error.
fs::path resolved(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  if (ec) return {};
  fs::path out = fs::weakly_canonical(abs, ec);
  return ec ? fs::path() : out;
}

/// True when every component of `root` starts `file` (so /a/bc is not inside /a/b).
bool has_prefix(const fs::path& file, const fs::path& root) {
  auto f = file.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++f) {
    if (r->empty()) continue;  // the empty last component of "dir/"
    if (f == file.end() || *f != *r) return false;
  }
  return true;
}

}  // namespace

bool is_inside(const std::string& file, const std::vector<std::string>& roots) {
  const fs::path f = resolved(file);
  if (f.empty()) return false;
  for (const std::string& root : roots) {
    const fs::path r = resolved(root);
    if (!r.empty() && has_prefix(f, r)) return true;
  }
  return false;
}

std::optional<std::string> confined_path(const std::string& name, const std::string& profile_path,
                                         const std::vector<std::string>& extra_roots,
                                         const core::SourceLoc& loc, std::string_view what,
                                         core::Diagnostics& diags) {
  const fs::path folder = fs::path(profile_path).parent_path();
  const fs::path candidate = fs::path(name).is_absolute() ? fs::path(name) : folder / name;
  std::vector<std::string> roots = extra_roots;
  roots.push_back(folder.empty() ? std::string(".") : folder.string());
  if (is_inside(candidate.string(), roots)) return candidate.string();
  diags.error(loc,
              std::string(what) + " '" + name + "' is outside the profile's folder",
              "a profile may only name files in its own folder (or in the configured layout and "
              "font folders); give your own layout with --theme on the command line");
  return std::nullopt;
}

}  // namespace cvpdf::cli
