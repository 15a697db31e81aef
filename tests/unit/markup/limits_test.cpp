// tests/unit/markup/limits_test.cpp — Markdown nesting at the limit and past it, and cmark's
// time on the classic quadratic inputs (runs of `*` and `[`) at the scalar limit.
#include <doctest/doctest.h>

#include "../time_bound.h"
#include "core/limits.h"
#include "markup/markup.h"

namespace {

namespace limits = cvpdf::core::limits;

struct Parsed {
  std::vector<std::vector<cvpdf::doc::Span>> paras;
  cvpdf::core::Diagnostics diags;
  double seconds = 0;
};

Parsed parse(const std::string& text) {
  Parsed p;
  const double t0 = cvpdf::test::cpu_seconds();
  p.paras = cvpdf::markup::parse_markdown(text, {"p.yaml", 4, 7}, p.diags);
  p.seconds = cvpdf::test::seconds_since(t0);
  return p;
}

/// `n` nested block quotes: document + n quotes + paragraph = n + 2 levels.
std::string quotes(int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += "> ";
  return s + "x";
}

}  // namespace

TEST_CASE("markup depth: 16 levels are rendered, 17 are an error and the text is kept") {
  const Parsed at = parse(quotes(limits::kMaxMarkupDepth - 2));
  CHECK_FALSE(at.diags.has_errors());
  const Parsed past = parse(quotes(limits::kMaxMarkupDepth - 1));
  REQUIRE(past.diags.error_count() == 1);
  CHECK(cvpdf::core::format_headline(past.diags.all()[0]) ==
        "p.yaml:4:7: error: Markdown nested more than 16 levels deep");
  REQUIRE(past.paras.size() == 1);
  CHECK(past.paras[0][0].text == quotes(limits::kMaxMarkupDepth - 1));
}

TEST_CASE("nested emphasis counts as levels; a CV's bold link in italics is fine") {
  std::string s = "x";
  for (int i = 0; i < 20; ++i) s = i % 2 ? "*a " + s + " a*" : "**b " + s + " b**";
  CHECK(parse(s).diags.has_errors());
  CHECK_FALSE(parse("**[*x*](https://a.b)**").diags.has_errors());
}

TEST_CASE("quadratic-looking inputs at the 64 KiB scalar limit parse in well under a second") {
  const std::size_t n = limits::kMaxScalarBytes;
  for (const std::string& s :
       {std::string(n, '*'), std::string(n, '['), std::string(n / 2, '[') + std::string(n / 2, ']'),
        std::string(n / 2, '*') + std::string(n / 2, '_'), std::string(n / 2, '>'),
        std::string(n / 3, '[') + std::string(n / 3, ']') + std::string(n / 3, '('),
        [&] {
          std::string t;
          while (t.size() < n) t += "*a **b ";
          return t;
        }(),
        [&] {
          std::string t;
          while (t.size() < n) t += "[a](";
          return t;
        }()}) {
    const Parsed p = parse(s);
    CHECK_MESSAGE(p.seconds < cvpdf::test::bound(0.5), s.substr(0, 12), "… took ", p.seconds, " s");
  }
}
