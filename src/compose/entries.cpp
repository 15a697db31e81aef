// compose/entries.cpp — how each entry type reads: title line, details, date column, bullets.
#include "compose/entries.h"

#include <algorithm>
#include <utility>

#include "i18n/locale.h"

namespace cvpdf::compose {

namespace {

using doc::Role;
using profile::EntryType;
using Entry = i18n::ResolvedEntry;

/// The side column: the date, then the place, each unbreakable.
std::vector<doc::Paragraph> aside(SpanContext& ctx, const Entry& e) {
  std::vector<doc::Paragraph> out;
  for (const auto* s : {&e.date, &e.location}) {
    if (s->empty()) continue;
    std::vector<doc::Span> spans = md(ctx, *s);  // RenderCV: Markdown in every text field
    for (auto& span : spans) span.no_break = true;
    out.push_back(para(Role::Date, std::move(spans), doc::Align::Right));
  }
  return out;
}

/// Summary paragraphs and highlights shared by most entry types.
void add_details(SpanContext& ctx, const Entry& e, doc::Entry& out) {
  if (!e.summary.empty()) {
    for (auto& p : md_paragraphs(ctx, e.summary)) out.main.push_back(para(Role::Body, std::move(p)));
  }
  for (const auto& h : e.highlights) out.bullets.push_back(para(Role::Body, md(ctx, h)));
}

std::string fill(std::string pattern, const std::string& key, const std::string& value) {
  if (auto at = pattern.find(key); at != std::string::npos) pattern.replace(at, key.size(), value);
  return pattern;
}

doc::Entry education(SpanContext& ctx, const Entry& e) {
  doc::Entry out;
  out.main.push_back(para(Role::EntryTitle, md(ctx, e.institution)));
  if (!e.area.empty()) {
    profile::Str line = e.area;
    if (!e.degree.empty()) {
      line.text = fill(fill(ctx.cv.phrase("degree_with_area"), "{degree}", e.degree.text),
                       "{area}", e.area.text);
    }
    out.main.push_back(para(Role::Body, md(ctx, line)));
  }
  add_details(ctx, e, out);
  out.aside = aside(ctx, e);
  return out;
}

doc::Entry experience(SpanContext& ctx, const Entry& e) {
  doc::Entry out;
  out.main.push_back(para(Role::EntryTitle, md(ctx, e.company)));
  auto position = md(ctx, e.position);
  for (auto& s : position) s.italic = true;
  out.main.push_back(para(Role::Body, std::move(position)));
  add_details(ctx, e, out);
  out.aside = aside(ctx, e);
  return out;
}

bool is_self(const i18n::Resolved& cv, const std::string& author) {
  return std::find(cv.self_names.begin(), cv.self_names.end(), author) != cv.self_names.end();
}

/// "A, B, C" with the person's own name highlighted; each name kept on one line.
std::vector<doc::Span> authors(SpanContext& ctx, const Entry& e) {
  std::vector<doc::Span> out;
  for (std::size_t i = 0; i < e.authors.size(); ++i) {
    if (i > 0) out.push_back(plain(", "));
    auto name = md(ctx, e.authors[i]);
    const bool self = is_self(ctx.cv, doc::plain_text(para(Role::Body, name)));
    for (auto& s : name) {
      s.no_break = true;
      s.highlight = s.highlight || self || s.bold;
    }
    append(out, std::move(name));
  }
  return out;
}

/// "ICLR Spotlight · Journal · arXiv:2504.21411 · doi:10.…": the venue line, with links.
std::vector<doc::Span> venue(SpanContext& ctx, const Entry& e) {
  std::vector<doc::Span> out;
  auto sep = [&] {
    if (!out.empty()) out.push_back(plain(" · "));
  };
  if (!e.tag.empty()) {
    doc::Span tag = plain(e.tag.text, e.tag.loc);
    tag.tag = true;
    tag.bold = true;
    tag.no_break = true;
    out.push_back(tag);
  }
  if (!e.journal.empty()) {
    sep();
    auto j = md(ctx, e.journal);
    for (auto& s : j) s.italic = true;
    append(out, std::move(j));
  }
  if (!e.arxiv.empty()) {
    sep();
    out.push_back(link(ctx, "arXiv:" + e.arxiv.text, "https://arxiv.org/abs/" + e.arxiv.text, e.arxiv.loc));
  }
  if (!e.doi.empty()) {
    sep();
    out.push_back(link(ctx, "doi:" + e.doi.text, "https://doi.org/" + e.doi.text, e.doi.loc));
  }
  return out;
}

doc::Entry publication(SpanContext& ctx, const Entry& e) {
  doc::Entry out;
  auto title = md(ctx, e.title);
  const std::string target = !e.url.empty() ? e.url.text
                             : !e.doi.empty() ? "https://doi.org/" + e.doi.text
                             : !e.arxiv.empty() ? "https://arxiv.org/abs/" + e.arxiv.text
                                                : std::string();
  if (!target.empty() && allowed_uri(target)) {
    for (auto& s : title) s.link = s.link.empty() ? target : s.link;
  }
  out.main.push_back(para(Role::EntryTitle, std::move(title)));
  if (!e.authors.empty()) out.main.push_back(para(Role::Body, authors(ctx, e)));
  if (auto v = venue(ctx, e); !v.empty()) out.main.push_back(para(Role::Small, std::move(v)));
  add_details(ctx, e, out);
  out.aside = aside(ctx, e);
  return out;
}

doc::Entry normal(SpanContext& ctx, const Entry& e) {
  doc::Entry out;
  // A one-line entry (a name and a date: honours, awards) is set in the body style, so that
  // the emphasis the user chose ("**National Scholarship**") is what stands out; an entry with
  // details below it (a talk, a project) gets a bold title line.
  const bool one_line = e.summary.empty() && e.highlights.empty() && e.location.empty();
  out.main.push_back(para(one_line ? Role::Body : Role::EntryTitle, md(ctx, e.name)));
  add_details(ctx, e, out);
  out.aside = aside(ctx, e);
  return out;
}

doc::Paragraph one_line(SpanContext& ctx, const Entry& e) {
  std::vector<doc::Span> spans = md(ctx, e.label);
  for (auto& s : spans) s.bold = true;
  spans.push_back(plain(": "));
  append(spans, md(ctx, e.details));
  return para(Role::Body, std::move(spans));
}

}  // namespace

std::vector<doc::Block> compose_entries(SpanContext& ctx, const i18n::ResolvedSection& section) {
  std::vector<doc::Block> out;
  doc::List bullets;
  const auto n = section.entries.size();
  for (std::size_t i = 0; i < n; ++i) {
    const Entry& e = section.entries[i];
    if (e.page_break_before) {  // `- page_break: true` before this entry
      if (!bullets.items.empty()) out.emplace_back(std::exchange(bullets, {}));
      out.emplace_back(doc::PageBreak{});
    }
    switch (e.type) {
      case EntryType::Education: out.emplace_back(education(ctx, e)); break;
      case EntryType::Experience: out.emplace_back(experience(ctx, e)); break;
      case EntryType::Publication: out.emplace_back(publication(ctx, e)); break;
      case EntryType::Normal: out.emplace_back(normal(ctx, e)); break;
      case EntryType::OneLine: out.emplace_back(one_line(ctx, e)); break;
      case EntryType::Bullet: bullets.items.push_back(para(Role::Body, md(ctx, e.text))); break;
      case EntryType::Numbered:
      case EntryType::ReversedNumbered: {
        doc::Entry num;
        num.main.push_back(para(Role::Body, md(ctx, e.text)));
        const std::size_t k = e.type == EntryType::Numbered ? i + 1 : n - i;
        num.marker = std::to_string(k) + ".";
        out.emplace_back(std::move(num));
        break;
      }
      case EntryType::Text:
        for (auto& p : md_paragraphs(ctx, e.text)) out.emplace_back(para(Role::Body, std::move(p)));
        break;
    }
  }
  if (!bullets.items.empty()) out.emplace_back(std::move(bullets));
  return out;
}

}  // namespace cvpdf::compose
