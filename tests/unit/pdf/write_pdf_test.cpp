// tests/unit/pdf/write_pdf_test.cpp — write_pdf checked the way readers see the file: qpdf,
// pdffonts, pdftotext, mutool, pdfinfo on a hand-built, HarfBuzz-shaped frame document.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <sstream>
#include <vector>

#include "pdf/write_pdf.h"
#include "pdf_test_support.h"

using namespace cvpdf;
using pdf::test::TestFont;
using pdf::test::nonempty_lines;
using pdf::test::run;

namespace {

constexpr std::int64_t kDate = 1700000000;  // 2023-11-14 22:13:20 UTC

struct Fonts {
  TestFont latin{pdf::test::latin_font_path(), "NotoSerif-Regular"};
  TestFont cjk{pdf::test::cjk_font_path(), "NotoSansCJKsc-Regular"};
};

const Fonts& fonts() {
  static const Fonts f;
  return f;
}

/// Two A4 pages: a name in two runs, ligatures, CJK, a rule, a tint, a link, three anchors.
frame::Document sample_document() {
  const Fonts& f = fonts();
  frame::Document doc;
  doc.fonts = {f.latin.face(), f.cjk.face(), f.latin.face()};  // font 2 is a duplicate, unused
  doc.meta = {"Xinyi Liu — CV", "Xinyi Liu", "Curriculum vitae", "en", "cvpdf", kDate};
  frame::Page p1;
  frame::GlyphRun first = f.latin.shape("Xinyi", 0, 20, {72, 90});
  first.trailing_space = " ";
  const double space = f.latin.shape(" ", 0, 20, {}).glyphs.at(0).advance;
  frame::GlyphRun last = f.latin.shape("Liu", 0, 20, {72 + TestFont::width(first) + space, 90});
  frame::GlyphRun lig = f.latin.shape("office final", 0, 12, {72, 130});
  lig.color = {0x1a, 0x4d, 0x8f};
  frame::GlyphRun cjk = f.cjk.shape("北京大学", 1, 16, {72, 170});
  p1.items = {frame::Anchor{"Education", 1, {72, 120}},
              first,
              last,
              frame::Link{{72, 70, TestFont::width(first) + space + TestFont::width(last), 26},
                          "https://example.org/xinyi"},
              frame::Line{{72, 100}, {300, 100}, 0.75, {0x80, 0x80, 0x80}},
              frame::Fill{{60, 122, 250, 14}, {0xee, 0xee, 0xee}},
              lig,
              frame::Anchor{"北京大学", 2, {72, 155}},
              cjk};
  // The fill is painted after the name but before the ligature line, as in frame order.
  frame::Page p2;
  p2.items = {frame::Anchor{"Publications", 1, {72, 72}}, f.latin.shape("Page two", 0, 12, {72, 90})};
  doc.pages = {p1, p2};
  return doc;
}

std::string written_sample(const std::string& stem) {
  core::Diagnostics diags;
  const std::string bytes = pdf::write_pdf(sample_document(), diags);
  REQUIRE(diags.all().empty());
  REQUIRE(!bytes.empty());
  return pdf::test::write_temp(stem, bytes);
}

}  // namespace

TEST_CASE("fixture fonts are present") {
  REQUIRE(fonts().latin.ok());
  REQUIRE(fonts().cjk.ok());
  CHECK(fonts().cjk.face().face_index == 2);  // SC in NotoSansCJK-Regular.ttc
}

TEST_CASE("qpdf finds no errors") {
  const std::string path = written_sample("qpdf");
  int status = -1;
  const std::string out = run("qpdf --check '" + path + "' 2>&1", &status);
  CHECK(status == 0);
  CHECK(out.find("No syntax or stream encoding errors") != std::string::npos);
  CHECK(out.find("WARNING") == std::string::npos);
}

