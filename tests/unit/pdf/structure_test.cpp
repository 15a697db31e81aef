// pdf/structure: the tree layout hands over is written as a tree, whatever its shape.
#include <doctest/doctest.h>

#include "pdf/structure.h"

using namespace cvpdf;

namespace {

frame::StructNode node(frame::Tag tag, int parent, std::vector<frame::StructKid> kids) {
  return frame::StructNode{tag, parent, {}, {}, std::move(kids)};
}

}  // namespace

TEST_CASE("each element is reached once from the root; content goes to its first owner") {
  frame::Structure s;
  s.contents = 3;
  s.nodes = {node(frame::Tag::Document, -1, {{true, 1}, {true, 2}}),
             node(frame::Tag::P, 0, {{false, 0}, {true, 2}}),  // 2 listed twice: a malformed tree
             node(frame::Tag::P, 0, {{false, 1}, {false, 0}, {true, 0}}),  // a cycle to the root
             node(frame::Tag::H1, 0, {{false, 2}})};  // never reached
  const pdf::TreeIndex idx = pdf::index_structure(s);
  CHECK(idx.order == std::vector<int>{0, 1, 2});
  CHECK(idx.parent == std::vector<int>{-1, 0, 0, -1});  // 2 under the root, where it was first listed
  CHECK(idx.owner == std::vector<int>{1, 2, -1});  // content 2's owner is unreachable
  const pdf::ContentTags tags = pdf::content_tags(s, idx);
  CHECK(std::string(tags.tag(0)) == "P");
  CHECK(tags.tag(2) == nullptr);
  CHECK(tags.tag(7) == nullptr);
  CHECK(tags.tag(frame::kArtifact) == nullptr);
}

TEST_CASE("an empty structure writes no tree") {
  CHECK(pdf::index_structure(frame::Structure{}).empty());
}
