// tests/unit/text/font_index_test.cpp — the font index: round trip, strict parsing (corrupt
// files ignored), stamps, and a FontStore served from it giving the faces fontconfig gave.
#include "text/font_index.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/hash.h"
#include "test_fonts.h"

using namespace cvpdf;
using namespace cvpdf::text;
using test::copy_pinned;
using test::Scratch;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void write(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

FontIndex sample_index(const fs::path& dir) {
  FontIndex index;
  fs::create_directories(dir / "watched");
  index.set_stamps({stamp_of((dir / "watched").string()), stamp_of((dir / "absent").string())});
  IndexAnswer face{true, "/fonts/a b.ttc", 2, "NotoSerifCJKsc-Regular", "Noto Serif CJK SC", 400,
                   false};
  CHECK(index.record("Noto Serif CJK SC|400|r", face));
  CHECK(index.record("Nothing|700|i", IndexAnswer{}));
  IndexAnswer emoji{true, "/fonts/emoji.ttf", 0, "NotoColorEmoji", "Noto Color Emoji", 400, false, true};
  CHECK(index.record("Noto Color Emoji|400|r", emoji));
  return index;
}

}  // namespace

TEST_CASE("the index round-trips through its file") {
  Scratch s;
  const FontIndex index = sample_index(s.dir);
  const std::string bytes = index.serialize();
  auto back = FontIndex::parse(bytes);
  REQUIRE(back);
  CHECK(back->serialize() == bytes);
  const IndexAnswer* a = back->find("Noto Serif CJK SC|400|r");
  REQUIRE(a != nullptr);
  CHECK(a->path == "/fonts/a b.ttc");
  CHECK(a->face_index == 2);
  CHECK_FALSE(a->color_bitmap);
  REQUIRE(back->find("Noto Color Emoji|400|r") != nullptr);
  CHECK(back->find("Noto Color Emoji|400|r")->color_bitmap);
  CHECK(back->find("Nothing|700|i") != nullptr);
  CHECK_FALSE(back->find("Nothing|700|i")->found);
  CHECK(back->find("Other|400|r") == nullptr);
  // Saved atomically and loaded while the stamped folder is unchanged.
  const std::string file = (s.dir / "cache" / "fonts.idx").string();
  REQUIRE(index.save(file));
  CHECK(read(file) == bytes);
  CHECK(FontIndex::load(file).find("Noto Serif CJK SC|400|r") != nullptr);
  for (const auto& e : fs::directory_iterator(s.dir / "cache"))  // no temporary file left
    CHECK(e.path().filename() == "fonts.idx");
}

TEST_CASE("a corrupt or foreign index file is ignored, never trusted") {
  Scratch s;
  const std::string good = sample_index(s.dir).serialize();
  CHECK(FontIndex::parse(good));
  CHECK_FALSE(FontIndex::parse(""));
  CHECK_FALSE(FontIndex::parse(good.substr(0, good.size() / 2)));  // truncated
  CHECK_FALSE(FontIndex::parse(good.substr(0, good.size() - 1)));  // no final newline
  for (std::size_t i = 0; i < good.size(); i += 7) {  // any changed byte breaks the checksum
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x01);
    CAPTURE(i);
    CHECK_FALSE(FontIndex::parse(bad));
  }
  CHECK_FALSE(FontIndex::parse(std::string(FontIndex::kMaxBytes + 1, '\n')));
  // Well-formed lines with values out of range are refused even with a right checksum.
  FontIndex odd;
  CHECK(odd.record("X|400|r", IndexAnswer{true, "/f.ttf", 0, "P", "F", 400, false}));
  std::string bytes = odd.serialize();
  auto rehash = [](std::string text) {  // a checksum that matches the edited body
    text = text.substr(0, text.rfind("end\t"));
    core::Fnv64 h;
    h.add(text);
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h.value()));
    return text + "end\t" + hex + "\n";
  };
  CHECK(FontIndex::parse(rehash(bytes)));  // the helper itself gives a valid file
  for (auto [from, to] : {std::pair{"\t0\tP", "\t70000\tP"},
                          {"\t400\t", "\t4000\t"},
                          {"\t400\t", "\t-1\t"},
                          {"\t0\n", "\t2\n"},
                          {"face\t", "fase\t"},
                          {"\t0\tP", "\t0x\tP"}}) {
    std::string bad = bytes;
    bad.replace(bad.find(from), std::string(from).size(), to);
    CAPTURE(bad);
    CHECK_FALSE(FontIndex::parse(rehash(bad)));
  }
  // A file of garbage at the index path: the store ignores it and finds fonts as usual.
  const std::string file = (s.dir / "fonts.idx").string();
  write(file, "cvpdf-font-index\tgarbage\n\x01\x02");
  core::Diagnostics diags;
  FontStore store({test::source_path("fonts")}, false, {file, {}});
  const FaceId id = store.find("Noto Serif", 700, false, "en", diags);
  REQUIRE(id != kNoFace);
  CHECK(store.info(id).postscript_name == "NotoSerif-Bold");
  CHECK(diags.all().empty());
}