TEST_CASE("pdffonts: both fonts embedded, subset, with ToUnicode; unused faces left out") {
  const std::string out = run("pdffonts '" + written_sample("fonts") + "'");
  const auto lines = nonempty_lines(out);
  REQUIRE(lines.size() == 4);  // header, rule, two fonts
  CHECK(lines[2].find("+NotoSerif-Regular") != std::string::npos);
  CHECK(lines[2].find("CID TrueType") != std::string::npos);
  CHECK(lines[3].find("+NotoSansCJKsc-Regular-Identity-H") != std::string::npos);
  CHECK(lines[3].find("CID Type 0C") != std::string::npos);
  for (int i : {2, 3}) {
    CHECK(lines[static_cast<std::size_t>(i)].find("Identity-H") != std::string::npos);
    CHECK(lines[static_cast<std::size_t>(i)].find("yes yes yes") != std::string::npos);
  }
}

TEST_CASE("pdftotext and mutool return the source text exactly") {
  const std::string path = written_sample("text");
  const std::vector<std::string> expected = {"Xinyi Liu", "office final", "北京大学", "Page two"};
  CHECK(nonempty_lines(run("pdftotext -enc UTF-8 '" + path + "' -")) == expected);
  CHECK(nonempty_lines(run("mutool draw -q -F txt '" + path + "' 2>/dev/null")) == expected);
}

TEST_CASE("pdfinfo: title, author, version, pages, size, dates, link") {
  const std::string path = written_sample("info");
  const std::string out = run("pdfinfo -isodates '" + path + "'");
  CHECK(out.find("Title:           Xinyi Liu — CV\n") != std::string::npos);
  CHECK(out.find("Author:          Xinyi Liu\n") != std::string::npos);
  CHECK(out.find("Subject:         Curriculum vitae\n") != std::string::npos);
  CHECK(out.find("Creator:         cvpdf\n") != std::string::npos);
  CHECK(out.find("Producer:        cvpdf\n") != std::string::npos);
  CHECK(out.find("CreationDate:    2023-11-14T22:13:20Z") != std::string::npos);
  CHECK(out.find("Pages:           2\n") != std::string::npos);
  CHECK(out.find("Page size:       595.276 x 841.89 pts (A4)") != std::string::npos);
  CHECK(out.find("PDF version:     1.7\n") != std::string::npos);
  const std::string urls = run("pdfinfo -url '" + path + "'");
  CHECK(urls.find("   1  Annotation    https://example.org/xinyi\n") != std::string::npos);
}

TEST_CASE("the outline nests level 2 under level 1, with /Count") {
  const std::string path = written_sample("outline");
  const std::string out = run("mutool show '" + path + "' outline");
  // MuPDF prints "-" for an open item with children and y-down coordinates; zoom 0 reads as 100.
  CHECK(out == "-\t\"Education\"\t#page=1&zoom=100,72,120\n"
               "|\t\t\"北京大学\"\t#page=1&zoom=100,72,155\n"
               "|\t\"Publications\"\t#page=2&zoom=100,72,72\n");
  const std::string trailer = run("mutool show '" + path + "' trailer/Root/Outlines");
  CHECK(trailer.find("/Count 3") != std::string::npos);
  const std::string catalog = run("mutool show '" + path + "' trailer/Root");
  CHECK(catalog.find("/PageMode /UseOutlines") != std::string::npos);
  CHECK(catalog.find("/Lang (en)") != std::string::npos);
}

TEST_CASE("the same document gives the same bytes, whatever the clock or time zone") {
  core::Diagnostics diags;
  const frame::Document doc = sample_document();
  const auto t0 = std::chrono::steady_clock::now();
  const std::string a = pdf::write_pdf(doc, diags);
  const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  MESSAGE("sample PDF: " << a.size() << " bytes, written in " << ms << " ms");
  const char* old_tz = std::getenv("TZ");
  const std::string saved = old_tz ? old_tz : "";
  setenv("TZ", "Asia/Kolkata", 1);
  tzset();
  const std::string b = pdf::write_pdf(doc, diags);
  if (old_tz) setenv("TZ", saved.c_str(), 1); else unsetenv("TZ");
  tzset();
  CHECK(diags.all().empty());
  CHECK(a == b);
  frame::Document changed = doc;
  changed.pages[1].items.push_back(fonts().latin.shape("more", 0, 12, {72, 120}));
  const std::string c = pdf::write_pdf(changed, diags);
  const auto id_of = [](const std::string& pdf) { return pdf.substr(pdf.rfind("/ID")); };
  CHECK(id_of(a) != id_of(c));  // /ID follows the content, not only the metadata
}
