// layout/blocks.cpp — headings, paragraphs, entries, lists and rules as VBoxes (see blocks.h).
#include "layout/blocks.h"

#include <algorithm>

#include "layout/paragraph.h"

namespace cvpdf::layout {
namespace {

// The gap between a hanging label (bullet, "[1]") and the text it marks: LaTeX's \labelsep,
// 0.5em in the standard classes.
constexpr double kLabelSepEm = 0.5;
// The gap between a section title's last baseline-box and its rule (classic theme; moderncv
// uses a similar hairline just under the title).
constexpr core::Pt kSectionRuleGap = 2;
// Thickness of a Rule block when the theme draws no section rule (frame::Line's default).
constexpr core::Pt kDefaultRuleThickness = 0.5;
// Width given to labels, which never wrap.
constexpr core::Pt kUnlimitedWidth = 1e6;

/// What a block is, for the spacing around it.
enum class Kind { None, Name, Headline, Contact, Section, Content };

Kind kind_of(const doc::Block& block) {
  if (const auto* h = std::get_if<doc::Heading>(&block))
    return h->level <= 1 ? Kind::Name : Kind::Section;
  if (const auto* p = std::get_if<doc::Paragraph>(&block)) {
    switch (p->role) {
      case doc::Role::Name:
        return Kind::Name;
      case doc::Role::Headline:
        return Kind::Headline;
      case doc::Role::Contact:
        return Kind::Contact;
      case doc::Role::SectionTitle:
        return Kind::Section;
      default:
        return Kind::Content;
    }
  }
  return Kind::Content;
}

/// The space between two consecutive blocks, from theme.spacing.
core::Pt gap_between(const theme::Spacing& s, Kind prev, Kind next) {
  const bool header = prev == Kind::Name || prev == Kind::Headline || prev == Kind::Contact;
  if (prev == Kind::None) return 0;
  if (next == Kind::Section) return header ? s.after_header : s.section_above;
  switch (prev) {
    case Kind::Name:
      return s.after_name;
    case Kind::Headline:
    case Kind::Contact:
      return s.after_headline;
    case Kind::Section:
      return s.section_below;
    default:
      return s.between_entries;
  }
}

/// One line of a column, positioned: items have page x and y relative to the baseline.
struct ColumnLine {
  std::vector<frame::Item> items;
  core::Pt above = 0;
  core::Pt below = 0;
  core::Pt space_before = 0;
  bool keep_with_next = false;
};

/// The structure element of a paragraph of `role`.
frame::Tag tag_of(doc::Role role) {
  switch (role) {
    case doc::Role::Name:
      return frame::Tag::H1;
    case doc::Role::SectionTitle:
      return frame::Tag::H2;
    default:
      return frame::Tag::P;
  }
}

/// Appends `para`'s lines at x; orphan/widow: the first and the next-to-last line keep with the
/// next one.
void add_lines(std::vector<ColumnLine>& column, LaidParagraph para, core::Pt x,
               core::Pt space_before) {
  const std::size_t n = para.lines.size();
  for (std::size_t k = 0; k < n; ++k) {
    ColumnLine line;
    append_moved(line.items, std::move(para.lines[k].items), x, 0);
    line.above = para.above(k);
    line.below = para.descent;
    line.space_before = k == 0 ? space_before : 0;
    line.keep_with_next = n >= 2 && (k == 0 || k + 2 == n);
    column.push_back(std::move(line));
  }
}

/// Puts `label` before `items`: a marker is read before the text it marks.
void prepend(std::vector<frame::Item>& items, std::vector<frame::Item> label) {
  items.insert(items.begin(), std::make_move_iterator(label.begin()),
               std::make_move_iterator(label.end()));
}

/// The entry with its side column moved under the main paragraphs, left-aligned (narrow columns).
/// How much a date column may grow for one entry's long date (a free-text
/// "2023年 – 2028年（预计）"): by a quarter, so the main column keeps most of its measure and
/// the column's left edge moves little; a date wider still goes under the title.
constexpr double kDateColumnGrowth = 1.25;

doc::Entry dates_below(const doc::Entry& e) {
  doc::Entry out = e;
  out.aside.clear();
  std::size_t at = std::min<std::size_t>(1, out.main.size());  // under the title line
  for (doc::Paragraph p : e.aside) {
    p.align = doc::Align::Left;
    out.main.insert(out.main.begin() + static_cast<std::ptrdiff_t>(at++), std::move(p));
  }
  return out;
}

VBox box_of(ColumnLine line) {
  VBox box;
  box.space_before = line.space_before;
  box.height = line.above + line.below;
  box.keep_with_next = line.keep_with_next;
  append_moved(box.items, std::move(line.items), 0, line.above);
  return box;
}

/// Draws `label` with its right edge at `right` on a line's baseline (items relative to it), as
/// content of structure element `node`.
std::vector<frame::Item> label_items(Context& ctx, const std::string& label, doc::Role role,
                                     core::Pt right, int node) {
  doc::Paragraph p;
  p.role = role;
  p.spans.push_back(doc::Span{});
  p.spans.back().text = label;
  LaidParagraph laid = layout_paragraph(ctx, p, kUnlimitedWidth, doc::Align::Left, node);
  std::vector<frame::Item> items;
  if (!laid.lines.empty())
    append_moved(items, std::move(laid.lines.front().items), right - laid.lines.front().width, 0);
  return items;
}

core::Pt label_sep(const Context& ctx, doc::Role role) {
  return kLabelSepEm * ctx.theme.style(role_name(role)).size;
}

class Stacker {
 public:
  Stacker(Context& ctx, const StackOptions& opts) : ctx_(ctx), area_(opts.area), opts_(opts) {
    if (opts.top_photo) top_photo(*opts.top_photo);
  }

