// profile/import_academicpages.cpp — an academicpages home page (`_pages/about.md`) → profile.
//
// Takes the page's text; gives sections through the ProfileBuilder. The Markdown's block
// structure (headings, lists, list items, paragraphs, source lines) comes from cmark; each
// block's text is then taken from the source lines, so that links stay Markdown in the profile.
// The page is free Markdown, so each `##` section is read by what its title says it is:
//   Education      "B.S. in X, Institution. 2019-2023." (+ indented paragraphs → highlights)
//   Publications   "### 2025" year headings; "**[Venue]** A, **Self**, B. ["Title."](url)"
//   Honors/Awards  "Title (2022)"
//   Talks          "**Title.**" then "[Event](url), City, Country, Month, Year"
//   Teaching       "Course (audience, Term, Year)"
//   Correspondence "Email: …" (→ cv.email), "Phone: …", "Address: …"
// Other sections become bullet or text entries as written. A block that does not fit its
// section's pattern is reported and kept (ProfileBuilder::unclassified). The collections and
// _config.yml are read in import_site.cpp.
#include <cmark.h>

#include <algorithm>
#include <memory>
#include <regex>

#include "profile/import.h"
#include "profile/import_common.h"

namespace cvpdf::profile {

namespace detail {
void import_site(const AcademicSite& site, ProfileBuilder& b);
}

namespace {

using detail::ProfileBuilder;
using detail::trim;

/// One source line of a block, its text without Markdown list markers or indentation.
struct Line {
  int no = 0;
  int col = 1;
  std::string text;
};
using Lines = std::vector<Line>;

std::string joined(const Lines& lines) {
  std::string out;
  for (const Line& l : lines) out += (out.empty() ? "" : " ") + l.text;
  return out;
}

enum class Kind { Bio, Education, Publications, Honors, Talks, Teaching, Contact, Other };

Kind kind_of(const std::string& title) {
  std::string t;
  for (char c : title) t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto has = [&](const char* w) { return t.find(w) != std::string::npos; };
  if (has("education")) return Kind::Education;
  if (has("publication") || has("paper")) return Kind::Publications;
  if (has("honor") || has("honour") || has("award")) return Kind::Honors;
  if (has("talk") || has("presentation")) return Kind::Talks;
  if (has("teaching")) return Kind::Teaching;
  if (has("correspondence") || has("contact")) return Kind::Contact;
  return Kind::Other;
}

/// Walks the page block by block, keeping the current section.
struct Reader {
  const std::string& file;
  std::vector<std::string> src;  ///< the body's lines
  int line0 = 1;                 ///< file line of src[0]
  ProfileBuilder& b;
  std::string bio_title = "About me";
  std::string title = {};        ///< the current `##` section
  Kind kind = Kind::Bio;
  std::string year = {};         ///< the current `###` year in publications

  core::SourceLoc loc(const Line& l) const { return {file, l.no, l.col}; }

  /// The source lines of a node; the first starts at the node's column (after a list marker).
  Lines lines_of(cmark_node* n) const {
    Lines out;
    const int first = cmark_node_get_start_line(n), last = cmark_node_get_end_line(n);
    for (int i = first; i <= last && i >= 1 && i <= static_cast<int>(src.size()); ++i) {
      std::string_view s = src[static_cast<std::size_t>(i - 1)];
      int col = 1;
      if (i == first) {
        const auto skip = static_cast<std::size_t>(std::max(cmark_node_get_start_column(n) - 1, 0));
        s = s.substr(std::min(skip, s.size()));
        col += static_cast<int>(skip);
      }
      const std::size_t lead = s.find_first_not_of(" \t");
      if (lead == std::string_view::npos) continue;
      out.push_back(Line{line0 + i - 1, col + static_cast<int>(lead), trim(s)});
    }
    return out;
  }

  /// A list item's paragraphs (nested lists flattened), each as its lines.
  std::vector<Lines> item_paragraphs(cmark_node* item) const {
    std::vector<Lines> out;
    for (cmark_node* c = cmark_node_first_child(item); c; c = cmark_node_next(c)) {
      if (cmark_node_get_type(c) == CMARK_NODE_LIST) {
        for (cmark_node* i = cmark_node_first_child(c); i; i = cmark_node_next(i))
          for (Lines& p : item_paragraphs(i)) out.push_back(std::move(p));
      } else if (Lines l = lines_of(c); !l.empty()) {
        out.push_back(std::move(l));
      }
    }
    return out;
  }

