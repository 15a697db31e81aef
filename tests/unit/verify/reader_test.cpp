// tests/unit/verify/reader_test.cpp — verify/'s PDF reader: objects, CMaps, xref, streams and
// their limits, the content interpreter (text, positions, ActualText, MCIDs), the structure tree.
#include <doctest/doctest.h>

#include "core/limits.h"
#include "pdf_builder.h"
#include "verify/cmap.h"
#include "verify/content.h"
#include "verify/file.h"
#include "verify/object.h"
#include "verify/read.h"

using namespace cvpdf::verify;
using namespace cvpdf::verify::test;

TEST_CASE("objects: numbers, references, strings, names, nesting") {
  Parser p("<</A 12 0 R/B [1 -2.5 +.5 (a\\(b\\)\\101\\n) <48 69 7>] /C#20D true /E null>>");
  const Object o = p.parse();
  const Dict& d = *o.dict();
  REQUIRE(d.size() == 4);
  CHECK(find(d, "A")->ref()->num == 12);
  const Array& a = *find(d, "B")->array();
  std::int64_t i = 0;
  double x = 0;
  CHECK((a[0].integer(i) && i == 1));
  CHECK((a[1].number(x) && x == -2.5));
  CHECK((a[2].number(x) && x == 0.5));
  CHECK(a[3].string()->bytes == "a(b)A\n");
  CHECK(a[4].string()->bytes == std::string("Hip"));
  CHECK(find(d, "C D") != nullptr);
  CHECK(find(d, "E")->is_null());
  // Two numbers that are not a reference stay numbers.
  Parser q("[1 2 3]");
  CHECK(q.parse().array()->size() == 3);
}

TEST_CASE("objects: malformed input and the nesting limit are ReadErrors with an offset") {
  CHECK_THROWS_AS(Parser("(unterminated").parse(), ReadError);
  CHECK_THROWS_AS(Parser("<4G>").parse(), ReadError);
  CHECK_THROWS_AS(Parser("<</A 1").parse(), ReadError);
  CHECK_THROWS_AS(Parser("1.2.3").parse(), ReadError);
  const int at_limit = cvpdf::core::limits::kMaxPdfNesting;
  CHECK_NOTHROW(Parser(std::string(at_limit, '[') + std::string(at_limit, ']')).parse());
  CHECK_THROWS_AS(Parser(std::string(at_limit + 1, '[') + std::string(at_limit + 1, ']')).parse(), ReadError);
  try {
    Parser(std::string(100000, '[')).parse();
    FAIL("no error");
  } catch (const ReadError& e) {
    CHECK(std::string(e.what()).find("nested deeper than 64") != std::string::npos);
    CHECK(e.offset == static_cast<std::size_t>(at_limit));  // at the first '[' too many
  }
}

TEST_CASE("CMap: bfchar, bfrange (incrementing and array), surrogates, codespace") {
  const CMap m = CMap::parse(
      "1 begincodespacerange <00> <7F> endcodespacerange\n"
      "1 begincodespacerange <8000> <FFFF> endcodespacerange\n"
      "2 beginbfchar <41> <0041> <8001> <D83DDE04> endbfchar\n"
      "2 beginbfrange <61> <63> <0061> <8100> <8101> [<4E2D> <00660069>] endbfrange\n");
  CHECK(*m.lookup(0x41) == "A");
  CHECK(*m.lookup(0x8001) == "\xF0\x9F\x98\x84");  // U+1F604 from a surrogate pair
  CHECK(*m.lookup(0x62) == "b");
  CHECK(*m.lookup(0x63) == "c");
  CHECK(*m.lookup(0x8100) == "中");
  CHECK(*m.lookup(0x8101) == "fi");
  CHECK(m.lookup(0x64) == nullptr);
  CHECK(m.code_length("\x41") == 1);
  CHECK(m.code_length(std::string_view("\x81\x00", 2)) == 2);
  CHECK(CMap::identity_codespace().code_length("ab") == 2);
}

TEST_CASE("CMap: damaged programs are ReadErrors, never crashes") {
  CHECK_THROWS_AS(CMap::parse("1 beginbfchar <0001> endbfchar"), ReadError);
  CHECK_THROWS_AS(CMap::parse("1 beginbfrange <0000> <FFFFFF> <0041> endbfrange"), ReadError);
  CHECK_THROWS_AS(CMap::parse("1 beginbfrange <0002> <0001> <0041> endbfrange"), ReadError);
  CHECK_THROWS_AS(CMap::parse("1 beginbfrange <0001> <0003> [<0041>] endbfrange"), ReadError);
  CHECK_THROWS_AS(CMap::parse("1 beginbfchar <0001> <0041>"), ReadError);
  CHECK_NOTHROW(CMap::parse("{ } begincmap endcmap"));
}

