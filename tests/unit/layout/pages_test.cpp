// Blocks and pages: entries with dates, headings and their rules, keep rules, footers.
#include <string>

#include "helpers.h"

using namespace cvpdf;
using namespace cvpdf::test;

namespace {

doc::Entry entry(const std::string& title, const std::string& date, int bullets = 0) {
  doc::Entry e;
  e.main.push_back(para(doc::Role::EntryTitle, {span(title)}));
  e.main.push_back(body("Second line of " + title));
  if (!date.empty()) {
    doc::Span d = span(date);
    d.no_break = true;
    e.aside.push_back(para(doc::Role::Date, {d}));
  }
  for (int i = 0; i < bullets; ++i) e.bullets.push_back(body("Bullet " + std::to_string(i)));
  return e;
}

}  // namespace

TEST_CASE("an entry's date is flush with the right margin, on the title's baseline") {
  doc::Document d;
  d.blocks.push_back(section("Education"));
  d.blocks.push_back(entry("Peking University", "2019 – 2023", 2));
  core::Diagnostics diags;
  const frame::Document f = run_layout(d, diags);
  const theme::Theme t = theme::default_theme();
  CHECK(diags.all().empty());
  const frame::Page& page = f.pages[0];
  const frame::GlyphRun* date = nullptr;
  const frame::GlyphRun* title = nullptr;
  const frame::GlyphRun* bullet = nullptr;
  const frame::GlyphRun* bullet_text = nullptr;
  for (const auto* r : runs(page)) {
    if (r->text == "2019 – 2023") date = r;
    if (r->text == "Peking University") title = r;
    if (r->text == "•" && !bullet) bullet = r;
    if (r->text == "Bullet 0") bullet_text = r;
  }
  REQUIRE(date);
  REQUIRE(title);
  REQUIRE(bullet);
  REQUIRE(bullet_text);
  CHECK(date->origin.x + run_width(*date) == doctest::Approx(t.page.width - t.page.margin_right));
  CHECK(date->origin.y == doctest::Approx(title->origin.y));
  CHECK(title->origin.x == doctest::Approx(t.page.margin_left));
  CHECK(bullet_text->origin.x == doctest::Approx(t.page.margin_left + t.spacing.bullet_indent));
  CHECK(bullet->origin.x + run_width(*bullet) < bullet_text->origin.x);
  CHECK(bullet->origin.x >= t.page.margin_left);
  CHECK(bullet->origin.y == doctest::Approx(bullet_text->origin.y));
  // The section title: an outline anchor and a rule under it in the theme's colour.
  int anchors = 0, rules = 0;
  for (const auto& item : page.items) {
    if (const auto* a = std::get_if<frame::Anchor>(&item)) {
      ++anchors;
      CHECK(a->title == "Education");
      CHECK(a->level == 1);
    }
    if (const auto* l = std::get_if<frame::Line>(&item)) {
      ++rules;
      CHECK(l->color == t.rules.color);
      CHECK(l->thickness == doctest::Approx(t.rules.section_rule));
      CHECK(l->from.x == doctest::Approx(t.page.margin_left));
      CHECK(l->to.x == doctest::Approx(t.page.width - t.page.margin_right));
      CHECK(l->from.y < title->origin.y);
    }
  }
  CHECK(anchors == 1);
  CHECK(rules == 1);
}

TEST_CASE("an entry marker hangs in the left margin on the first line") {
  doc::Document d;
  doc::Entry e = entry("A paper title", "");
  e.marker = "[1]";
  d.blocks.push_back(e);
  core::Diagnostics diags;
  const frame::Document f = run_layout(d, diags);
  const theme::Theme t = theme::default_theme();
  const frame::GlyphRun* marker = nullptr;
  const frame::GlyphRun* title = nullptr;
  for (const auto* r : runs(f.pages[0])) {
    if (r->text == "[1]") marker = r;
    if (r->text == "A paper title") title = r;
  }
  REQUIRE(marker);
  REQUIRE(title);
  CHECK(marker->origin.x + run_width(*marker) < t.page.margin_left);
  CHECK(marker->origin.x > 0);
  CHECK(marker->origin.y == doctest::Approx(title->origin.y));
}

