// verify/content.cpp — a bounded interpreter of the text and marked-content operators (see content.h).
#include "verify/content.h"

#include <cmath>
#include <functional>

#include "core/limits.h"

namespace cvpdf::verify {

namespace {

/// Operands before one operator: `Tm` and `cm` take six, `d` an array and a number; a stream
/// with more is not one cvpdf wrote.
constexpr std::size_t kMaxOperands = 32;

struct Matrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
};

/// m × n (PDF row-vector convention: apply m, then n).
Matrix mul(const Matrix& m, const Matrix& n) {
  return {m.a * n.a + m.b * n.c,       m.a * n.b + m.b * n.d,       m.c * n.a + m.d * n.c,
          m.c * n.b + m.d * n.d,       m.e * n.a + m.f * n.c + n.e, m.e * n.b + m.f * n.d + n.f};
}

Matrix translate(double x, double y) { return {1, 0, 0, 1, x, y}; }

/// The graphics state that matters for text positions (text state is part of it, §9.3.1).
struct GState {
  Matrix ctm;
  const FontInfo* font = nullptr;
  double size = 0, tc = 0, tw = 0, th = 1, tl = 0, rise = 0;
};

struct Marked {
  int mcid = -1;
  bool artifact = false;
  bool has_actual = false;
  std::string actual;
  int emitted = -1;  ///< index of the item that carries the /ActualText, once a glyph is drawn
};

class Interpreter {
 public:
  Interpreter(File& file, const Dict* resources, PageText& out,
              std::function<const FontInfo&(const Object&)> font_of)
      : file_(file), resources_(resources), out_(out), font_of_(std::move(font_of)) {}

  void run(std::string_view ops);

 private:
  void op(std::string_view kw, std::size_t at);
  void text_op(std::string_view kw, std::size_t at);
  void marked_op(std::string_view kw, std::size_t at);
  void show(const std::string& bytes, std::size_t at);
  void emit(std::string text, double x, double y, double end_x, double size, bool unmapped);
  double num(std::size_t i, std::size_t at) const;
  void need(std::size_t n, std::string_view kw, std::size_t at) const;
  [[nodiscard]] Matrix text_render() const;