TEST_CASE("xref: objects through the table; truncated or shifted files are located errors") {
  const std::string pdf = one_page_pdf("BT /F1 10 Tf 0 0 Td " + codes("hi") + " Tj ET", alphabet_cmap());
  File f(pdf);
  CHECK(f.get(Ref{3, 0}).value.dict() != nullptr);
  CHECK(f.get(Ref{99, 0}).value.is_null());
  CHECK(f.pages().size() == 1);
  CHECK_THROWS_WITH_AS(File(pdf.substr(0, pdf.size() / 2)),
                       doctest::Contains("no 'startxref' at the end"), ReadError);
  // Bytes inserted at the start: every offset is off, startxref's too.
  CHECK_THROWS_WITH_AS(File("%PDF-1.7\nxyz\n" + pdf.substr(9)), doctest::Contains("no xref table or cross-reference stream"), ReadError);
  // An xref entry pointing at another object.
  std::string edited = pdf;
  const std::size_t third = edited.find(" n \n", edited.find(" n \n", edited.find("xref")) + 1) + 4;
  edited.replace(third, 10, "0000000009");
  File moved(edited);
  CHECK_THROWS_WITH_AS(moved.get(Ref{3, 0}), doctest::Contains("object 3 is at byte 9, but it is not there"), ReadError);
  CHECK_THROWS_AS(File("not a pdf at all"), ReadError);
  // /Size at the object limit is accepted, one past it refused.
  const std::string limit = std::to_string(cvpdf::core::limits::kMaxPdfObjects);
  std::string at = pdf, past = pdf;
  at.replace(at.find("/Size 9"), 7, "/Size " + limit);
  past.replace(past.find("/Size 9"), 7, "/Size " + std::to_string(cvpdf::core::limits::kMaxPdfObjects + 1));
  CHECK_NOTHROW(File{at});
  CHECK_THROWS_WITH_AS(File{past}, doctest::Contains("/Size"), ReadError);
}

TEST_CASE("streams: FlateDecode, a decompression bomb stops at the cap, bad data is an error") {
  const std::string zeros(cvpdf::core::limits::kMaxInflatedStream + 1, '\0');
  const std::string pdf = build_pdf({"<</Type/Catalog>>", flate_stream("hello"), flate_stream(zeros),
                                     flate_stream(zeros.substr(1)),
                                     "<</Filter/FlateDecode/Length 4>>\nstream\nabcd\nendstream",
                                     "<</Filter/LZWDecode/Length 1>>\nstream\nx\nendstream"},
                                    "/Root 1 0 R");
  File f(pdf);
  CHECK(f.stream(Object{Ref{2, 0}}, "s") == "hello");
  CHECK_THROWS_WITH_AS(f.stream(Object{Ref{3, 0}}, "s"), doctest::Contains("decompression bomb"), ReadError);
  CHECK(f.stream(Object{Ref{4, 0}}, "s").size() == cvpdf::core::limits::kMaxInflatedStream);  // at the cap
  CHECK_THROWS_WITH_AS(f.stream(Object{Ref{5, 0}}, "s"), doctest::Contains("damaged FlateDecode"), ReadError);
  CHECK_THROWS_WITH_AS(f.stream(Object{Ref{6, 0}}, "s"), doctest::Contains("only FlateDecode"), ReadError);
}

TEST_CASE("content: text in content order, spaces from characters, lines from baselines") {
  const std::string content = "BT /F1 10 Tf 100 700 Td " + codes("peking university") + " Tj ET\n" +
                              "BT /F1 10 Tf 100 680 Td [" + codes("ab") + " -300 " + codes("cd") + "] TJ ET\n" +
                              "BT /F1 10 Tf 100 660 Td [" + codes("ef") + " 100 " + codes("gh") + "] TJ ET\n" +
                              "BT /F1 10 Tf 100 640 Td <001C> Tj ET";
  const PdfText t = read_pdf(one_page_pdf(content, alphabet_cmap()));
  CHECK(t.producer == "cvpdf");
  // A gap of 0.3 em with no space character is a kGapSpace; a kern of -0.1 em closes the gap.
  CHECK(t.text == std::string("peking university\nab") + kGapSpace + "cd\nefgh\nfi");
  CHECK(t.unmapped == std::vector<int>{0});
  CHECK_FALSE(t.has_structure);
}

TEST_CASE("content: /ActualText replaces the glyphs it spans; unmapped codes are counted") {
  const std::string content = "/Span <</ActualText <FEFF00680079007000680065006E00610074006500640020>>> BDC\n"
                              "BT /F1 10 Tf 100 700 Td " + codes("hyphen") + " Tj ET\n"
                              "BT /F1 10 Tf 100 688 Td " + codes("ated ") + " Tj ET EMC\n"
                              "BT /F1 10 Tf 100 676 Td <0001FFFF> Tj ET";
  const PdfText t = read_pdf(one_page_pdf(content, alphabet_cmap()));
  CHECK(t.text == "hyphenated \n ");
  CHECK(t.unmapped == std::vector<int>{1});
}