TEST_CASE("a section title is never the last thing on a page") {
  const theme::Theme t = theme::default_theme();
  // Vary the filler so that, at some count, the title would fit at the bottom of page 1 but its
  // entry would not.
  int moved = 0;
  for (int filler = 30; filler < 45; ++filler) {
    doc::Document d;
    for (int i = 0; i < filler; ++i) d.blocks.push_back(body("Filler line " + std::to_string(i)));
    d.blocks.push_back(section("Awards"));
    d.blocks.push_back(entry("Best Paper Award", "2024"));
    core::Diagnostics diags;
    const frame::Document f = run_layout(d, diags);
    const int title_page = page_of(f, "Awards");
    CHECK(title_page == page_of(f, "Best Paper Award"));
    CHECK(title_page == page_of(f, "Second line of Best Paper Award"));
    if (title_page == 1 && page_of(f, "Filler line " + std::to_string(filler - 1)) == 0) ++moved;
    for (const auto& page : f.pages)
      for (const auto* r : runs(page)) {
        if (r->text.find(" / ") != std::string::npos) continue;  // the footer
        CHECK(r->origin.y <= t.page.height - t.page.margin_bottom);
      }
  }
  CHECK(moved >= 1);  // the rule was exercised, not just satisfied by luck
}

TEST_CASE("an entry's first two lines stay on one page") {
  int moved = 0;
  for (int filler = 30; filler < 45; ++filler) {
    doc::Document d;
    for (int i = 0; i < filler; ++i) d.blocks.push_back(body("Filler line " + std::to_string(i)));
    d.blocks.push_back(entry("Best Paper Award", "2024", 3));
    core::Diagnostics diags;
    const frame::Document f = run_layout(d, diags);
    const int first = page_of(f, "Best Paper Award");
    CHECK(first == page_of(f, "Second line of Best Paper Award"));
    if (first == 1 && page_of(f, "Filler line " + std::to_string(filler - 1)) == 0 &&
        page_of(f, "Bullet 2") == 1)
      ++moved;
  }
  CHECK(moved >= 1);
}

TEST_CASE("a short last entry of a list is never alone at the top of a page") {
  int moved = 0;
  for (int filler = 30; filler < 48; ++filler) {
    doc::Document d;
    for (int i = 0; i < filler; ++i) d.blocks.push_back(body("Filler line " + std::to_string(i)));
    d.blocks.push_back(section("Awards"));
    for (int k = 1; k <= 4; ++k) d.blocks.push_back(entry("Award " + std::to_string(k), "2024"));
    core::Diagnostics diags;
    const frame::Document f = run_layout(d, diags);
    CHECK(page_of(f, "Award 4") == page_of(f, "Award 3"));
    if (page_of(f, "Award 3") == 1 && page_of(f, "Award 2") == 0) ++moved;
  }
  CHECK(moved >= 1);  // the keep was needed at some filler length
}

