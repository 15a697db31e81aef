// layout/items.cpp — a shaped paragraph as Knuth box/glue/penalty items (see paragraph.h).
#include <charconv>

#include "layout/paragraph.h"
#include "linebreak/hyphenate.h"

namespace cvpdf::layout {
namespace {

using linebreak::BreakOpportunity;
using linebreak::Item;

// Interword glue as in TeX's Computer Modern (The TeXbook, Appendix F, \fontdimen3/4 of cmr10:
// stretch 1/2 and shrink 1/3 of the space).
constexpr double kSpaceStretch = 1.0 / 2.0;
constexpr double kSpaceShrink = 1.0 / 3.0;
// A UAX #14 opportunity without a space (between ideographs, after a hyphen or a slash) costs
// nothing: CJK text breaks anywhere the rules allow (jlreq §3.1.7).
constexpr double kFreeBreak = 0;
// Cutting an overfull word between clusters is a last resort: costly, but below infinity so
// that Knuth–Plass can still use it (cf. TeX's \hyphenpenalty 50: far above that).
constexpr double kEmergencyBreak = 5000;
// The hyphen drawn at a hyphenated line end: U+002D HYPHEN-MINUS, which every text font has
// and which text extractors recognise at a line end (pdftotext rejoins the word).
constexpr std::string_view kHyphen = "-";

/// "12.3 pt", locale-free (std::to_chars).
std::string points(double value) {
  char buf[32];
  auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, 1);
  return std::string(buf, res.ptr) + " pt";
}

class Builder {
 public:
  Builder(Context& ctx, const ShapedParagraph& p, core::Pt measure, bool justify,
          bool hyphenate)
      : ctx_(ctx), p_(p), measure_(measure), justify_(justify), hyphenate_(hyphenate) {}

  ItemList run(const std::vector<BreakOpportunity>& breaks);

 private:
  void add(const Item& item, std::size_t c0, std::size_t c1,
           BreakReason reason = BreakReason::None) {
    out_.items.push_back(item);
    out_.sources.push_back({c0, c1, reason});
  }
  linebreak::ScriptSide side(std::size_t ci, bool last) const {
    const Cluster& c = p_.clusters[ci];
    return linebreak::script_side(std::string_view(p_.text).substr(c.begin, c.end - c.begin), last);
  }
  void at_break(const BreakOpportunity& brk, std::size_t ci);
  /// Glue between an ideograph and a Latin letter or digit before cluster `ci`, if needed.
  double cjk_latin_gap(std::size_t ci) const;
  void add_gap(double width, bool breakable);
  void close_word();
  /// The clusters after the word's hyphenation points (empty: not hyphenated).
  std::vector<std::size_t> hyphen_points() const;
  [[nodiscard]] bool may_hyphenate(std::size_t ci) const;
  const HyphenGlyph* hyphen_for(std::size_t span);
  void add_word(const std::vector<std::size_t>& points);
  void flush_glue(bool breakable);
  void warn_overfull(double width);