TEST_CASE("content: damaged operators are ReadErrors naming the page") {
  for (const std::string bad : {"BT /F9 10 Tf (x) Tj ET", "BT (x) Tj ET", "EMC", "/P <<>> BDC", "Q",
                                "BT /F1 10 Tf 1 2 3 4 5 Tm TJ ET", "BI /W 1 ID x EI"}) {
    CAPTURE(bad);
    CHECK_THROWS_WITH_AS(read_pdf(one_page_pdf(bad, alphabet_cmap())),
                         doctest::Contains("the content stream of page 1"), ReadError);
  }
  CHECK_THROWS_AS(read_pdf(one_page_pdf(std::string(200, '/') + "P BMC", alphabet_cmap())), ReadError);
}

TEST_CASE("structure tree: MCIDs reached through /K, /MCR and /Pg; gaps reported per page") {
  const std::string content = "/P <</MCID 0>> BDC BT /F1 10 Tf 100 700 Td " + codes("one") + " Tj ET EMC\n"
                              "/P <</MCID 1>> BDC BT /F1 10 Tf 100 680 Td " + codes("two") + " Tj ET EMC\n"
                              "/Artifact BMC BT /F1 10 Tf 100 20 Td " + codes("page") + " Tj ET EMC\n";
  // Element 10 reaches MCID 0 directly and MCID 1 through an MCR; every MCID covered.
  const std::string full = one_page_pdf(content, alphabet_cmap(), "/StructTreeRoot 9 0 R",
                                        {"<</Type/StructTreeRoot/K[10 0 R]>>",
                                         "<</Type/StructElem/S/Document/Pg 4 0 R/K[0 <</Type/MCR/MCID 1>>]>>"});
  const PdfText ok = read_pdf(full);
  CHECK(ok.has_structure);
  CHECK(ok.structure_problems.empty());
  // Only MCID 0 in the tree, and a ghost MCID 7; and text outside any marked content.
  const std::string partial = one_page_pdf(content + "BT /F1 10 Tf 100 600 Td " + codes("loose") + " Tj ET",
                                           alphabet_cmap(), "/StructTreeRoot 9 0 R",
                                           {"<</Type/StructTreeRoot/K 10 0 R>>",
                                            "<</Type/StructElem/S/P/Pg 4 0 R/K[0 7]>>"});
  const PdfText bad = read_pdf(partial);
  REQUIRE(bad.structure_problems.size() == 3);
  CHECK(bad.structure_problems[0] == "page 1: marked content MCID 1 is not reachable from the structure tree");
  CHECK(bad.structure_problems[1] == "page 1: the structure tree names MCID 7, which the page's content does not have");
  CHECK(bad.structure_problems[2] == "page 1: 5 glyphs are in no tagged marked content and not marked as an artifact");
  // A cycle in the tree is walked once.
  const std::string cyclic = one_page_pdf(content, alphabet_cmap(), "/StructTreeRoot 9 0 R",
                                          {"<</Type/StructTreeRoot/K 10 0 R>>",
                                           "<</Type/StructElem/S/P/Pg 4 0 R/K[0 1 10 0 R]>>"});
  CHECK(read_pdf(cyclic).structure_problems.empty());
}

TEST_CASE("xref streams and object streams, as pdf/compact_writer.h writes them") {
  const std::vector<std::string> objs = {
      "<</Type/Catalog/Pages 3 0 R>>", "<</Producer(cvpdf)>>", "<</Type/Pages/Count 1/Kids[4 0 R]>>",
      "<</Type/Page/Parent 3 0 R/Contents 5 0 R/Resources<</Font<</F1 6 0 R>>>>>>",
      flate_stream("BT /F1 10 Tf 0 0 Td " + codes("packed") + " Tj ET"),
      "<</Type/Font/Subtype/Type0/Encoding/Identity-H/DescendantFonts[7 0 R]/ToUnicode 8 0 R>>",
      "<</Type/Font/Subtype/CIDFontType2/DW 500>>", flate_stream(alphabet_cmap())};
  const std::string pdf = build_compact_pdf(objs, "/Root 1 0 R/Info 2 0 R");
  const PdfText t = read_pdf(pdf);
  CHECK(t.text == "packed");
  CHECK(t.producer == "cvpdf");
  // Rows under the PNG predictor, None or Up (what cvpdf writes), read the same.
  CHECK(read_pdf(build_compact_pdf(objs, "/Root 1 0 R/Info 2 0 R", 2)).text == "packed");
  CHECK(read_pdf(build_compact_pdf(objs, "/Root 1 0 R/Info 2 0 R", 0)).text == "packed");
  CHECK_THROWS_WITH_AS(File(build_compact_pdf(objs, "/Root 1 0 R/Info 2 0 R", 4)),
                       doctest::Contains("row filter 4"), ReadError);  // Paeth
  // A catalog that is not where the trailer says, and a predictor: errors, not crashes.
  std::vector<std::string> swapped = objs;
  std::swap(swapped[0], swapped[2]);  // the catalog is now object 3, the page tree object 1
  CHECK_THROWS_AS(read_pdf(build_compact_pdf(swapped, "/Root 1 0 R/Info 2 0 R")), ReadError);
  CHECK_THROWS_WITH_AS(File(build_compact_pdf(objs, "/Root 1 0 R/DecodeParms<</Predictor 12>>")),
                       doctest::Contains("predictor"), ReadError);
}
