// frame/dump.cpp — a stable text form of a frame::Document for golden tests.
//
// Numbers are rounded to 0.01 pt and printed locale-free; one item per line; glyph runs show
// their text and glyph count rather than every glyph, so goldens survive font cuts that keep
// metrics but are readable in a diff.
#include <charconv>
#include <algorithm>
#include <cmath>
#include <string>

#include "frame/frame.h"

namespace cvpdf::frame {

namespace {

std::string num(double v) {
  double r = std::round(v * 100.0) / 100.0;
  if (r == 0) r = 0;  // no "-0"
  char buf[32];
  auto res = std::to_chars(buf, buf + sizeof buf, r, std::chars_format::fixed, 2);
  std::string s(buf, res.ptr);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string color(Color c) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string s = "#";
  for (auto v : {c.r, c.g, c.b}) {
    s += kHex[v >> 4];
    s += kHex[v & 15];
  }
  return s;
}

std::string pt(Point p) { return "(" + num(p.x) + "," + num(p.y) + ")"; }

std::string rect(const Rect& r) {
  return "[" + num(r.x) + "," + num(r.y) + " " + num(r.width) + "x" + num(r.height) + "]";
}

double run_width(const GlyphRun& run) {
  double w = 0;
  for (const auto& g : run.glyphs) w += g.advance;
  return w;
}

struct ItemDumper {
  const Document& doc;
  std::string& out;

  void operator()(const GlyphRun& r) const {
    out += "  text " + pt(r.origin) + " w=" + num(run_width(r)) + " font=" +
           doc.fonts.at(static_cast<std::size_t>(r.font)).postscript_name + " size=" +
           num(r.size) + " " + color(r.color) + " glyphs=" + std::to_string(r.glyphs.size()) +
           (r.lang.empty() ? "" : " lang=" + r.lang) + " \"" + r.text + "\"" +
           (r.hyphenated ? " +hyphen" : "") + (r.trailing_space.empty() ? "" : r.space_before ? " space+" : " +space") +
           (r.rtl ? " rtl" : "") +
           (r.actual_text ? " actual=\"" + *r.actual_text + "\"" : "") + "\n";
  }
  void operator()(const Line& l) const {
    out += "  line " + pt(l.from) + "-" + pt(l.to) + " t=" + num(l.thickness) + " " +
           color(l.color) + "\n";
  }
  void operator()(const Fill& f) const {
    out += "  fill " + rect(f.area) + " " + color(f.color) +
           (f.radius > 0 ? " r=" + num(f.radius) : "") + "\n";
  }
  void operator()(const Image& i) const {
    out += "  image " + rect(i.area) + (i.format == ImageFormat::Png ? " png " : " jpeg ") +
           std::to_string(i.width) + "x" + std::to_string(i.height) + (i.round ? " round" : " square") +
           " bytes=" + std::to_string(i.bytes ? i.bytes->size() : 0) + "\n";
  }
  void operator()(const Link& l) const { out += "  link " + rect(l.area) + " " + l.uri + "\n"; }
  void operator()(const Anchor& a) const {
    out += "  anchor " + pt(a.at) + " level=" + std::to_string(a.level) + " \"" + a.title + "\"\n";
  }
};

/// What each content id stands for in the dump: a run's text, "[image]", "[link URI]".
std::vector<std::string> content_texts(const Document& doc) {
  std::vector<std::string> texts(static_cast<std::size_t>(std::max(doc.structure.contents, 0)));
  auto at = [&](int id) -> std::string* {
    return id >= 0 && id < doc.structure.contents ? &texts[static_cast<std::size_t>(id)] : nullptr;
  };
  for (const Page& p : doc.pages)
    for (const Item& item : p.items) {
      if (const auto* r = std::get_if<GlyphRun>(&item); r && at(r->content))
        *at(r->content) = (r->actual_text ? *r->actual_text : r->text) + r->trailing_space;
      else if (const auto* i = std::get_if<Image>(&item); i && at(i->content))
        *at(i->content) = "[image]";
      else if (const auto* l = std::get_if<Link>(&item); l && at(l->content))
        *at(l->content) = "[link " + l->uri + "]";
    }
  return texts;
}

void dump_node(const Document& doc, const std::vector<std::string>& texts, int n, int depth,
               std::string& out) {
  const StructNode& node = doc.structure.nodes[static_cast<std::size_t>(n)];
  out += std::string(static_cast<std::size_t>(2 * depth), ' ') + tag_name(node.tag);
  if (!node.lang.empty()) out += " lang=" + node.lang;
  if (!node.alt.empty()) out += " alt=\"" + node.alt + "\"";
  std::string text;
  for (const StructKid& k : node.kids)
    if (!k.element && k.index >= 0 && k.index < doc.structure.contents)
      text += texts[static_cast<std::size_t>(k.index)];
  if (!text.empty()) out += " \"" + text + "\"";
  out += "\n";
  for (const StructKid& k : node.kids)  // children come after their parent (a tree, no cycle)
    if (k.element && k.index > n && k.index < static_cast<int>(doc.structure.nodes.size()))
      dump_node(doc, texts, k.index, depth + 1, out);
}

}  // namespace

const char* tag_name(Tag tag) {
  switch (tag) {
    case Tag::Document: return "Document";
    case Tag::Sect: return "Sect";
    case Tag::H1: return "H1";
    case Tag::H2: return "H2";
    case Tag::P: return "P";
    case Tag::L: return "L";
    case Tag::LI: return "LI";
    case Tag::Lbl: return "Lbl";
    case Tag::LBody: return "LBody";
    case Tag::Link: return "Link";
    case Tag::Span: return "Span";
    case Tag::Figure: return "Figure";
  }
  return "Span";
}

std::string dump(const Document& doc) {
  std::string out = "document lang=" + doc.meta.lang + " title=\"" + doc.meta.title +
                    "\" author=\"" + doc.meta.author + "\"\n";
  for (std::size_t i = 0; i < doc.fonts.size(); ++i) {
    out += "font " + std::to_string(i) + " " + doc.fonts[i].postscript_name +
           (doc.fonts[i].color_bitmap ? " color-bitmap" : "") + "\n";
  }
  for (std::size_t i = 0; i < doc.pages.size(); ++i) {
    const Page& p = doc.pages[i];
    out += "page " + std::to_string(i + 1) + " " + num(p.width) + "x" + num(p.height) + "\n";
    for (const auto& item : p.items) std::visit(ItemDumper{doc, out}, item);
  }
  if (!doc.structure.nodes.empty()) {
    out += "structure\n";
    dump_node(doc, content_texts(doc), 0, 1, out);
  }
  return out;
}

}  // namespace cvpdf::frame
