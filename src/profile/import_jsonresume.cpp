// profile/import_jsonresume.cpp — JSON Resume 1.x (`resume.json`) → profile, following the
// mapping in notes/formats.md: basics → header; work and volunteer → experience; education →
// education; publications → publication (JSON Resume has no authors: the person's own name is
// put in, with a comment); awards and certificates → normal entries; skills, languages and
// interests → one-line entries; projects → normal entries; references → text.
// JSON is read with yaml-cpp (YAML 1.2 is a superset of JSON). Caveats: yaml-cpp keeps
// duplicate keys (the first wins here), and reads JSON's \u escapes (surrogate pairs included).
#include "profile/import.h"
#include "profile/import_common.h"

namespace cvpdf::profile {

namespace {

using detail::field;
using detail::ProfileBuilder;

struct Json {
  ProfileBuilder& b;
  std::string file;
  core::SourceLoc loc(const YAML::Node& n) const {
    return {file, n.Mark().line + 1, n.Mark().column + 1};
  }
  /// A text field, repaired; empty when absent.
  std::string text(const YAML::Node& n, const std::string& key) const {
    const std::string v = field(n, key);
    return v.empty() ? v : b.clean(v, loc(n[key]));
  }
  std::vector<std::string> strings(const YAML::Node& n, const std::string& key) const {
    std::vector<std::string> out;
    const YAML::Node list = n.IsMap() ? n[key] : YAML::Node();
    if (!list || !list.IsSequence()) return out;
    for (const YAML::Node& i : list)
      if (i.IsScalar() && !i.Scalar().empty()) out.push_back(b.clean(i.Scalar(), loc(i)));
    return out;
  }
  void set(YNode& e, const char* key, const std::string& v) const {
    if (!v.empty()) e.set(key, YNode::text(v));
  }
  void list(YNode& e, const char* key, const std::vector<std::string>& v) const {
    if (v.empty()) return;
    YNode& l = e.set(key, YNode::new_list());
    for (const std::string& s : v) l.push(YNode::text(s));
  }
  /// start/end dates; an end date omitted means ongoing (RenderCV: `present`).
  void dates(YNode& e, const YAML::Node& n) const {
    set(e, "start_date", field(n, "startDate"));
    if (!field(n, "endDate").empty()) set(e, "end_date", field(n, "endDate"));
    else if (!field(n, "startDate").empty()) set(e, "end_date", "present");
  }
  static std::string linked(const std::string& text, const std::string& url) {
    if (url.empty() || text.empty()) return text;
    return "[" + text + "](" + (url.find("://") == std::string::npos ? "https://" + url : url) + ")";
  }
  static std::string join(const std::vector<std::string>& v, const std::string& sep) {
    std::string out;
    for (const std::string& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
  }
  /// Runs `fn` on each item of a top-level list.
  template <class Fn>
  void each(const YAML::Node& root, const char* key, Fn fn) const {
    const YAML::Node list = root[key];
    if (!list || !list.IsSequence()) return;
    for (const YAML::Node& i : list)
      if (i.IsMap()) fn(i);
  }

  void basics(const YAML::Node& n);
  void work(const YAML::Node& n, const std::string& section, const char* company);
  void education(const YAML::Node& n);
  void publication(const YAML::Node& n);
  void normal(const YAML::Node& n, const std::string& section, const char* name,
              const char* by, const char* date);
  void one_line(const YAML::Node& n, const std::string& section, const char* label,
                const char* details, const char* list);
  void project(const YAML::Node& n);
};

/// JSON Resume's network names → RenderCV's ("Twitter" → "X").
std::string network_name(const std::string& n) {
  static const std::vector<std::string> kKnown = {
      "LinkedIn", "GitHub", "GitLab", "IMDB", "Instagram", "ORCID", "Mastodon", "StackOverflow",
      "ResearchGate", "YouTube", "Google Scholar", "Telegram", "WhatsApp", "Leetcode", "X",
      "Bluesky", "Reddit"};
  std::string lower;
  for (char c : n) if (c != ' ') lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "twitter") return "X";
  for (const std::string& k : kKnown) {
    std::string kl;
    for (char c : k) if (c != ' ') kl += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (kl == lower) return k;
  }
  return {};
}

void Json::basics(const YAML::Node& n) {
  if (const std::string v = text(n, "name"); !v.empty()) b.name = YNode::text(v);
  if (const std::string v = text(n, "label"); !v.empty()) b.headline = YNode::text(v);
  if (const std::string v = field(n, "email"); !v.empty()) b.email = YNode::text(v);
  if (const std::string v = field(n, "phone"); !v.empty()) b.phone = YNode::text(v);
  if (const std::string v = field(n, "url"); !v.empty()) b.website = YNode::text(v);
  const YAML::Node l = n["location"];
  if (l && l.IsMap()) {
    std::vector<std::string> parts;
    for (const char* k : {"city", "region", "countryCode"})
      if (const std::string v = text(l, k); !v.empty()) parts.push_back(v);
    if (!parts.empty()) b.location = YNode::text(join(parts, ", "));
    const std::string street = join({text(l, "address"), text(l, "postalCode")}, ", ");
    if (!field(l, "address").empty() || !field(l, "postalCode").empty())
      b.location.note("not shown: address " + street);
  }
  if (const std::string v = text(n, "summary"); !v.empty()) b.section("summary").push(YNode::text(v));
  each(n, "profiles", [&](const YAML::Node& p) {
    const std::string net = network_name(field(p, "network")), user = field(p, "username");
    if (!net.empty() && !user.empty()) {
      YNode s = YNode::new_map();
      s.set("network", YNode::text(net));
      s.set("username", YNode::text(user));
      b.social_networks.push(std::move(s));
      return;
    }
    YNode e = YNode::new_map();
    e.set("label", YNode::text(field(p, "network")));
    e.set("details", YNode::text(linked(user.empty() ? field(p, "url") : user, field(p, "url"))));
    b.section("profiles").push(std::move(e)).note("a network RenderCV's header does not know");
  });
}

void Json::work(const YAML::Node& n, const std::string& section, const char* company) {
  YNode e = YNode::new_map();
  set(e, "company", linked(text(n, company), field(n, "url")));
  set(e, "position", text(n, "position"));
  if (!e.map.empty() && e.map.size() < 2) e.set("position", YNode::text("—"));
  dates(e, n);
  set(e, "location", text(n, "location"));
  const std::string d = text(n, "description"), s = text(n, "summary");
  set(e, "summary", d.empty() ? s : s.empty() ? d : "*" + d + "*\n\n" + s);
  list(e, "highlights", strings(n, "highlights"));
  if (e.map.size() >= 2) b.section(section).push(std::move(e));
}

void Json::education(const YAML::Node& n) {
  YNode e = YNode::new_map();
  set(e, "institution", linked(text(n, "institution"), field(n, "url")));
  set(e, "area", text(n, "area"));
  set(e, "degree", text(n, "studyType"));
  dates(e, n);
  std::vector<std::string> h;
  if (const std::string s = text(n, "score"); !s.empty()) h.push_back("Score: " + s);
  if (const auto c = strings(n, "courses"); !c.empty()) h.push_back("Courses: " + join(c, ", "));
  list(e, "highlights", h);
  b.section("education").push(std::move(e));
}

void Json::publication(const YAML::Node& n) {
  YNode e = YNode::new_map();
  set(e, "title", text(n, "name"));
  YNode& a = e.set("authors", YNode::new_list());
  a.push(b.name.empty() ? YNode::text("Your Name") : YNode::text(b.name.scalar));
  a.flow = true;
  a.note("JSON Resume has no authors: guessed, please complete");
  set(e, "journal", text(n, "publisher"));
  set(e, "date", field(n, "releaseDate"));
  set(e, "url", field(n, "url"));
  set(e, "summary", text(n, "summary"));
  b.section("publications").push(std::move(e));
}

void Json::normal(const YAML::Node& n, const std::string& section, const char* name,
                  const char* by, const char* date) {
  YNode e = YNode::new_map();
  set(e, "name", linked(text(n, name), field(n, "url")));
  set(e, "date", field(n, date));
  const std::string who = text(n, by), s = text(n, "summary");
  set(e, "summary", who.empty() ? s : s.empty() ? who : who + "\n\n" + s);
  if (!e.map.empty()) b.section(section).push(std::move(e));
}

void Json::one_line(const YAML::Node& n, const std::string& section, const char* label,
                    const char* details, const char* list_key) {
  std::string d = details ? text(n, details) : std::string();
  if (list_key) {
    const std::string k = join(strings(n, list_key), ", ");
    d = k.empty() ? d : d.empty() ? k : k + " (" + d + ")";
  }
  YNode e = YNode::new_map();
  set(e, "label", text(n, label));
  set(e, "details", d.empty() ? "—" : d);
  if (e.map.size() == 2) b.section(section).push(std::move(e));
}

void Json::project(const YAML::Node& n) {
  YNode e = YNode::new_map();
  set(e, "name", linked(text(n, "name"), field(n, "url")));
  dates(e, n);
  std::vector<std::string> lines;
  if (const std::string d = text(n, "description"); !d.empty()) lines.push_back(d);
  if (const auto r = strings(n, "roles"); !r.empty()) lines.push_back("Roles: " + join(r, ", "));
  if (const std::string en = text(n, "entity"); !en.empty()) lines.push_back("Entity: " + en);
  if (const auto k = strings(n, "keywords"); !k.empty()) lines.push_back("Keywords: " + join(k, ", "));
  set(e, "summary", join(lines, "\n\n"));
  list(e, "highlights", strings(n, "highlights"));
  if (!e.map.empty()) b.section("projects").push(std::move(e));
}

}  // namespace

std::string import_jsonresume(const InputFile& resume, core::Diagnostics& diags) {
  ProfileBuilder b{diags, "JSON Resume (" + resume.path + ")"};
  YAML::Node root;
  try {
    root = YAML::Load(resume.text);
  } catch (const YAML::Exception& e) {
    diags.error({resume.path, e.mark.line + 1, e.mark.column + 1}, "not valid JSON: " + e.msg);
    return {};
  }
  if (!root.IsMap()) {
    diags.error({resume.path, 1, 1}, "expected a JSON object (a JSON Resume)");
    return {};
  }
  Json j{b, resume.path};
  if (root["basics"] && root["basics"].IsMap()) j.basics(root["basics"]);
  j.each(root, "work", [&](const YAML::Node& n) { j.work(n, "experience", "name"); });
  j.each(root, "volunteer", [&](const YAML::Node& n) { j.work(n, "volunteer", "organization"); });
  j.each(root, "education", [&](const YAML::Node& n) { j.education(n); });
  j.each(root, "awards", [&](const YAML::Node& n) { j.normal(n, "awards", "title", "awarder", "date"); });
  j.each(root, "certificates", [&](const YAML::Node& n) { j.normal(n, "certificates", "name", "issuer", "date"); });
  j.each(root, "publications", [&](const YAML::Node& n) { j.publication(n); });
  j.each(root, "skills", [&](const YAML::Node& n) { j.one_line(n, "skills", "name", "level", "keywords"); });
  j.each(root, "languages", [&](const YAML::Node& n) { j.one_line(n, "languages", "language", "fluency", nullptr); });
  j.each(root, "interests", [&](const YAML::Node& n) { j.one_line(n, "interests", "name", nullptr, "keywords"); });
  j.each(root, "projects", [&](const YAML::Node& n) { j.project(n); });
  j.each(root, "references", [&](const YAML::Node& n) {
    const std::string r = j.text(n, "reference"), who = j.text(n, "name");
    if (!r.empty()) b.section("references").push(YNode::text("“" + r + "” — " + who));
  });
  if (b.name.empty()) b.cv_notes.push_back("name: the resume has none (basics.name)");
  return b.finish();
}

}  // namespace cvpdf::profile
