#include <doctest/doctest.h>

#include "compose/compose.h"
#include "core/limits.h"
#include "theme/theme.h"

using namespace cvpdf;

namespace {

profile::Str str(const std::string& s, int line = 1) { return {s, {"p.yaml", line, 5}}; }

/// The English locale file's phrases that compose reads (cli/locales.h holds the real ones).
const i18n::LocaleCatalog& catalog() {
  static const i18n::LocaleCatalog kCatalog = [] {
    i18n::LocaleCatalog c;
    c.add({"en", {{"cv", "CV"}, {"degree_with_area", "{degree} in {area}"}}, {}});
    return c;
  }();
  return kCatalog;
}

i18n::Resolved sample() {
  i18n::Resolved r;
  r.locales = &catalog();
  r.lang = "en";
  r.document_lang = "en";
  r.cv.name = str("Xinyi Liu");
  r.cv.headline = str("Ph.D. student");
  r.cv.emails = {str("xy@example.org")};
  r.cv.websites = {str("https://example.org/")};
  r.self_names = {"Xinyi Liu"};
  i18n::ResolvedSection pubs;
  pubs.title = str("Publications");
  pubs.type = profile::EntryType::Publication;
  i18n::ResolvedEntry p;
  p.type = profile::EntryType::Publication;
  p.title = str("NetMoE");
  p.authors = {str("Yujie Wang"), str("Xinyi Liu")};
  p.tag = str("ICLR Spotlight");
  p.doi = str("10.1145/3676641.3715998");
  p.date = str("2025");
  pubs.entries.push_back(p);
  r.cv.sections.push_back(pubs);
  return r;
}

template <class T>
const T& block(const doc::Document& d, std::size_t i) {
  REQUIRE(i < d.blocks.size());
  REQUIRE(std::holds_alternative<T>(d.blocks[i]));
  return std::get<T>(d.blocks[i]);
}

}  // namespace

TEST_CASE("the header: name as heading 1, headline, contact line with links") {
  core::Diagnostics diags;
  const auto d = compose::compose_document(sample(), theme::default_theme(), diags);
  CHECK(diags.all().empty());
  CHECK(d.lang == "en");
  CHECK(d.title == "Xinyi Liu — CV");
  const auto& name = block<doc::Heading>(d, 0);
  CHECK(name.level == 1);
  CHECK(doc::plain_text(name.text) == "Xinyi Liu");
  CHECK(name.text.spans[0].no_break);
  CHECK(doc::plain_text(block<doc::Paragraph>(d, 1)) == "Ph.D. student");
  const auto& contact = block<doc::Paragraph>(d, 2);
  CHECK(contact.role == doc::Role::Contact);
  CHECK(contact.spans.front().link == "mailto:xy@example.org");
  CHECK(contact.spans.back().text == "example.org");
  CHECK(contact.spans.back().link == "https://example.org/");
}

TEST_CASE("a publication: linked title, authors with the self-name highlighted, venue line") {
  core::Diagnostics diags;
  const auto d = compose::compose_document(sample(), theme::default_theme(), diags);
  const auto& title = block<doc::Heading>(d, 3);
  CHECK(title.level == 2);
  CHECK(title.outline_title == "Publications");
  const auto& e = block<doc::Entry>(d, 4);
  REQUIRE(e.main.size() == 3);
  CHECK(e.main[0].spans[0].link == "https://doi.org/10.1145/3676641.3715998");
  const auto& authors = e.main[1].spans;
  REQUIRE(authors.size() == 3);
  CHECK_FALSE(authors[0].highlight);
  CHECK(authors[2].text == "Xinyi Liu");
  CHECK(authors[2].highlight);
  CHECK(authors[2].no_break);
  CHECK(doc::plain_text(e.main[2]) == "ICLR Spotlight · doi:10.1145/3676641.3715998");
  CHECK(e.main[2].spans[0].tag);
  REQUIRE(e.aside.size() == 1);
  CHECK(doc::plain_text(e.aside[0]) == "2025");
  CHECK(e.aside[0].align == doc::Align::Right);
}

TEST_CASE("unsafe link schemes are dropped with a located warning") {
  auto r = sample();
  i18n::ResolvedSection s;
  s.title = str("About");
  i18n::ResolvedEntry t;
  t.type = profile::EntryType::Text;
  t.text = str("see [this](javascript:alert(1)) and [that](https://ok.example)", 9);
  s.entries.push_back(t);
  r.cv.sections.push_back(s);
  core::Diagnostics diags;
  const auto d = compose::compose_document(r, theme::default_theme(), diags);
  REQUIRE(diags.warning_count() == 1);
  CHECK(diags.all()[0].loc.line == 9);
  const auto& p = std::get<doc::Paragraph>(d.blocks.back());
  CHECK(doc::plain_text(p) == "see this and that");
  for (const auto& span : p.spans) CHECK(span.link.rfind("javascript", 0) == std::string::npos);
  CHECK(p.spans.back().link == "https://ok.example");
}

