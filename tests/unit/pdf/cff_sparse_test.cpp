// tests/unit/pdf/cff_sparse_test.cpp — a CFF table rebuilt with only what a subset reads
// (pdf/cff_sparse.h) gives hb-subset's very bytes, holds little else, and is refused whole
// when it cannot be rebuilt. On the pinned CJK faces (fonts/), which keep their subroutines but
// not their hints, and on Debian's Noto CJK collections where installed (scripts/setup.sh
// installs them), whose charstrings have stems and hint masks: both sides of each comparison
// are computed here, so the system's version of the fonts cannot make the test pass wrongly.
#include "pdf/cff_sparse.h"

#include <doctest/doctest.h>
#include <hb.h>

#include <cstdint>
#include <cstdio>
#include <iterator>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "pdf/font_face.h"
#include "pdf_test_support.h"

using namespace cvpdf;

namespace {

struct Face {
  std::string path;
  unsigned index;
};

std::vector<Face> cjk_faces() {
  std::vector<Face> faces{{CVPDF_SOURCE_DIR "/fonts/NotoSerifCJKsc-Regular.otf", 0},
                          {CVPDF_SOURCE_DIR "/fonts/NotoSerifCJKsc-Bold.otf", 0},
                          {CVPDF_SOURCE_DIR "/fonts/NotoSansCJKsc-Bold.otf", 0},
                          {CVPDF_SOURCE_DIR "/fonts/NotoSansCJKsc-Regular.otf", 0}};
  for (const char* system : {"/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
                             "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"})
    if (std::ifstream(system).good()) faces.push_back({system, 2});  // the SC face
  return faces;
}

std::unique_ptr<pdf::OpenFont> open_face(const Face& face) {
  core::Diagnostics d;
  auto f = pdf::OpenFont::open(frame::FontFace{face.path, static_cast<int>(face.index), ""}, d);
  REQUIRE(f != nullptr);
  REQUIRE(f->is_cff());
  return f;
}

/// The 'CFF ' table of an OpenType file: its offset and length, from the table directory.
std::pair<std::uint64_t, std::uint32_t> cff_table(const Face& f) {
  hb_blob_t* file = hb_blob_create_from_file(f.path.c_str());
  hb_face_t* face = hb_face_create(file, f.index);
  hb_blob_t* cff = hb_face_reference_table(face, HB_TAG('C', 'F', 'F', ' '));
  unsigned len = 0;
  const char* base = hb_blob_get_data(file, nullptr);
  const char* at = hb_blob_get_data(cff, &len);
  const std::pair<std::uint64_t, std::uint32_t> where{static_cast<std::uint64_t>(at - base), len};
  hb_blob_destroy(cff);
  hb_face_destroy(face);
  hb_blob_destroy(file);
  return where;
}

/// Subsets `gids` from the rebuilt table and from the mapped one; both must give the same bytes.
void check_same_subset(const Face& face, const std::set<std::uint32_t>& gids) {
  const auto [offset, length] = cff_table(face);
  hb_blob_t* rebuilt = pdf::sparse_cff_table(face.path, offset, length, gids);
  REQUIRE(rebuilt != nullptr);  // else subset() would quietly read the mapped table twice
  hb_blob_destroy(rebuilt);
  auto font = open_face(face);
  core::Diagnostics d;
  const auto sparse = font->subset(gids, d, 0);
  const auto mapped = font->subset(gids, d, UINT32_MAX);
  REQUIRE(sparse.has_value());
  REQUIRE(mapped.has_value());
  CHECK(d.all().empty());
  CHECK(sparse->program == mapped->program);
  CHECK(sparse->code_of == mapped->code_of);
}

std::size_t nonzero_bytes(const char* p, std::size_t n) {
  std::size_t k = 0;
  for (std::size_t i = 0; i < n; ++i) k += p[i] != 0;
  return k;
}

}  // namespace

TEST_CASE("a rebuilt CFF table gives hb-subset's bytes for every kind of glyph set") {
  for (const Face& face : cjk_faces()) {
    CAPTURE(face.path);
    auto font = open_face(face);
    const std::uint32_t n = font->glyph_count();
    REQUIRE(n > 100);
    // Every glyph of a pinned face; one in 97 of a 65 535-glyph collection (seconds otherwise).
    const std::uint32_t step = n > 5000 ? 97 : 1;
    std::set<std::uint32_t> spread, every_seventh, tail_run{1, 2, 3, n - 3, n - 2, n - 1}, chinese;
    for (std::uint32_t g = 0; g < n; g += step) spread.insert(g);
    for (std::uint32_t g = 0; g < n; g += 7 * step) every_seventh.insert(g);
    for (char32_t cp : U"个人简介研究经历教育发表论文奖项北京大学计算机科学与技术，。（）2025")
      if (std::uint32_t g = font->glyph_for(cp)) chinese.insert(g);
    REQUIRE(chinese.size() > 20);
    check_same_subset(face, chinese);
    check_same_subset(face, every_seventh);
    check_same_subset(face, spread);
    check_same_subset(face, tail_run);  // items ending with the INDEX's last keep their places
    check_same_subset(face, {});        // .notdef alone
  }
}

TEST_CASE("a rebuilt CFF table holds the subset's glyphs, and little else") {
  const Face face = cjk_faces().front();
  const std::string& path = face.path;
  const auto [offset, length] = cff_table(face);
  auto font = open_face(face);
  std::set<std::uint32_t> few;
  for (char32_t cp : U"个人简介") few.insert(font->glyph_for(cp));
  hb_blob_t* rebuilt = pdf::sparse_cff_table(path, offset, length, few);
  REQUIRE(rebuilt != nullptr);
  unsigned len = 0;
  const char* bytes = hb_blob_get_data(rebuilt, &len);
  CHECK(len == length);
  std::string original(length, '\0');
  std::ifstream in(path, std::ios::binary);
  in.seekg(static_cast<std::streamoff>(offset));
  in.read(original.data(), length);
  // Five glyphs' outlines and what they call: under a third of the original's bytes.
  CHECK(nonzero_bytes(bytes, len) * 3 < nonzero_bytes(original.data(), length));
  CHECK(std::string(bytes, 4) == original.substr(0, 4));  // the header, as it was
  hb_blob_destroy(rebuilt);
}

TEST_CASE("a CFF table that cannot be rebuilt is refused whole") {
  const Face face = cjk_faces().front();
  const std::string& path = face.path;
  const auto [offset, length] = cff_table(face);
  const std::set<std::uint32_t> gids{1, 2, 3};
  CHECK(pdf::sparse_cff_table(path + ".missing", offset, length, gids) == nullptr);
  // Not a CFF table: the file's start (the sfnt header), or a table that runs past the file.
  CHECK(pdf::sparse_cff_table(path, 0, length, gids) == nullptr);
  CHECK(pdf::sparse_cff_table(path, offset, length + 1'000'000, gids) == nullptr);
  CHECK(pdf::sparse_cff_table(path, offset, 3, gids) == nullptr);
  // A glyph the font does not have.
  CHECK(pdf::sparse_cff_table(path, offset, length, {70'000}) == nullptr);
  // CFF2 (major version 2) is not read: a copy of the font with the version changed.
  std::ifstream in(path, std::ios::binary);
  std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  file[offset] = 2;
  const std::string copy = pdf::test::write_temp("cff2", file);
  CHECK(pdf::sparse_cff_table(copy, offset, length, gids) == nullptr);
  std::remove(copy.c_str());
}
