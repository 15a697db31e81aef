// Paragraph layout: lines, positions, text round trip, links, CJK, overfull words.
#include <string>

#include "helpers.h"

using namespace cvpdf;
using namespace cvpdf::test;

namespace {

const std::string kLorem =
    "Xinyi Liu studies how large language models reason about code, with a focus on program "
    "synthesis, verification and the evaluation of neural models on realistic software "
    "engineering tasks. Before that, she worked on compilers and static analysis for the "
    "Rust programming language, and taught undergraduate courses on algorithms.";

/// Every run's text is reproduced by its glyphs; joining runs and their trailing spaces line by
/// line gives the source text with spaces at line ends.
std::string reading(const frame::Page& page) {
  std::string out;
  for (core::Pt y : baselines(page))
    for (const auto* r : line_at(page, y)) {
      CHECK(glyph_text(*r) == r->text);
      out += r->text + r->trailing_space;
    }
  return out;
}

}  // namespace

TEST_CASE("a body paragraph wraps inside the margins and keeps its text") {
  doc::Document d;
  d.lang = "en";
  d.blocks.push_back(body(kLorem));
  core::Diagnostics diags;
  const frame::Document f = run_layout(d, diags);
  const theme::Theme t = theme::default_theme();
  CHECK(diags.all().empty());
  REQUIRE(f.pages.size() == 1);
  const auto ys = baselines(f.pages[0]);
  CHECK(ys.size() >= 3);
  // Baselines are the role's leading apart (size 10 × leading 1.3).
  for (std::size_t k = 1; k + 1 < ys.size(); ++k) CHECK(ys[k] - ys[k - 1] == doctest::Approx(13.0));
  // The first line's ascent sits inside the text area.
  CHECK(ys[0] > t.page.margin_top + 5);
  CHECK(ys[0] < t.page.margin_top + 13);
  for (const auto* r : runs(f.pages[0])) {
    if (r->origin.y > t.page.height - t.page.margin_bottom) continue;  // the footer
    CHECK(r->origin.x >= t.page.margin_left - 1e-6);
    CHECK(r->origin.x + run_width(*r) <= t.page.width - t.page.margin_right + 1e-6);
    CHECK(r->lang == "en");
    CHECK(r->size == 10);
  }
  // Extraction gives the source, the footer after it.
  const std::string text = reading(f.pages[0]);
  CHECK(text.rfind(kLorem, 0) == 0);
  CHECK(text.substr(kLorem.size()) == "1 / 1");
  CHECK(f.meta.lang == "en");
  CHECK(f.meta.date == 0);
}

TEST_CASE("bold, italic and mono spans get their faces; runs split per face and span") {
  doc::Document d;
  d.lang = "en";
  doc::Span bold = span("Liu, X.");
  bold.highlight = true;
  doc::Span code = span("cvpdf");
  code.mono = true;
  doc::Span italic = span("Journal");
  italic.italic = true;
  d.blocks.push_back(para(
      doc::Role::Body, {span("Zhang, Y., "), bold, span(" and "), italic, span(" with "), code}));
  core::Diagnostics diags;
  const frame::Document f = run_layout(d, diags);
  std::vector<std::string> names;
  for (const auto& face : f.fonts) names.push_back(face.postscript_name);
  // First-use order: regular, bold (highlight), italic; mono falls back to what the pinned
  // fonts have.
  REQUIRE(names.size() >= 3);
  CHECK(names[0] == "NotoSerif-Regular");
  CHECK(names[1] == "NotoSerif-Bold");
  CHECK(names[2] == "NotoSerif-Italic");
  const auto line = line_at(f.pages[0], baselines(f.pages[0])[0]);
  std::string joined;
  for (const auto* r : line) joined += r->text + r->trailing_space;
  CHECK(joined == "Zhang, Y., Liu, X. and Journal with cvpdf");
  const theme::Theme t = theme::default_theme();
  for (const auto* r : line)
    if (r->text == "Liu, X.") CHECK(r->color == t.colors.highlight);
}

TEST_CASE("right and centred alignment") {
  doc::Document d;
  d.blocks.push_back(para(doc::Role::Body, {span("right")}, doc::Align::Right));
  d.blocks.push_back(para(doc::Role::Body, {span("centre")}, doc::Align::Center));
  core::Diagnostics diags;
  const frame::Document f = run_layout(d, diags);
  const theme::Theme t = theme::default_theme();
  const auto ys = baselines(f.pages[0]);
  const auto right = line_at(f.pages[0], ys[0]);
  REQUIRE(right.size() == 1);
  CHECK(right[0]->origin.x + run_width(*right[0]) ==
        doctest::Approx(t.page.width - t.page.margin_right));
  const auto centre = line_at(f.pages[0], ys[1]);
  REQUIRE(centre.size() == 1);
  CHECK(centre[0]->origin.x + run_width(*centre[0]) / 2 == doctest::Approx(t.page.width / 2));
}