TEST_CASE("Markdown link length: 2048 bytes are kept, 2049 are an error and the link dropped") {
  const std::string base = "https://example.org/";
  const std::string at = base + std::string(core::limits::kMaxUrlBytes - base.size(), 'a');
  for (const std::string& uri : {at, at + "a"}) {
    auto r = sample();
    i18n::ResolvedSection s;
    s.title = str("About");
    i18n::ResolvedEntry t;
    t.type = profile::EntryType::Text;
    t.text = str("see [this](" + uri + ")", 9);
    s.entries.push_back(t);
    r.cv.sections.push_back(s);
    core::Diagnostics diags;
    const auto d = compose::compose_document(r, theme::default_theme(), diags);
    const auto& p = std::get<doc::Paragraph>(d.blocks.back());
    CHECK(doc::plain_text(p) == "see this");
    if (uri.size() == core::limits::kMaxUrlBytes) {
      CHECK_FALSE(diags.has_errors());
      CHECK(p.spans.back().link == uri);
    } else {
      REQUIRE(diags.error_count() == 1);
      CHECK(core::format_headline(diags.all()[0]) ==
            "p.yaml:9:5: error: link of 2049 bytes is longer than the 2048-byte limit");
      CHECK(p.spans.back().link.empty());
    }
  }
}

TEST_CASE("a one-line normal entry keeps the user's emphasis; bold keywords apply") {
  auto r = sample();
  r.bold_keywords = {str("MoE")};
  i18n::ResolvedSection s;
  s.title = str("Honors");
  i18n::ResolvedEntry n;
  n.type = profile::EntryType::Normal;
  n.name = str("**Gold Medal**, a MoE contest");
  n.date = str("2021");
  s.entries.push_back(n);
  r.cv.sections.push_back(s);
  core::Diagnostics diags;
  const auto d = compose::compose_document(r, theme::default_theme(), diags);
  const auto& e = std::get<doc::Entry>(d.blocks.back());
  REQUIRE(e.main.size() == 1);
  CHECK(e.main[0].role == doc::Role::Body);
  const auto& spans = e.main[0].spans;
  REQUIRE(spans.size() == 4);
  CHECK((spans[0].text == "Gold Medal" && spans[0].bold));
  CHECK((spans[1].text == ", a " && !spans[1].bold));
  CHECK((spans[2].text == "MoE" && spans[2].bold));
  CHECK(spans[3].text == " contest");
}

TEST_CASE("section titles may be set in capitals by the theme, with the language's rules") {
  auto r = sample();
  r.cv.sections[0].title = str("Straße");
  auto t = theme::default_theme();
  t.section_titles_uppercase = true;
  core::Diagnostics diags;
  const auto d = compose::compose_document(r, t, diags);
  const auto& h = block<doc::Heading>(d, 3);
  CHECK(doc::plain_text(h.text) == "STRASSE");
  CHECK(h.outline_title == "Straße");
}

TEST_CASE("page breaks: before a section, between entries, after a section; numbering ignores them") {
  i18n::Resolved r = sample();
  auto& pubs = r.cv.sections.front();
  pubs.page_break_before = true;
  pubs.page_break_after = true;
  i18n::ResolvedEntry second = pubs.entries.front();
  second.title = str("FlexSP");
  second.page_break_before = true;
  pubs.entries.push_back(second);
  theme::Theme t = theme::default_theme();
  t.publications.numbered = true;
  core::Diagnostics diags;
  const doc::Document d = compose::compose_document(r, t, diags);
  // The header's blocks, then: break, title, [1], break, [2], break.
  std::vector<std::string> kinds;
  for (const auto& b : d.blocks) {
    if (std::holds_alternative<doc::PageBreak>(b)) kinds.push_back("break");
    if (const auto* h = std::get_if<doc::Heading>(&b); h && h->level == 2) kinds.push_back("title");
    if (const auto* e = std::get_if<doc::Entry>(&b)) kinds.push_back(e->marker);
  }
  CHECK(kinds == std::vector<std::string>{"break", "title", "[1]", "break", "[2]", "break"});
}
