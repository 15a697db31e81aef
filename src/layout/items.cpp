// layout/items.cpp — a shaped paragraph as Knuth box/glue/penalty items (see paragraph.h).
#include <charconv>

#include "layout/paragraph.h"

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

/// "12.3 pt", locale-free (std::to_chars).
std::string points(double value) {
  char buf[32];
  auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, 1);
  return std::string(buf, res.ptr) + " pt";
}

class Builder {
 public:
  Builder(Context& ctx, const ShapedParagraph& p, core::Pt measure, bool justify)
      : ctx_(ctx), p_(p), measure_(measure), justify_(justify) {}

  ItemList run(const std::vector<BreakOpportunity>& breaks);

 private:
  void add(const Item& item, std::size_t c0, std::size_t c1) {
    out_.items.push_back(item);
    out_.sources.push_back({c0, c1});
  }
  void at_break(const BreakOpportunity& brk);
  void close_word();
  void flush_glue(bool breakable);
  void warn_overfull(double width);

  Context& ctx_;
  const ShapedParagraph& p_;
  core::Pt measure_;
  bool justify_;
  ItemList out_;
  std::size_t word_begin_ = 0, word_end_ = 0;  // clusters of the word being collected
  double word_width_ = 0;
  std::size_t glue_begin_ = 0, glue_end_ = 0;  // clusters of the pending spaces
  double glue_width_ = 0;
};

ItemList Builder::run(const std::vector<BreakOpportunity>& breaks) {
  std::size_t b = 0;
  for (std::size_t ci = 0; ci < p_.clusters.size(); ++ci) {
    const Cluster& c = p_.clusters[ci];
    // Opportunities inside a cluster cannot be used (a ligature, a base with its marks).
    const BreakOpportunity* brk = nullptr;
    for (; b < breaks.size() && breaks[b].offset <= c.begin; ++b)
      if (breaks[b].offset == c.begin) brk = &breaks[b];
    if (brk != nullptr) at_break(*brk);
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
  close_word();
  flush_glue(false);  // trailing spaces: trimmed by make_lines at the paragraph's end
  return std::move(out_);
}

void Builder::at_break(const BreakOpportunity& brk) {
  close_word();
  if (brk.mandatory) {
    glue_begin_ = glue_end_ = 0;  // spaces before a newline are not drawn
    glue_width_ = 0;
    add(Item::penalty(0, -linebreak::kInfinitePenalty), 0, 0);
  } else if (glue_begin_ != glue_end_) {
    flush_glue(true);
  } else {
    add(Item::penalty(0, kFreeBreak), 0, 0);
  }
}

void Builder::flush_glue(bool breakable) {
  if (glue_begin_ == glue_end_) return;
  if (!breakable) add(Item::penalty(0, linebreak::kInfinitePenalty), 0, 0);
  const double shrink = justify_ ? glue_width_ * kSpaceShrink : 0;
  add(Item::glue(glue_width_, glue_width_ * kSpaceStretch, shrink), glue_begin_, glue_end_);
  glue_begin_ = glue_end_ = 0;
  glue_width_ = 0;
}

void Builder::close_word() {
  if (word_begin_ == word_end_) return;
  if (word_width_ <= measure_) {
    add(Item::box(word_width_), word_begin_, word_end_);
  } else {
    warn_overfull(word_width_);
    for (std::size_t ci = word_begin_; ci < word_end_; ++ci) {
      if (ci > word_begin_) add(Item::penalty(0, kEmergencyBreak), ci, ci);
      add(Item::box(p_.clusters[ci].advance), ci, ci + 1);
    }
  }
  word_begin_ = word_end_ = 0;
  word_width_ = 0;
}

void Builder::warn_overfull(double width) {
  const Cluster& first = p_.clusters[word_begin_];
  const Cluster& last = p_.clusters[word_end_ - 1];
  const std::string word = p_.text.substr(first.begin, last.end - first.begin);
  const std::string numbers = points(width) + " > " + points(measure_);
  ctx_.diags.warning(p_.spans[first.span].span->loc,
                     "overfull line: '" + word + "' is wider than the line (" + numbers + ")",
                     "it is cut between characters; shorten it or allow a break");
}

}  // namespace

ItemList build_items(Context& ctx, const ShapedParagraph& para,
                     const std::vector<linebreak::BreakOpportunity>& breaks, core::Pt measure,
                     bool justify) {
  return Builder(ctx, para, measure, justify).run(breaks);
}

}  // namespace cvpdf::layout
