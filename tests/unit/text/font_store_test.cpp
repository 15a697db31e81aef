// tests/unit/text/font_store_test.cpp — FontStore: finding faces, regional CJK faces, no
// substitution, broken files, face information.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "test_fonts.h"

using namespace cvpdf;
using namespace cvpdf::text;
namespace fs = std::filesystem;

TEST_CASE("find gives the face of the family, weight and slant, with its information") {
  FontStore& store = test::pinned_store();
  core::Diagnostics diags;
  const FaceId regular = store.find("Noto Serif", 400, false, "en", diags);
  const FaceId bold = store.find("Noto Serif", 700, false, "en", diags);
  const FaceId bold_italic = store.find("Noto Serif", 700, true, "en", diags);
  REQUIRE(regular != kNoFace);
  REQUIRE(bold != kNoFace);
  REQUIRE(bold_italic != kNoFace);
  CHECK(regular != bold);
  CHECK(store.info(regular).postscript_name == "NotoSerif-Regular");
  CHECK(store.info(bold).postscript_name == "NotoSerif-Bold");
  CHECK(store.info(bold_italic).postscript_name == "NotoSerif-BoldItalic");
  const FaceInfo& info = store.info(bold_italic);
  CHECK(info.family == "Noto Serif");
  CHECK(info.weight == 700);
  CHECK(info.italic);
  CHECK(info.units_per_em == 1000);
  CHECK(info.ascender == doctest::Approx(1.069));
  CHECK(info.descender == doctest::Approx(-0.293));
  CHECK(info.path.find("fonts/NotoSerif-BoldItalic.ttf") != std::string::npos);
  CHECK(store.find("Noto Serif", 700, true, "en", diags) == bold_italic);  // cached, opened once
  CHECK(diags.all().empty());
}

TEST_CASE("a weight between two faces goes to the closer one") {
  core::Diagnostics diags;
  FontStore& store = test::pinned_store();
  CHECK(store.find("Noto Sans", 600, false, "en", diags) ==
        store.find("Noto Sans", 700, false, "en", diags));
  CHECK(store.find("Noto Sans", 300, false, "en", diags) ==
        store.find("Noto Sans", 400, false, "en", diags));
}

TEST_CASE("unknown families give kNoFace: no silent substitution") {
  FontStore& store = test::pinned_store();
  core::Diagnostics diags;
  CHECK(store.find("Times New Roman", 400, false, "en", diags) == kNoFace);
  CHECK(store.find("Noto", 400, false, "en", diags) == kNoFace);
  CHECK(store.find("Noto Serif Display", 400, false, "en", diags) == kNoFace);
  // Only the SC cut is pinned: Japanese text must not silently get Chinese glyph forms.
  CHECK(store.find("Noto Serif CJK", 400, false, "ja", diags) == kNoFace);
}

TEST_CASE("CJK families get the regional face from the language") {
  FontStore& store = test::pinned_store();
  core::Diagnostics diags;
  for (const char* lang : {"zh", "zh-Hans", "zh-CN", "en", "de"}) {
    CAPTURE(lang);
    const FaceId id = store.find("Noto Serif CJK", 400, false, lang, diags);
    REQUIRE(id != kNoFace);
    CHECK(store.info(id).postscript_name == "NotoSerifCJKsc-Regular");
    CHECK(store.info(id).family == "Noto Serif CJK SC");
  }
  const FaceId bold = store.find("Noto Sans CJK", 700, false, "zh", diags);
  REQUIRE(bold != kNoFace);
  CHECK(store.info(bold).postscript_name == "NotoSansCJKsc-Bold");
}

