// compose/arrange.cpp — compact lists, numbered and grouped publications (see arrange.h).
#include "compose/arrange.h"

#include <algorithm>
#include <map>
#include <utility>

#include "compose/entries.h"

namespace cvpdf::compose {
namespace {

using doc::Role;
using profile::EntryType;

bool listed(const std::vector<std::string>& keys, const std::string& key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

/// "Title — Summary, Place, Date" on one line: talks, teaching, short honours.
doc::Paragraph compact_line(SpanContext& ctx, const i18n::ResolvedEntry& e) {
  std::vector<doc::Span> spans;
  for (const auto* title : {&e.name, &e.title, &e.institution, &e.company, &e.label, &e.text}) {
    if (title->empty()) continue;
    spans = md(ctx, *title);
    break;
  }
  for (const auto* detail : {&e.summary, &e.location, &e.date}) {
    if (detail->empty()) continue;
    spans.push_back(plain(spans.empty() ? "" : detail == &e.summary ? " — " : ", "));
    auto more = md(ctx, *detail);
    if (detail == &e.date)
      for (auto& s : more) s.no_break = true;
    append(spans, std::move(more));
  }
  return para(Role::Body, std::move(spans));
}

/// The group a publication falls in: its year, or its venue tag.
std::string group_of(const theme::Theme& theme, const i18n::ResolvedEntry& e) {
  if (theme.publications.group_by == "year")
    return e.date_value.year > 0 ? std::to_string(e.date_value.year) : e.date.text;
  return e.tag.text;
}

/// A small bold line opening a group of publications ("2025", "ICLR").
doc::Paragraph group_heading(const std::string& text) {
  doc::Span s = plain(text);
  s.bold = true;
  s.no_break = true;
  return para(Role::Date, {s});
}

/// Venue tags drawn as badges: the tag's text between no-break spaces, which give the tinted
/// box its side padding with real advance (a reader extracts " ICLR ", trimmed by any search).
void make_badges(doc::Entry& entry) {
  for (doc::Paragraph& p : entry.main)
    for (doc::Span& s : p.spans)
      if (s.tag) {
        s.badge = true;
        s.text = "\u00A0" + s.text + "\u00A0";
      }
}

/// Publications with "[n]" markers (counting down when reversed) and group sub-headings.
std::vector<doc::Block> publications(SpanContext& ctx, const theme::Theme& theme,
                                     const i18n::ResolvedSection& section) {
  std::vector<doc::Block> blocks = compose_entries(ctx, section);
  const theme::PublicationStyle& style = theme.publications;
  const std::size_t n = section.entries.size();  // one doc::Entry each (page breaks between)
  std::vector<doc::Block> out;
  std::string group;
  std::size_t i = 0;  // the publication's index in the section
  for (doc::Block& block : blocks) {
    auto* entry = std::get_if<doc::Entry>(&block);
    if (!entry || i >= n) {
      out.push_back(std::move(block));
      continue;
    }
    if (style.group_by != "none") {
      const std::string g = group_of(theme, section.entries[i]);
      if (g != group && !g.empty()) out.emplace_back(group_heading(g));
      group = g;
    }
    if (style.badges) make_badges(*entry);
    if (style.group_by == "year") entry->aside.clear();  // the group heading says the year
    if (style.numbered) entry->marker = "[" + std::to_string(style.reverse ? n - i : i + 1) + "]";
    out.push_back(std::move(block));
    ++i;
  }
  return out;
}

}  // namespace

bool in_sidebar(const theme::Theme& theme, const i18n::ResolvedSection& section) {
  return theme.sidebar.enabled && listed(theme.sidebar.sections, section.key);
}

std::vector<doc::Block> arrange_section(SpanContext& ctx, const theme::Theme& theme,
                                        const i18n::ResolvedSection& section) {
  if (listed(theme.entries.compact_sections, section.key)) {
    std::vector<doc::Block> out;
    doc::List list;
    for (const auto& e : section.entries) {
      if (e.page_break_before) {  // `- page_break: true`: the list goes on after the break
        if (!list.items.empty()) out.emplace_back(std::exchange(list, {}));
        out.emplace_back(doc::PageBreak{});
      }
      list.items.push_back(compact_line(ctx, e));
    }
    out.emplace_back(std::move(list));
    return out;
  }
  if (section.type == EntryType::Publication) return publications(ctx, theme, section);
  return compose_entries(ctx, section);
}

}  // namespace cvpdf::compose