  void block(const doc::Block& b);
  std::vector<VBox> take() {
    end_entries();
    return std::move(boxes_);
  }

 private:
  void heading(const doc::Heading& h);
  void entry(const doc::Entry& e);
  /// Ends a run of entries (a section's list): a short last entry of a list of three or more
  /// keeps with the entry before it, so that a page never starts with a lone one of them — a
  /// widow at the scale of entries, as a typesetter would not leave it (TeX's widow rule is
  /// about lines; moderncv and Typst leave it).
  void end_entries();
  /// The side column's width for `e`: theme.spacing.date_column, or more for a date that
  /// cannot break and is wider (up to kDateColumnGrowth times); 0 when even that is too
  /// narrow — the dates then go under the title, as `entries.dates: below` puts them all.
  core::Pt aside_width(const doc::Entry& e);
  void list(const doc::List& l);
  void rule();
  void top_photo(const doc::Image& photo);
  /// A Figure element for the photo, with the options' alternate description.
  frame::Image figure(const doc::Image& photo, core::Pt x, core::Pt y);
  /// An LI under `list` with its Lbl and LBody; returns {Lbl, LBody}.
  std::pair<int, int> list_item(int list);
  /// The header's photo, and the inset of header text beside it.
  void header_photo(Kind kind);
  [[nodiscard]] TextArea measure_of(Kind kind) const;
  /// Adds a box; the first box of a block gets the block's spacing and pending page break.
  void push(VBox box);
  /// Moves the side column's items into the rows (see blocks.cpp: reading order).
  void place_aside(std::vector<ColumnLine>& rows, std::vector<ColumnLine>& aside);
  /// Bullet paragraphs with their hanging markers, text at `x`, `width` wide.
  void add_bullets(std::vector<ColumnLine>& column, const std::vector<doc::Paragraph>& items,
                   core::Pt x, core::Pt width, core::Pt first_space, int list);

