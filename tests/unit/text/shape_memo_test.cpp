// text/shape_memo.h: HarfBuzz's output kept between runs. Every shaping one-liner (shaping.tests,
// shaping-positions.tests, the hb-shape cases) gives the same glyphs from HarfBuzz, from a memo
// being filled and from a memo read back from its bytes; a run's context is part of its key; a
// warm run takes its glyphs from the memo; damaged, cut or foreign bytes are refused.
#include <doctest/doctest.h>

#include <hb.h>

#include <fstream>
#include <set>
#include <utility>

#include "core/byte_io.h"
#include "test_fonts.h"
#include "text/shape_memo.h"

using namespace cvpdf;
using namespace cvpdf::text;

namespace {

struct Case {
  std::string font, text;
};

std::vector<Case> one_liners() {
  std::vector<Case> cases;
  for (const char* file : {"shaping.tests", "shaping-positions.tests"}) {
    std::ifstream in(test::source_path(std::string("tests/unit/text/") + file));
    REQUIRE(in.good());
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || line[0] == '#') continue;
      const auto a = line.find(';');
      const auto b = line.find(';', a + 1);
      cases.push_back({line.substr(0, a), line.substr(a + 1, b - a - 1)});
    }
  }
  REQUIRE(cases.size() > 20);
  return cases;
}

bool same(const std::vector<ShapedGlyph>& a, const std::vector<ShapedGlyph>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].face != b[i].face || a[i].gid != b[i].gid || a[i].advance != b[i].advance || a[i].dx != b[i].dx ||
        a[i].dy != b[i].dy || a[i].text_begin != b[i].text_begin || a[i].text_end != b[i].text_end ||
        a[i].unsafe_to_break != b[i].unsafe_to_break)
      return false;
  return true;
}

/// Shapes every one-liner with `store` (its memo, if any) at 11.5 pt.
std::vector<std::vector<ShapedGlyph>> shape_all(FontStore& store, const std::vector<Case>& cases) {
  const auto requests = test::pinned_requests(store);
  std::vector<std::vector<ShapedGlyph>> out;
  for (const Case& c : cases) {
    core::Diagnostics diags;
    const Style style = test::style_of(requests.at(c.font), 11.5, "zh");
    out.push_back(shape(store, c.text, 0, c.text.size(), style, diags, {}));
  }
  return out;
}

/// Noto Serif Regular at 10 pt, as the pinned store finds it.
Style serif() {
  static const Style style = [] {
    FontStore store({test::source_path("fonts")}, false);
    return test::style_of(test::pinned_requests(store).at("NotoSerif-Regular.ttf"), 10);
  }();
  return style;
}

/// A store of the pinned fonts that uses `memo`.
struct MemoStore {
  explicit MemoStore(ShapeMemo& memo) { store.use_shape_memo(&memo); }
  FontStore store{{test::source_path("fonts")}, false};
};

Style naskh() {
  Style s;
  s.families = {"Noto Naskh Arabic"};
  s.lang = "ar";
  return s;
}

}  // namespace

TEST_CASE("HarfBuzz, a memo being filled and a memo read back give the same glyphs") {
  const std::vector<Case> cases = one_liners();
  FontStore plain({test::source_path("fonts")}, false);
  const auto expected = shape_all(plain, cases);

  ShapeMemo memo;
  MemoStore cold(memo);
  const auto filled = shape_all(cold.store, cases);
  CHECK(memo.changed());
  std::set<std::pair<std::string, std::string>> distinct;
  for (const Case& c : cases) distinct.insert({c.font, c.text});
  CHECK(memo.size() >= distinct.size());  // a run each at least (a line of mixed scripts: more)

  ShapeMemo read;
  REQUIRE(read.load(memo.to_bytes()));
  CHECK(read.size() == memo.size());
  CHECK_FALSE(read.changed());
  MemoStore warm(read);
  const auto kept = shape_all(warm.store, cases);
  CHECK_FALSE(read.changed());  // every run answered by the memo
  CHECK(read.to_bytes() == memo.to_bytes());
  for (std::size_t i = 0; i < cases.size(); ++i) {
    CAPTURE(cases[i].text);
    CHECK(same(filled[i], expected[i]));
    CHECK(same(kept[i], expected[i]));
  }
}