  File& file_;
  const Dict* resources_;
  PageText& out_;
  std::function<const FontInfo&(const Object&)> font_of_;
  std::vector<Object> operands_;
  std::vector<GState> stack_;
  GState gs_;
  Matrix tm_, tlm_;
  std::vector<Marked> marked_;
};

void Interpreter::run(std::string_view ops) {
  Parser p(ops);
  for (;;) {
    p.skip_space();
    if (p.at_end()) break;
    const std::size_t at = p.pos();
    const std::string_view kw = p.keyword();
    if (kw.empty() || kw == "true" || kw == "false" || kw == "null") {
      if (!kw.empty()) p.seek(at);
      if (operands_.size() >= kMaxOperands)
        throw ReadError(at, "more than " + std::to_string(kMaxOperands) + " operands before an operator");
      operands_.push_back(p.parse());
      continue;
    }
    if (kw == "BI") throw ReadError(at, "an inline image (cvpdf never writes one)");
    op(kw, at);
    operands_.clear();
  }
  if (!marked_.empty()) throw ReadError(ops.size(), "marked content (BDC/BMC) without its EMC");
}

double Interpreter::num(std::size_t i, std::size_t at) const {
  double v = 0;
  if (i >= operands_.size() || !operands_[i].number(v) || !std::isfinite(v))
    throw ReadError(at, "an operator's operand is not a number");
  return v;
}

void Interpreter::need(std::size_t n, std::string_view kw, std::size_t at) const {
  if (operands_.size() < n)
    throw ReadError(at, "'" + std::string(kw) + "' needs " + std::to_string(n) + " operands");
}

void Interpreter::op(std::string_view kw, std::size_t at) {
  if (kw == "q") {
    if (stack_.size() >= static_cast<std::size_t>(core::limits::kMaxPdfNesting))
      throw ReadError(at, "'q' nested deeper than " + std::to_string(core::limits::kMaxPdfNesting));
    stack_.push_back(gs_);
  } else if (kw == "Q") {
    if (stack_.empty()) throw ReadError(at, "'Q' without 'q'");
    gs_ = stack_.back();
    stack_.pop_back();
  } else if (kw == "cm") {
    need(6, kw, at);
    gs_.ctm = mul(Matrix{num(0, at), num(1, at), num(2, at), num(3, at), num(4, at), num(5, at)}, gs_.ctm);
  } else if (kw == "BDC" || kw == "BMC" || kw == "EMC") {
    marked_op(kw, at);
  } else if (kw.size() <= 2 && (kw[0] == 'T' || kw == "BT" || kw == "ET" || kw == "'" || kw == "\"")) {
    text_op(kw, at);
  }
  // Everything else (paths, colours, images, XObjects) draws no text: skipped.
}

void Interpreter::text_op(std::string_view kw, std::size_t at) {
  if (kw == "BT") {
    tm_ = tlm_ = Matrix{};
  } else if (kw == "ET") {
  } else if (kw == "Tf") {
    need(2, kw, at);
    const Name* name = operands_[0].name();
    const Object* fonts = resources_ ? find(*resources_, "Font") : nullptr;
    const Dict* fd = fonts ? file_.dict(*fonts) : nullptr;
    const Object* ref = name && fd ? find(*fd, name->s) : nullptr;
    if (!ref) throw ReadError(at, "'Tf' names a font the page's resources do not have");
    gs_.font = &font_of_(*ref);
    gs_.size = num(1, at);
  } else if (kw == "Td" || kw == "TD") {
    need(2, kw, at);
    if (kw == "TD") gs_.tl = -num(1, at);
    tm_ = tlm_ = mul(translate(num(0, at), num(1, at)), tlm_);
  } else if (kw == "Tm") {
    need(6, kw, at);
    tm_ = tlm_ = Matrix{num(0, at), num(1, at), num(2, at), num(3, at), num(4, at), num(5, at)};
  } else if (kw == "T*") {
    tm_ = tlm_ = mul(translate(0, -gs_.tl), tlm_);
  } else if (kw == "TL" || kw == "Tc" || kw == "Tw" || kw == "Tz" || kw == "Ts") {
    need(1, kw, at);
    double& v = kw == "TL" ? gs_.tl : kw == "Tc" ? gs_.tc : kw == "Tw" ? gs_.tw : kw == "Ts" ? gs_.rise : gs_.th;
    v = kw == "Tz" ? num(0, at) / 100 : num(0, at);
  } else if (kw == "Tj" || kw == "'" || kw == "\"") {
    need(kw == "\"" ? 3 : 1, kw, at);
    if (kw == "\"") gs_.tw = num(0, at), gs_.tc = num(1, at);
    if (kw != "Tj") tm_ = tlm_ = mul(translate(0, -gs_.tl), tlm_);
    const String* s = operands_.back().string();
    if (!s) throw ReadError(at, "'" + std::string(kw) + "' needs a string");
    show(s->bytes, at);
  } else if (kw == "TJ") {
    need(1, kw, at);
    const Array* a = operands_[0].array();
    if (!a) throw ReadError(at, "'TJ' needs an array");
    for (const Object& o : *a) {
      double n = 0;
      if (const String* s = o.string()) show(s->bytes, at);
      else if (o.number(n) && std::isfinite(n)) tm_ = mul(translate(-n / 1000 * gs_.size * gs_.th, 0), tm_);
      else throw ReadError(at, "a 'TJ' array holds something other than strings and numbers");
    }
  }
}

Matrix Interpreter::text_render() const {
  return mul(mul(Matrix{gs_.size * gs_.th, 0, 0, gs_.size, 0, gs_.rise}, tm_), gs_.ctm);
}

void Interpreter::show(const std::string& bytes, std::size_t at) {
  if (!gs_.font) throw ReadError(at, "text shown before any 'Tf'");
  const FontInfo& f = *gs_.font;
  std::size_t i = 0;
  while (i < bytes.size()) {
    const std::size_t n = f.two_byte ? std::min(f.cmap.code_length(std::string_view(bytes).substr(i)), bytes.size() - i) : 1;
    std::uint32_t code = 0;
    for (std::size_t k = 0; k < n; ++k) code = (code << 8) | static_cast<unsigned char>(bytes[i + k]);
    i += n;
    const Matrix start = text_render();
    const double tx = (f.width(code) / 1000 * gs_.size + gs_.tc + (n == 1 && code == 32 ? gs_.tw : 0)) * gs_.th;
    tm_ = mul(translate(tx, 0), tm_);
    const Matrix end = text_render();
    const std::string* text = f.has_to_unicode ? f.cmap.lookup(code) : nullptr;
    emit(text ? *text : std::string(), start.e, start.f, end.e, std::hypot(start.c, start.d), text == nullptr);
  }
}

void Interpreter::emit(std::string text, double x, double y, double end_x, double size, bool unmapped) {
  TextItem item{std::move(text), x, y, end_x, size, -1, false, false, unmapped};
  for (const Marked& m : marked_) {
    if (m.mcid >= 0) item.mcid = m.mcid;
    item.artifact = item.artifact || m.artifact;
  }
  for (Marked& m : marked_) {
    if (!m.has_actual) continue;
    if (m.emitted >= 0) {  // the /ActualText is already out: the glyph only extends it
      out_.items[static_cast<std::size_t>(m.emitted)].end_x = end_x;
      return;
    }
    item.text = m.actual;
    item.actual = true;
    item.unmapped = false;
    m.emitted = static_cast<int>(out_.items.size());
    break;
  }
  out_.items.push_back(std::move(item));
}

void Interpreter::marked_op(std::string_view kw, std::size_t at) {
  if (kw == "EMC") {
    if (marked_.empty()) throw ReadError(at, "'EMC' without 'BDC' or 'BMC'");
    Marked m = std::move(marked_.back());
    marked_.pop_back();
    if (m.has_actual && m.emitted < 0 && !m.actual.empty()) {  // /ActualText over no glyph
      const Matrix here = text_render();
      marked_.push_back(Marked{m.mcid, m.artifact, false, {}, -1});
      emit(m.actual, here.e, here.f, here.e, std::hypot(here.c, here.d), false);
      out_.items.back().actual = true;
      marked_.pop_back();
    }
    return;
  }
  if (marked_.size() >= static_cast<std::size_t>(core::limits::kMaxPdfNesting))
    throw ReadError(at, "marked content nested deeper than " + std::to_string(core::limits::kMaxPdfNesting));
  need(kw == "BDC" ? 2 : 1, kw, at);
  const Name* tag = operands_[0].name();
  if (!tag) throw ReadError(at, "'" + std::string(kw) + "' needs a tag name");
  Marked m;
  m.artifact = tag->s == "Artifact";
  if (kw == "BDC") {
    const Dict* props = operands_[1].dict();
    if (const Name* n = operands_[1].name()) {  // a named property list in /Properties
      const Object* all = resources_ ? find(*resources_, "Properties") : nullptr;
      const Dict* pd = all ? file_.dict(*all) : nullptr;
      const Object* p = pd ? find(*pd, n->s) : nullptr;
      props = p ? file_.dict(*p) : nullptr;
    }
    std::int64_t mcid = -1;
    if (const Object* o = props ? find(*props, "MCID") : nullptr; o && o->integer(mcid) && mcid >= 0 && mcid < INT32_MAX) {
      m.mcid = static_cast<int>(mcid);
      out_.mcids.insert(m.mcid);
    }
    if (const Object* o = props ? find(*props, "ActualText") : nullptr; o && o->string()) {
      m.has_actual = true;
      m.actual = text_string(o->string()->bytes);
    }
  }
  marked_.push_back(std::move(m));
}

/// /W of a CIDFont: `c [w1 w2 …]` and `c_first c_last w` (§9.7.4.3).
void read_cid_widths(File& file, const Array& w, FontInfo& f) {
  for (std::size_t i = 0; i + 1 < w.size();) {
    std::int64_t first = 0, last = 0;
    double width = 0;
    if (!w[i].integer(first) || first < 0) throw ReadError(0, "a font's /W array is malformed");
    if (const Array* list = file.resolve(w[i + 1]).array()) {
      for (std::size_t k = 0; k < list->size(); ++k)
        if ((*list)[k].number(width)) f.widths[static_cast<std::uint32_t>(first) + static_cast<std::uint32_t>(k)] = width;
      i += 2;
    } else if (i + 2 < w.size() && w[i + 1].integer(last) && w[i + 2].number(width) && last >= first) {
      f.width_ranges.push_back({{static_cast<std::uint32_t>(first), static_cast<std::uint32_t>(last)}, width});
      i += 3;
    } else {
      throw ReadError(0, "a font's /W array is malformed");
    }
  }
}

}  // namespace