  Context& ctx_;
  TextArea area_;
  StackOptions opts_;
  std::vector<VBox> boxes_;
  core::Pt header_height_ = 0;  // height stacked so far beside the header photo
  bool photo_placed_ = false;
  Kind prev_ = Kind::None;
  bool first_of_block_ = false;
  core::Pt block_gap_ = 0;      // theme spacing before the current block
  core::Pt pending_space_ = 0;  // from Spacer blocks
  bool pending_break_ = false;
  int parent_ = StructBuilder::kRoot;  // the open section (Sect), else the Document
  int entries_ = -1;                    // the L of the entries just stacked, for the next one
  /// The run of entries being stacked: how many, and the boxes of the last two ([begin, end)).
  std::size_t run_count_ = 0;
  std::pair<std::size_t, std::size_t> run_last_{0, 0}, run_before_{0, 0};
};

void Stacker::block(const doc::Block& b) {
  if (const auto* s = std::get_if<doc::Spacer>(&b)) {
    pending_space_ += s->height;
    return;
  }
  if (std::holds_alternative<doc::PageBreak>(b)) {
    pending_break_ = true;
    return;
  }
  const Kind kind = kind_of(b);
  block_gap_ = gap_between(ctx_.theme.spacing, prev_, kind);
  header_photo(kind);
  first_of_block_ = true;
  if (!std::holds_alternative<doc::Entry>(b)) {  // consecutive entries: one list
    entries_ = -1;
    end_entries();
  }
  if (const auto* h = std::get_if<doc::Heading>(&b)) heading(*h);
  if (const auto* p = std::get_if<doc::Paragraph>(&b)) {
    const TextArea m = measure_of(kind);
    std::vector<ColumnLine> lines;
    const int node = ctx_.tags.open(tag_of(p->role), parent_);
    add_lines(lines, layout_paragraph(ctx_, *p, m.width, p->align, node), m.x, 0);
    for (ColumnLine& line : lines) push(box_of(std::move(line)));
  }
  if (const auto* e = std::get_if<doc::Entry>(&b)) entry(*e);
  if (const auto* l = std::get_if<doc::List>(&b)) list(*l);
  if (std::holds_alternative<doc::Rule>(b)) rule();
  if (first_of_block_) {  // the block drew nothing (empty text): it takes no space either
    first_of_block_ = false;
    return;
  }
  prev_ = kind;
}

void Stacker::end_entries() {
  constexpr std::size_t kMinEntries = 3;  // a list this long has a "last entry" to leave alone
  constexpr std::size_t kShortRows = 2;   // rows of an entry that would look stranded
  const auto [begin, end] = run_last_;
  if (run_count_ >= kMinEntries && end - begin <= kShortRows && end > begin && run_before_.second > 0 &&
      !boxes_[begin].break_before)
    boxes_[run_before_.second - 1].keep_with_next = true;
  run_count_ = 0;
  run_last_ = run_before_ = {0, 0};
}

void Stacker::push(VBox box) {
  if (first_of_block_) {
    box.space_before += std::max(block_gap_, pending_space_);  // collapsed, see blocks.h
    box.break_before = pending_break_;
    pending_space_ = 0;
    pending_break_ = false;
    first_of_block_ = false;
  }
  if (opts_.header_photo && !photo_placed_) header_height_ += box.space_before + box.height;
  boxes_.push_back(std::move(box));
}

void Stacker::heading(const doc::Heading& h) {
  const TextArea m = measure_of(h.level <= 1 ? Kind::Name : Kind::Section);
  // A section title opens a Sect that holds everything up to the next one (or the column's end).
  if (h.level >= 2) parent_ = ctx_.tags.open(frame::Tag::Sect, StructBuilder::kRoot);
  const int node = ctx_.tags.open(h.level <= 1 ? frame::Tag::H1 : frame::Tag::H2, parent_);
  std::vector<ColumnLine> lines;
  add_lines(lines, layout_paragraph(ctx_, h.text, m.width, h.text.align, node), m.x, 0);
  for (std::size_t k = 0; k < lines.size(); ++k) {
    VBox box = box_of(std::move(lines[k]));
    box.keep_with_next = true;  // a title is never the last thing on a page
    if (k == 0 && !h.outline_title.empty())
      box.items.insert(box.items.begin(),
                       frame::Anchor{h.outline_title, std::max(1, h.level - 1), {area_.x, 0}});
    push(std::move(box));
  }
  const core::Pt thickness = ctx_.theme.rules.section_rule;
  if (h.level < 2 || thickness <= 0) return;
  VBox rule;
  rule.height = kSectionRuleGap + thickness;
  rule.keep_with_next = true;
  const core::Pt y = kSectionRuleGap + thickness / 2;
  rule.items.emplace_back(
      frame::Line{{area_.x, y}, {area_.x + area_.width, y}, thickness, ctx_.theme.rules.color});
  push(std::move(rule));
}

std::pair<int, int> Stacker::list_item(int list) {
  const int item = ctx_.tags.open(frame::Tag::LI, list);
  const int label = ctx_.tags.open(frame::Tag::Lbl, item);
  return {label, ctx_.tags.open(frame::Tag::LBody, item)};
}

void Stacker::add_bullets(std::vector<ColumnLine>& column, const std::vector<doc::Paragraph>& items,
                          core::Pt x, core::Pt width, core::Pt first_space, int list) {
  const core::Pt indent = ctx_.theme.spacing.bullet_indent;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::size_t first_line = column.size();
    const core::Pt space = i == 0 ? first_space : ctx_.theme.spacing.paragraph;
    const auto [label, body] = list_item(list);
    const int p = ctx_.tags.open(frame::Tag::P, body);
    add_lines(column, layout_paragraph(ctx_, items[i], width - indent, items[i].align, p), x + indent,
              space);
    if (column.size() == first_line) continue;
    const doc::Role role = items[i].role;
    prepend(column[first_line].items,
            label_items(ctx_, ctx_.theme.bullet, role, x + indent - label_sep(ctx_, role), label));
  }
}

core::Pt Stacker::aside_width(const doc::Entry& e) {
  const core::Pt base = ctx_.theme.spacing.date_column;
  core::Pt widest = 0;
  for (const doc::Paragraph& p : e.aside) {
    const bool unbreakable = std::all_of(p.spans.begin(), p.spans.end(),
                                         [](const doc::Span& sp) { return sp.no_break; });
    if (!unbreakable) continue;  // a side text that may break wraps in the column, as before
    for (const LaidLine& line : layout_paragraph(ctx_, p, area_.width, doc::Align::Left).lines)
      widest = std::max(widest, line.width);
  }
  if (widest <= base) return base;
  return widest <= base * kDateColumnGrowth ? widest : 0;
}

void Stacker::entry(const doc::Entry& e) {
  const theme::Spacing& s = ctx_.theme.spacing;
  if (opts_.dates_below && !e.aside.empty()) return entry(dates_below(e));
  const bool has_aside = !e.aside.empty();
  const core::Pt column = has_aside ? aside_width(e) : 0;
  if (has_aside && column <= 0) return entry(dates_below(e));  // too long for any date column
  const core::Pt main_width = has_aside ? area_.width - column - s.column_gap : area_.width;
  // An entry is an item of the section's list: its marker the label, the rest its body, read
  // as main column, bullets, side column.
  if (entries_ < 0) entries_ = ctx_.tags.open(frame::Tag::L, parent_);
  const auto [label, body] = list_item(entries_);
  std::vector<ColumnLine> main, aside;
  for (const doc::Paragraph& p : e.main)
    add_lines(main, layout_paragraph(ctx_, p, main_width, p.align, ctx_.tags.open(tag_of(p.role), body)),
              area_.x, main.empty() ? 0 : s.paragraph);
  if (!e.bullets.empty())
    add_bullets(main, e.bullets, area_.x, main_width, main.empty() ? 0 : s.paragraph,
                ctx_.tags.open(frame::Tag::L, body));
  const core::Pt aside_x = area_.x + area_.width - column;
  for (const doc::Paragraph& p : e.aside)
    add_lines(aside, layout_paragraph(ctx_, p, column, doc::Align::Right, ctx_.tags.open(frame::Tag::P, body)),
              aside_x, 0);

  const std::size_t rows = std::max(main.size(), aside.size());
  std::vector<ColumnLine> row(rows);
  for (std::size_t k = 0; k < rows; ++k) {
    if (k < main.size()) row[k] = std::move(main[k]);
    if (k < aside.size()) {
      row[k].above = std::max(row[k].above, aside[k].above);
      row[k].below = std::max(row[k].below, aside[k].below);
      if (k >= main.size()) row[k].space_before = aside[k].space_before;
    }
    // The first two rows stay together, and so do the rows that hold side-column text.
    row[k].keep_with_next = row[k].keep_with_next || (k == 0 && rows > 1) || k + 1 < aside.size();
  }
  if (!e.marker.empty() && rows > 0) {
    const doc::Role role = e.main.empty() ? doc::Role::Body : e.main.front().role;
    prepend(row[0].items, label_items(ctx_, e.marker, role, area_.x - label_sep(ctx_, role), label));
  }
  place_aside(row, aside);
  const std::size_t begin = boxes_.size();
  for (ColumnLine& r : row) push(box_of(std::move(r)));
  if (boxes_.size() == begin) return;
  run_before_ = run_last_;
  run_last_ = {begin, boxes_.size()};
  ++run_count_;
}

void Stacker::top_photo(const doc::Image& photo) {
  const core::Pt size = ctx_.theme.photo.size;
  VBox box;
  box.height = size;
  box.items.emplace_back(figure(photo, area_.x + (area_.width - size) / 2, 0));
  boxes_.push_back(std::move(box));
  prev_ = Kind::Contact;  // the next block is spaced as after a header
}

void Stacker::header_photo(Kind kind) {
  if (!opts_.header_photo || photo_placed_) return;
  const bool header = kind == Kind::Name || kind == Kind::Headline || kind == Kind::Contact;
  if (header) return;
  // The first block after the header: the photo goes on the first box, and the header is made
  // at least as tall as the photo.
  photo_placed_ = true;
  if (boxes_.empty()) return;
  const core::Pt size = ctx_.theme.photo.size;
  boxes_.front().items.emplace_back(figure(*opts_.header_photo, area_.x + area_.width - size, 0));
  if (header_height_ < size) pending_space_ = std::max(pending_space_, size - header_height_ + block_gap_);
}

TextArea Stacker::measure_of(Kind kind) const {
  const bool header = kind == Kind::Name || kind == Kind::Headline || kind == Kind::Contact;
  if (!opts_.header_photo || !header) return area_;
  const core::Pt inset = ctx_.theme.photo.size + ctx_.theme.spacing.column_gap;
  TextArea m = area_;
  const bool centred = ctx_.theme.header.align == "center";
  m.x += centred ? inset : 0;
  m.width -= centred ? 2 * inset : inset;
  return m;
}

void Stacker::place_aside(std::vector<ColumnLine>& rows, std::vector<ColumnLine>& aside) {
  // Text extractors (mutool, ATS parsers) read in content-stream order, so the side column goes
  // after the main column's lines: into the last row of the run of rows that stays together
  // with the first (all on one page), moved up to the baselines of their own rows.
  if (aside.empty()) return;
  std::size_t last = 0;
  while (last + 1 < rows.size() && rows[last].keep_with_next) ++last;
  for (std::size_t k = 0; k < aside.size() && k < rows.size(); ++k) {
    core::Pt dy = rows[k].above - rows[last].above;  // baseline(k) - baseline(last)
    for (std::size_t j = k; j < last; ++j) {
      dy -= rows[j].above + rows[j].below + rows[j + 1].space_before;
    }
    append_moved(rows[last].items, std::move(aside[k].items), 0, dy);
  }
}

frame::Image Stacker::figure(const doc::Image& photo, core::Pt x, core::Pt y) {
  frame::Image img = photo_item(ctx_, photo, x, y);
  const int node = ctx_.tags.open(frame::Tag::Figure, parent_);
  ctx_.tags.set_alt(node, opts_.photo_alt);
  img.content = ctx_.tags.content(node);
  return img;
}

void Stacker::list(const doc::List& l) {
  std::vector<ColumnLine> lines;
  add_bullets(lines, l.items, area_.x, area_.width, 0, ctx_.tags.open(frame::Tag::L, parent_));
  for (ColumnLine& line : lines) push(box_of(std::move(line)));
}

void Stacker::rule() {
  const core::Pt t =
      ctx_.theme.rules.section_rule > 0 ? ctx_.theme.rules.section_rule : kDefaultRuleThickness;
  VBox box;
  box.height = t;
  box.items.emplace_back(
      frame::Line{{area_.x, t / 2}, {area_.x + area_.width, t / 2}, t, ctx_.theme.rules.color});
  push(std::move(box));
}

}  // namespace

frame::Image photo_item(const Context& ctx, const doc::Image& photo, core::Pt x, core::Pt y) {
  frame::Image img;
  const core::Pt size = ctx.theme.photo.size;
  img.area = {x, y, size, size};
  img.bytes = photo.bytes;
  img.format = photo.kind == doc::ImageKind::Png ? frame::ImageFormat::Png : frame::ImageFormat::Jpeg;
  img.width = photo.width;
  img.height = photo.height;
  img.round = ctx.theme.photo.shape == "round";
  return img;
}

std::vector<VBox> stack_blocks(Context& ctx, const std::vector<doc::Block>& blocks) {
  return stack_blocks(ctx, blocks, StackOptions{text_area(ctx.theme.page)});
}

std::vector<VBox> stack_blocks(Context& ctx, const std::vector<doc::Block>& blocks,
                               const StackOptions& options) {
  Stacker stacker(ctx, options);
  for (const doc::Block& b : blocks) stacker.block(b);
  return stacker.take();
}

}  // namespace cvpdf::layout
