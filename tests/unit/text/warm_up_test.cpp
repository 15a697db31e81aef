// tests/unit/text/warm_up_test.cpp — FontStore::find_quietly and warm_up: faces opened ahead
// of the render only when the store can answer without a lookup, and never a message lost.
#include "text/warm_up.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "test_fonts.h"

using namespace cvpdf;
using namespace cvpdf::text;
namespace fs = std::filesystem;

namespace {

/// A scratch folder with some pinned fonts, and a font index file in it.
struct Scratch : test::Scratch {
  std::string fonts_dir = test::copy_pinned(dir);
  [[nodiscard]] std::string fonts() const { return fonts_dir; }
  [[nodiscard]] std::string index() const { return (dir / "cache" / "fonts.idx").string(); }
};

Style serif(int weight, const std::string& lang) {
  Style s;
  s.families = {"Noto Serif", "Noto Serif CJK", "Not Installed"};
  s.weight = weight;
  s.lang = lang;
  return s;
}

}  // namespace

TEST_CASE("find_quietly answers only what the store can answer without a lookup") {
  Scratch s;
  {
    FontStore store({s.fonts()}, false, {s.index(), {}});
    // No index yet and nothing asked: it cannot answer, and it does nothing.
    CHECK_FALSE(store.find_quietly("Noto Serif", 400, false, "en"));
    core::Diagnostics diags;
    const FaceId regular = store.find("Noto Serif", 400, false, "en", diags);
    REQUIRE(regular != kNoFace);
    CHECK(store.find_quietly("Noto Serif", 400, false, "en") == regular);  // asked before
    CHECK_FALSE(store.find_quietly("Noto Serif", 700, false, "en"));
    CHECK(store.find("Not Installed", 400, false, "en", diags) == kNoFace);
    CHECK(store.find_quietly("Not Installed", 400, false, "en") == kNoFace);
  }
  // A second store (a second run) is answered from the index the first one saved.
  FontStore store({s.fonts()}, false, {s.index(), {}});
  const auto regular = store.find_quietly("Noto Serif", 400, false, "en");
  REQUIRE(regular);
  REQUIRE(*regular != kNoFace);
  CHECK(store.info(*regular).postscript_name == "NotoSerif-Regular");
  core::Diagnostics diags;
  CHECK(store.find("Noto Serif", 400, false, "en", diags) == *regular);  // the same face
  CHECK(diags.all().empty());
}

TEST_CASE("warm_up opens the faces a style uses for the sample's scripts, and says nothing") {
  Scratch s;
  {
    FontStore store({s.fonts()}, false, {s.index(), {}});
    core::Diagnostics diags;
    for (const char* family : {"Noto Serif", "Noto Serif CJK", "Not Installed"})
      store.find(family, 400, false, "zh-Hans", diags);
  }
  FontStore store({s.fonts()}, false, {s.index(), {}});
  CHECK(script_sample("zh-Hans") == "a\u4E2D");
  CHECK(script_sample("en") == "a");
  warm_up(store, {serif(400, "zh-Hans"), serif(700, "zh-Hans")}, script_sample("zh-Hans"));
  // The regular serif and the CJK face were opened from the index; the bold serif was never
  // recorded, so the walk of that stack stopped there: find() will look it up and report.
  CHECK(store.find_quietly("Noto Serif", 400, false, "zh-Hans").value_or(kNoFace) != kNoFace);
  CHECK(store.find_quietly("Noto Serif CJK", 400, false, "zh-Hans").value_or(kNoFace) != kNoFace);
  core::Diagnostics diags;
  CHECK(store.find("Noto Serif", 700, false, "zh-Hans", diags) != kNoFace);
  CHECK(diags.all().empty());
}

TEST_CASE("warm_up leaves the store's pending messages to the render") {
  Scratch s;
  { std::ofstream(fs::path(s.fonts()) / "Broken.ttf") << "this is not a font"; }
  FontStore store({s.fonts()}, false, {s.index(), {}});
  core::Diagnostics first;
  store.find("Noto Serif", 400, false, "en", first);  // builds fontconfig: one warning
  CHECK(first.warning_count() == 1);
  FontStore again({s.fonts()}, false, {s.index(), {}});
  warm_up(again, {serif(400, "en")}, "a");  // cannot answer quietly: no index was kept
  core::Diagnostics diags;
  CHECK(again.find("Noto Serif", 400, false, "en", diags) != kNoFace);
  CHECK(diags.warning_count() == 1);  // the render still hears of the broken file
}

TEST_CASE("under a QuietScope, find answers only quietly and otherwise throws, having done nothing") {
  Scratch s;
  FontStore store({s.fonts()}, false, {s.index(), {}});
  core::Diagnostics diags;
  const FaceId regular = store.find("Noto Serif", 400, false, "en", diags);
  REQUIRE(regular != kNoFace);
  {
    const FontStore::QuietScope quiet;
    CHECK(store.find("Noto Serif", 400, false, "en", diags) == regular);
    CHECK_THROWS_AS(store.find("Noto Serif", 700, false, "en", diags), FontStore::NotQuiet);
  }
  CHECK_FALSE(store.find_quietly("Noto Serif", 700, false, "en"));  // still never asked
  CHECK(store.find("Noto Serif", 700, false, "en", diags) != kNoFace);  // out of the scope: found
  CHECK(diags.all().empty());
}
