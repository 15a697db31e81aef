// The structure tree under construction: reading order, pruning of empty elements, and the
// language of text written in another language's script.
#include <doctest/doctest.h>

#include "layout/tags.h"

using namespace cvpdf;
using layout::StructBuilder;

TEST_CASE("elements and content keep the order they were added in; empty elements are dropped") {
  StructBuilder b("en", {});
  const int sect = b.open(frame::Tag::Sect, StructBuilder::kRoot);
  const int h2 = b.open(frame::Tag::H2, sect);
  const int empty = b.open(frame::Tag::L, sect);
  b.open(frame::Tag::LI, empty);  // an item with no content: it and its list go
  const int p = b.open(frame::Tag::P, sect);
  CHECK(b.content(h2) == 0);
  CHECK(b.content(p) == 1);
  CHECK(b.content(frame::kArtifact) == frame::kArtifact);
  CHECK(b.content(frame::kPageArtifact) == frame::kPageArtifact);
  CHECK(b.last_is(sect, p));
  const frame::Structure s = b.take();
  REQUIRE(s.nodes.size() == 4);  // Document, Sect, H2, P
  CHECK(s.contents == 2);
  CHECK(s.nodes[1].tag == frame::Tag::Sect);
  REQUIRE(s.nodes[1].kids.size() == 2);
  CHECK(s.nodes[s.nodes[1].kids[0].index].tag == frame::Tag::H2);
  CHECK(s.nodes[s.nodes[1].kids[1].index].tag == frame::Tag::P);
  CHECK(s.nodes[3].parent == 1);
  CHECK(!s.nodes[3].kids[0].element);
  CHECK(s.nodes[3].kids[0].index == 1);
}

TEST_CASE("text in another language's script is tagged with that language") {
  StructBuilder en("en", {"zh-Hans", "ja"});
  CHECK(en.language_of("北京大学") == "zh-Hans");  // Han: the first language written in it
  CHECK(en.language_of("Peking University").empty());
  CHECK(en.language_of("2023 – 2028").empty());  // digits and dashes: no script of their own
  StructBuilder zh("zh-Hans", {"en"});
  CHECK(zh.language_of("Galvatron") == "en");
  CHECK(zh.language_of("（威海）").empty());
  CHECK(zh.language_of("北京大学").empty());
  StructBuilder alone("en", {});
  CHECK(alone.language_of("北京大学").empty());  // no other language to name
  StructBuilder ja("ja", {"en"});
  CHECK(ja.language_of("ひらがな").empty());
  CHECK(ja.language_of("北京").empty());  // Han is one of Japanese's scripts
}
