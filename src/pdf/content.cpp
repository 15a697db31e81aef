// pdf/content.cpp — content stream operators for one page (see content.h).
#include "pdf/content.h"

#include <algorithm>

#include "pdf/encode.h"

namespace cvpdf::pdf {
namespace {

/// The Bézier control-point distance that best approximates a quarter circle of radius 1
/// (4/3·(√2 − 1), the standard constant; error 0.027 %).
constexpr double kKappa = 0.5522847498;

std::string rgb(const core::Color& c) {
  return fmt_num(c.r / 255.0) + ' ' + fmt_num(c.g / 255.0) + ' ' + fmt_num(c.b / 255.0);
}

/// Builds one TJ array piece by piece: hex strings of codes, and numbers between them.
class TjWriter {
 public:
  TjWriter(std::string& out, int code_bytes) : out_(out), digits_(2 * code_bytes) {}
  void number(std::int64_t milli) {
    close_hex();
    open_array();
    if (out_.back() != '[') out_ += ' ';
    out_ += fmt_milli(milli);
    out_ += ' ';
  }
  void code(std::uint16_t c) {
    open_array();
    if (!in_hex_) out_ += '<';
    in_hex_ = true;
    append_hex(out_, c, digits_);
  }
  void finish() {
    close_hex();
    if (open_) out_ += "] TJ\n";
    open_ = false;
  }