TEST_CASE("a second store is served from the index with the faces fontconfig gave") {
  Scratch s;
  const std::string fonts = copy_pinned(s.dir);
  const std::string file = (s.dir / "cache" / "fonts.idx").string();
  std::vector<FaceInfo> first;
  {
    FontStore store({fonts}, false, {file, {}});
    core::Diagnostics diags;
    for (auto [family, weight] :
         {std::pair{"Noto Serif", 400}, {"Noto Serif", 700}, {"Noto Serif CJK", 400}})
      first.push_back(store.info(store.find(family, weight, false, "zh", diags)));
    CHECK(store.find("Times", 400, false, "en", diags) == kNoFace);
    CHECK(diags.all().empty());
  }
  REQUIRE(fs::exists(file));
  const std::string saved = read(file);
  CHECK(saved.find("face\tNoto Serif CJK SC|400|r\t") != std::string::npos);
  CHECK(saved.find("none\tTimes|400|r\n") != std::string::npos);
  {
    FontStore store({fonts}, false, {file, {}});
    core::Diagnostics diags;
    std::size_t i = 0;
    for (auto [family, weight] :
         {std::pair{"Noto Serif", 400}, {"Noto Serif", 700}, {"Noto Serif CJK", 400}}) {
      const FaceInfo& info = store.info(store.find(family, weight, false, "zh", diags));
      CHECK(info.path == first[i].path);
      CHECK(info.face_index == first[i].face_index);
      CHECK(info.postscript_name == first[i].postscript_name);
      CHECK(info.family == first[i].family);
      CHECK(info.weight == first[i].weight);
      CHECK(info.italic == first[i].italic);
      ++i;
    }
    CHECK(store.find("Times", 400, false, "en", diags) == kNoFace);
  }
  CHECK(read(file) == saved);  // nothing new: not rewritten
}

TEST_CASE("an emoji does not open a family the index says has no colour glyphs") {
  Scratch s;
  const std::string fonts = copy_pinned(s.dir, {"NotoColorEmoji.ttf"});
  const std::string file = (s.dir / "cache" / "fonts.idx").string();
  Style style;
  style.families = {"Noto Serif", "Noto Serif CJK", "Noto Color Emoji"};
  style.size = 10;
  style.lang = "en";
  const std::string text = "Hi \xF0\x9F\x98\x84";  // 😄: not in Noto Serif nor in the CJK face
  std::vector<std::vector<ShapedGlyph>> runs;
  for (const std::size_t expected_open : {3, 2}) {  // cold: the CJK face is opened to be asked
    FontStore store({fonts}, false, {file, {}});
    core::Diagnostics diags;
    runs.push_back(shape(store, text, 0, text.size(), style, diags, {}));
    CHECK(diags.all().empty());
    REQUIRE(runs.back().size() == 4);
    CHECK(store.info(runs.back().back().face).color_bitmap);
    CHECK(store.color_bitmap_known("Noto Serif CJK", 400, false, "en") == std::optional<bool>(false));
    CHECK(store.opened_faces() == expected_open);  // warm: Noto Serif and the emoji face only
  }
  CHECK(runs[0].back().gid == runs[1].back().gid);
}

