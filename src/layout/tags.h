// layout/tags.h — building the structure tree while blocks are stacked (private to layout/).
//
// Takes element openings and content from blocks.cpp and paragraph.cpp, in reading order;
// gives frame::Structure. Reading order is the order elements and content are added: an
// element's children are appended as they are opened or drawn, so the main column (stacked
// first) is read whole before the sidebar, and an entry's side column after its main column.
// Guarantees: every content id belongs to one node; elements that received no content, directly
// or below them, are dropped by take() (an empty heading, a bullet list with no text), so the
// tree holds only what is drawn.
#pragma once

#include <string>
#include <vector>

#include "frame/frame.h"

namespace cvpdf::layout {

class StructBuilder {
 public:
  /// The root (Document) element's index.
  static constexpr int kRoot = 0;

  /// `doc_lang`: the document's language; `others`: the profile's other languages (BCP 47),
  /// for language_of().
  StructBuilder(std::string doc_lang, std::vector<std::string> others);
  /// A new element under `parent` (appended to its children); returns its index.
  int open(frame::Tag tag, int parent, std::string lang = {});
  /// A new content id under `node` (appended to its children). kArtifact / kPageArtifact pass
  /// through unchanged: artifacts are not in the tree.
  int content(int node);
  /// Whether `child` is the last thing added under `node` (to continue it rather than open a
  /// new one: a Span stays one only while nothing else comes between its runs).
  [[nodiscard]] bool last_is(int node, int child) const;
  /// Sets a Figure's alternate description.
  void set_alt(int node, std::string alt);
  /// The tree without empty elements. Element indices change; content ids do not.
  frame::Structure take();

  /// The language to tag `text` with when it is written in another script than the
  /// document's language: the first of the other languages written in that script, else "".
  /// "Peking University" in the zh-Hans CV of a profile that also has en gives "en"; 北京大学
  /// in the en CV gives "zh-Hans"; text in the document's own script (by its first letter),
  /// or in a script no other language of the profile uses, gives "".
  std::string language_of(const std::string& text);

 private:
  frame::Structure s_;
  std::vector<int> doc_scripts_;                           // UScriptCode values
  std::vector<std::pair<std::string, std::vector<int>>> others_;  // language, its scripts
};

}  // namespace cvpdf::layout
