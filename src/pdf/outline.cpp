// pdf/outline.cpp — the document outline (bookmarks) from anchors, built by hand (see objects.h).
//
// PoDoFo's PdfOutlines leaves orphan destination arrays, adds an empty root item and writes no
// /Count; plain dictionaries avoid all three. Every item is open, so /Count on an item with
// children is its number of descendants, and on /Outlines the number of items.
#include <cstddef>

#include "pdf/objects.h"

namespace cvpdf::pdf {
namespace {

using PoDoFo::PdfArray;
using PoDoFo::PdfDictionary;
using PoDoFo::PdfName;
using PoDoFo::PdfObject;
using PoDoFo::pdf_int64;

constexpr int kRoot = -1;

/// The tree shape: each entry's parent (kRoot for top level) and children, in order.
struct Tree {
  std::vector<int> parent;
  std::vector<std::vector<int>> children;  // index entries.size() holds the root's children
  std::vector<int> descendants;
};

Tree shape(const std::vector<OutlineEntry>& entries) {
  const int n = static_cast<int>(entries.size());
  Tree t{std::vector<int>(entries.size(), kRoot), std::vector<std::vector<int>>(entries.size() + 1),
         std::vector<int>(entries.size(), 0)};
  std::vector<int> stack;  // open ancestors, levels strictly increasing
  for (int i = 0; i < n; ++i) {
    while (!stack.empty() && entries[static_cast<std::size_t>(stack.back())].level >= entries[static_cast<std::size_t>(i)].level)
      stack.pop_back();
    const int p = stack.empty() ? kRoot : stack.back();
    t.parent[static_cast<std::size_t>(i)] = p;
    t.children[static_cast<std::size_t>(p == kRoot ? n : p)].push_back(i);
    for (int a = p; a != kRoot; a = t.parent[static_cast<std::size_t>(a)]) ++t.descendants[static_cast<std::size_t>(a)];
    stack.push_back(i);
  }
  return t;
}

/// /First, /Last and /Count for a node with `kids` (none if it has no children).
void link_children(PdfDictionary& dict, const std::vector<int>& kids, int count, const std::vector<PdfObject*>& items) {
  if (kids.empty()) return;
  dict.AddKey("First", items[static_cast<std::size_t>(kids.front())]->Reference());
  dict.AddKey("Last", items[static_cast<std::size_t>(kids.back())]->Reference());
  dict.AddKey("Count", PdfObject(static_cast<pdf_int64>(count)));
}

/// /Prev and /Next between siblings.
void link_siblings(const std::vector<int>& kids, const std::vector<PdfObject*>& items) {
  for (std::size_t k = 0; k < kids.size(); ++k) {
    PdfDictionary& d = items[static_cast<std::size_t>(kids[k])]->GetDictionary();
    if (k > 0) d.AddKey("Prev", items[static_cast<std::size_t>(kids[k - 1])]->Reference());
    if (k + 1 < kids.size()) d.AddKey("Next", items[static_cast<std::size_t>(kids[k + 1])]->Reference());
  }
}

void fill_item(PdfDictionary& d, const OutlineEntry& e, const PdfObject& parent) {
  d.AddKey("Title", text_string(e.title));
  d.AddKey("Parent", parent.Reference());
  PdfArray dest;  // [page /XYZ left top 0]: 0 zoom keeps the viewer's zoom
  dest.push_back(e.page);
  dest.push_back(PdfName("XYZ"));
  dest.push_back(pdf_number(e.left));
  dest.push_back(pdf_number(e.top));
  dest.push_back(PdfObject(pdf_int64(0)));
  d.AddKey("Dest", dest);
}

}  // namespace

void add_outline(PoDoFo::PdfVecObjects& objs, PdfObject& catalog, const std::vector<OutlineEntry>& entries) {
  if (entries.empty()) return;
  const Tree t = shape(entries);
  PdfObject* root = objs.CreateObject("Outlines");
  std::vector<PdfObject*> items;
  for (std::size_t i = 0; i < entries.size(); ++i) items.push_back(objs.CreateObject());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const int p = t.parent[i];
    fill_item(items[i]->GetDictionary(), entries[i], p == kRoot ? *root : *items[static_cast<std::size_t>(p)]);
    link_children(items[i]->GetDictionary(), t.children[i], t.descendants[i], items);
    link_siblings(t.children[i], items);
  }
  const std::vector<int>& top = t.children[entries.size()];
  link_children(root->GetDictionary(), top, static_cast<int>(entries.size()), items);
  link_siblings(top, items);
  catalog.GetDictionary().AddKey("Outlines", root->Reference());
  catalog.GetDictionary().AddKey("PageMode", PdfName("UseOutlines"));
}

}  // namespace cvpdf::pdf
