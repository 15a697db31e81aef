// layout/style.cpp — role and span flags → text::Style; concatenating spans, shaping style runs,
// grouping glyphs into clusters (see style.h).
#include "layout/style.h"

#include <algorithm>

namespace cvpdf::layout {
namespace {

/// The theme's font-stack key for monospaced inline code (theme.h: "body", "heading", "mono").
constexpr const char* kMonoStack = "mono";
/// The font-stack key of contact icons (FontAwesome; theme.header.icons).
constexpr const char* kIconStack = "icons";
/// The stack used when a role names a key the theme does not define.
constexpr const char* kBodyStack = "body";

const std::vector<std::string>& font_stack(const theme::Theme& theme, const std::string& key) {
  static const std::vector<std::string> kNone;
  if (auto it = theme.fonts.find(key); it != theme.fonts.end()) return it->second;
  if (auto it = theme.fonts.find(kBodyStack); it != theme.fonts.end()) return it->second;
  return kNone;
}

core::Color span_color(const theme::Theme& theme, const theme::TextStyle& role,
                       const doc::Span& span) {
  if (span.badge) return theme.badges.text;
  if (!span.link.empty()) return theme.colors.link;
  if (span.tag) return theme.colors.tag;
  if (span.highlight) return theme.colors.highlight;
  return role.color;
}

}  // namespace

std::string role_name(doc::Role role) {
  switch (role) {
    case doc::Role::Name:
      return "name";
    case doc::Role::Headline:
      return "headline";
    case doc::Role::Contact:
      return "contact";
    case doc::Role::SectionTitle:
      return "section_title";
    case doc::Role::EntryTitle:
      return "entry_title";
    case doc::Role::Body:
      return "body";
    case doc::Role::Date:
      return "date";
    case doc::Role::Small:
      return "small";
    case doc::Role::Footer:
      return "footer";
  }
  return "body";
}

SpanStyle span_style(const Context& ctx, doc::Role role, const doc::Span& span) {
  const theme::TextStyle& base = ctx.theme.style(role_name(role));
  SpanStyle s;
  s.text.families =
      font_stack(ctx.theme, span.icon ? kIconStack : span.mono ? kMonoStack : base.font);
  s.text.weight = (span.bold || span.highlight) ? kBoldWeight : base.weight;
  s.text.italic = base.italic || span.italic;
  s.text.size = base.size;
  s.text.lang = span.lang.empty() ? ctx.doc_lang : span.lang;
  s.color = span_color(ctx.theme, base, span);
  s.leading = base.leading;
  return s;
}

std::vector<text::Style> role_styles(const theme::Theme& theme, const std::string& lang) {
  std::vector<text::Style> out;
  for (doc::Role role : {doc::Role::Name, doc::Role::Headline, doc::Role::Contact,
                         doc::Role::SectionTitle, doc::Role::EntryTitle, doc::Role::Body,
                         doc::Role::Date, doc::Role::Small, doc::Role::Footer}) {
    const theme::TextStyle& base = theme.style(role_name(role));
    text::Style s;
    s.families = font_stack(theme, base.font);
    s.weight = base.weight;
    s.italic = base.italic;
    s.size = base.size;
    s.lang = lang;
    const bool seen = std::any_of(out.begin(), out.end(), [&](const text::Style& o) {
      return o.families == s.families && o.weight == s.weight && o.italic == s.italic;
    });
    if (!seen) out.push_back(std::move(s));
  }
  return out;
}

bool same_shaping(const text::Style& a, const text::Style& b) {
  return a.families == b.families && a.weight == b.weight && a.italic == b.italic &&
         a.size == b.size && a.lang == b.lang;
}

// ---- shaping ------------------------------------------------------------------------------

namespace {

void add_spans(Context& ctx, const doc::Paragraph& para, ShapedParagraph& out) {
  for (const doc::Span& span : para.spans) {
    if (span.text.empty()) continue;
    SpanInfo info;
    info.begin = out.text.size();
    out.text += span.text;
    info.end = out.text.size();
    info.style = span_style(ctx, para.role, span);
    info.span = &span;
    out.spans.push_back(std::move(info));
  }
}

/// The spans' common language if they all agree, else the document's.
std::string break_language(const Context& ctx, const std::vector<SpanInfo>& spans) {
  if (spans.empty()) return ctx.doc_lang;
  const std::string& first = spans.front().style.text.lang;
  for (const SpanInfo& s : spans)
    if (s.style.text.lang != first) return ctx.doc_lang;
  return first;
}

ClusterKind classify(std::string_view s) {
  if (s == " " || s == "\t") return ClusterKind::Space;
  if (s == "\n" || s == "\r" || s == "\r\n" || s == "\xc2\x85" /* NEL */ ||
      s == "\xe2\x80\xa8" /* LS */ || s == "\xe2\x80\xa9" /* PS */)
    return ClusterKind::Newline;
  return ClusterKind::Text;
}

/// Groups glyphs [first, glyphs.size()) into clusters: a glyph with a non-empty text range
/// starts one; glyphs with empty ranges belong to the cluster before them.
void group_clusters(ShapedParagraph& p, std::size_t first) {
  for (std::size_t g = first; g < p.glyphs.size(); ++g) {
    const text::ShapedGlyph& glyph = p.glyphs[g];
    const bool starts = glyph.text_begin < glyph.text_end || g == first;
    if (starts) {
      Cluster c;
      c.begin = glyph.text_begin;
      c.end = glyph.text_end;
      c.glyph_begin = g;
      c.face = glyph.face;
      p.clusters.push_back(c);
    }
    Cluster& c = p.clusters.back();
    c.glyph_end = g + 1;
    c.advance += glyph.advance;
  }
}

std::size_t span_at(const std::vector<SpanInfo>& spans, std::size_t offset) {
  auto it = std::upper_bound(spans.begin(), spans.end(), offset,
                             [](std::size_t off, const SpanInfo& s) { return off < s.end; });
  return it == spans.end() ? spans.size() - 1 : static_cast<std::size_t>(it - spans.begin());
}

/// The cache key of a style run: its font side of the style and the whole paragraph text
/// (HarfBuzz sees the context around the run) with the run's range.
std::string cache_key(const ShapedParagraph& p, std::size_t begin, std::size_t end,
                      const text::Style& st) {
  std::string key;
  for (const std::string& f : st.families) key += f + ',';
  key += '|' + std::to_string(st.weight) + '|' + std::to_string(st.italic) + '|' +
         std::to_string(st.size) + '|' + st.lang + '|' + std::to_string(begin) + '|' +
         std::to_string(end) + '|' + std::to_string(p.base_level) + '|' + p.text;
  return key;
}

/// Shapes spans [i, j) of `p` as one style run, through ctx.options.shape_cache if any.
/// Warnings (missing glyphs) are given on the first shaping only.
std::vector<text::ShapedGlyph> shape_cached(Context& ctx, const ShapedParagraph& p, std::size_t i,
                                            std::size_t j) {
  const std::size_t begin = p.spans[i].begin, end = p.spans[j - 1].end;
  const text::Style& st = p.spans[i].style.text;
  ShapeCache* cache = ctx.options.shape_cache;
  std::string key;
  if (cache != nullptr) {
    key = cache_key(p, begin, end, st);
    if (auto glyphs = cache->take(key, ctx.diags)) return std::move(*glyphs);
  }
  auto glyphs =
      text::shape(ctx.fonts, p.text, begin, end, st, ctx.diags, p.spans[i].span->loc, &p.levels);
  if (cache != nullptr) cache->add(std::move(key), glyphs);
  return glyphs;
}

/// The paragraph's text, spans with their styles, language and bidi levels: what shaping needs.
ShapedParagraph unshaped(Context& ctx, const doc::Paragraph& para) {
  ShapedParagraph p;
  add_spans(ctx, para, p);
  p.lang = break_language(ctx, p.spans);
  p.base_level = ctx.direction == text::Direction::Rtl ? 1 : 0;
  p.levels = text::resolve_bidi(p.text, ctx.direction);
  return p;
}

/// The end of the style run that starts at span i: spans that shape alike go together.
std::size_t run_end(const ShapedParagraph& p, std::size_t i) {
  std::size_t j = i + 1;
  while (j < p.spans.size() && same_shaping(p.spans[j].style.text, p.spans[i].style.text)) ++j;
  return j;
}

}  // namespace

ShapedParagraph shape_paragraph(Context& ctx, const doc::Paragraph& para) {
  ShapedParagraph p = unshaped(ctx, para);
  // Shape each style run once, over the whole text (so HarfBuzz sees the context).
  for (std::size_t i = 0; i < p.spans.size();) {
    const std::size_t j = run_end(p, i);
    const std::size_t first = p.glyphs.size();
    auto glyphs = shape_cached(ctx, p, i, j);
    p.glyphs.insert(p.glyphs.end(), glyphs.begin(), glyphs.end());
    if (p.glyphs.size() > first) group_clusters(p, first);
    i = j;
  }
  std::stable_sort(p.clusters.begin(), p.clusters.end(),
                   [](const Cluster& a, const Cluster& b) { return a.begin < b.begin; });
  for (Cluster& c : p.clusters) {
    c.span = span_at(p.spans, c.begin);
    c.kind = classify(std::string_view(p.text).substr(c.begin, c.end - c.begin));
    c.level = p.levels.empty() ? 0 : p.levels[c.begin];
  }
  return p;
}

void prefetch_paragraph(Context& ctx, const doc::Paragraph& para, ShapeCache& cache) {
  const ShapedParagraph p = unshaped(ctx, para);
  for (std::size_t i = 0; i < p.spans.size();) {
    const std::size_t j = run_end(p, i);
    const std::size_t begin = p.spans[i].begin, end = p.spans[j - 1].end;
    const text::Style& st = p.spans[i].style.text;
    std::string key = cache_key(p, begin, end, st);
    if (!cache.contains(key)) {
      core::Diagnostics said;
      try {
        const text::FontStore::QuietScope quiet;  // no font lookup that could say something
        auto glyphs = text::shape(ctx.fonts, p.text, begin, end, st, said, p.spans[i].span->loc, &p.levels);
        cache.add(std::move(key), std::move(glyphs), std::move(said));
      } catch (const text::FontStore::NotQuiet&) {
        // the layout shapes this run itself, and makes the lookup
      }
    }
    i = j;
  }
}

// ---- ShapeCache -----------------------------------------------------------------------------

std::optional<std::vector<text::ShapedGlyph>> ShapeCache::take(const std::string& key,
                                                               core::Diagnostics& diags) {
  const std::lock_guard lock(mutex_);
  const auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  if (!it->second.said.all().empty()) {  // prefetched: its messages, once, where shaping was
    diags.merge(it->second.said);
    it->second.said = {};
  }
  return it->second.glyphs;
}

bool ShapeCache::contains(const std::string& key) const {
  const std::lock_guard lock(mutex_);
  return entries_.count(key) != 0;
}

void ShapeCache::add(std::string key, std::vector<text::ShapedGlyph> glyphs, core::Diagnostics said) {
  const std::lock_guard lock(mutex_);
  entries_.try_emplace(std::move(key), Entry{std::move(glyphs), std::move(said)});
}

}  // namespace cvpdf::layout
