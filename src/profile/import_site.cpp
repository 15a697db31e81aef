// profile/import_site.cpp — the parts of an academicpages site beyond its home page:
// `_config.yml`'s `author:` block (header fields, social accounts) and the `_publications`,
// `_talks` and `_teaching` collections (one Markdown file per item, fields in front matter;
// formats.md lists them). The home page's own sections come first; collection items go into
// the sections "Publications", "Talks" and "Teaching" (made if the page had none).
#include <regex>

#include "profile/import.h"
#include "profile/import_common.h"

namespace cvpdf::profile::detail {

namespace {

/// The last path segment of a URL or the value itself ("https://orcid.org/0000-…" → "0000-…").
std::string last_segment(std::string v) {
  while (v.ends_with("/")) v.pop_back();
  const std::size_t slash = v.rfind('/');
  return slash == std::string::npos ? v : v.substr(slash + 1);
}

/// academicpages author keys that RenderCV has a network for.
void social(ProfileBuilder& b, const YAML::Node& author, const std::string& file) {
  static const std::vector<std::pair<std::string, std::string>> kNetworks = {
      {"github", "GitHub"},       {"linkedin", "LinkedIn"},   {"orcid", "ORCID"},
      {"googlescholar", "Google Scholar"}, {"researchgate", "ResearchGate"},
      {"twitter", "X"},           {"bluesky", "Bluesky"},     {"stackoverflow", "StackOverflow"},
      {"youtube", "YouTube"},     {"instagram", "Instagram"}, {"telegram", "Telegram"}};
  for (const auto& [key, network] : kNetworks) {
    std::string v = field(author, key);
    if (v.empty()) continue;
    if (key == "googlescholar") {
      static const std::regex kUser(R"re([?&]user=([^&]+))re");
      std::smatch m;
      if (std::regex_search(v, m, kUser)) v = m[1];
    } else if (v.find('/') != std::string::npos) {
      v = last_segment(v);
    }
    YNode n = YNode::new_map();
    n.set("network", YNode::text(network));
    n.set("username", YNode::text(b.clean(v, {file, 0, 0})));
    b.social_networks.push(std::move(n));
  }
}

void read_config(const InputFile& f, ProfileBuilder& b) {
  YAML::Node root;
  try {
    root = YAML::Load(f.text);
  } catch (const YAML::Exception& e) {
    b.diags.warning({f.path, e.mark.line + 1, e.mark.column + 1},
                    "_config.yml is not valid YAML: " + e.msg, "its author block is ignored");
    return;
  }
  const YAML::Node author = root.IsMap() ? root["author"] : YAML::Node();
  if (!author || !author.IsMap()) return;
  const core::SourceLoc loc{f.path, author.Mark().line + 1, author.Mark().column + 1};
  if (b.name.empty() && !field(author, "name").empty())
    b.name = YNode::text(b.clean(field(author, "name"), loc));
  if (const std::string bio = field(author, "bio"); !bio.empty())
    b.headline = YNode::text(b.clean(bio, loc)).note("from author.bio in _config.yml");
  if (const std::string l = field(author, "location"); !l.empty()) b.location = YNode::text(l);
  if (const std::string e = field(author, "email"); !e.empty() && b.email.empty())
    b.email = YNode::text(e);
  if (const std::string u = field(author, "uri"); !u.empty()) b.website = YNode::text(u);
  social(b, author, f.path);
}

/// academicpages' `citation` is HTML-escaped and may hold <i>…</i>: back to Markdown text.
std::string unescape_html(std::string s) {
  static const std::vector<std::pair<std::string, std::string>> kSubs = {
      {"&quot;", "\""}, {"&apos;", "'"}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"},
      {"<i>", "*"},      {"</i>", "*"},   {"<em>", "*"},  {"</em>", "*"}, {"<b>", "**"},
      {"</b>", "**"},    {"&amp;", "&"}};
  for (const auto& [from, to] : kSubs)
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
      s.replace(at, from.size(), to);
  return s;
}

/// "2024-03-01" → "2024-03-01"; a YAML date or a bare year as written.
YNode date_of(const YAML::Node& fm) { return YNode::text(field(fm, "date")); }

std::string body_text(ProfileBuilder& b, const FrontMatter& fm, const std::string& file) {
  std::string body = trim(fm.body);
  return body.empty() ? body : b.clean(body, {file, fm.body_line, 1});
}

void publication(const InputFile& f, ProfileBuilder& b) {
  const FrontMatter fm = split_front_matter(f.path, f.text, b.diags);
  const std::string title = field(fm.fields, "title");
  if (title.empty()) {
    b.unclassified({f.path, 1, 1}, "a publication without a title", trim(f.text));
    return;
  }
  YNode e = YNode::new_map();
  e.note("from " + f.path);
  e.set("title", YNode::text(b.clean(title, {f.path, 1, 1})));
  YNode authors = YNode::new_list();
  authors.push(b.name.empty() ? YNode::text("Your Name") : b.name);
  authors.flow = true;
  e.set("authors", std::move(authors))
      .note("academicpages has no author list (see 'citation' below): guessed, please complete");
  if (const std::string v = field(fm.fields, "venue"); !v.empty()) e.set("journal", YNode::text(v));
  if (const std::string u = field(fm.fields, "paperurl"); !u.empty()) e.set("url", YNode::text(u));
  if (!field(fm.fields, "date").empty()) e.set("date", date_of(fm.fields));
  std::string summary = unescape_html(field(fm.fields, "citation"));
  if (!summary.empty()) summary = "Citation: " + summary;
  if (const std::string body = body_text(b, fm, f.path); !body.empty())
    summary += (summary.empty() ? "" : "\n\n") + body;
  if (!summary.empty()) e.set("summary", YNode::text(summary));
  b.section("Publications").push(std::move(e));
}

/// Talks and teaching: a normal entry with the venue, place and date.
void event(const InputFile& f, ProfileBuilder& b, const std::string& section) {
  const FrontMatter fm = split_front_matter(f.path, f.text, b.diags);
  const std::string title = field(fm.fields, "title");
  if (title.empty()) {
    b.unclassified({f.path, 1, 1}, "a " + section + " item without a title", trim(f.text));
    return;
  }
  YNode e = YNode::new_map();
  e.note("from " + f.path);
  e.set("name", YNode::text(b.clean(title, {f.path, 1, 1})));
  std::string summary = field(fm.fields, "venue");
  std::string type = field(fm.fields, "talk_type");
  if (type.empty()) type = field(fm.fields, "type");
  if (!type.empty()) summary = type + (summary.empty() ? "" : ", " + summary);
  if (!summary.empty()) e.set("summary", YNode::text(summary));
  if (const std::string body = body_text(b, fm, f.path); !body.empty())
    e.set("highlights", YNode::new_list()).push(YNode::text(body));
  if (const std::string l = field(fm.fields, "location"); !l.empty()) e.set("location", YNode::text(l));
  if (!field(fm.fields, "date").empty()) e.set("date", date_of(fm.fields));
  b.section(section).push(std::move(e));
}

}  // namespace

void import_site(const AcademicSite& site, ProfileBuilder& b) {
  if (site.config) read_config(*site.config, b);
  for (const InputFile& f : site.publications) publication(f, b);
  for (const InputFile& f : site.talks) event(f, b, "Talks");
  for (const InputFile& f : site.teaching) event(f, b, "Teaching");
}

}  // namespace cvpdf::profile::detail