TEST_CASE("a run's context is part of its key") {
  // The same letter lām as a run of its own: joined on both sides in بلب, alone between spaces.
  const std::string joined = "\u0628\u0644\u0628";
  const std::string alone = " \u0644 ";
  FontStore plain({test::source_path("fonts")}, false);
  core::Diagnostics diags;
  const auto joined_hb = shape(plain, joined, 2, 4, naskh(), diags, {});
  const auto alone_hb = shape(plain, alone, 1, 3, naskh(), diags, {});
  REQUIRE(joined_hb.size() == 1);
  REQUIRE(alone_hb.size() == 1);
  REQUIRE(joined_hb[0].gid != alone_hb[0].gid);  // medial and isolated forms

  ShapeMemo memo;
  MemoStore kept(memo);
  CHECK(same(shape(kept.store, joined, 2, 4, naskh(), diags, {}), joined_hb));
  CHECK(same(shape(kept.store, alone, 1, 3, naskh(), diags, {}), alone_hb));
  CHECK(memo.size() == 2);
  CHECK(same(shape(kept.store, joined, 2, 4, naskh(), diags, {}), joined_hb));
  CHECK(memo.size() == 2);
}

TEST_CASE("a warm run takes its glyphs from the memo") {
  ShapeMemo memo;
  MemoStore cold(memo);
  core::Diagnostics diags;
  const auto fine = shape(cold.store, "fine", 0, 4, serif(), diags, {});
  REQUIRE(memo.size() == 1);
  // The first glyph's id, changed in the memo's bytes (the checksum made right): header line,
  // entry count, the key (length, bytes), the glyph count, then the first glyph's id.
  std::string bytes = memo.to_bytes();
  const std::size_t body = bytes.find('\n') + 1;
  core::ByteReader r(std::string_view(bytes).substr(body));
  r.u32();
  const std::size_t key_length = r.u32();
  const std::size_t gid_at = body + 4 + 4 + key_length + 4;
  bytes.resize(bytes.size() - 8);
  const std::string plain = bytes;
  bytes[gid_at] = 3;  // the space's glyph, say
  bytes[gid_at + 1] = 0;
  core::put_checksum(bytes);
  ShapeMemo edited;
  REQUIRE(edited.load(bytes));
  MemoStore warm(edited);
  const auto from_memo = shape(warm.store, "fine", 0, 4, serif(), diags, {});
  REQUIRE(from_memo.size() == fine.size());
  CHECK(from_memo[0].gid == 3);
  CHECK(fine[0].gid != 3);

  // Glyphs that cannot be the run's (a glyph the face does not have, a cluster past the run's
  // end) are not taken from the memo: the run is shaped again.
  for (const std::size_t at : {gid_at, gid_at + 4}) {
    std::string odd = plain;
    odd[at + 2] = 0x01;  // + 65 536
    core::put_checksum(odd);
    ShapeMemo wrong;
    REQUIRE(wrong.load(odd));
    MemoStore shaped(wrong);
    CHECK(same(shape(shaped.store, "fine", 0, 4, serif(), diags, {}), fine));
  }
}

TEST_CASE("damaged, cut and foreign bytes are refused; only what was used is written") {
  ShapeMemo memo;
  MemoStore store(memo);
  core::Diagnostics diags;
  (void)shape(store.store, "office", 0, 6, serif(), diags, {});
  (void)shape(store.store, "AVA", 0, 3, serif(), diags, {});
  const std::string bytes = memo.to_bytes();
  ShapeMemo back;
  REQUIRE(back.load(bytes));
  CHECK(back.size() == 2);
  for (std::size_t n = 0; n < bytes.size(); ++n) CHECK_FALSE(back.load(std::string_view(bytes).substr(0, n)));
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::string bad = bytes;
    bad[i] = static_cast<char>(bad[i] ^ 0x01);
    CHECK_FALSE(back.load(bad));
    CHECK(back.size() == 0);
  }
  // Another HarfBuzz's memo (its header says so, checksum made right) is not read.
  std::string other = bytes;
  const std::string version = hb_version_string();
  other.replace(other.find(version), version.size(), std::string(version.size(), '9'));
  other.resize(other.size() - 8);
  core::put_checksum(other);
  CHECK_FALSE(back.load(other));

  // Read back and used only in part: nothing to write, and what is written is what was used.
  REQUIRE(back.load(bytes));
  MemoStore again(back);
  (void)shape(again.store, "office", 0, 6, serif(), diags, {});
  CHECK_FALSE(back.changed());
  ShapeMemo used;
  REQUIRE(used.load(back.to_bytes()));
  CHECK(used.size() == 1);
}
