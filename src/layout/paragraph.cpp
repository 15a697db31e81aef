// layout/paragraph.cpp — a paragraph's lines: shape, break, fit, emit (see paragraph.h).
#include "layout/paragraph.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>

#include "layout/line_pieces.h"
#include "layout/paginate.h"
#include "linebreak/knuth_plass.h"

namespace cvpdf::layout {
namespace {

using linebreak::ItemKind;

// A badge's box (theme.badges) spans the tag's cap height and descenders, in em of its size:
// Noto's cap height is 0.714 em and its descender 0.293 em (hhea), rounded to what the eye
// takes as the letters' extent.
constexpr double kBadgeCapEm = 0.72;
constexpr double kBadgeDescentEm = 0.22;

/// A paragraph's place in the structure tree, shared by its lines: the element its text belongs
/// to, and the Link and Span elements opened under it so far.
struct ParagraphTags {
  int node = frame::kArtifact;
  std::map<std::size_t, int> links;                         // by span
  std::map<std::pair<int, std::string>, int> languages;     // the last by (parent element, language)
};

/// A hyphenated word's place on one line: clusters [first, …) of the line are its first part
/// (they extract as `text`, the whole word); clusters before `second_end` are its second part,
/// read with the first (they extract as nothing).
struct SplitWord {
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t first = kNone;
  std::string text;
  std::size_t second_end = 0;
};

/// Collects one line's glyph runs and link rectangles, left to right.
class LineEmitter {
 public:
  /// `reordered`: the line is drawn in visual order that differs from the logical one, so a
  /// glyph run may only continue with a cluster logically next to the last one drawn.
  LineEmitter(Context& ctx, const ShapedParagraph& p, const LaidParagraph& metrics, double x,
              bool reordered, ParagraphTags& tags, SplitWord word)
      : ctx_(ctx),
        p_(p),
        metrics_(metrics),
        pen_(x),
        start_(x),
        reordered_(reordered),
        tags_(tags),
        word_(std::move(word)),
        links_(p.spans.size()),
        badges_(p.spans.size()) {}

  /// Draws cluster `ci` at the pen, in the open piece if it has the same face and span.
  void cluster(std::size_t ci);
  /// Whether cluster `ci` would continue the open piece.
  [[nodiscard]] bool continues_piece(std::size_t ci) const {
    const Cluster& c = p_.clusters[ci];
    const bool adjacent =
        !reordered_ || ((c.begin == last_end_ || c.end == last_begin_) && c.level == level_);
    return open_ && c.face == face_ && c.span == span_ && adjacent;
  }
  /// Ends the open piece; `trailing` is the text a reader should see after it (" " or "").
  void close(const std::string& trailing);
  /// Ends the open piece before the spaces of cluster `space` (drawn as positioning): a reader
  /// sees one space, before or after the piece's text as their logical order says.
  void close_at_space(std::size_t space);
  void skip(double width) { pen_ += width; }
  /// Draws the hyphen of a hyphenated line end after the last cluster (of span `span`).
  void hyphen(const HyphenGlyph& h, std::size_t span);
  LaidLine finish(const std::string& trailing);

 private:
  Context& ctx_;
  const ShapedParagraph& p_;
  const LaidParagraph& metrics_;
  double pen_;
  double start_;
  bool reordered_;
  ParagraphTags& tags_;
  SplitWord word_;
  /// The line's runs that are content, to number in logical order when the line is finished
  /// (a right-to-left line is drawn in visual order): item index, text offset, span.
  struct Tagged {
    std::size_t item;
    std::uint32_t text_begin;
    std::size_t span;
  };
  std::vector<Tagged> tagged_;
  bool open_ = false;
  text::FaceId face_ = text::kNoFace;
  bool color_ = false;  // face_ is a colour bitmap face: its glyphs are drawn as pictures
  std::size_t span_ = 0;
  frame::GlyphRun run_;
  std::uint32_t text_begin_ = 0, text_end_ = 0;
  std::uint32_t last_begin_ = 0, last_end_ = 0;  // the last cluster drawn
  std::uint8_t level_ = 0;                        // the open run's bidi level
  static constexpr std::uint32_t kNoSpace = UINT32_MAX;
  std::uint32_t space_at_ = kNoSpace;  // close_at_space(): where that space is in the text
  /// The line's runs: item index and text offset, to list them in logical order.
  std::vector<std::pair<std::size_t, std::uint32_t>> runs_;
  bool hyphenated_ = false;     // the open run ends with a line-end hyphen
  std::vector<std::optional<std::pair<double, double>>> links_;  // per span: [x0, x1]
  std::vector<std::optional<std::pair<double, double>>> badges_;  // per span: [x0, x1]
  LaidLine line_;

