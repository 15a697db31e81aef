// cli/world.cpp — reading the environment once, and files.
#include "cli/world.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include <unistd.h>

#include "core/limits.h"

namespace cvpdf::cli {

namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr ? v : "";
}

/// The font index folder and what fontconfig reads from the environment (fontconfig's
/// fonts.conf: the xdg config and data homes, the legacy ~/.fonts*, FONTCONFIG_*).
void font_environment(World& w) {
  const std::string home = env("HOME");
  auto xdg = [&](const char* var, const char* fallback) {
    std::string dir = env(var);
    if (dir.empty() || dir[0] != '/') dir = home.empty() ? "" : home + "/" + fallback;
    return dir;
  };
  const std::string cache = xdg("XDG_CACHE_HOME", ".cache");
  const std::string setting = env("CVPDF_FONT_INDEX");
  if (!cache.empty() && setting != "off") w.font_cache_dir = cache + "/cvpdf";
  for (const char* var : {"FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT", "HOME",
                          "XDG_CONFIG_HOME", "XDG_DATA_HOME"})
    w.fontconfig_environment += std::string(var) + "=" + env(var) + "\n";
  const std::string config = xdg("XDG_CONFIG_HOME", ".config");
  const std::string data = xdg("XDG_DATA_HOME", ".local/share");
  if (!config.empty())
    for (const char* p : {"/fontconfig", "/fontconfig/fonts.conf", "/fontconfig/conf.d"})
      w.fontconfig_user_paths.push_back(config + p);
  if (!data.empty()) w.fontconfig_user_paths.push_back(data + "/fonts");
  if (!home.empty())
    for (const char* p : {"/.fonts", "/.fonts.conf", "/.fonts.conf.d"})
      w.fontconfig_user_paths.push_back(home + p);
  if (const std::string file = env("FONTCONFIG_FILE"); !file.empty())
    w.fontconfig_user_paths.push_back(file);
}

}  // namespace

World World::from_environment(core::Diagnostics& diags) {
  World w;
  font_environment(w);
  w.stderr_is_terminal = ::isatty(STDERR_FILENO) == 1;
  w.cores = std::max(1u, std::thread::hardware_concurrency());
  // reproducible-builds.org's SOURCE_DATE_EPOCH: a decimal count of seconds since the epoch.
  if (const char* sde = std::getenv("SOURCE_DATE_EPOCH"); sde != nullptr && *sde != '\0') {
    std::int64_t v = 0;
    const char* end = sde + std::strlen(sde);
    auto [ptr, ec] = std::from_chars(sde, end, v);
    if (ec == std::errc{} && ptr == end && v >= 0 && v < 253402300800) {  // before year 10000
      w.date = v;
    } else {
      diags.warning({}, std::string("SOURCE_DATE_EPOCH='") + sde + "' is not a number of seconds; ignored");
    }
  }
  if (const char* dirs = std::getenv("CVPDF_HYPHEN_DIRS"); dirs != nullptr && *dirs != '\0') {
    w.hyphen_dirs.clear();
    std::stringstream list(dirs);
    for (std::string dir; std::getline(list, dir, ':');)
      if (!dir.empty()) w.hyphen_dirs.push_back(dir);
  }
  return w;
}

std::optional<std::string> read_file(const std::string& path, core::Diagnostics& diags) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.error({path, 0, 0}, std::string("cannot open the file: ") + std::strerror(errno),
                "check the path; it is relative to the current folder");
    return std::nullopt;
  }
  // At most core::limits::kMaxReadBytes + 1 bytes: enough to tell that a file is too big.
  std::string bytes;
  char chunk[1 << 16];
  while (bytes.size() <= core::limits::kMaxReadBytes && in.read(chunk, sizeof chunk).gcount() > 0)
    bytes.append(chunk, static_cast<std::size_t>(in.gcount()));
  if (in.bad()) {
    diags.error({path, 0, 0}, "cannot read the file");
    return std::nullopt;
  }
  if (bytes.size() > core::limits::kMaxReadBytes) {
    diags.error({path, 0, 0},
                "the file is larger than " + std::to_string(core::limits::kMaxReadBytes >> 20) +
                    " MiB, the most cvpdf reads from one file",
                "is this the right file?");
    return std::nullopt;
  }
  return bytes;
}

std::optional<std::string> builtin_layout(const std::string& name) {
  for (auto& [n, text] : builtin_layout_texts()) {
    if (n == name) return std::move(text);
  }
  return std::nullopt;
}

std::optional<std::string> builtin_layout_tree(const std::string& name) {
  for (auto& [n, tree] : builtin_layout_trees()) {
    if (n == name) return std::move(tree);
  }
  return std::nullopt;
}

std::vector<std::string> builtin_layout_names() {
  std::vector<std::string> out;
  for (const auto& entry : builtin_layout_texts()) out.push_back(entry.first);
  return out;
}

}  // namespace cvpdf::cli