  std::string clean(const Lines& l) {
    return b.clean(joined(l), loc(l.front()), l.front().text.size());
  }
  std::string where() const { return "section '" + title + "'"; }
  void keep(const Lines& l) { b.unclassified(loc(l.front()), where(), clean(l)); }

  void heading(cmark_node* n);
  void item(const std::vector<Lines>& paragraphs);
  void paragraph(const Lines& l);
  void block(cmark_node* n);
};

void Reader::heading(cmark_node* n) {
  const Lines l = lines_of(n);
  std::string text = l.empty() ? std::string() : l.front().text;
  while (!text.empty() && text.front() == '#') text.erase(0, 1);
  text = b.clean(text, l.empty() ? core::SourceLoc{file, 0, 0} : loc(l.front()));
  if (cmark_node_get_heading_level(n) <= 2) {
    title = text;
    kind = kind_of(title);
    year.clear();
  } else if (kind == Kind::Publications && detail::is_year(text)) {
    year = text;
  } else if (!l.empty()) {
    b.section(title.empty() ? bio_title : title).push(YNode::text("**" + text + "**"));
  }
}

// --- one reader per kind of section ------------------------------------------------------

bool education(Reader& r, const std::vector<Lines>& ps) {
  // Compiled on first use, not at start-up (std::regex costs ~1 M instructions each).
  static const std::regex kEducation(
      R"re(^(.+?) in (.+?), (.+?)\.?\s+(\d{4})(?:\s*[-–—]+\s*(\d{4}|[Pp]resent))?\s*(\(expected\))?\.?$)re");
  std::smatch m;
  const std::string text = r.clean(ps.front());
  if (!std::regex_match(text, m, kEducation)) return false;
  YNode e = YNode::new_map();
  e.note("guessed from \"" + text + "\" (" + r.loc(ps.front().front()).str() + ")");
  e.set("institution", YNode::text(m[3]));
  e.set("area", YNode::text(m[2]));
  e.set("degree", YNode::text(m[1]));
  if (m[6].matched) {
    e.set("date", YNode::text(std::string(m[4]) + " – " + std::string(m[5]) + " (expected)"))
        .note("the page says the degree is expected then: free text, not an end_date");
  } else {
    e.set(m[5].matched ? "start_date" : "end_date", YNode::text(m[4]));
    if (m[5].matched) e.set("end_date", YNode::text(m[5]));
  }
  YNode highlights = YNode::new_list();
  for (std::size_t i = 1; i < ps.size(); ++i) highlights.push(YNode::text(r.clean(ps[i])));
  if (!highlights.empty()) e.set("highlights", std::move(highlights));
  r.b.section(r.title).push(std::move(e));
  return true;
}

bool publication(Reader& r, const std::vector<Lines>& ps) {
  static const std::regex kPublication(
      R"re(^(?:\*\*\[([^\]]+)\]\*\*\s*)?(.+?)\.?\s*\[\s*"?(.+?)"?\s*\]\((\S+?)\)\.?$)re");
  std::smatch m;
  const std::string text = r.clean(ps.front());
  if (ps.size() > 1 || !std::regex_match(text, m, kPublication)) return false;
  YNode e = YNode::new_map();
  std::string title = m[3];
  if (title.ends_with(".")) title.pop_back();
  e.set("title", YNode::text(title));
  YNode authors = YNode::new_list();
  std::string self;
  for (std::string a : detail::split(std::string(m[2]), ",")) {
    if (a.starts_with("**") && a.ends_with("**") && a.size() > 4) a = self = a.substr(2, a.size() - 4);
    if (!a.empty()) authors.push(YNode::text(a));
  }
  YNode& list = e.set("authors", std::move(authors));
  list.flow = false;
  if (!self.empty() && self != r.b.name.scalar)
    list.note("the page bolds '" + self + "': cvpdf highlights cv.name in author lists");
  if (m[1].matched) e.set("tag", YNode::text(m[1]));
  const std::string url = m[4];
  e.set("url", YNode::text(url));
  if (const auto at = url.find("/doi/10."); at != std::string::npos)
    e.set("doi", YNode::text(url.substr(at + 5))).note("taken from the URL");
  if (!r.year.empty()) e.set("date", YNode::text(r.year));
  r.b.section(r.title).push(std::move(e));
  return true;
}

bool honor(Reader& r, const std::vector<Lines>& ps) {
  static const std::regex kHonor(R"re(^(.+?)\s*\((\d{4})\)\.?$)re");
  std::smatch m;
  const std::string text = r.clean(ps.front());
  if (ps.size() > 1 || !std::regex_match(text, m, kHonor)) return false;
  YNode e = YNode::new_map();
  e.set("name", YNode::text(m[1]));
  e.set("date", YNode::text(m[2]));
  r.b.section(r.title).push(std::move(e));
  return true;
}

bool teaching(Reader& r, const std::vector<Lines>& ps) {
  static const std::regex kTeaching(R"re(^(.+?)\s*\((.+)\)\.?$)re");
  std::smatch m;
  const std::string text = r.clean(ps.front());
  if (ps.size() > 1 || !std::regex_match(text, m, kTeaching)) return false;
  std::vector<std::string> parts = detail::split(std::string(m[2]), ",");
  if (!detail::is_year(parts.back())) return false;
  std::string date = parts.back();
  parts.pop_back();
  static const std::regex kTerm(R"re(^(Fall|Spring|Summer|Winter|Autumn)( Semester| Term)?$)re",
                                std::regex::icase);
  if (!parts.empty() && std::regex_match(parts.back(), kTerm)) {
    date = parts.back() + " " + date;
    parts.pop_back();
  }
  YNode e = YNode::new_map();
  e.set("name", YNode::text(m[1]));
  std::string audience;
  for (const std::string& p : parts) audience += (audience.empty() ? "" : ", ") + p;
  if (!audience.empty()) e.set("summary", YNode::text(audience));
  e.set("date", YNode::text(date));
  r.b.section(r.title).push(std::move(e));
  return true;
}

/// "**Title.**" then "[Event](url), City, Country, Month, Year".
bool talk(Reader& r, const Lines& l) {
  static const std::regex kTitle(R"re(^\*\*(.+?)\.?\*\*\.?$)re");
  std::smatch m;
  if (l.size() != 2) return false;
  const std::string first = r.b.clean(l[0].text, r.loc(l[0]));
  if (!std::regex_match(first, m, kTitle)) return false;
  std::vector<std::string> parts = detail::split(r.b.clean(l[1].text, r.loc(l[1])), ", ");
  if (parts.size() < 2 || !detail::is_year(parts.back())) return false;
  std::string date = parts.back();
  parts.pop_back();
  if (const int month = detail::month_number(parts.back()); month > 0 && parts.size() > 1) {
    date += (month < 10 ? "-0" : "-") + std::to_string(month);
    parts.pop_back();
  }
  YNode e = YNode::new_map();
  e.set("name", YNode::text(m[1]));
  e.set("summary", YNode::text(parts.front()));
  std::string place;
  for (std::size_t i = 1; i < parts.size(); ++i) place += (i > 1 ? ", " : "") + parts[i];
  if (!place.empty()) e.set("location", YNode::text(place));
  e.set("date", YNode::text(date));
  r.b.section(r.title).push(std::move(e));
  return true;
}

bool contact(Reader& r, const Lines& l) {
  static const std::regex kField(R"re(^(E-?mail|Phone|Tel|Mobile|Address|Location|Website|Homepage)\s*[:：]\s*(.+)$)re",
                                 std::regex::icase);
  std::smatch m;
  const std::string text = r.clean(l);
  if (!std::regex_match(text, m, kField)) return false;
  std::string key = m[1];
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  YNode& target = key.find("mail") != std::string::npos ? r.b.email
                  : key == "phone" || key == "tel" || key == "mobile" ? r.b.phone
                  : key == "address" || key == "location"             ? r.b.location
                                                                      : r.b.website;
  target = YNode::text(m[2]);
  target.note("from '" + r.title + "' (" + r.loc(l.front()).str() + ")");
  return true;
}

void Reader::item(const std::vector<Lines>& ps) {
  bool ok = false;
  switch (kind) {
    case Kind::Education: ok = education(*this, ps); break;
    case Kind::Publications: ok = publication(*this, ps); break;
    case Kind::Honors: ok = honor(*this, ps); break;
    case Kind::Teaching: ok = teaching(*this, ps); break;
    case Kind::Contact: ok = ps.size() == 1 && contact(*this, ps.front()); break;
    case Kind::Talks: ok = false; break;
    case Kind::Bio:
    case Kind::Other: {
      YNode e = YNode::new_map();
      std::string text;
      for (const Lines& p : ps) text += (text.empty() ? "" : "\n\n") + clean(p);
      e.set("bullet", YNode::text(text));
      b.section(title.empty() ? bio_title : title).push(std::move(e));
      ok = true;
      break;
    }
  }
  if (!ok)
    for (const Lines& p : ps) keep(p);
}

void Reader::paragraph(const Lines& l) {
  if (kind == Kind::Talks && talk(*this, l)) return;
  if (kind == Kind::Contact && contact(*this, l)) return;
  if (kind == Kind::Bio || kind == Kind::Other) {
    b.section(title.empty() ? bio_title : title).push(YNode::text(clean(l)));
    return;
  }
  keep(l);
}

void Reader::block(cmark_node* n) {
  switch (cmark_node_get_type(n)) {
    case CMARK_NODE_HEADING: heading(n); break;
    case CMARK_NODE_LIST:
      for (cmark_node* i = cmark_node_first_child(n); i; i = cmark_node_next(i))
        if (auto ps = item_paragraphs(i); !ps.empty()) item(ps);
      break;
    case CMARK_NODE_PARAGRAPH:  // lines_of() is empty when cmark's lines are all blank
      if (Lines l = lines_of(n); !l.empty()) paragraph(l);
      break;
    case CMARK_NODE_THEMATIC_BREAK: break;
    default:
      if (Lines l = lines_of(n); !l.empty()) keep(l);
  }
}

/// The line of the first line starting with `prefix` (1 if none).
int line_of(const std::string& text, const std::string& prefix) {
  const std::size_t at = text.starts_with(prefix) ? 0 : text.find("\n" + prefix);
  if (at == std::string::npos) return 1;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')) +
         (at == 0 ? 0 : 1);
}

void read_page(const InputFile& page, ProfileBuilder& b) {
  const detail::FrontMatter fm = detail::split_front_matter(page.path, page.text, b.diags);
  const std::string name = detail::field(fm.fields, "title");
  if (!name.empty()) b.name = YNode::text(b.clean(name, {page.path, line_of(page.text, "title:"), 1}));
  Reader r{page.path, {}, fm.body_line, b};
  // Lines end at LF, CRLF or a lone CR, as in CommonMark, so cmark's line numbers index src.
  for (std::size_t at = 0; at <= fm.body.size();) {
    std::size_t nl = fm.body.find_first_of("\r\n", at);
    if (nl == std::string::npos) nl = fm.body.size();
    r.src.push_back(fm.body.substr(at, nl - at));
    at = nl + (fm.body.compare(nl, 2, "\r\n") == 0 ? 2 : 1);
  }
  if (const std::string ex = detail::field(fm.fields, "excerpt"); !ex.empty()) r.bio_title = ex;
  std::unique_ptr<cmark_node, void (*)(cmark_node*)> doc(
      cmark_parse_document(fm.body.data(), fm.body.size(), CMARK_OPT_DEFAULT), cmark_node_free);
  for (cmark_node* n = cmark_node_first_child(doc.get()); n; n = cmark_node_next(n)) r.block(n);
}

}  // namespace

std::string import_academicpages(const AcademicSite& site, core::Diagnostics& diags) {
  ProfileBuilder b{diags, "academicpages (" + site.about.path + ")"};
  read_page(site.about, b);
  detail::import_site(site, b);
  if (b.headline.empty())
    b.cv_notes.push_back("headline: none on the page; add one (\"Ph.D. student in …\")");
  return b.finish();
}

}  // namespace cvpdf::profile
