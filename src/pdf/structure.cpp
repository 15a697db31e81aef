// pdf/structure.cpp — StructTreeRoot, StructElems and the ParentTree (see structure.h).
#include "pdf/structure.h"

#include <optional>

#include "pdf/objects.h"

namespace cvpdf::pdf {

using PoDoFo::PdfDictionary;
using PoDoFo::PdfName;
using PoDoFo::PdfObject;
using PoDoFo::PdfReference;
using PoDoFo::pdf_int64;

TreeIndex index_structure(const frame::Structure& s) {
  TreeIndex idx;
  if (s.nodes.empty() || s.contents < 0) return idx;
  idx.owner.assign(static_cast<std::size_t>(s.contents), -1);
  idx.parent.assign(s.nodes.size(), -1);
  std::vector<bool> seen(s.nodes.size(), false);
  std::vector<int> stack{0};
  seen[0] = true;
  while (!stack.empty()) {
    const int n = stack.back();
    stack.pop_back();
    idx.order.push_back(n);
    const auto& kids = s.nodes[static_cast<std::size_t>(n)].kids;
    for (auto k = kids.rbegin(); k != kids.rend(); ++k) {  // reversed: popped in order
      const auto i = static_cast<std::size_t>(k->index);
      if (k->element && k->index >= 0 && i < s.nodes.size() && !seen[i]) {
        seen[i] = true;
        idx.parent[i] = n;
        stack.push_back(k->index);
      } else if (!k->element && k->index >= 0 && i < idx.owner.size() && idx.owner[i] < 0) {
        idx.owner[i] = n;
      }
    }
  }
  return idx;
}

ContentTags content_tags(const frame::Structure& s, const TreeIndex& index) {
  ContentTags tags;
  tags.owner_tag.assign(index.owner.size(), nullptr);
  for (std::size_t c = 0; c < index.owner.size(); ++c)
    if (index.owner[c] >= 0) tags.owner_tag[c] = frame::tag_name(s.nodes[static_cast<std::size_t>(index.owner[c])].tag);
  return tags;
}

namespace {

/// An object written as given (PdfData): the /K arrays and the ParentTree are built as text,
/// since PoDoFo's PdfArray copies every element on insertion (half of this file's cost).
PdfObject raw(const std::string& pdf) { return PdfObject(PoDoFo::PdfVariant(PoDoFo::PdfData(pdf.c_str()))); }

std::string ref(const PdfReference& r) {
  return std::to_string(r.ObjectNumber()) + ' ' + std::to_string(r.GenerationNumber()) + " R";
}

/// Where each content id was drawn.
struct Placements {
  std::vector<std::vector<std::pair<std::size_t, int>>> mcids;  // by content: (page, MCID)
  std::vector<std::vector<const AnnotMark*>> annots;            // by content
};

Placements place(std::size_t contents, const std::vector<std::vector<int>>& mcid_content,
                 const std::vector<AnnotMark>& annots) {
  Placements p{std::vector<std::vector<std::pair<std::size_t, int>>>(contents),
               std::vector<std::vector<const AnnotMark*>>(contents)};
  for (std::size_t page = 0; page < mcid_content.size(); ++page)
    for (std::size_t m = 0; m < mcid_content[page].size(); ++m)
      p.mcids[static_cast<std::size_t>(mcid_content[page][m])].emplace_back(page, static_cast<int>(m));
  for (const AnnotMark& a : annots) p.annots[static_cast<std::size_t>(a.content)].push_back(&a);
  return p;
}

/// The page an element's first marked content is on (its /Pg), if any.
std::optional<std::size_t> first_page(int n, const frame::Structure& s, const TreeIndex& index, const Placements& p) {
  for (const frame::StructKid& k : s.nodes[static_cast<std::size_t>(n)].kids) {
    if (k.element || k.index < 0) continue;
    const auto c = static_cast<std::size_t>(k.index);
    if (c < p.mcids.size() && index.owner[c] == n && !p.mcids[c].empty()) return p.mcids[c].front().first;
  }
  return std::nullopt;
}

/// /K of one element: child elements, MCIDs (bare on its /Pg, else /MCR) and /OBJR.
std::string kids_of(int n, const frame::Structure& s, const TreeIndex& index, const std::vector<PdfObject*>& elems,
                    const Placements& p, const std::vector<PdfReference>& pages, std::optional<std::size_t> pg) {
  std::string k = " [";  // the leading space separates it from the key: PoDoFo writes compactly
  auto add = [&k](const std::string& item) {
    if (k.size() > 2) k += ' ';
    k += item;
  };
  for (const frame::StructKid& kid : s.nodes[static_cast<std::size_t>(n)].kids) {
    const auto i = static_cast<std::size_t>(kid.index);
    if (kid.element) {
      if (kid.index >= 0 && i < elems.size() && index.parent[i] == n) add(ref(elems[i]->Reference()));
      continue;
    }
    // Content listed by another element too (a malformed tree) goes to its first owner only.
    if (kid.index < 0 || i >= p.mcids.size() || index.owner[i] != n) continue;
    for (const auto& [page, mcid] : p.mcids[i]) {
      if (pg && page == *pg) add(std::to_string(mcid));
      else add("<</Type /MCR /Pg " + ref(pages[page]) + " /MCID " + std::to_string(mcid) + ">>");
    }
    for (const AnnotMark* a : p.annots[i])
      add("<</Type /OBJR /Pg " + ref(pages[a->page]) + " /Obj " + ref(a->annot) + ">>");
  }
  return k + ']';
}

/// The ParentTree's /Nums: page keys → arrays of owners by MCID, annotation keys → owners.
std::string parent_nums(const std::vector<std::vector<int>>& mcid_content, const std::vector<AnnotMark>& annots,
                        const TreeIndex& index, const std::vector<PdfObject*>& elems) {
  auto owner = [&](int c) { return ref(elems[static_cast<std::size_t>(index.owner[static_cast<std::size_t>(c)])]->Reference()); };
  std::string nums = " [";
  for (std::size_t page = 0; page < mcid_content.size(); ++page) {
    nums += (page > 0 ? "\n" : "") + std::to_string(page) + " [";
    for (std::size_t m = 0; m < mcid_content[page].size(); ++m) nums += (m > 0 ? " " : "") + owner(mcid_content[page][m]);
    nums += ']';
  }
  for (const AnnotMark& a : annots) nums += '\n' + std::to_string(a.key) + ' ' + owner(a.content);
  return nums + ']';
}

}  // namespace

void add_structure(PoDoFo::PdfVecObjects& objs, PdfObject& catalog, const frame::Structure& s,
                   const TreeIndex& index, const std::vector<PdfReference>& pages,
                   const std::vector<std::vector<int>>& mcid_content, const std::vector<AnnotMark>& annots) {
  if (index.empty()) return;
  PdfObject* root = objs.CreateObject("StructTreeRoot");
  std::vector<PdfObject*> elems(s.nodes.size(), nullptr);
  for (int n : index.order) elems[static_cast<std::size_t>(n)] = objs.CreateObject("StructElem");
  const Placements placed = place(index.owner.size(), mcid_content, annots);
  for (int n : index.order) {
    const frame::StructNode& node = s.nodes[static_cast<std::size_t>(n)];
    PdfDictionary& d = elems[static_cast<std::size_t>(n)]->GetDictionary();
    d.AddKey("S", PdfName(frame::tag_name(node.tag)));
    const std::optional<std::size_t> pg = first_page(n, s, index, placed);
    if (pg) d.AddKey("Pg", pages[*pg]);
    if (!node.lang.empty()) d.AddKey("Lang", PoDoFo::PdfString(node.lang));
    if (!node.alt.empty()) d.AddKey("Alt", text_string(node.alt));
    d.AddKey("K", raw(kids_of(n, s, index, elems, placed, pages, pg)));
    const int parent = index.parent[static_cast<std::size_t>(n)];
    d.AddKey("P", parent < 0 ? root->Reference() : elems[static_cast<std::size_t>(parent)]->Reference());
  }
  PdfObject* parent_tree = objs.CreateObject();
  parent_tree->GetDictionary().AddKey("Nums", raw(parent_nums(mcid_content, annots, index, elems)));
  root->GetDictionary().AddKey("K", elems[0]->Reference());
  root->GetDictionary().AddKey("ParentTree", parent_tree->Reference());
  root->GetDictionary().AddKey("ParentTreeNextKey",
                               PdfObject(static_cast<pdf_int64>(pages.size() + annots.size())));
  catalog.GetDictionary().AddKey("StructTreeRoot", root->Reference());
  PdfDictionary mark_info;
  mark_info.AddKey("Marked", PdfObject(true));
  catalog.GetDictionary().AddKey("MarkInfo", mark_info);
}

}  // namespace cvpdf::pdf
