// profile/yaml_out.h — a small YAML document tree with comments, and its writer.
//
// Takes what an importer built (maps in insertion order, lists, scalars, comment lines);
// gives YAML text a person would keep editing: two-space indentation, a blank line where asked,
// comments above the key or item they explain, plain scalars where YAML reads them back as the
// same text and double quotes otherwise, long single-line texts folded (`>-`) at 88 columns,
// multi-line texts as literal blocks (`|-`). UTF-8 (CJK, emoji) is written as is, never escaped.
// Guarantees: every scalar reads back as exactly the string given (tested through the loader).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cvpdf::profile {

struct YEntry;

/// One node of the output tree.
struct YNode {
  enum class Kind { Null, Scalar, Map, Seq };
  Kind kind = Kind::Null;
  std::string scalar;
  std::vector<YEntry> map;            ///< in the order added
  std::vector<YNode> seq;
  std::vector<std::string> comments;  ///< lines written as `# …` above this node's key or item
  bool blank_line = false;            ///< an empty line before this node's key or item
  bool flow = false;                  ///< a list of short scalars written `[a, b, c]`

  static YNode text(std::string s);
  static YNode new_map();
  static YNode new_list();
  /// Appends `key: value` to a map (turning a Null node into a map); returns the value.
  YNode& set(std::string key, YNode value);
  /// Appends an item to a list (turning a Null node into a list); returns the item.
  YNode& push(YNode value);
  /// Adds a comment line above this node; returns *this.
  YNode& note(std::string line);
  [[nodiscard]] bool empty() const;
};

/// One `key: value` of a map node. (A struct, not std::pair<std::string, YNode>: the pair needs
/// YNode complete where YNode is being defined, which libstdc++ under clang refuses.)
struct YEntry {
  std::string first;
  YNode second;
};

/// The whole document, with `header` comment lines at the top.
std::string write_yaml(const YNode& root, const std::vector<std::string>& header = {});

/// `s` as a plain scalar when YAML reads it back unchanged, else double-quoted. `in_flow`: the
/// scalar sits inside `[...]` (commas and brackets then need quotes too).
std::string scalar_text(std::string_view s, bool in_flow = false);

}  // namespace cvpdf::profile