TEST_CASE("long documents paginate, split paragraphs between lines, and number the pages") {
  doc::Document d;
  std::string text;
  for (int i = 0; i < 900; ++i) text += "word" + std::to_string(i) + " ";
  d.blocks.push_back(body(text));
  d.blocks.push_back(doc::PageBreak{});
  d.blocks.push_back(body("After the break."));
  core::Diagnostics diags;
  const frame::Document f = run_layout(d, diags);
  const theme::Theme t = theme::default_theme();
  REQUIRE(f.pages.size() >= 3);
  const std::string total = std::to_string(f.pages.size());
  CHECK(page_of(f, "After the break.") == static_cast<int>(f.pages.size()) - 1);
  for (std::size_t p = 0; p < f.pages.size(); ++p) {
    const std::string footer = std::to_string(p + 1) + " / " + total;
    const frame::GlyphRun* found = nullptr;
    for (const auto* r : runs(f.pages[p])) {
      if (r->text == footer)
        found = r;
      else
        CHECK(r->origin.y <= t.page.height - t.page.margin_bottom);
    }
    REQUIRE(found);
    CHECK(found->origin.y > t.page.height - t.page.margin_bottom);
    CHECK(found->origin.y < t.page.height);
    CHECK(found->origin.x + run_width(*found) / 2 == doctest::Approx(t.page.width / 2));
  }
  // Page 1 is filled: its last text line is within one leading of the text area's bottom.
  const auto ys = baselines(f.pages[0]);
  REQUIRE(ys.size() >= 2);
  CHECK(ys[ys.size() - 2] > t.page.height - t.page.margin_bottom - 2 * 13.0);
}

TEST_CASE("custom footers with left and right parts; metadata; deterministic output") {
  doc::Document d;
  d.title = "Xinyi Liu — CV";
  d.author = "Xinyi Liu";
  d.subject = "Curriculum vitae";
  d.lang = "en";
  d.footer.left = "Xinyi Liu";
  d.footer.right = "Page {page} of {pages}";
  doc::Heading name;
  name.level = 1;
  name.text = para(doc::Role::Name, {span("Xinyi Liu")});
  d.blocks.push_back(name);
  d.blocks.push_back(para(doc::Role::Headline, {span("PhD student")}));
  d.blocks.push_back(section("Education"));
  d.blocks.push_back(entry("Peking University", "2019 – 2023"));
  d.blocks.push_back(doc::Rule{});
  d.blocks.push_back(doc::Spacer{20});
  d.blocks.push_back(doc::List{{body("one"), body("two")}});
  core::Diagnostics diags;
  const frame::Document f = run_layout(d, diags);
  const theme::Theme t = theme::default_theme();
  CHECK(f.meta.title == "Xinyi Liu — CV");
  CHECK(f.meta.author == "Xinyi Liu");
  CHECK(f.meta.subject == "Curriculum vitae");
  REQUIRE(f.pages.size() == 1);
  bool left = false, right = false;
  for (const auto* r : runs(f.pages[0])) {
    if (r->text == "Xinyi Liu" && r->origin.y > t.page.height - t.page.margin_bottom) {
      left = true;
      CHECK(r->origin.x == doctest::Approx(t.page.margin_left));
    }
    if (r->text == "Page 1 of 1") {
      right = true;
      CHECK(r->origin.x + run_width(*r) == doctest::Approx(t.page.width - t.page.margin_right));
    }
  }
  CHECK(left);
  CHECK(right);
  // The name is the first line, in the name style.
  const auto first = line_at(f.pages[0], baselines(f.pages[0])[0]);
  REQUIRE(first.size() == 1);
  CHECK(first[0]->text == "Xinyi Liu");
  CHECK(first[0]->size == t.style("name").size);

  core::Diagnostics again;
  CHECK(frame::dump(run_layout(d, again)) == frame::dump(f));
}

TEST_CASE("a Spacer and the theme's gap between entries collapse to the larger") {
  const theme::Theme t = theme::default_theme();
  auto gap_with = [&](std::vector<doc::Block> between) {
    doc::Document d;
    d.blocks.push_back(body("First"));
    for (auto& b : between) d.blocks.push_back(b);
    d.blocks.push_back(body("Second"));
    core::Diagnostics diags;
    const auto ys = baselines(run_layout(d, diags).pages[0]);
    return ys[1] - ys[0];
  };
  const double plain = gap_with({});
  CHECK(gap_with({doc::Spacer{t.spacing.between_entries}}) == doctest::Approx(plain));
  CHECK(gap_with({doc::Spacer{30}}) == doctest::Approx(plain - t.spacing.between_entries + 30));
}
