// verify/read.cpp — page text assembly and structure-tree reach (see read.h).
#include "verify/read.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/limits.h"
#include "verify/content.h"
#include "verify/file.h"

namespace cvpdf::verify {

namespace {

bool ends_space(const std::string& s) {
  return !s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == kGapSpace);
}

/// One page's items as text lines: '\n' at a change of baseline, kGapSpace at a gap.
std::string page_string(const PageText& page) {
  std::string out;
  const TextItem* prev = nullptr;
  for (const TextItem& it : page.items) {
    if (it.text.empty()) continue;
    if (prev) {
      const double em = std::max(it.size, prev->size);
      const bool same_line = std::fabs(it.y - prev->y) <= kNewLineEm * em;
      if (!same_line) {
        out += '\n';
      } else if (it.x - prev->end_x > kGapSpaceEm * em && !ends_space(out) && it.text[0] != ' ') {
        out += kGapSpace;
      }
    }
    out += it.text;
    prev = &it;
  }
  return out;
}

/// Walks the structure tree from /StructTreeRoot: every (page, MCID) it reaches.
class TreeWalk {
 public:
  TreeWalk(File& f, const std::map<int, int>& page_index) : file_(f), page_index_(page_index) {}
  std::set<std::pair<int, int>> reached;

  void walk(const Object& node, int page, int depth) {
    if (depth >= core::limits::kMaxPdfNesting)
      throw ReadError(0, "the structure tree is deeper than " + std::to_string(core::limits::kMaxPdfNesting) + " levels");
    if (const Ref* r = node.ref()) {
      if (!seen_.insert(r->num).second) return;  // shared or cyclic: once
    }
    const Object& o = file_.resolve(node);
    std::int64_t mcid = -1;
    if (o.integer(mcid)) {
      if (page >= 0 && mcid >= 0) reached.insert({page, static_cast<int>(mcid)});
      return;
    }
    if (const Array* a = o.array()) {
      for (const Object& k : *a) walk(k, page, depth + 1);
      return;
    }
    const Dict* d = o.dict();
    if (!d) return;
    if (const Object* pg = find(*d, "Pg"); pg && pg->ref()) {
      const auto it = page_index_.find(pg->ref()->num);
      page = it == page_index_.end() ? -1 : it->second;
    }
    const Object* type = find(*d, "Type");
    const std::string t = type && type->name() ? type->name()->s : "";
    if (t == "OBJR") return;
    if (t == "MCR") {
      if (const Object* m = find(*d, "MCID"); m && m->integer(mcid) && page >= 0)
        reached.insert({page, static_cast<int>(mcid)});
      return;
    }
    if (const Object* k = find(*d, "K")) walk(*k, page, depth + 1);
  }

 private:
  File& file_;
  const std::map<int, int>& page_index_;
  std::set<int> seen_;
};

std::string list(const std::vector<int>& v) {
  std::string s;
  for (std::size_t i = 0; i < v.size() && i < 10; ++i) s += (i ? ", " : "") + std::to_string(v[i]);
  return v.size() > 10 ? s + ", …" : s;
}

void check_structure(File& file, const std::vector<PageRef>& pages, const std::vector<PageText>& texts,
                     const Object& tree_root, PdfText& out) {
  std::map<int, int> page_index;
  for (std::size_t i = 0; i < pages.size(); ++i) page_index[pages[i].ref.num] = static_cast<int>(i);
  TreeWalk walk(file, page_index);
  const Dict* root = file.dict(tree_root);
  if (const Object* k = root ? find(*root, "K") : nullptr) walk.walk(*k, -1, 0);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const std::string page = "page " + std::to_string(i + 1) + ": ";
    std::vector<int> unreached, absent;
    for (int m : texts[i].mcids)
      if (!walk.reached.count({static_cast<int>(i), m})) unreached.push_back(m);
    for (const auto& [p, m] : walk.reached)
      if (p == static_cast<int>(i) && !texts[i].mcids.count(m)) absent.push_back(m);
    int loose = 0;
    for (const TextItem& it : texts[i].items) loose += it.mcid < 0 && !it.artifact ? 1 : 0;
    if (!unreached.empty())
      out.structure_problems.push_back(page + "marked content MCID " + list(unreached) +
                                       " is not reachable from the structure tree");
    if (!absent.empty())
      out.structure_problems.push_back(page + "the structure tree names MCID " + list(absent) +
                                       ", which the page's content does not have");
    if (loose > 0)
      out.structure_problems.push_back(page + std::to_string(loose) + (loose == 1 ? " glyph is" : " glyphs are") +
                                       " in no tagged marked content and not marked as an artifact");
  }
}

}  // namespace

int PdfText::page_of(std::size_t offset) const {
  const auto it = std::upper_bound(page_starts.begin(), page_starts.end(), offset);
  return static_cast<int>(it - page_starts.begin());
}

PdfText read_pdf(std::string_view bytes) {
  File file(bytes);
  PdfText out;
  if (const Object* info = find(file.trailer(), "Info"))
    if (const Dict* d = file.dict(*info))
      if (const Object* p = find(*d, "Producer"); p && p->string()) out.producer = text_string(p->string()->bytes);
  const std::vector<PageRef> pages = file.pages();
  ContentReader reader(file);
  std::vector<PageText> texts;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    texts.push_back(reader.read(pages[i], static_cast<int>(i)));
    if (i > 0) out.text += '\f';
    out.page_starts.push_back(out.text.size());
    out.text += page_string(texts.back());
    int unmapped = 0;
    for (const TextItem& it : texts.back().items) unmapped += it.unmapped ? 1 : 0;
    out.unmapped.push_back(unmapped);
  }
  const Dict* catalog = file.dict(*find(file.trailer(), "Root"));
  if (const Object* tree = find(*catalog, "StructTreeRoot")) {
    out.has_structure = true;
    check_structure(file, pages, texts, *tree, out);
  }
  return out;
}

}  // namespace cvpdf::verify
