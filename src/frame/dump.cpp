// frame/dump.cpp — a stable text form of a frame::Document for golden tests.
//
// Numbers are rounded to 0.01 pt and printed locale-free; one item per line; glyph runs show
// their text and glyph count rather than every glyph, so goldens survive font cuts that keep
// metrics but are readable in a diff.
#include <charconv>
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
           (r.hyphenated ? " +hyphen" : "") + (r.trailing_space.empty() ? "" : " +space") +
           (r.actual_text.empty() ? "" : " actual=\"" + r.actual_text + "\"") + "\n";
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

}  // namespace

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
  return out;
}

}  // namespace cvpdf::frame
