// pdf/structure.h — the logical structure tree (tagged PDF, ISO 32000-1 §14.7–14.8).
//
// Takes layout's frame::Structure and where its content ended up (each page's MCIDs, the link
// annotations); gives the StructTreeRoot with one StructElem per element, /K holding child
// elements, marked-content references (a bare MCID on the element's /Pg, else an /MCR
// dictionary) and /OBJR references to link annotations; the ParentTree (a number tree: each
// page's /StructParents key → the array of elements owning its MCIDs; each annotation's
// /StructParent key → its element); and the catalog's /MarkInfo << /Marked true >>.
// Guarantees: an element is written once, reached from the root (a malformed tree from layout
// cannot make a cycle or a shared child); every MCID written on a page has exactly one owner in
// the ParentTree.
#pragma once

#include <cstddef>
#include <vector>

#include <podofo/podofo.h>

#include "frame/frame.h"
#include "pdf/content.h"

namespace cvpdf::pdf {

/// The elements to write, in tree order (each once, reached from the root), and each content
/// id's owner among them.
struct TreeIndex {
  std::vector<int> order;  ///< node indices: the root first, then depth-first
  std::vector<int> owner;  ///< by content id: the owning node, or -1
  std::vector<int> parent; ///< by node: the element it is written under (-1: root or unreached)
  [[nodiscard]] bool empty() const { return order.empty(); }
};

TreeIndex index_structure(const frame::Structure& s);

/// The tag name each owned content id is marked with (its owner's structure type).
ContentTags content_tags(const frame::Structure& s, const TreeIndex& index);

/// A link annotation that is content of the tree.
struct AnnotMark {
  int content = -1;
  std::size_t page = 0;
  PoDoFo::PdfReference annot;
  long key = 0;  ///< its /StructParent
};

/// Writes the tree (see the file comment). `pages[i]` has /StructParents i and MCIDs
/// `mcid_content[i]` (MCID → content id); annotations' keys follow the pages'.
void add_structure(PoDoFo::PdfVecObjects& objs, PoDoFo::PdfObject& catalog, const frame::Structure& s,
                   const TreeIndex& index, const std::vector<PoDoFo::PdfReference>& pages,
                   const std::vector<std::vector<int>>& mcid_content, const std::vector<AnnotMark>& annots);

}  // namespace cvpdf::pdf