TEST_CASE("the index is served only while its stamps match, and checked on use") {
  Scratch s;
  const std::string fonts = copy_pinned(s.dir);
  const std::string file = (s.dir / "fonts.idx").string();
  {
    FontStore store({fonts}, false, {file, {}});
    core::Diagnostics d;
    store.find("Noto Serif", 400, false, "en", d);
  }
  REQUIRE(fs::exists(file));
  // An index that answers Bold for Regular, with the folder's stamps: served as recorded
  // (this is how the test sees that the index, not fontconfig, answered) ...
  auto index = FontIndex::parse(read(file));
  REQUIRE(index);
  const std::string bold = (fs::path(fonts) / "NotoSerif-Bold.ttf").string();
  index->record("Noto Serif|400|r",
                IndexAnswer{true, bold, 0, "NotoSerif-Bold", "Noto Serif", 700, false});
  REQUIRE(index->save(file));
  {
    FontStore store({fonts}, false, {file, {}});
    core::Diagnostics d;
    CHECK(store.info(store.find("Noto Serif", 400, false, "en", d)).postscript_name ==
          "NotoSerif-Bold");
  }
  // ... a face whose PostScript name differs from the record is not used: fontconfig answers.
  index->record("Noto Serif|400|r",
                IndexAnswer{true, bold, 0, "NotoSerif-Regular", "Noto Serif", 400, false});
  REQUIRE(index->save(file));
  {
    FontStore store({fonts}, false, {file, {}});
    core::Diagnostics d;
    const FaceInfo& info = store.info(store.find("Noto Serif", 400, false, "en", d));
    CHECK(info.postscript_name == "NotoSerif-Regular");
    CHECK(info.path == (fs::path(fonts) / "NotoSerif-Regular.ttf").string());
  }
  // ... nor a face outside the store's font folders, whatever the index says.
  const fs::path outside = s.dir / "outside";
  fs::create_directories(outside);
  fs::copy_file(fs::path(fonts) / "NotoSerif-Bold.ttf", outside / "NotoSerif-Bold.ttf");
  index->record("Noto Serif|400|r", IndexAnswer{true, (outside / "NotoSerif-Bold.ttf").string(), 0,
                                                "NotoSerif-Bold", "Noto Serif", 700, false});
  REQUIRE(index->save(file));
  {
    FontStore store({fonts}, false, {file, {}});
    core::Diagnostics d;
    const FaceInfo& info = store.info(store.find("Noto Serif", 400, false, "en", d));
    CHECK(info.postscript_name == "NotoSerif-Regular");
  }
  // A font removed from the folder changes its stamp: the index is not loaded at all.
  index->record("Noto Serif|400|r",
                IndexAnswer{true, bold, 0, "NotoSerif-Bold", "Noto Serif", 700, false});
  REQUIRE(index->save(file));
  fs::remove(fs::path(fonts) / "NotoSerifCJKsc-Regular.otf");
  CHECK(FontIndex::load(file).empty());
  FontStore store({fonts}, false, {file, {}});
  core::Diagnostics d;
  CHECK(store.info(store.find("Noto Serif", 400, false, "en", d)).postscript_name ==
        "NotoSerif-Regular");
  CHECK(store.find("Noto Serif CJK", 400, false, "zh", d) == kNoFace);
}

TEST_CASE("index files are per set of font folders") {
  const std::string a = index_file_for("/c", {"/x"}, false, "");
  CHECK(a.rfind("/c/fonts-", 0) == 0);
  CHECK(a.size() == std::string("/c/fonts-").size() + 16 + 4);
  CHECK(index_file_for("/c", {"/x"}, true, "") != a);
  CHECK(index_file_for("/c", {"/y"}, false, "") != a);
  CHECK(index_file_for("/c", {"/x"}, false, "FONTCONFIG_FILE=/f\n") != a);
  CHECK(index_file_for("", {"/x"}, false, "").empty());
}
