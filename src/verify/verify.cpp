// verify/verify.cpp — findings from the extracted text and the profile strings (see verify.h).
//
// Control flow: read_pdf (text, structure) → refuse what cvpdf did not write → per-page findings
// (glyphs without text, structure tree reach) → each profile string searched in three ways
// (strict, with gap spaces, loose) → per flow, the longest chain of strings found in order →
// one error per string that is missing, broken or out of order.
#include "verify/verify.h"

#include <algorithm>
#include <array>
#include <new>

#include "core/limits.h"
#include "core/utf8.h"
#include "verify/expect.h"
#include "verify/file.h"
#include "verify/match.h"
#include "verify/read.h"

namespace cvpdf::verify {

namespace {

/// Occurrences of one string considered for the order (a year or "Ph.D." recurs).
constexpr std::size_t kMaxOccurrences = 256;
/// How much of a long string a message quotes.
constexpr std::size_t kQuoteBytes = 60;
/// A missing string whose first code points are found shows where the text diverges, if at
/// least this many code points match (fewer say nothing about where it went).
constexpr std::size_t kMinPrefixBytes = 4;

enum class Status { Exact, GapsOnly, Hyphenated, Split, Reversed, Missing };

struct Search {
  Status status = Status::Missing;
  std::vector<std::size_t> at;    ///< original offsets in PdfText::text
  std::vector<std::size_t> ends;  ///< where each occurrence ends there
};

/// `s` with its code points in reverse order (right-to-left text read in visual order).
std::string reversed(std::string_view s) {
  std::vector<char32_t> cps;
  for (std::size_t i = 0; i < s.size();) cps.push_back(core::decode_utf8(s, i));
  std::string out;
  for (auto it = cps.rbegin(); it != cps.rend(); ++it) core::append_utf8(out, *it);
  return out;
}

/// `s` with its words (separated by single spaces) in reverse order.
std::string words_reversed(std::string_view s) {
  std::string out;
  std::size_t end = s.size();
  while (end > 0) {
    const std::size_t sp = s.rfind(' ', end - 1);
    const std::size_t begin = sp == std::string_view::npos ? 0 : sp + 1;
    out += std::string(s.substr(begin, end - begin)) + (begin > 0 ? " " : "");
    end = begin > 0 ? begin - 1 : 0;
  }
  return out;
}

std::string quote(std::string_view s) { return "'" + core::clip_utf8(s, kQuoteBytes) + "'"; }

/// Extracted text as a message shows it: a line break as ↵, a gap as a space.
std::string shown(std::string_view s) {
  auto blank = [](char c) { return c == ' ' || c == '\n' || c == '\f' || c == kGapSpace; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  std::string out;
  for (char c : s) {
    if (c == '\n') out += "↵";
    else if (c == '\f') out += "⇟";
    else if (c == kGapSpace) out += ' ';
    else out += c;
  }
  return out;
}

class Checker {
 public:
  Checker(const PdfText& pdf, const std::string& pdf_name, core::Diagnostics& diags)
      : pdf_(pdf),
        name_(pdf_name),
        diags_(diags),
        strict_(normalize(pdf.text, Mode::Strict)),
        gaps_(normalize(pdf.text, Mode::Gaps)),
        joined_(normalize(pdf.text, Mode::Joined)),
        loose_(normalize(pdf.text, Mode::Loose)) {}

  std::size_t check(const std::vector<Expected>& expected);

 private:
  Search search(const Expected& e) const;
  /// The offset in the PDF's text just after the code point that byte `end - 1` of `n` came from.
  [[nodiscard]] std::size_t end_of(const Normalized& n, std::size_t end) const {
    std::size_t i = n.origin[end - 1];
    core::decode_utf8(pdf_.text, i);
    return i;
  }
  void report(const Expected& e, const Search& s);
  void missing(const Expected& e);
  void out_of_order(const std::vector<Expected>& ex, const std::vector<std::size_t>& flow,
                    const std::vector<std::size_t>& chain, const std::vector<Search>& found, std::size_t k);
  /// One finding of a kind (0 missing, 1 broken, 2 out of order); past
  /// core::limits::kMaxErrorsOfOneKind of a kind, only counted (a note says how many more).
  void error(int kind, const core::SourceLoc& loc, std::string msg, std::string hint) {
    if (++counts_[kind] <= core::limits::kMaxErrorsOfOneKind) diags_.error(loc, std::move(msg), std::move(hint));
  }
  void notes(std::size_t in_order, std::size_t total);
  [[nodiscard]] std::string page(std::size_t offset) const {
    return "page " + std::to_string(pdf_.page_of(offset));
  }

  const PdfText& pdf_;
  const std::string& name_;
  core::Diagnostics& diags_;
  Normalized strict_, gaps_, joined_, loose_;
  std::array<int, 3> counts_{};
};

Search Checker::search(const Expected& e) const {
  Search s;
  const std::string needle = normalize(e.text, Mode::Strict).text;
  const std::array<std::pair<const Normalized*, Status>, 3> exactish{
      {{&strict_, Status::Exact}, {&gaps_, Status::GapsOnly}, {&joined_, Status::Hyphenated}}};
  for (const auto& [hay, status] : exactish) {
    for (std::size_t at : occurrences(*hay, needle, kMaxOccurrences)) {
      s.at.push_back(hay->origin[at]);
      s.ends.push_back(end_of(*hay, at + needle.size()));
    }
    if (!s.at.empty()) {
      s.status = status;
      return s;
    }
  }
  const std::string bare = normalize(e.text, Mode::Loose).text;
  const auto loose = occurrences(loose_, bare, kMaxOccurrences);
  for (std::size_t at : loose) {
    s.at.push_back(loose_.origin[at]);
    s.ends.push_back(end_of(loose_, at + bare.size()));
  }
  if (!s.at.empty()) {
    s.status = Status::Split;
    return s;
  }
  // Right-to-left text in visual order: reversed as a whole (mutool), or word by word (pdftotext -raw).
  for (const std::string& r : {reversed(needle), words_reversed(needle)}) {
    const auto rev = occurrences(strict_, r, kMaxOccurrences);
    for (std::size_t at : rev) {
      s.at.push_back(strict_.origin[at]);
      s.ends.push_back(end_of(strict_, at + r.size()));
    }
    if (!s.at.empty() && r != needle) {
      s.status = Status::Reversed;
      return s;
    }
    s.at.clear();
    s.ends.clear();
  }
  return s;
}

void Checker::missing(const Expected& e) {
  const std::string needle = normalize(e.text, Mode::Strict).text;
  const auto [len, at] = longest_found_prefix(strict_, needle);
  std::string hint = "an ATS reading this PDF will not find it";
  if (len >= kMinPrefixBytes && len < needle.size()) {
    // Quote the end of the matching part and what the PDF has instead of the rest.
    const std::size_t from = len > 24 ? at + len - 24 : at;
    std::size_t to = std::min(strict_.text.size(), at + len + 24);
    while (to < strict_.text.size() && (static_cast<unsigned char>(strict_.text[to]) & 0xC0) == 0x80) ++to;
    std::size_t f = from;
    while (f > 0 && (static_cast<unsigned char>(strict_.text[f]) & 0xC0) == 0x80) --f;
    hint = "the PDF's text matches up to '" + core::clip_utf8(needle.substr(len > 24 ? len - 24 : 0, std::min<std::size_t>(len, 24)), 24) +
           "', then reads '" + strict_.text.substr(f, to - f) + "' (" + page(strict_.origin[at]) + ")";
  }
  error(0, e.loc, quote(e.text) + " is missing from the PDF's text", hint);
}

void Checker::report(const Expected& e, const Search& s) {
  switch (s.status) {
    case Status::Exact:
      return;
    case Status::GapsOnly:
      error(1, e.loc, quote(e.text) + " has no space characters between its words in the PDF (" + page(s.at.front()) + ")",
            "pdftotext finds it from the gaps between glyphs; an ATS that reads characters only glues the words");
      return;
    case Status::Hyphenated:
      // pdftotext and MuPDF join it again; a reader of characters gets "Program- ming". A
      // warning: ActualText on hyphenated words (issue 8) makes every extractor exact.
      diags_.warning(e.loc, quote(e.text) + " is hyphenated at a line end in the PDF without /ActualText (" +
                                page(s.at.front()) + ")",
                     "pdftotext joins the word again; an ATS that reads characters gets it in two pieces");
      return;
    case Status::Split:
      error(1, e.loc, quote(e.text) + " is broken in the PDF's text: it reads '" +
                       core::clip_utf8(shown(std::string_view(pdf_.text).substr(s.at.front(), s.ends.front() - s.at.front())), kQuoteBytes) +
                       "' (" + page(s.at.front()) + ")",
            "a word split across lines, spaces lost or added, or a hyphenated word without /ActualText");
      return;
    case Status::Reversed:
      error(1, e.loc, quote(e.text) + " reads backwards in the PDF's text (" + page(s.at.front()) + "): '" +
                          core::clip_utf8(shown(std::string_view(pdf_.text).substr(s.at.front(), s.ends.front() - s.at.front())), kQuoteBytes) + "'",
            "right-to-left text drawn in visual order needs /ActualText (or logical order) for extractors");
      return;
    case Status::Missing:
      missing(e);
      return;
  }
}

void Checker::out_of_order(const std::vector<Expected>& ex, const std::vector<std::size_t>& flow,
                           const std::vector<std::size_t>& chain, const std::vector<Search>& found, std::size_t k) {
  // Its neighbours in the profile that are in order, and what the PDF has between them.
  std::size_t prev = k, next = k;
  for (std::size_t j = k; j-- > 0;)
    if (chain[j] != std::string::npos) {
      prev = j;
      break;
    }
  for (std::size_t j = k + 1; j < flow.size(); ++j)
    if (chain[j] != std::string::npos) {
      next = j;
      break;
    }
  auto end_of = [&](std::size_t j) {
    const Search& s = found[flow[j]];
    const auto i = std::find(s.at.begin(), s.at.end(), chain[j]) - s.at.begin();
    return s.ends[static_cast<std::size_t>(i)];
  };
  const std::size_t from = prev != k ? end_of(prev) : 0;
  const std::size_t to = next != k ? chain[next] : pdf_.text.size();
  std::string where;
  if (prev != k) where += "after " + quote(ex[flow[prev]].text);
  if (next != k) where += std::string(where.empty() ? "" : " and ") + "before " + quote(ex[flow[next]].text);
  const Expected& e = ex[flow[k]];
  const std::string there = from < to ? shown(std::string_view(pdf_.text).substr(from, to - from)) : std::string();
  error(2, e.loc, quote(e.text) + " is out of order in the PDF: it is on " + page(found[flow[k]].at.front()) +
                   (where.empty() ? std::string() : ", but not " + where + ", where the profile puts it"),
        there.empty() ? std::string() : "there the PDF reads '" + core::clip_utf8(there, kQuoteBytes) + "'");
}

void Checker::notes(std::size_t in_order, std::size_t total) {
  static const char* const kKinds[] = {"missing", "broken", "out of order"};
  for (int k = 0; k < 3; ++k)
    if (counts_[k] > core::limits::kMaxErrorsOfOneKind)
      diags_.error({name_, 0, 0}, std::to_string(counts_[k] - core::limits::kMaxErrorsOfOneKind) + " more strings are " +
                                      kKinds[k] + " (the first " + std::to_string(core::limits::kMaxErrorsOfOneKind) +
                                      " are listed)");
  if (total > 0 && in_order * 2 < total)
    diags_.note({name_, 0, 0}, "fewer than half of the profile's strings are in order in this PDF: was it rendered "
                               "from this profile, in this language (--lang) and layout (--theme, --set)?");
}

std::size_t Checker::check(const std::vector<Expected>& ex) {
  std::vector<Search> found;
  found.reserve(ex.size());
  for (const Expected& e : ex) found.push_back(search(e));
  std::size_t in_order = 0;
  for (int f = 0; f < 4; ++f) {
    std::vector<std::size_t> flow;
    std::vector<std::vector<std::size_t>> candidates;
    std::vector<std::size_t> weights;
    for (std::size_t i = 0; i < ex.size(); ++i)
      if (static_cast<int>(ex[i].flow) == f) {
        flow.push_back(i);
        candidates.push_back(found[i].at);
        weights.push_back(ex[i].text.size());
      }
    const std::vector<std::size_t> chain = longest_ordered_chain(candidates, weights);
    for (std::size_t k = 0; k < flow.size(); ++k) {
      const Search& s = found[flow[k]];
      report(ex[flow[k]], s);
      if (s.status == Status::Missing) continue;
      if (chain[k] == std::string::npos) out_of_order(ex, flow, chain, found, k);
      else if (s.status == Status::Exact || s.status == Status::Hyphenated) ++in_order;
    }
  }
  notes(in_order, ex.size());
  return in_order;
}

}  // namespace

Summary verify_pdf(std::string_view pdf, const std::string& pdf_name, const doc::Document& expected,
                   core::Diagnostics& diags) {
  Summary sum;
  const core::SourceLoc file{pdf_name, 0, 0};
  const int before = diags.error_count();
  PdfText text;
  try {
    text = read_pdf(pdf);
  } catch (const ReadError& e) {
    diags.error(file, std::string("cannot read the PDF back: ") + e.what() + " (at byte " + std::to_string(e.offset) + ")",
                "verify reads complete PDFs written by cvpdf; render the profile again");
    sum.findings = 1;
    return sum;
  } catch (const std::bad_alloc&) {
    diags.error(file, "cannot read the PDF back: out of memory");
    sum.findings = 1;
    return sum;
  }
  if (text.producer != "cvpdf") {
    diags.error(file, "this PDF was not written by cvpdf (its Producer is " +
                          (text.producer.empty() ? std::string("not given") : quote(text.producer)) + ")",
                "verify checks only PDFs cvpdf wrote: render the profile with cvpdf, then verify that PDF");
    sum.findings = 1;
    return sum;
  }
  sum.readable = true;
  sum.pages = text.page_starts.size();
  sum.tagged = text.has_structure;
  for (std::size_t p = 0; p < text.unmapped.size(); ++p)
    if (text.unmapped[p] > 0)
      diags.error(file, "page " + std::to_string(p + 1) + ": " + std::to_string(text.unmapped[p]) +
                            (text.unmapped[p] == 1 ? " glyph has" : " glyphs have") +
                            " no text in its font's ToUnicode map",
                  "an extractor reads nothing, or the wrong text, for them");
  for (const std::string& problem : text.structure_problems)
    diags.error(file, problem, "screen readers and tag-based extractors skip content the tree does not reach");
  const std::vector<Expected> ex = expected_strings(expected);
  sum.strings = ex.size();
  Checker checker(text, pdf_name, diags);
  sum.found = checker.check(ex);
  sum.findings = static_cast<std::size_t>(diags.error_count() - before);
  return sum;
}

}  // namespace cvpdf::verify
