// profile/import_common.cpp — the profile builder shared by the importers, front matter,
// string helpers.
#include "profile/import_common.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/mojibake.h"
#include "profile/walk.h"

namespace cvpdf::profile::detail {

namespace {

constexpr const char* kUnclassifiedKey = "Not classified by the importer";

/// The word around byte `at` of `s`.
std::string word_at(const std::string& s, std::size_t at) {
  const std::size_t b = s.rfind(' ', at);
  const std::size_t e = s.find(' ', at);
  const std::size_t from = b == std::string::npos ? 0 : b + 1;
  return s.substr(from, (e == std::string::npos ? s.size() : e) - from);
}

}  // namespace

std::string ProfileBuilder::clean(std::string_view s, const core::SourceLoc& loc,
                                  std::size_t first_line) {
  std::string text = trim(s);
  if (std::optional<std::string> fixed = core::repair_mojibake(text)) {
    std::size_t at = 0;
    while (at < fixed->size() && (*fixed)[at] == text[at]) ++at;
    core::SourceLoc where = loc;
    if (at < first_line) where.col += static_cast<int>(at);  // on the block's first line
    diags.warning(where, "repaired double-encoded text (UTF-8 read as Windows-1252)",
                  "'" + word_at(text, at) + "' is now '" + word_at(*fixed, at) + "'");
    text = std::move(*fixed);
  }
  return text;
}

YNode& ProfileBuilder::section(const std::string& key, const std::string& title) {
  for (auto& [k, v] : sections.map)
    if (k == key) return v.kind == YNode::Kind::Map ? v.map.back().second : v;
  YNode& s = sections.set(key, title.empty() ? YNode::new_list() : YNode::new_map());
  s.blank_line = sections.map.size() > 1;
  if (title.empty()) return s;
  s.set("title", YNode::text(title));
  return s.set("entries", YNode::new_list());
}

void ProfileBuilder::unclassified(const core::SourceLoc& loc, const std::string& where,
                                  const std::string& text) {
  diags.warning(loc, "could not classify this line of " + where,
                "kept as text in the section '" + std::string(kUnclassifiedKey) +
                    "': move it where it belongs or delete it");
  YNode& list = section(kUnclassifiedKey);
  if (list.seq.empty())
    list.note("The importer could not tell what these are: move each where it belongs.");
  list.push(YNode::text(text)).note(loc.str() + " (" + where + ")");
}

std::string ProfileBuilder::finish() const {
  YNode cv = YNode::new_map();
  const std::array<std::pair<const char*, const YNode*>, 7> fields = {{
      {"name", &name},
      {"headline", &headline},
      {"location", &location},
      {"email", &email},
      {"phone", &phone},
      {"website", &website},
      {"social_networks", &social_networks},
  }};
  for (const auto& [key, node] : fields)
    if (!node->empty()) cv.set(key, *node);
  if (cv.map.empty()) cv.set("name", YNode::text("Your Name"));
  auto& first = cv.map.front().second.comments;
  first.insert(first.begin(), cv_notes.begin(), cv_notes.end());
  YNode out;
  YNode& c = out.set("cv", std::move(cv));
  if (!sections.map.empty()) c.set("sections", sections).blank_line = true;
  std::vector<std::string> top = {"cvpdf profile imported from " + source + " by `cvpdf import`.",
                                  "Check it with `cvpdf check` and render it with `cvpdf`."};
  top.insert(top.end(), header.begin(), header.end());
  return write_yaml(out, top);
}

FrontMatter split_front_matter(const std::string& file, const std::string& text,
                               core::Diagnostics& diags) {
  FrontMatter fm;
  fm.body = text;
  if (!text.starts_with("---\n") && !text.starts_with("---\r\n")) return fm;
  const std::size_t first = text.find('\n') + 1;
  std::size_t end = text.find("\n---", first - 1);
  if (end == std::string::npos) return fm;
  const std::string yaml = text.substr(first, end + 1 - first);
  std::size_t body_start = text.find('\n', end + 1);
  body_start = body_start == std::string::npos ? text.size() : body_start + 1;
  fm.body = text.substr(body_start);
  fm.body_line = 1 + static_cast<int>(std::count(text.begin(),
                                                 text.begin() + static_cast<long>(body_start), '\n'));
  try {
    fm.fields = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    diags.warning({file, e.mark.line + 2, e.mark.column + 1},
                  "front matter is not valid YAML: " + e.msg, "its fields are ignored");
  }
  return fm;
}

std::string field(const YAML::Node& map, const std::string& key) {
  if (!map.IsMap()) return {};
  const YAML::Node v = map[key];
  return v && v.IsScalar() ? trim(v.Scalar()) : std::string();
}

std::string trim(std::string_view s) {
  const std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const std::size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

std::vector<std::string> split(std::string_view s, std::string_view sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t at = s.find(sep, start);
    out.push_back(trim(s.substr(start, at == std::string_view::npos ? at : at - start)));
    if (at == std::string_view::npos) return out;
    start = at + sep.size();
  }
}

int month_number(std::string_view name) {
  static const std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  std::string lower;
  for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.ends_with(".")) lower.pop_back();
  for (std::size_t i = 0; i < kMonths.size(); ++i)
    if (lower.size() >= 3 && kMonths[i].starts_with(lower)) return static_cast<int>(i + 1);
  return 0;
}

bool is_year(std::string_view s) {
  return s.size() == 4 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace cvpdf::profile::detail