TEST_CASE("a link covers its words on every line") {
  doc::Document d;
  doc::Span link = span("the project page on GitHub with all the code and the data sets");
  link.link = "https://example.org/project";
  d.blocks.push_back(para(doc::Role::Body, {span(kLorem + " See "), link, span(".")}));
  core::Diagnostics diags;
  const frame::Document f = run_layout(d, diags);
  std::vector<frame::Link> links;
  for (const auto& item : f.pages[0].items)
    if (const auto* l = std::get_if<frame::Link>(&item)) links.push_back(*l);
  REQUIRE(links.size() >= 1);
  const theme::Theme t = theme::default_theme();
  std::string covered;
  for (const auto* r : runs(f.pages[0])) {
    if (r->color != t.colors.link) continue;
    covered += r->text + r->trailing_space;
    const bool inside = std::any_of(links.begin(), links.end(), [&](const frame::Link& l) {
      return l.uri == "https://example.org/project" && l.area.x <= r->origin.x + 1e-6 &&
             r->origin.x + run_width(*r) <= l.area.x + l.area.width + 1e-6 &&
             l.area.y < r->origin.y && r->origin.y < l.area.y + l.area.height;
    });
    CHECK(inside);
  }
  CHECK(covered.find("the project page on GitHub") == 0);
}

TEST_CASE("Chinese wraps between ideographs, never before closing punctuation") {
  doc::Document d;
  d.lang = "zh-Hans";
  std::string text;
  // Han characters from the pinned CJK cut (fonts/make-pinned.sh, cjk_fixed).
  for (int i = 0; i < 6; ++i) text += "北京大学计算机科学与技术学院，网络空间安全研究所博士。";
  d.blocks.push_back(body(text));
  core::Diagnostics diags;
  const frame::Document f = run_layout(d, diags);
  CHECK(diags.all().empty());
  const auto ys = baselines(f.pages[0]);
  CHECK(ys.size() >= 2);
  std::string all;
  for (std::size_t k = 0; k + 1 < ys.size(); ++k) {  // the last baseline is the footer
    const auto line = line_at(f.pages[0], ys[k]);
    REQUIRE(!line.empty());
    CHECK(line.front()->text.rfind("，", 0) != 0);
    CHECK(line.front()->text.rfind("。", 0) != 0);
    for (const auto* r : line) {
      CHECK(r->lang == "zh-Hans");
      CHECK(r->trailing_space.empty());
      all += r->text;
    }
  }
  CHECK(all == text);
  CHECK(f.fonts[0].postscript_name.find("CJK") != std::string::npos);
}

TEST_CASE("a word wider than the line is a warning naming it, and is cut to fit") {
  doc::Document d;
  const std::string word(150, 'w');
  d.blocks.push_back(body("before " + word + " after"));
  core::Diagnostics diags;
  const frame::Document f = run_layout(d, diags);
  REQUIRE(diags.warning_count() == 1);
  CHECK(diags.all()[0].message.find(word) != std::string::npos);
  CHECK(diags.all()[0].loc == core::SourceLoc{"profile.yaml", 3, 5});
  const theme::Theme t = theme::default_theme();
  std::string all;
  for (core::Pt y : baselines(f.pages[0]))
    for (const auto* r : line_at(f.pages[0], y)) {
      CHECK(r->origin.x + run_width(*r) <= t.page.width - t.page.margin_right + 1e-6);
      if (r->origin.y < t.page.height - t.page.margin_bottom) all += r->text + r->trailing_space;
    }
  CHECK(all == "before " + word + " after");
}

TEST_CASE("no_break spans stay on one line") {
  doc::Document d;
  std::string filler;
  for (int i = 0; i < 30; ++i) filler += "ab cd ";
  // Try many lengths so that "Xinyi Liu" lands at a line end at least once.
  for (int n = 0; n < 12; ++n) {
    doc::Span name = span("Xinyi Liu");
    name.no_break = true;
    d.blocks.push_back(para(
        doc::Role::Body,
        {span(filler + std::string(static_cast<std::size_t>(n), 'x') + " "), name, span(" end")}));
  }
  core::Diagnostics diags;
  const frame::Document f = run_layout(d, diags);
  int seen = 0;
  for (const auto* r : runs(f.pages[0]))
    if (r->text.find("Xinyi") != std::string::npos) {
      CHECK(r->text.find("Xinyi Liu") != std::string::npos);
      ++seen;
    }
  CHECK(seen == 12);
}

TEST_CASE("justified lines end flush right, except the last; spaces become positioning") {
  doc::Document d;
  d.blocks.push_back(para(doc::Role::Body, {span(kLorem)}, doc::Align::Justify));
  core::Diagnostics diags;
  const frame::Document f = run_layout(d, diags);
  const theme::Theme t = theme::default_theme();
  const auto ys = baselines(f.pages[0]);
  REQUIRE(ys.size() >= 4);
  const core::Pt right = t.page.width - t.page.margin_right;
  for (std::size_t k = 0; k + 2 < ys.size(); ++k) {  // all but the last line and the footer
    const auto line = line_at(f.pages[0], ys[k]);
    CHECK(line.back()->origin.x + run_width(*line.back()) == doctest::Approx(right));
    for (std::size_t i = 0; i + 1 < line.size(); ++i) CHECK(line[i]->trailing_space == " ");
  }
  const auto last = line_at(f.pages[0], ys[ys.size() - 2]);
  CHECK(last.back()->origin.x + run_width(*last.back()) < right - 20);
  CHECK(reading(f.pages[0]).rfind(kLorem, 0) == 0);
}