  Context& ctx_;
  const ShapedParagraph& p_;
  core::Pt measure_;
  bool justify_;
  bool hyphenate_;  // false on TeX's first pass: no hyphenation points, no overfull warnings
  ItemList out_;
  std::size_t word_begin_ = 0, word_end_ = 0;  // clusters of the word being collected
  double word_width_ = 0;
  std::size_t glue_begin_ = 0, glue_end_ = 0;  // clusters of the pending spaces
  double glue_width_ = 0;
  std::size_t prev_text_ = SIZE_MAX;  // the Text cluster just before, if no space came since
  bool final_word_ = false;           // closing the paragraph's last word
};



ItemList Builder::run(const std::vector<BreakOpportunity>& breaks) {
  std::size_t b = 0;
  for (std::size_t ci = 0; ci < p_.clusters.size(); ++ci) {
    const Cluster& c = p_.clusters[ci];
    // Opportunities inside a cluster cannot be used (a ligature, a base with its marks).
    const BreakOpportunity* brk = nullptr;
    for (; b < breaks.size() && breaks[b].offset <= c.begin; ++b)
      if (breaks[b].offset == c.begin) brk = &breaks[b];
    const double gap = c.kind == ClusterKind::Text ? cjk_latin_gap(ci) : 0;
    if (brk != nullptr && !(gap > 0 && !brk->mandatory)) at_break(*brk, ci);
    if (gap > 0) add_gap(gap, brk != nullptr && !brk->mandatory);
    prev_text_ = c.kind == ClusterKind::Text ? ci : SIZE_MAX;
    switch (c.kind) {
      case ClusterKind::Space:
        close_word();
        if (glue_begin_ == glue_end_) glue_begin_ = ci;
        glue_end_ = ci + 1;
        glue_width_ += c.advance;
        break;
      case ClusterKind::Newline:
        close_word();
        break;
      case ClusterKind::Text:
        flush_glue(false);
        if (word_begin_ == word_end_) word_begin_ = ci;
        word_end_ = ci + 1;
        word_width_ += c.advance;
        break;
    }
  }
  final_word_ = true;  // never hyphenated: a fragment alone on the last line reads badly
  close_word();
  flush_glue(false);  // trailing spaces: trimmed by make_lines at the paragraph's end
  return std::move(out_);
}

void Builder::at_break(const BreakOpportunity& brk, std::size_t ci) {
  close_word();
  if (brk.mandatory) {
    glue_begin_ = glue_end_ = 0;  // spaces before a newline are not drawn
    glue_width_ = 0;
    add(Item::penalty(0, -linebreak::kInfinitePenalty), 0, 0, BreakReason::Forced);
  } else if (glue_begin_ != glue_end_) {
    flush_glue(true);
  } else {
    const bool cjk = ci > 0 && (side(ci - 1, true) == linebreak::ScriptSide::Cjk ||
                                side(ci, false) == linebreak::ScriptSide::Cjk);
    add(Item::penalty(0, kFreeBreak), 0, 0, cjk ? BreakReason::Cjk : BreakReason::Other);
  }
}

double Builder::cjk_latin_gap(std::size_t ci) const {
  const double em = ctx_.theme.linebreak.cjk_latin_space;
  if (em <= 0 || prev_text_ == SIZE_MAX || prev_text_ + 1 != ci) return 0;
  const auto before = side(prev_text_, true), after = side(ci, false);
  const bool boundary = (before == linebreak::ScriptSide::Cjk && after == linebreak::ScriptSide::Western) ||
                        (before == linebreak::ScriptSide::Western && after == linebreak::ScriptSide::Cjk);
  return boundary ? em * p_.spans[p_.clusters[ci].span].style.text.size : 0;
}

void Builder::add_gap(double width, bool breakable) {
  close_word();
  if (!breakable) add(Item::penalty(0, linebreak::kInfinitePenalty), 0, 0);
  // The gap may vanish where a line is tight (a date column), and stretches only in justified
  // text, like a space.
  const double stretch = justify_ ? width * kSpaceStretch : 0;
  add(Item::glue(width, stretch, width), 0, 0, BreakReason::Cjk);  // no clusters: no text
}

void Builder::flush_glue(bool breakable) {
  if (glue_begin_ == glue_end_) return;
  if (!breakable) add(Item::penalty(0, linebreak::kInfinitePenalty), 0, 0);
  // Ragged right: spaces keep their width (TeX's \raggedright \spaceskip has no stretch).
  const double stretch = justify_ ? glue_width_ * kSpaceStretch : 0;
  const double shrink = justify_ ? glue_width_ * kSpaceShrink : 0;
  add(Item::glue(glue_width_, stretch, shrink), glue_begin_, glue_end_, BreakReason::Space);
  glue_begin_ = glue_end_ = 0;
  glue_width_ = 0;
}

void Builder::close_word() {
  if (word_begin_ == word_end_) return;
  std::vector<std::size_t> points = hyphen_points();
  double widest = 0, piece = 0;
  for (std::size_t ci = word_begin_, k = 0; ci < word_end_; ++ci) {
    if (k < points.size() && points[k] == ci) piece = 0, ++k;
    piece += p_.clusters[ci].advance;
    widest = std::max(widest, piece);
  }
  if (widest <= measure_) {
    add_word(points);
  } else {
    warn_overfull(word_width_);
    for (std::size_t ci = word_begin_; ci < word_end_; ++ci) {
      if (ci > word_begin_) add(Item::penalty(0, kEmergencyBreak), ci, ci, BreakReason::Emergency);
      add(Item::box(p_.clusters[ci].advance), ci, ci + 1);
    }
  }
  word_begin_ = word_end_ = 0;
  word_width_ = 0;
}

void Builder::add_word(const std::vector<std::size_t>& points) {
  std::size_t from = word_begin_;
  auto piece = [&](std::size_t to) {
    double w = 0;
    for (std::size_t ci = from; ci < to; ++ci) w += p_.clusters[ci].advance;
    add(Item::box(w), from, to);
    from = to;
  };
  for (std::size_t at : points) {
    const HyphenGlyph* h = hyphen_for(p_.clusters[at - 1].span);
    if (h == nullptr) continue;
    piece(at);
    add(Item::penalty(h->advance, ctx_.theme.linebreak.hyphen_penalty, true), at, at,
        BreakReason::Hyphen);
  }
  piece(word_end_);
}

bool Builder::may_hyphenate(std::size_t ci) const {
  const doc::Span& span = *p_.spans[p_.clusters[ci].span].span;
  return !span.no_break && span.link.empty() && !span.highlight && !span.mono;
}

std::vector<std::size_t> Builder::hyphen_points() const {
  const theme::LineBreaking& lb = ctx_.theme.linebreak;
  if (!hyphenate_ || !lb.hyphenate || ctx_.hyphenator == nullptr || final_word_) return {};
  for (std::size_t ci = word_begin_; ci < word_end_; ++ci)
    if (!may_hyphenate(ci)) return {};
  const std::size_t begin = p_.clusters[word_begin_].begin;
  const std::string_view word =
      std::string_view(p_.text).substr(begin, p_.clusters[word_end_ - 1].end - begin);
  const linebreak::WordCore core = linebreak::hyphenatable_core(word);
  if (core.begin == core.end) return {};
  const std::string& lang = p_.spans[p_.clusters[word_begin_].span].style.text.lang;
  if (ctx_.hyphenation_noted.insert(lang).second) {
    if (const std::string why = ctx_.hyphenator->skipped(lang); !why.empty()) {
      ctx_.diags.note({}, "words in '" + lang + "' are not hyphenated: " + why);
    }
  }
  std::vector<std::size_t> out;
  std::size_t ci = word_begin_;
  for (std::size_t at : ctx_.hyphenator->points(word.substr(core.begin, core.end - core.begin),
                                                lang, lb.left_hyphen_min, lb.right_hyphen_min)) {
    const std::size_t offset = begin + core.begin + at;
    while (ci < word_end_ && p_.clusters[ci].begin < offset) ++ci;
    // Only between clusters (never inside a ligature), and between two pieces of text.
    if (ci > word_begin_ && ci < word_end_ && p_.clusters[ci].begin == offset) out.push_back(ci);
  }
  return out;
}

const HyphenGlyph* Builder::hyphen_for(std::size_t span) {
  auto it = out_.hyphens.find(span);
  if (it == out_.hyphens.end()) {
    const SpanInfo& info = p_.spans[span];
    HyphenGlyph h;
    // The hyphen in the word's own font and style (HarfBuzz, with the span's fallback stack).
    for (const text::ShapedGlyph& g : text::shape(ctx_.fonts, kHyphen, 0, kHyphen.size(),
                                                   info.style.text, ctx_.diags, info.span->loc)) {
      h = {g.face, g.gid, g.advance};
      break;
    }
    it = out_.hyphens.emplace(span, h).first;
  }
  return it->second.face == text::kNoFace ? nullptr : &it->second;
}

void Builder::warn_overfull(double width) {
  out_.overfull_word = true;
  if (!hyphenate_) return;  // the paragraph is built again with hyphenation, which warns
  const Cluster& first = p_.clusters[word_begin_];
  const Cluster& last = p_.clusters[word_end_ - 1];
  const std::string word = p_.text.substr(first.begin, last.end - first.begin);
  const std::string numbers = points(width) + " > " + points(measure_);
  ctx_.diags.warning(p_.spans[first.span].span->loc,
                     "overfull line: '" + word + "' is wider than the line (" + numbers + ")",
                     "it is cut between characters; shorten it or allow a break");
}

}  // namespace

const char* reason_name(BreakReason reason) {
  switch (reason) {
    case BreakReason::None: return "end";
    case BreakReason::Space: return "space";
    case BreakReason::Cjk: return "CJK";
    case BreakReason::Other: return "opportunity";
    case BreakReason::Hyphen: return "hyphen";
    case BreakReason::Forced: return "forced";
    case BreakReason::Emergency: return "emergency";
  }
  return "?";
}

ItemList build_items(Context& ctx, const ShapedParagraph& para,
                     const std::vector<linebreak::BreakOpportunity>& breaks, core::Pt measure,
                     bool justify, bool hyphenate) {
  return Builder(ctx, para, measure, justify, hyphenate).run(breaks);
}

}  // namespace cvpdf::layout
