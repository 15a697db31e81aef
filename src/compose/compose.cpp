// compose/compose.cpp — the recipe: header, then each section with its title and entries.
#include "compose/compose.h"

#include <string>
#include <string_view>

#include "compose/arrange.h"
#include "compose/entries.h"
#include "compose/header.h"
#include "i18n/locale.h"

namespace cvpdf::compose {

namespace {

doc::Heading section_title(const i18n::ResolvedSection& s, const theme::Theme& theme,
                           const std::string& lang) {
  doc::Heading h;
  h.level = 2;
  std::string text = s.title.text;
  if (theme.section_titles_uppercase) text = i18n::to_upper(text, lang);
  doc::Span span = plain(text, s.title.loc);
  h.text = para(doc::Role::SectionTitle, {span});
  h.outline_title = s.title.text;
  return h;
}

/// Running text (Body paragraphs, alone, in entries and in lists) justified, as the theme's
/// linebreak.justify asks; titles, dates and the header keep their alignment.
void justify_body(std::vector<doc::Block>& blocks) {
  auto justify = [](doc::Paragraph& p) {
    if (p.role == doc::Role::Body && p.align == doc::Align::Left) p.align = doc::Align::Justify;
  };
  for (doc::Block& b : blocks) {
    if (auto* p = std::get_if<doc::Paragraph>(&b)) justify(*p);
    if (auto* e = std::get_if<doc::Entry>(&b)) {
      for (auto& p : e->main) justify(p);
      for (auto& p : e->bullets) justify(p);
    }
    if (auto* l = std::get_if<doc::List>(&b))
      for (auto& p : l->items) justify(p);
  }
}

void replace_all(std::string& text, std::string_view key, const std::string& value) {
  for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
    text.replace(at, key.size(), value);
}

}  // namespace

doc::Document compose_document(const i18n::Resolved& cv, const theme::Theme& theme,
                               core::Diagnostics& diags) {
  SpanContext ctx{cv, diags};
  doc::Document out;
  out.lang = cv.document_lang;
  for (const std::string& l : cv.languages)
    if (const std::string tag = i18n::document_lang(l); tag != out.lang) out.other_langs.push_back(tag);
  out.author = cv.cv.name.text;
  out.title = cv.cv.name.text + " — " + cv.phrase("cv");
  out.subject = cv.cv.headline.text;
  for (auto [part, from] : {std::pair{&out.footer.left, &theme.footer.left},
                            std::pair{&out.footer.center, &theme.footer.center},
                            std::pair{&out.footer.right, &theme.footer.right}}) {
    *part = *from;  // {name} and {date} here; {page} and {pages} when the pages are known (layout/)
    replace_all(*part, "{name}", cv.cv.name.text);
    replace_all(*part, "{date}", cv.date_text);
  }

  // 1. The header: name, headline, contact line.
  out.blocks = compose_header(ctx, theme);
  // 2. The sections, in the profile's order, each a titled run of entry blocks.
  //    A section the theme puts in its sidebar goes there (after the contact items).
  if (theme.sidebar.enabled && theme.sidebar.contact) out.sidebar = compose_contact_column(ctx, theme);
  for (const auto& section : cv.cv.sections) {
    if (section.entries.empty()) continue;
    auto& column = in_sidebar(theme, section) ? out.sidebar : out.blocks;
    //    `- page_break: true` first or last in a section breaks the page around it.
    if (section.page_break_before) column.emplace_back(doc::PageBreak{});
    column.emplace_back(section_title(section, theme, cv.document_lang));
    for (auto& b : arrange_section(ctx, theme, section)) column.push_back(std::move(b));
    if (section.page_break_after) column.emplace_back(doc::PageBreak{});
  }
  if (theme.linebreak.justify) justify_body(out.blocks), justify_body(out.sidebar);
  return out;
}

}  // namespace cvpdf::compose