TEST_CASE("system .ttc: zh and ja give different faces of one collection") {
  FontStore store({}, true);
  core::Diagnostics diags;
  const FaceId zh = store.find("Noto Serif CJK", 400, false, "zh", diags);
  const FaceId ja = store.find("Noto Serif CJK", 400, false, "ja", diags);
  const FaceId tw = store.find("Noto Serif CJK", 400, false, "zh-TW", diags);
  if (zh == kNoFace || ja == kNoFace) {
    MESSAGE("Noto Serif CJK is not installed here; skipped");
    return;
  }
  CHECK(store.info(zh).postscript_name == "NotoSerifCJKsc-Regular");
  CHECK(store.info(ja).postscript_name == "NotoSerifCJKjp-Regular");
  CHECK(store.info(zh).path == store.info(ja).path);
  CHECK(store.info(zh).face_index != store.info(ja).face_index);
  if (tw != kNoFace) CHECK(store.info(tw).postscript_name == "NotoSerifCJKtc-Regular");
  // The same character, different regional glyphs ("直" differs between SC and JP).
  CHECK(store.glyph_for(zh, U'直') != 0);
  CHECK(store.find("Noto Serif CJK", 400, false, "ko", diags) != zh);
  CHECK(store.find("Surely Not A Font Family", 400, false, "en", diags) == kNoFace);
}

TEST_CASE("a broken font file is skipped with a warning, not a crash") {
  const fs::path dir = fs::temp_directory_path() / "cvpdf-text-broken-font";
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  fs::copy_file(test::source_path("fonts/Symbola.ttf"), dir / "sub" / "Symbola.ttf");
  { std::ofstream(dir / "Broken.ttf") << "this is not a font"; }
  { std::ofstream(dir / "Empty.otf"); }
  {
    FontStore store({dir.string(), (dir / "missing").string()}, false);
    core::Diagnostics diags;
    const FaceId id = store.find("Symbola", 400, false, "en", diags);
    CHECK(id != kNoFace);
    CHECK(diags.warning_count() == 3);
    std::string all;
    for (const auto& d : diags.all()) all += d.message + "\n";
    CHECK(all.find("Broken.ttf' cannot be read and is skipped") != std::string::npos);
    CHECK(all.find("Empty.otf' cannot be read and is skipped") != std::string::npos);
    CHECK(all.find("missing' does not exist") != std::string::npos);
    core::Diagnostics again;
    store.find("Symbola", 400, false, "en", again);
    CHECK(again.all().empty());  // reported once per store
  }
  fs::remove_all(dir);
}

TEST_CASE("glyph_for tells coverage") {
  FontStore& store = test::pinned_store();
  core::Diagnostics diags;
  const FaceId serif = store.find("Noto Serif", 400, false, "en", diags);
  const FaceId cjk = store.find("Noto Serif CJK", 400, false, "zh", diags);
  CHECK(store.glyph_for(serif, U'A') != 0);
  CHECK(store.glyph_for(serif, U'€') != 0);
  CHECK(store.glyph_for(serif, U'北') == 0);
  CHECK(store.glyph_for(cjk, U'北') != 0);
  CHECK(store.glyph_for(cjk, U'，') != 0);
}

TEST_CASE("two stores do not share state") {
  FontStore only_symbola({test::source_path("fonts/missing-subfolder")}, false);
  core::Diagnostics diags;
  CHECK(only_symbola.find("Noto Serif", 400, false, "en", diags) == kNoFace);
  CHECK(test::pinned_store().find("Noto Serif", 400, false, "en", diags) != kNoFace);
}

TEST_CASE("close_faces unmaps the faces; a later find opens them again") {
  FontStore store({test::source_path("fonts")}, false);
  core::Diagnostics diags;
  const FaceId bold = store.find("Noto Serif", 700, false, "en", diags);
  REQUIRE(bold != kNoFace);
  const std::string path = store.info(bold).path;
  store.close_faces();
  CHECK_FALSE(store.find_quietly("Noto Serif", 700, false, "en"));  // nothing is open any more
  const FaceId again = store.find("Noto Serif", 700, false, "en", diags);
  REQUIRE(again != kNoFace);
  CHECK(store.info(again).path == path);
  CHECK(store.info(again).postscript_name == "NotoSerif-Bold");
  CHECK(store.glyph_for(again, U'A') != 0);
  CHECK(diags.all().empty());
}