  static void extend(std::optional<std::pair<double, double>>& extent, double x0, double x1) {
    if (!extent) extent = std::pair{x0, x0};
    extent->second = x1;
  }
  void add_badges();
  void color_picture(const text::ShapedGlyph& g, double x);
  /// Makes the open run's glyphs stand for `text` (an icon's word): it is the run's text, the
  /// first glyph carries all of it (so the font's ToUnicode maps the icon to the word, for
  /// extractors that ignore /ActualText), and it is the run's actual_text too.
  void stand_for(const std::string& text);
  /// Starts a run at cluster `ci` (or at the line-end hyphen: ci = kNone).
  void open_run(text::FaceId face, std::size_t span, std::size_t ci);
  /// The element the text of a run of `span` belongs to (see layout_paragraph).
  int container(std::size_t span, const std::string& text);
  int link_node(std::size_t span);
  /// Numbers the line's content (runs in logical order, then the links).
  void tag_content();
  /// Lists a reordered line's runs in logical order, in the places the runs had.
  void order_runs();
};

void LineEmitter::open_run(text::FaceId face, std::size_t span, std::size_t ci) {
  close("");
  open_ = true;
  face_ = face;
  // a hyphen (ci = kNone) is never drawn as a picture
  color_ = ci != SplitWord::kNone && face != text::kNoFace && ctx_.fonts.info(face).color_bitmap;
  span_ = span;
  run_ = frame::GlyphRun{};
  run_.origin = {pen_, 0};
  level_ = ci == SplitWord::kNone ? level_ : p_.clusters[ci].level;
  run_.rtl = (level_ & 1) != 0;
  const bool in_first = word_.first != SplitWord::kNone && (ci == SplitWord::kNone || ci >= word_.first);
  if (ci != SplitWord::kNone && ci == word_.first) run_.actual_text = word_.text;
  else if (in_first || (ci != SplitWord::kNone && ci < word_.second_end)) run_.actual_text = "";
}

void LineEmitter::stand_for(const std::string& text) {
  run_.text = text;
  run_.actual_text = text;
  const auto n = static_cast<std::uint32_t>(text.size());
  for (std::size_t g = 0; g < run_.glyphs.size(); ++g) {
    run_.glyphs[g].text_begin = 0;
    run_.glyphs[g].text_end = g == 0 ? n : 0;
  }
}

int LineEmitter::link_node(std::size_t span) {
  auto [it, added] = tags_.links.try_emplace(span, 0);
  if (added) it->second = ctx_.tags.open(frame::Tag::Link, tags_.node);
  return it->second;
}

int LineEmitter::container(std::size_t span, const std::string& text) {
  if (tags_.node < 0) return tags_.node;
  const int base = p_.spans[span].span->link.empty() ? tags_.node : link_node(span);
  std::string lang = ctx_.tags.language_of(text);
  if (lang.empty()) return base;
  auto [it, added] = tags_.languages.try_emplace({base, lang}, 0);
  if (added || !ctx_.tags.last_is(base, it->second)) it->second = ctx_.tags.open(frame::Tag::Span, base, std::move(lang));
  return it->second;
}

void LineEmitter::tag_content() {
  std::stable_sort(tagged_.begin(), tagged_.end(),
                   [](const Tagged& a, const Tagged& b) { return a.text_begin < b.text_begin; });
  for (const Tagged& t : tagged_) {
    auto& run = std::get<frame::GlyphRun>(line_.items[t.item]);
    run.content = ctx_.tags.content(container(t.span, run.text));
  }
}

/// The picture of a colour emoji glyph (text/color.cpp) at the glyph's place and size, before
/// the (invisible) run that carries its text; a glyph with no picture draws nothing.
void LineEmitter::color_picture(const text::ShapedGlyph& g, double x) {
  const auto pic = ctx_.fonts.color_glyph(g.face, g.gid);
  if (!pic) return;
  const double size = p_.spans[span_].style.text.size;
  frame::Image img;
  img.area = {x + g.dx + pic->x * size, -(g.dy + pic->top * size), pic->w * size, pic->h * size};
  img.bytes = pic->png;
  img.format = frame::ImageFormat::Png;
  img.width = pic->width;
  img.height = pic->height;
  line_.items.emplace_back(std::move(img));
}

void LineEmitter::cluster(std::size_t ci) {
  const Cluster& c = p_.clusters[ci];
  // A hyphenated word's parts are runs of their own, so that their text can be replaced.
  if (!continues_piece(ci) || ci == word_.first || (ci == word_.second_end && ci > 0)) {
    open_run(c.face, c.span, ci);
    text_begin_ = c.begin;
  }
  text_begin_ = std::min(text_begin_, c.begin);  // right to left: clusters come backwards
  text_end_ = std::max(text_end_, c.end);
  last_begin_ = c.begin;
  last_end_ = c.end;
  double x = pen_;
  for (std::size_t g = c.glyph_begin; g < c.glyph_end; ++g) {
    const text::ShapedGlyph& s = p_.glyphs[g];
    run_.glyphs.push_back({s.gid, s.advance, s.dx, s.dy, s.text_begin, s.text_end});
    if (color_) color_picture(s, x);
    x += s.advance;
  }
  if (!p_.spans[c.span].span->link.empty()) extend(links_[c.span], pen_, pen_ + c.advance);
  if (p_.spans[c.span].span->badge) extend(badges_[c.span], pen_, pen_ + c.advance);
  pen_ += c.advance;
}

void LineEmitter::hyphen(const HyphenGlyph& h, std::size_t span) {
  if (!(open_ && face_ == h.face && span_ == span)) {  // a fallback face: a run of its own
    open_run(h.face, span, SplitWord::kNone);
    text_begin_ = text_end_ = last_end_;
  }
  run_.glyphs.push_back({h.gid, h.advance, 0, 0, last_end_, last_end_});  // no source text
  hyphenated_ = true;
  pen_ += h.advance;
}

void LineEmitter::close(const std::string& trailing) {
  const std::uint32_t space_at = std::exchange(space_at_, kNoSpace);
  if (!open_) return;
  open_ = false;
  run_.hyphenated = hyphenated_;
  hyphenated_ = false;
  const std::uint32_t text_begin = text_begin_, text_end = text_end_;
  text_end_ = 0;
  const int font = ctx_.faces.index(ctx_.fonts, face_);
  if (font < 0) return;  // no face at all: text/ has warned; nothing can be drawn
  const SpanInfo& span = p_.spans[span_];
  run_.font = font;
  run_.size = span.style.text.size;
  run_.color = span.style.color;
  run_.lang = span.style.text.lang;
  run_.text = p_.text.substr(text_begin, text_end - text_begin);
  for (frame::Glyph& g : run_.glyphs) {  // re-base the ranges onto run_.text
    g.text_begin = std::clamp(g.text_begin, text_begin, text_end) - text_begin;
    g.text_end = std::clamp(g.text_end, text_begin, text_end) - text_begin;
  }
  run_.trailing_space = trailing;
  run_.space_before = reordered_ && !trailing.empty() && space_at < text_begin;
  if (reordered_) runs_.emplace_back(line_.items.size(), text_begin);
  if (!span.span->actual_text.empty() && !run_.actual_text) stand_for(span.span->actual_text);
  run_.content = tags_.node;  // an artifact stays one; content is numbered by tag_content()
  if (tags_.node >= 0) tagged_.push_back({line_.items.size(), text_begin, span_});
  line_.items.emplace_back(std::move(run_));
}

/// A tinted box behind each badge span, before the line's text (it is painted first).
void LineEmitter::add_badges() {
  const theme::BadgeStyle& b = ctx_.theme.badges;
  std::vector<frame::Item> boxes;
  for (std::size_t s = 0; s < badges_.size(); ++s) {
    if (!badges_[s]) continue;
    const auto [x0, x1] = *badges_[s];
    const double size = p_.spans[s].style.text.size;
    const double top = -(kBadgeCapEm * size + b.pad_y);
    const double bottom = kBadgeDescentEm * size + b.pad_y;
    boxes.emplace_back(frame::Fill{{x0, top, x1 - x0, bottom - top}, b.fill, b.radius});
  }
  line_.items.insert(line_.items.begin(), boxes.begin(), boxes.end());
}

void LineEmitter::close_at_space(std::size_t space) {
  space_at_ = p_.clusters[space].begin;
  close(" ");
}

void LineEmitter::order_runs() {
  if (runs_.size() < 2) return;
  std::vector<std::pair<std::size_t, std::uint32_t>> logical = runs_;
  std::stable_sort(logical.begin(), logical.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  std::vector<std::size_t> source(line_.items.size()), moved_to(line_.items.size());
  for (std::size_t k = 0; k < source.size(); ++k) source[k] = moved_to[k] = k;
  for (std::size_t k = 0; k < runs_.size(); ++k) {
    source[runs_[k].first] = logical[k].first;
    moved_to[logical[k].first] = runs_[k].first;
  }
  std::vector<frame::Item> old = std::move(line_.items);  // every item moved once, none copied
  line_.items.resize(old.size());
  for (std::size_t k = 0; k < old.size(); ++k) line_.items[k] = std::move(old[source[k]]);
  for (Tagged& t : tagged_) t.item = moved_to[t.item];
}

LaidLine LineEmitter::finish(const std::string& trailing) {
  close(reordered_ ? "" : trailing);
  order_runs();
  // A reordered line's space at its end follows the run that is logically last, wherever it is.
  if (reordered_ && !trailing.empty() && !runs_.empty()) {
    auto& run = std::get<frame::GlyphRun>(line_.items[runs_.back().first]);  // after order_runs()
    if (run.trailing_space.empty()) run.trailing_space = trailing;
  }
  tag_content();
  for (std::size_t s = 0; s < links_.size(); ++s) {
    if (!links_[s]) continue;
    const auto [x0, x1] = *links_[s];
    const core::Rect area{x0, -metrics_.ascent, x1 - x0, metrics_.ascent + metrics_.descent};
    const int content = tags_.node < 0 ? tags_.node : ctx_.tags.content(link_node(s));
    line_.items.emplace_back(frame::Link{area, p_.spans[s].span->link, content});
  }
  add_badges();  // after the runs are numbered: it inserts before them
  line_.width = pen_ - start_;
  return std::move(line_);
}

double align_offset(doc::Align align, const linebreak::Line& line) {
  const double slack = std::max(0.0, line.available - line.width);
  switch (align) {
    case doc::Align::Right:
      return slack;
    case doc::Align::Center:
      return slack / 2;
    case doc::Align::Left:
    case doc::Align::Justify:
      return 0;
  }
  return 0;
}

/// The width a glue item gets on `line`: Knuth's r applied (shrink never beyond r = −1);
/// ragged lines never stretch (their slack is the \rightskip), but may shrink the glue that
/// can (the CJK/Latin gaps, whose shrink is their whole width).
double set_glue(const linebreak::Item& glue, const linebreak::Line& line, doc::Align align) {
  if (line.ratio > 0) return align == doc::Align::Justify ? glue.width + line.ratio * glue.stretch
                                                          : glue.width;
  return glue.width + std::max(line.ratio, -1.0) * glue.shrink;
}

/// Draws one glue item's spaces: as the space glyphs when the glue keeps its natural width and
/// the spaces continue the open run, else as positioning (a reader still sees a space).
void draw_spaces(LineEmitter& out, const linebreak::Item& item, const ItemSource& src,
                 double width) {
  bool inline_space = width == item.width;  // natural width: keep the space glyphs
  for (std::size_t ci = src.cluster_begin; ci < src.cluster_end; ++ci)
    inline_space = inline_space && out.continues_piece(ci);
  if (inline_space) {
    for (std::size_t ci = src.cluster_begin; ci < src.cluster_end; ++ci) out.cluster(ci);
  } else {
    out.close_at_space(src.cluster_begin);
    out.skip(width);
  }
}

/// Whether item `i` lies inside a word (a box, or a penalty between two boxes that is not a
/// forced break): what a hyphenated word's parts are made of.
bool in_word(const ItemList& list, std::size_t i) {
  const linebreak::Item& item = list.items[i];
  if (item.kind == ItemKind::Box) return true;
  return item.kind == ItemKind::Penalty && list.sources[i].reason != BreakReason::Forced;
}

/// The word that the hyphenation point at item `brk` splits: its first cluster, its text, and
/// the cluster after its end.
SplitWord split_word(const ShapedParagraph& p, const ItemList& list, std::size_t brk) {
  std::size_t c0 = p.clusters.size(), c1 = 0;
  auto take = [&](std::size_t i) {
    if (list.items[i].kind != ItemKind::Box) return;
    c0 = std::min(c0, list.sources[i].cluster_begin);
    c1 = std::max(c1, list.sources[i].cluster_end);
  };
  for (std::size_t i = brk; i-- > 0 && in_word(list, i);) take(i);
  for (std::size_t i = brk + 1; i < list.items.size() && in_word(list, i); ++i) take(i);
  if (c0 >= c1) return {};
  return {c0, p.text.substr(p.clusters[c0].begin, p.clusters[c1 - 1].end - p.clusters[c0].begin), c1};
}

bool ends_hyphenated(const ItemList& list, const linebreak::Line& line) {
  return line.break_at < list.items.size() && list.sources[line.break_at].reason == BreakReason::Hyphen;
}

LaidLine emit_line(Context& ctx, const ShapedParagraph& p, const ItemList& list,
                   const linebreak::Line& line, const LaidParagraph& metrics, doc::Align align,
                   ParagraphTags& tags, const SplitWord& carried) {
  std::vector<Piece> pieces = line_pieces(p, list, line);
  const bool reordered = reorder_visually(pieces);
  // A right-to-left paragraph is set in visual order from 0, then mirrored inside its extent
  // and aligned as the document says: the page mirror (layout.cpp) restores the visual order.
  const bool rtl = p.base_level == 1;
  SplitWord word = ends_hyphenated(list, line) ? split_word(p, list, line.break_at) : SplitWord{};
  word.second_end = carried.second_end;
  LineEmitter out(ctx, p, metrics, rtl ? 0 : align_offset(align, line), reordered, tags, std::move(word));
  for (const Piece& piece : pieces) {
    switch (piece.kind) {
      case Piece::Kind::Cluster:
        out.cluster(piece.index);
        break;
      case Piece::Kind::Gap:  // a gap with no text (between CJK and Latin): positioning only
        out.close("");
        out.skip(set_glue(list.items[piece.index], line, align));
        break;
      case Piece::Kind::Spaces:
        draw_spaces(out, list.items[piece.index], list.sources[piece.index],
                    set_glue(list.items[piece.index], line, align));
        break;
      case Piece::Kind::Hyphen: {
        const std::size_t span = p.clusters[list.sources[piece.index].cluster_begin - 1].span;
        out.hyphen(list.hyphens.at(span), span);
        break;
      }
    }
  }
  const bool ends = line.break_at < list.items.size();
  const ItemSource* brk = ends ? &list.sources[line.break_at] : nullptr;
  const bool at_space = ends && list.items[line.break_at].kind == ItemKind::Glue &&
                        brk->cluster_begin != brk->cluster_end;
  LaidLine laid = out.finish(at_space ? " " : "");
  if (rtl) {
    mirror_items(laid.items, laid.width);
    std::vector<frame::Item> items = std::move(laid.items);
    laid.items.clear();
    append_moved(laid.items, std::move(items), align_offset(align, line), 0);
  }
  return laid;
}

void measure_metrics(Context& ctx, const ShapedParagraph& p, LaidParagraph& out) {
  for (const SpanInfo& s : p.spans)
    out.leading = std::max(out.leading, s.style.text.size * s.style.leading);
  for (const Cluster& c : p.clusters) {
    if (c.face == text::kNoFace) continue;
    const text::FaceInfo& info = ctx.fonts.info(c.face);
    const double size = p.spans[c.span].style.text.size;
    out.ascent = std::max(out.ascent, info.ascender * size);
    out.descent = std::max(out.descent, -info.descender * size);
  }
}

std::vector<linebreak::ByteRange> no_break_ranges(const ShapedParagraph& p) {
  std::vector<linebreak::ByteRange> ranges;
  for (const SpanInfo& s : p.spans)
    if (s.span->no_break) ranges.push_back({s.begin, s.end});
  return ranges;
}

void warn_overfull_line(Context& ctx, const ShapedParagraph& p, const ItemList& list,
                        const linebreak::Line& line) {
  std::size_t c0 = p.clusters.size(), c1 = 0;  // the clusters the line holds
  for (std::size_t i = line.begin; i < line.end; ++i) {
    const ItemSource& src = list.sources[i];
    if (src.cluster_begin == src.cluster_end) continue;
    c0 = std::min(c0, src.cluster_begin);
    c1 = std::max(c1, src.cluster_end);
  }
  if (c0 >= c1) return;
  const Cluster& first = p.clusters[c0];
  const Cluster& last = p.clusters[c1 - 1];
  ctx.diags.warning(p.spans[first.span].span->loc,
                    "overfull line: '" + p.text.substr(first.begin, last.end - first.begin) +
                        "' does not fit in the line and cannot be broken",
                    "shorten it, or drop no_break from a long name or link");
}

/// theme.linebreak as the fitter's parameters; em-based lengths at the paragraph's first size.
linebreak::KnuthPlassParams fit_params(const Context& ctx, const ShapedParagraph& p,
                                       doc::Align align) {
  const theme::LineBreaking& lb = ctx.theme.linebreak;
  const double em = p.spans.empty() ? 0 : p.spans.front().style.text.size;
  linebreak::KnuthPlassParams k;
  k.pretolerance = lb.pretolerance;
  k.tolerance = lb.tolerance;
  k.line_penalty = lb.line_penalty;
  k.adj_demerits = lb.adj_demerits;
  k.double_hyphen_demerits = lb.double_hyphen_demerits;
  k.final_hyphen_demerits = lb.final_hyphen_demerits;
  k.looseness = lb.looseness;
  k.emergency_stretch = lb.emergency_stretch * em;
  // Ragged settings (left, right, centred) get their stretch from the \rightskip.
  k.right_stretch = align == doc::Align::Justify ? 0 : lb.ragged_stretch * em;
  return k;
}

/// The source text of the clusters on `line` (with the spaces between them).
std::string line_text(const ShapedParagraph& p, const ItemList& list, const linebreak::Line& line) {
  std::size_t c0 = p.clusters.size(), c1 = 0;
  for (std::size_t i = line.begin; i < line.end; ++i) {
    if (list.items[i].kind == ItemKind::Penalty) continue;
    const ItemSource& src = list.sources[i];
    if (src.cluster_begin == src.cluster_end) continue;
    c0 = std::min(c0, src.cluster_begin);
    c1 = std::max(c1, src.cluster_end);
  }
  if (c0 >= c1) return {};
  return p.text.substr(p.clusters[c0].begin, p.clusters[c1 - 1].end - p.clusters[c0].begin);
}

void report_line(Context& ctx, const ShapedParagraph& p, const ItemList& list,
                 const linebreak::Line& line) {
  LineReport r;
  r.text = line_text(p, list, line);
  r.loc = p.spans.empty() ? core::SourceLoc{} : p.spans.front().span->loc;
  r.badness = line.badness;
  r.demerits = line.demerits;
  r.ratio = line.ratio;
  const bool ends = line.break_at < list.items.size();
  r.reason = ends ? reason_name(list.sources[line.break_at].reason) : "end";
  if (line.emergency) r.reason += " (emergency pass)";
  r.overfull = line.overfull;
  ctx.options.lines->push_back(std::move(r));
}

}  // namespace

core::Pt LaidParagraph::height() const {
  if (lines.empty()) return 0;
  return ascent + static_cast<double>(lines.size() - 1) * leading + descent;
}

LaidParagraph layout_paragraph(Context& ctx, const doc::Paragraph& para, core::Pt width,
                               doc::Align align, int node) {
  LaidParagraph out;
  const ShapedParagraph shaped = shape_paragraph(ctx, para);  // 1–2: style and shape
  if (shaped.clusters.empty()) return out;
  measure_metrics(ctx, shaped, out);

  auto breaks = linebreak::find_breaks(shaped.text, shaped.lang);  // 3: break and fit
  linebreak::drop_breaks_inside(breaks, no_break_ranges(shaped));
  linebreak::drop_breaks_after_hyphens(breaks, shaped.text);
  // TeX's order (§863, §891): a first pass without hyphenation; only a paragraph that fails it
  // is hyphenated and broken again. Most CV paragraphs pass, and the pattern file (libhyphen
  // parses it on first use, ~17% of a render) is then never loaded.
  const bool justify = align == doc::Align::Justify;
  const auto params = fit_params(ctx, shaped, align);
  ItemList list = build_items(ctx, shaped, breaks, width, justify, /*hyphenate=*/false);
  linebreak::Fit fit = linebreak::fit_knuth_plass(list.items, {width}, params);
  if (fit.pass != linebreak::FitPass::Pretolerance || list.overfull_word) {
    list = build_items(ctx, shaped, breaks, width, justify, /*hyphenate=*/true);
    fit = linebreak::fit_knuth_plass(list.items, {width}, params);
  }
  ParagraphTags tags{node, {}, {}};
  SplitWord carried;  // the hyphenated word the previous line ended in
  for (const linebreak::Line& line : fit.lines) {
    if (line.overfull) warn_overfull_line(ctx, shaped, list, line);
    if (ctx.options.lines != nullptr) report_line(ctx, shaped, list, line);
    out.lines.push_back(emit_line(ctx, shaped, list, line, out, align, tags, carried));
    carried = ends_hyphenated(list, line) ? split_word(shaped, list, line.break_at) : SplitWord{};
  }
  return out;
}

}  // namespace cvpdf::layout