double FontInfo::width(std::uint32_t code) const {
  if (auto it = widths.find(code); it != widths.end()) return it->second;
  for (const auto& [range, w] : width_ranges)
    if (code >= range.first && code <= range.second) return w;
  return default_width;
}

const FontInfo& ContentReader::font(const Object& ref) {
  const Ref* r = ref.ref();
  const int key = r ? r->num : -static_cast<int>(fonts_.size()) - 1;  // direct fonts: never shared
  if (auto it = fonts_.find(key); it != fonts_.end()) return *it->second;
  auto f = std::make_unique<FontInfo>();
  const Dict* d = file_.dict(ref);
  if (!d) throw ReadError(0, "a font resource is not a dictionary");
  const Object* sub = find(*d, "Subtype");
  f->two_byte = sub && sub->name() && sub->name()->s == "Type0";
  if (const Object* tu = find(*d, "ToUnicode"); tu && tu->ref()) {
    f->cmap = CMap::parse(file_.stream(*tu, "a font's ToUnicode CMap"));
    f->has_to_unicode = true;
  }
  if (f->two_byte) {
    const Object* desc = find(*d, "DescendantFonts");
    const Array* a = desc ? file_.resolve(*desc).array() : nullptr;
    const Dict* cid = a && !a->empty() ? file_.dict((*a)[0]) : nullptr;
    if (cid) {
      if (const Object* dw = find(*cid, "DW")) (void)dw->number(f->default_width);
      if (const Object* w = find(*cid, "W"); w && file_.resolve(*w).array())
        read_cid_widths(file_, *file_.resolve(*w).array(), *f);
    }
  } else {
    std::int64_t first = 0;
    const Object* fc = find(*d, "FirstChar");
    const Object* ws = find(*d, "Widths");
    const Array* a = ws ? file_.resolve(*ws).array() : nullptr;
    if (fc && fc->integer(first) && first >= 0 && a)
      for (std::size_t k = 0; k < a->size(); ++k) {
        double w = 0;
        if ((*a)[k].number(w)) f->widths[static_cast<std::uint32_t>(first + static_cast<std::int64_t>(k))] = w;
      }
    f->default_width = 0;
  }
  return *(fonts_[key] = std::move(f));
}

PageText ContentReader::read(const PageRef& page, int index) {
  PageText out;
  const Object* contents = find(*page.dict, "Contents");
  if (!contents) return out;
  std::vector<Object> parts;
  if (const Array* a = file_.resolve(*contents).array()) parts = *a;
  else parts.push_back(*contents);
  std::string ops;
  const std::string what = "the content stream of page " + std::to_string(index + 1);
  for (const Object& part : parts) ops += file_.stream(part, what) + "\n";
  Interpreter in(file_, page.resources, out, [this](const Object& ref) -> const FontInfo& { return font(ref); });
  try {
    in.run(ops);
  } catch (const ReadError& e) {
    throw ReadError(e.offset, what + ", byte " + std::to_string(e.offset) + " of its data: " + e.what());
  }
  return out;
}

}  // namespace cvpdf::verify