 private:
  void open_array() {
    if (!open_) out_ += '[';
    open_ = true;
  }
  void close_hex() {
    if (in_hex_) out_ += '>';
    in_hex_ = false;
  }
  std::string& out_;
  int digits_;
  bool open_ = false;
  bool in_hex_ = false;
};

/// The glyphs of a run as TJ arrays; a change of vertical offset starts a new TJ with `Ts`.
void write_glyphs(const PlacedRun& run, const EmbeddedFont& f, std::string& out) {
  TjWriter tj(out, code_bytes(f));
  std::int64_t pos = 0;  // where the PDF pen is, millionths of an em from the run origin
  double rise = 0;
  for (const PlacedGlyph& g : run.glyphs) {
    if (g.dy != rise) {
      tj.finish();
      rise = g.dy;
      out += fmt_num(rise) + " Ts\n";
    }
    if (pos != g.x) tj.number(pos - g.x);  // TJ numbers move the pen left by n/1000 em
    tj.code(g.code);
    const auto w = f.width_of.find(g.code);
    pos = g.x + (w == f.width_of.end() ? 0 : w->second);
  }
  tj.finish();
  if (rise != 0) out += "0 Ts\n";
}

/// Opens the marked-content sequence of an item: content of the tree, or an artifact.
void begin_mark(int content, const ContentTags& tags, PageContent& pc) {
  if (const char* tag = tags.tag(content)) {
    pc.ops += '/' + std::string(tag) + " <</MCID " + std::to_string(pc.mcid_content.size()) + ">> BDC\n";
    pc.mcid_content.push_back(content);
  } else if (content == frame::kPageArtifact) {
    pc.ops += "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n";
  } else {
    pc.ops += "/Artifact BMC\n";
  }
}

void write_run(const frame::GlyphRun& run, const frame::Page& page, const FontTable& fonts,
               const std::vector<TextMap>& maps, const ContentTags& tags, PageContent& pc) {
  const EmbeddedFont* f = fonts.for_run(run.font);
  if (!f || (run.glyphs.empty() && run.trailing_space.empty())) return;
  const auto index = static_cast<int>(f - fonts.fonts.data());
  pc.fonts.insert(index);
  const PlacedRun placed = place_run(run, *f);
  pc.bad_ranges = pc.bad_ranges || placed.bad_ranges;
  const bool own = run.actual_text.has_value();
  const bool actual = own || !extracts_exactly(placed, maps[static_cast<std::size_t>(index)]);
  begin_mark(run.content, tags, pc);
  std::string& out = pc.ops;
  if (actual) {
    // A run's own text replaces its glyphs' but not the space a reader sees after it.
    const std::string text = own ? *run.actual_text + (run.actual_text->empty() ? "" : run.trailing_space)
                                 : run_text(placed);
    out += "/Span <</ActualText " + (text.empty() ? std::string("()") : hex_text_string(text)) + ">> BDC\n";
    ++pc.actual_text_runs;
  }
  out += "BT\n/" + f->resource + ' ' + fmt_num(run.size) + " Tf\n" + rgb(run.color) + " rg\n";
  out += fmt_num(run.origin.x) + ' ' + fmt_num(page.height - run.origin.y) + " Td\n";
  write_glyphs(placed, *f, out);
  out += "ET\n";
  if (actual) out += "EMC\n";
  out += "EMC\n";
}

void write_line(const frame::Line& l, const frame::Page& page, std::string& out) {
  out += "/Artifact BMC\nq\n" + fmt_num(l.thickness) + " w\n" + rgb(l.color) + " RG\n";
  out += fmt_num(l.from.x) + ' ' + fmt_num(page.height - l.from.y) + " m ";
  out += fmt_num(l.to.x) + ' ' + fmt_num(page.height - l.to.y) + " l S\nQ\nEMC\n";
}

/// A rounded rectangle path (y-up corners x0,y0 – x1,y1), or a circle when r is half the side.
std::string rounded_path(double x0, double y0, double x1, double y1, double r) {
  const double k = r * (1 - kKappa);
  auto p = [](double x, double y) { return fmt_num(x) + ' ' + fmt_num(y) + ' '; };
  std::string o = p(x0 + r, y0) + "m\n" + p(x1 - r, y0) + "l\n";
  o += p(x1 - k, y0) + p(x1, y0 + k) + p(x1, y0 + r) + "c\n" + p(x1, y1 - r) + "l\n";
  o += p(x1, y1 - k) + p(x1 - k, y1) + p(x1 - r, y1) + "c\n" + p(x0 + r, y1) + "l\n";
  o += p(x0 + k, y1) + p(x0, y1 - k) + p(x0, y1 - r) + "c\n" + p(x0, y0 + r) + "l\n";
  o += p(x0, y0 + k) + p(x0 + k, y0) + p(x0 + r, y0) + "c\nh\n";
  return o;
}

void write_fill(const frame::Fill& f, const frame::Page& page, std::string& out) {
  const core::Rect& r = f.area;
  const double y0 = page.height - r.y - r.height;
  out += "/Artifact BMC\nq\n" + rgb(f.color) + " rg\n";
  if (f.radius > 0) {
    const double radius = std::min({f.radius, r.width / 2, r.height / 2});
    out += rounded_path(r.x, y0, r.x + r.width, y0 + r.height, radius) + "f\nQ\nEMC\n";
    return;
  }
  out += fmt_num(r.x) + ' ' + fmt_num(y0) + ' ' + fmt_num(r.width) + ' ' + fmt_num(r.height) + " re f\nQ\nEMC\n";
}

/// The image scaled to cover the square area (centred crop), clipped to a circle or the square.
void write_image(const frame::Image& img, const frame::Page& page, const ImageNames& names,
                 const ContentTags& tags, PageContent& pc) {
  const auto it = names.find(img.bytes.get());
  if (it == names.end() || img.width <= 0 || img.height <= 0) return;  // reported by images.cpp
  pc.images.insert(it->second);
  const core::Rect& a = img.area;
  const double y0 = page.height - a.y - a.height;
  const double scale = std::max(a.width / img.width, a.height / img.height);
  const double w = img.width * scale, h = img.height * scale;
  begin_mark(img.content, tags, pc);
  std::string& out = pc.ops;
  out += "q\n";
  if (img.round)
    out += rounded_path(a.x, y0, a.x + a.width, y0 + a.height, std::min(a.width, a.height) / 2);
  else
    out += fmt_num(a.x) + ' ' + fmt_num(y0) + ' ' + fmt_num(a.width) + ' ' + fmt_num(a.height) + " re\n";
  out += "W n\n" + fmt_num(w) + " 0 0 " + fmt_num(h) + ' ' + fmt_num(a.x - (w - a.width) / 2) + ' ' +
         fmt_num(y0 - (h - a.height) / 2) + " cm\n/" + it->second + " Do\nQ\nEMC\n";
}

}  // namespace

PageContent page_content(const frame::Page& page, const FontTable& fonts, const std::vector<TextMap>& maps,
                         const ImageNames& images, const ContentTags& tags) {
  PageContent pc;
  for (const frame::Item& item : page.items) {
    if (const auto* run = std::get_if<frame::GlyphRun>(&item)) write_run(*run, page, fonts, maps, tags, pc);
    else if (const auto* line = std::get_if<frame::Line>(&item)) write_line(*line, page, pc.ops);
    else if (const auto* fill = std::get_if<frame::Fill>(&item)) write_fill(*fill, page, pc.ops);
    else if (const auto* img = std::get_if<frame::Image>(&item)) write_image(*img, page, images, tags, pc);
    // Link and Anchor are not painted: document.cpp turns them into annotations and outline.
  }
  return pc;
}

}  // namespace cvpdf::pdf
