// pdf/content.cpp — content stream operators for one page (see content.h).
#include "pdf/content.h"

#include "pdf/encode.h"

namespace cvpdf::pdf {
namespace {

std::string rgb(const core::Color& c) {
  return fmt_num(c.r / 255.0) + ' ' + fmt_num(c.g / 255.0) + ' ' + fmt_num(c.b / 255.0);
}

/// Builds one TJ array piece by piece: hex strings of codes, and numbers between them.
class TjWriter {
 public:
  explicit TjWriter(std::string& out) : out_(out) {}
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
    append_hex(out_, c, 4);
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
  bool open_ = false;
  bool in_hex_ = false;
};

/// The glyphs of a run as TJ arrays; a change of vertical offset starts a new TJ with `Ts`.
void write_glyphs(const PlacedRun& run, const EmbeddedFont& f, std::string& out) {
  TjWriter tj(out);
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

void write_run(const frame::GlyphRun& run, const frame::Page& page, const FontTable& fonts,
               const std::vector<TextMap>& maps, PageContent& pc) {
  const EmbeddedFont* f = fonts.for_run(run.font);
  if (!f || (run.glyphs.empty() && run.trailing_space.empty())) return;
  const auto index = static_cast<int>(f - fonts.fonts.data());
  pc.fonts.insert(index);
  const PlacedRun placed = place_run(run, *f);
  pc.bad_ranges = pc.bad_ranges || placed.bad_ranges;
  const bool actual = !extracts_exactly(placed, maps[static_cast<std::size_t>(index)]);
  std::string& out = pc.ops;
  if (actual) {
    out += "/Span <</ActualText " + hex_text_string(run_text(placed)) + ">> BDC\n";
    ++pc.actual_text_runs;
  }
  out += "BT\n/" + f->resource + ' ' + fmt_num(run.size) + " Tf\n" + rgb(run.color) + " rg\n";
  out += fmt_num(run.origin.x) + ' ' + fmt_num(page.height - run.origin.y) + " Td\n";
  write_glyphs(placed, *f, out);
  out += "ET\n";
  if (actual) out += "EMC\n";
}

void write_line(const frame::Line& l, const frame::Page& page, std::string& out) {
  out += "q\n" + fmt_num(l.thickness) + " w\n" + rgb(l.color) + " RG\n";
  out += fmt_num(l.from.x) + ' ' + fmt_num(page.height - l.from.y) + " m ";
  out += fmt_num(l.to.x) + ' ' + fmt_num(page.height - l.to.y) + " l S\nQ\n";
}

void write_fill(const frame::Fill& f, const frame::Page& page, std::string& out) {
  const core::Rect& r = f.area;
  out += "q\n" + rgb(f.color) + " rg\n";
  out += fmt_num(r.x) + ' ' + fmt_num(page.height - r.y - r.height) + ' ' + fmt_num(r.width) + ' ' +
         fmt_num(r.height) + " re f\nQ\n";
}

}  // namespace

PageContent page_content(const frame::Page& page, const FontTable& fonts, const std::vector<TextMap>& maps) {
  PageContent pc;
  for (const frame::Item& item : page.items) {
    if (const auto* run = std::get_if<frame::GlyphRun>(&item)) write_run(*run, page, fonts, maps, pc);
    else if (const auto* line = std::get_if<frame::Line>(&item)) write_line(*line, page, pc.ops);
    else if (const auto* fill = std::get_if<frame::Fill>(&item)) write_fill(*fill, page, pc.ops);
    // Link and Anchor are not painted: document.cpp turns them into annotations and outline.
  }
  return pc;
}

}  // namespace cvpdf::pdf
