// theme/packed_yaml.h: a tree packed and unpacked is the tree yaml-cpp read, node for node;
// malformed packed bytes are refused, never read past.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "theme/packed_yaml.h"

using cvpdf::theme::pack_yaml;
using cvpdf::theme::unpack_yaml;

namespace {

/// The same types, scalars, keys and items in the same order (yaml-cpp's == compares identity).
bool same_tree(const YAML::Node& a, const YAML::Node& b) {
  if (a.Type() != b.Type()) return false;
  switch (a.Type()) {
    case YAML::NodeType::Scalar:
      return a.Scalar() == b.Scalar();
    case YAML::NodeType::Sequence:
    case YAML::NodeType::Map: {
      if (a.size() != b.size()) return false;
      auto i = a.begin();
      auto j = b.begin();
      for (; i != a.end(); ++i, ++j) {
        if (a.IsMap() ? !(same_tree(i->first, j->first) && same_tree(i->second, j->second))
                      : !same_tree(*i, *j))
          return false;
      }
      return true;
    }
    default:
      return true;
  }
}

}  // namespace

TEST_CASE("packing keeps every node kind, scalar and order") {
  const char* docs[] = {
      "a: 1\nb: [x, y, {c: d}]\ne:\nf: ''\ng: \"two\\nlines\"\n",
      "- ~\n- null\n- 'quoted: colon'\n- |\n  block\n  text\n- 名前: 刘心怡\n- \"\\t tab\"\n",
      "z: 1\ny: 2\nx: 3\nw: [[1, [2, []]], {}]\n",
      "plain scalar",
      "",
      "key with spaces: {nested: {deeper: [a, b]}}\nsemi;colon: 'M3;s4:fake'\n",
  };
  for (const char* doc : docs) {
    CAPTURE(doc);
    const YAML::Node read = YAML::Load(doc);
    const std::string packed = pack_yaml(read);
    CHECK(same_tree(unpack_yaml(packed), read));
    CHECK(pack_yaml(unpack_yaml(packed)) == packed);
  }
  // Distinguishes what a naive comparison would not: order, nulls against empty strings.
  CHECK_FALSE(same_tree(unpack_yaml(pack_yaml(YAML::Load("a: 1\nb: 2"))), YAML::Load("b: 2\na: 1")));
  CHECK(pack_yaml(YAML::Load("a:")) != pack_yaml(YAML::Load("a: ''")));
}

TEST_CASE("malformed packed bytes are refused") {
  const std::string good = pack_yaml(YAML::Load("a: [b, c]\nd: e\n"));
  REQUIRE_NOTHROW(unpack_yaml(good));
  for (std::size_t cut = 0; cut < good.size(); ++cut) {
    CAPTURE(cut);
    CHECK_THROWS_AS(unpack_yaml(std::string_view(good).substr(0, cut)), std::invalid_argument);
  }
  CHECK_THROWS_AS(unpack_yaml(good + "~"), std::invalid_argument);        // bytes after the tree
  CHECK_THROWS_AS(unpack_yaml("s99:short"), std::invalid_argument);       // scalar past the end
  CHECK_THROWS_AS(unpack_yaml("M2x;s1:a~"), std::invalid_argument);       // bad count
  CHECK_THROWS_AS(unpack_yaml("S99999999999999999999999;"), std::invalid_argument);  // overflow
  CHECK_THROWS_AS(unpack_yaml("Q"), std::invalid_argument);               // unknown kind
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += "S1;";
  deep += "~";
  CHECK_THROWS_AS(unpack_yaml(deep), std::invalid_argument);  // deeper than any shipped file
}
