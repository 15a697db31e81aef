// profile/import_common.h — internal to the importers: the profile being built, front matter,
// small string helpers. Never include outside src/profile/.
#pragma once

#include <yaml-cpp/yaml.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "profile/yaml_out.h"

namespace cvpdf::profile::detail {

/// The profile an importer fills: header fields, then sections in the order added.
struct ProfileBuilder {
  ProfileBuilder(core::Diagnostics& d, std::string from) : diags(d), source(std::move(from)) {}
  core::Diagnostics& diags;
  std::string source;  ///< "academicpages" / "JSON Resume", for the file's header comment
  YNode name, headline, location, email, phone, website, social_networks;
  YNode sections = YNode::new_map();
  std::vector<std::string> header;    ///< comment lines at the top of the file
  std::vector<std::string> cv_notes;  ///< comment lines above `cv.name` (what was not found)

  /// `s` with double-encoded text repaired (and a warning at `loc` saying so); trimmed.
  /// `first_line`: the length of the text's first source line, when `loc` is where it starts
  /// (the warning then points at the double-encoded character itself).
  std::string clean(std::string_view s, const core::SourceLoc& loc,
                    std::size_t first_line = 0);
  /// The entry list of section `key` (made, with `title` if not empty, on first use).
  YNode& section(const std::string& key, const std::string& title = {});
  /// Keeps a line the importer could not classify (a warning at `loc`, a text entry).
  void unclassified(const core::SourceLoc& loc, const std::string& where, const std::string& text);
  /// The whole profile as YAML.
  [[nodiscard]] std::string finish() const;
};

/// A Markdown file split at its `---` front matter.
struct FrontMatter {
  YAML::Node fields;     ///< a map, or Null when there is none or it is not YAML
  std::string body;
  int body_line = 1;     ///< the file line of the body's first line
};
FrontMatter split_front_matter(const std::string& file, const std::string& text,
                               core::Diagnostics& diags);

/// A scalar field of a map, or "".
std::string field(const YAML::Node& map, const std::string& key);

std::string trim(std::string_view s);
std::vector<std::string> split(std::string_view s, std::string_view sep);
/// "June" / "Jun" → 6; 0 when not a month name.
int month_number(std::string_view name);
/// True when `s` is four digits.
bool is_year(std::string_view s);

}  // namespace cvpdf::profile::detail
