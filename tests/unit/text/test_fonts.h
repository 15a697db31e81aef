// tests/unit/text/test_fonts.h — the pinned fonts (fonts/) as the text tests see them.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "text/font_store.h"
#include "text/shape.h"

namespace cvpdf::text::test {

inline std::string source_path(const std::string& rel) {
  return std::string(CVPDF_SOURCE_DIR) + "/" + rel;
}

/// A scratch folder under the temporary folder, one per object, removed at the end of the test.
struct Scratch {
  std::filesystem::path dir;
  Scratch() {
    static std::atomic<int> n{0};
    dir = std::filesystem::temp_directory_path() /
          ("cvpdf-text-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
  }
  ~Scratch() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
};

/// A copy of some pinned fonts in `dir`/fonts, so that a test may change the folder; gives it.
inline std::string copy_pinned(const std::filesystem::path& dir, const std::vector<std::string>& more = {}) {
  const std::filesystem::path fonts = dir / "fonts";
  std::filesystem::create_directories(fonts);
  std::vector<std::string> files{"NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerifCJKsc-Regular.otf"};
  files.insert(files.end(), more.begin(), more.end());
  for (const std::string& f : files) std::filesystem::copy_file(source_path("fonts/" + f), fonts / f);
  return fonts.string();
}

/// A store with only the pinned fonts: what every golden test uses.
inline FontStore& pinned_store() {
  static FontStore store({source_path("fonts")}, false);
  return store;
}

/// How to ask the store for the face in a given pinned file.
struct FaceRequest {
  std::string family;
  int weight = 400;
  bool italic = false;
};

/// Maps each pinned file name ("NotoSerif-Bold.ttf") to the request that finds it, by asking
/// the store for every family/weight/slant the pinned set has.
inline std::map<std::string, FaceRequest> pinned_requests(FontStore& store) {
  std::map<std::string, FaceRequest> out;
  core::Diagnostics diags;
  for (const char* family :
       {"Noto Serif", "Noto Sans", "Noto Serif CJK", "Noto Sans CJK", "Symbola"}) {
    for (int weight : {400, 700}) {
      for (bool italic : {false, true}) {
        const FaceId id = store.find(family, weight, italic, "zh", diags);
        if (id == kNoFace) continue;
        const std::string& path = store.info(id).path;
        const std::string file = path.substr(path.find_last_of('/') + 1);
        out.try_emplace(file, FaceRequest{family, weight, italic});
      }
    }
  }
  return out;
}

/// A style for a single family at `size` points.
inline Style style_of(const FaceRequest& r, double size, const std::string& lang = "en") {
  Style s;
  s.families = {r.family};
  s.weight = r.weight;
  s.italic = r.italic;
  s.size = size;
  s.lang = lang;
  return s;
}

}  // namespace cvpdf::text::test
