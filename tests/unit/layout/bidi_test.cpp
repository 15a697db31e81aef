// Right-to-left text in layout: per-line visual order (UAX #9 rule L2 after line breaking),
// the mirrored page of a right-to-left document, a Hebrew name inside an English line.
#include <string>

#include "helpers.h"

using namespace cvpdf;
using namespace cvpdf::test;

namespace {

const std::string kArabic =
    "أنا طالبة دكتوراه في جامعة بكين وأعمل على نظام PyTorch لتدريب النماذج الكبيرة منذ 2023 "
    "وأنا عضوة في مختبر البيانات وأدرس أنظمة التعلم العميق والتوازي التلقائي وتسريع التدريب "
    "والاستدلال للنماذج الكبيرة في مختبر البيانات";

std::string without_spaces(std::string s) {
  std::erase(s, ' ');
  return s;
}

/// A line's text read right to left (run by run) and left to right.
std::string right_to_left(const std::vector<const frame::GlyphRun*>& line) {
  std::string out;
  for (auto it = line.rbegin(); it != line.rend(); ++it) out += (*it)->text;
  return out;
}

/// The source offsets of a run's clusters in drawing order.
std::vector<std::uint32_t> cluster_starts(const frame::GlyphRun& r) {
  std::vector<std::uint32_t> out;
  for (const frame::Glyph& g : r.glyphs)
    if (g.text_begin < g.text_end) out.push_back(g.text_begin);
  return out;
}

}  // namespace

TEST_CASE("bidi: an Arabic paragraph wraps; each line is right-aligned and reads right to left") {
  doc::Document d;
  d.lang = "ar";
  d.blocks.push_back(body(kArabic));
  core::Diagnostics diags;
  const frame::Document f = run_layout(d, diags);
  CHECK(diags.all().empty());
  const theme::Theme t = theme::default_theme();
  const core::Pt right = t.page.width - t.page.margin_right;
  const auto ys = baselines(f.pages[0]);
  REQUIRE(ys.size() >= 3);  // two lines or more, and the footer
  std::string logical;
  for (std::size_t k = 0; k + 1 < ys.size(); ++k) {
    const auto line = line_at(f.pages[0], ys[k]);
    REQUIRE(!line.empty());
    // Ragged left: every line ends at the right margin, the first word of the line there.
    CHECK(line.back()->origin.x + run_width(*line.back()) == doctest::Approx(right));
    CHECK(line.front()->origin.x >= t.page.margin_left - 1e-6);
    logical += right_to_left(line);
    // Inside an Arabic run, glyphs are drawn from the logically last cluster to the first.
    for (const auto* r : line) {
      if (r->text.find("PyTorch") != std::string::npos || r->text.find("2023") == 0) continue;
      const auto starts = cluster_starts(*r);
      CHECK(std::is_sorted(starts.rbegin(), starts.rend()));
    }
  }
  // Rule L2 per line: reading every line right to left, line after line, gives the source.
  CHECK(without_spaces(logical) == without_spaces(kArabic));
  // The Latin word and the number are runs of their own, drawn left to right.
  bool latin = false;
  for (const auto* r : runs(f.pages[0]))
    if (r->text == "PyTorch" || r->text == "PyTorch ") {
      latin = true;
      const auto starts = cluster_starts(*r);
      CHECK(std::is_sorted(starts.begin(), starts.end()));
    }
  CHECK(latin);
}

TEST_CASE("bidi: a right-to-left document is mirrored; a left-to-right one is not") {
  doc::Document d;
  d.lang = "ar";
  d.blocks.push_back(section("التعليم"));
  doc::Entry e;
  e.main.push_back(para(doc::Role::EntryTitle, {span("جامعة بكين")}));
  e.aside.push_back(para(doc::Role::Date, {span("٢٠٢٣")}, doc::Align::Right));
  e.bullets.push_back(para(doc::Role::Body, {span("بحث عن التوازي")}));
  d.blocks.push_back(e);
  core::Diagnostics diags;
  const frame::Document f = run_layout(d, diags);
  CHECK(diags.all().empty());
  const theme::Theme t = theme::default_theme();
  const core::Pt left = t.page.margin_left, right = t.page.width - t.page.margin_right;
  auto find = [&](const std::string& text) -> const frame::GlyphRun* {
    for (const auto* r : runs(f.pages[0]))
      if (r->text == text) return r;
    return nullptr;
  };
  const auto* title = find("التعليم");
  const auto* date = find("٢٠٢٣");
  const auto* bullet = find(t.bullet);
  const auto* item = find("بحث عن التوازي");
  REQUIRE(title);
  REQUIRE(date);
  REQUIRE(bullet);
  REQUIRE(item);
  CHECK(title->origin.x + run_width(*title) == doctest::Approx(right));
  CHECK(date->origin.x == doctest::Approx(left));  // the dates column on the left, flush left
  CHECK(bullet->origin.x > item->origin.x + run_width(*item));  // the bullet right of its text
  CHECK(item->origin.x + run_width(*item) ==
        doctest::Approx(right - t.spacing.bullet_indent));
  // The same in English: dates right, bullets left.
  d.lang = "en";
  const frame::Document g = run_layout(d, diags);
  for (const auto* r : runs(g.pages[0]))
    if (r->text == "٢٠٢٣") CHECK(r->origin.x + run_width(*r) == doctest::Approx(right));
}

TEST_CASE("bidi: a Hebrew co-author inside an English author list") {
  doc::Document d;
  d.lang = "en";
  d.blocks.push_back(body("Xinyi Liu, דוד לוי, Bin Cui"));
  core::Diagnostics diags;
  const frame::Document f = run_layout(d, diags);
  CHECK(diags.all().empty());
  const auto ys = baselines(f.pages[0]);
  const auto line = line_at(f.pages[0], ys[0]);
  std::string ltr;
  for (const auto* r : line) ltr += r->text + r->trailing_space;
  CHECK(ltr == "Xinyi Liu, דוד לוי, Bin Cui");  // runs left to right in logical order
  const frame::GlyphRun* hebrew = nullptr;
  for (const auto* r : line)
    if (r->text == "דוד לוי") hebrew = r;
  REQUIRE(hebrew);
  // The name is drawn right to left: its first glyph is its last letter.
  const auto starts = cluster_starts(*hebrew);
  REQUIRE(starts.size() == 7);
  CHECK(std::is_sorted(starts.rbegin(), starts.rend()));
  CHECK(hebrew->text.substr(starts.front()) == "י");
}
