// profile/walk.h — internal: the schema walk over a parsed yaml-cpp tree (never include
// outside src/profile/; no YAML type leaves this module).
//
// Takes a yaml-cpp node tree that parse_yaml() has already cleared of anchors, aliases and
// excessive depth (so every walk terminates); gives model values and diagnostics. Each reader
// reports what is wrong with its value and returns what could be read, so one run lists all
// errors. Locations: to_loc() is the only place where yaml-cpp's 0-based marks become 1-based.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/limits.h"
#include "profile/model.h"

namespace cvpdf::profile::detail {

/// Nesting deeper than this is refused before the walk (core/limits.h gives the reason).
inline constexpr int kMaxDepth = core::limits::kMaxYamlDepth;

/// The file being walked and where its findings go.
struct Ctx {
  const std::string& file;
  core::Diagnostics& diags;
  std::vector<Str> used_tags = {};  ///< every language tag met in a text, for a final check
};

/// yaml-cpp's 0-based mark → the 1-based SourceLoc of `file`. The one conversion.
SourceLoc to_loc(const std::string& file, const YAML::Mark& mark);

/// Parses checked bytes: refuses anchors, aliases, nesting deeper than kMaxDepth and a second
/// document (all located), converts yaml-cpp exceptions to located errors. Nothing on failure.
std::optional<YAML::Node> parse_yaml(std::string_view bytes, Ctx& ctx);

/// One key of a map, checked: a string key, not a duplicate, known (or reported).
struct Field {
  std::string key;
  SourceLoc key_loc;
  YAML::Node value;
  SourceLoc loc;  ///< the value's location, or the key's when the value is empty
};

/// The set of keys a map may have; `any` accepts every key (design, locale).
struct Keys {
  std::vector<std::string_view> names;
  bool any = false;
  core::Severity unknown = core::Severity::Error;  ///< how an unknown key is reported
};

/// The fields of a map in file order. Reports non-string keys and duplicate keys (errors) and
/// unknown keys (with a did-you-mean hint); those are left out of the result.
std::vector<Field> map_fields(Ctx& ctx, const YAML::Node& map, std::string_view where,
                              const Keys& keys);

/// "a list", "a map", "text" or "nothing": what a node is, for "expected …, found …".
std::string_view kind_name(const YAML::Node& n);

/// Reports `expected <what> for '<key>', found <kind>`.
void wrong_type(Ctx& ctx, const Field& f, std::string_view what);

// --- readers (fields.cpp) ---------------------------------------------------------------

/// A text value: a scalar, or a map of language tags to scalars. Empty when absent or wrong.
Text read_text(Ctx& ctx, const Field& f);
/// A single-language scalar.
Str read_str(Ctx& ctx, const Field& f);
/// A scalar or a list of scalars (`email: a@b` or `email: [a@b, c@d]`).
std::vector<Str> read_str_list(Ctx& ctx, const Field& f);
/// A list of text values (authors, highlights).
std::vector<Text> read_text_list(Ctx& ctx, const Field& f);
/// A text value given directly as a node (entries of a list), located at `loc`.
Text read_text_node(Ctx& ctx, const YAML::Node& n, const SourceLoc& loc, std::string_view what);

/// True when `tag` has the shape of a BCP 47 language tag (en, zh, zh-Hans, pt-BR, es-419).
bool is_language_tag(std::string_view tag);
/// Checks an e-mail address's shape (error) and a URL's scheme (warning).
void check_email(Ctx& ctx, const Str& s);
void check_url(Ctx& ctx, const Str& s);

// --- dates (dates.cpp) --------------------------------------------------------------------

/// How a `date`-like value is read: start/end dates must be calendar dates (end may also be
/// `present`); `date` may be free text when it is not shaped like a date.
enum class DateKind { Start, End, Free };

/// Reads a date field; returns the calendar date, or leaves it empty and (for Free) fills
/// `free_text`. Errors: bad format, month 13, day 32, 2023-02-29.
Date read_date(Ctx& ctx, const Field& f, DateKind kind, Text* free_text);
/// Reports start after end (both must be set and calendar dates).
void check_date_order(Ctx& ctx, const Date& start, const Date& end);
/// "2023-05" / "2023" / "present" — for messages.
std::string date_str(const Date& d);

// --- sections and entries (entries.cpp) ----------------------------------------------------

std::vector<Section> read_sections(Ctx& ctx, const Field& f);

/// RenderCV's title for a section key: snake_case → Title Case; keys with a space or an
/// uppercase letter are kept as written.
std::string section_title_from_key(std::string_view key);

}  // namespace cvpdf::profile::detail
