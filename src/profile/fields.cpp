// profile/fields.cpp — single values: text in several languages, strings, lists, e-mails, URLs.
//
// Takes yaml-cpp nodes (already free of aliases and bounded in depth); gives located model
// values. A text value is a plain scalar or a map of BCP 47 language tags to scalars:
// `{en: Peking University, zh: 北京大学}`. YAML integers (`date: 2022`) arrive as scalars and are
// read as their text. Wrong shapes are errors and give an empty value, so the walk goes on.
#include <cctype>

#include "core/mojibake.h"
#include "profile/walk.h"

namespace cvpdf::profile::detail {

namespace {

bool all_of(std::string_view s, int (*pred)(int)) {
  for (char c : s)
    if (!pred(static_cast<unsigned char>(c))) return false;
  return !s.empty();
}

/// One subtag after the language: script (4 letters), region (2 letters or 3 digits),
/// variant (5–8 alphanumerics, or a digit and 3 alphanumerics). `stage` keeps their order.
bool valid_subtag(std::string_view s, int& stage) {
  if (stage < 1 && s.size() == 4 && all_of(s, isalpha)) return stage = 1, true;
  if (stage < 2 && ((s.size() == 2 && all_of(s, isalpha)) || (s.size() == 3 && all_of(s, isdigit))))
    return stage = 2, true;
  const bool variant =
      (s.size() >= 5 && s.size() <= 8 && all_of(s, isalnum)) ||
      (s.size() == 4 && std::isdigit(static_cast<unsigned char>(s[0])) && all_of(s, isalnum));
  if (variant) stage = 3;
  return variant;
}

/// The word around byte `at` of `s` (from the space before to the space after).
std::string word_at(const std::string& s, std::size_t at) {
  const std::size_t b = s.rfind(' ', at);
  const std::size_t e = s.find(' ', at);
  const std::size_t from = b == std::string::npos ? 0 : b + 1;
  return s.substr(from, (e == std::string::npos ? s.size() : e) - from);
}

/// Data-quality lint: a text that looks double-encoded (UTF-8 once read as Windows-1252) is a
/// warning whose hint is the repaired word.
void check_mojibake(Ctx& ctx, const std::string& text, const SourceLoc& loc) {
  const std::optional<std::string> fixed = core::repair_mojibake(text);
  if (!fixed) return;
  std::size_t at = 0;
  while (at < fixed->size() && (*fixed)[at] == text[at]) ++at;
  ctx.diags.warning(loc,
                    "'" + word_at(text, at) +
                        "' looks double-encoded (UTF-8 read as Windows-1252)",
                    "did you mean '" + word_at(*fixed, at) + "'?");
}

const char* const kTextHint =
    "a text is a plain string or a map of language tags such as {en: …, zh: …}";

Text read_language_map(Ctx& ctx, const YAML::Node& n, const SourceLoc& loc, std::string_view what) {
  Text t{{}, loc};
  for (const Field& f : map_fields(ctx, n, "'" + std::string(what) + "'", Keys{{}, true})) {
    if (!is_language_tag(f.key)) {
      ctx.diags.error(f.key_loc,
                      "'" + f.key + "' in '" + std::string(what) + "' is not a language tag",
                      kTextHint);
    } else if (f.value.IsScalar()) {
      check_mojibake(ctx, f.value.Scalar(), f.loc);
      t.variants.emplace_back(f.key, f.value.Scalar());
      ctx.used_tags.push_back(Str{f.key, f.key_loc});
    } else if (!f.value.IsNull()) {
      ctx.diags.error(f.loc, "expected text for '" + std::string(what) + "." + f.key + "', found " +
                                 std::string(kind_name(f.value)));
    }
  }
  return t;
}

}  // namespace

bool is_language_tag(std::string_view tag) {
  std::size_t start = 0;
  int stage = 0;
  for (bool first = true;; first = false) {
    const std::size_t dash = tag.find('-', start);
    const std::string_view sub =
        tag.substr(start, dash == std::string_view::npos ? dash : dash - start);
    if (first ? !(sub.size() >= 2 && sub.size() <= 3 && all_of(sub, isalpha))
              : !valid_subtag(sub, stage)) {
      return false;
    }
    if (dash == std::string_view::npos) return true;
    start = dash + 1;
  }
}

Text read_text_node(Ctx& ctx, const YAML::Node& n, const SourceLoc& loc, std::string_view what) {
  if (n.IsScalar()) {
    check_mojibake(ctx, n.Scalar(), loc);
    return Text{{{"", n.Scalar()}}, loc};
  }
  if (n.IsMap()) return read_language_map(ctx, n, loc, what);
  if (n.IsSequence()) {
    ctx.diags.error(loc, "expected text for '" + std::string(what) + "', found a list", kTextHint);
  }
  return Text{{}, loc};
}

Text read_text(Ctx& ctx, const Field& f) {
  return read_text_node(ctx, f.value, f.loc, f.key);
}

Str read_str(Ctx& ctx, const Field& f) {
  if (f.value.IsScalar()) return Str{f.value.Scalar(), f.loc};
  if (!f.value.IsNull()) wrong_type(ctx, f, "text");
  return Str{{}, f.loc};
}

std::vector<Str> read_str_list(Ctx& ctx, const Field& f) {
  std::vector<Str> out;
  if (f.value.IsScalar()) out.push_back(Str{f.value.Scalar(), f.loc});
  if (f.value.IsMap()) wrong_type(ctx, f, "text or a list of text");
  if (!f.value.IsSequence()) return out;
  for (const YAML::Node& item : f.value) {
    const SourceLoc loc = to_loc(ctx.file, item.Mark());
    if (item.IsScalar()) {
      out.push_back(Str{item.Scalar(), loc});
    } else {
      ctx.diags.error(loc, "expected text for an item of '" + f.key + "', found " +
                               std::string(kind_name(item)));
    }
  }
  return out;
}

std::vector<Text> read_text_list(Ctx& ctx, const Field& f) {
  std::vector<Text> out;
  if (f.value.IsNull()) return out;
  if (!f.value.IsSequence()) {
    wrong_type(ctx, f, "a list");
    return out;
  }
  for (const YAML::Node& item : f.value) {
    const SourceLoc loc = item.IsNull() ? f.loc : to_loc(ctx.file, item.Mark());
    if (item.IsNull()) {
      ctx.diags.error(loc, "empty item in '" + f.key + "'");
      continue;
    }
    Text t = read_text_node(ctx, item, loc, f.key);
    if (!t.empty()) out.push_back(std::move(t));
  }
  return out;
}

namespace {

bool valid_domain(std::string_view d) {
  if (d.empty() || d.front() == '.' || d.back() == '.' || d.find("..") != std::string_view::npos ||
      d.find('.') == std::string_view::npos) {
    return false;
  }
  for (char c : d) {
    const auto u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || c == '-' || c == '.' || u >= 0x80)) return false;
  }
  return true;
}

}  // namespace

void check_email(Ctx& ctx, const Str& s) {
  const std::size_t at = s.text.find('@');
  bool ok = at != std::string::npos && at > 0 && s.text.find('@', at + 1) == std::string::npos &&
            valid_domain(std::string_view(s.text).substr(at + 1));
  for (char c : s.text.substr(0, at == std::string::npos ? 0 : at))
    ok = ok && static_cast<unsigned char>(c) > 0x20 && c != '(' && c != ')' && c != ',';
  if (!ok) {
    ctx.diags.error(s.loc, "'" + s.text + "' is not a valid e-mail address",
                    "write it as name@example.org");
  }
}

void check_url(Ctx& ctx, const Str& s) {
  if (s.text.size() > core::limits::kMaxUrlBytes) {
    ctx.diags.error(s.loc, "URL of " + std::to_string(s.text.size()) + " bytes is longer than the " +
                               std::to_string(core::limits::kMaxUrlBytes) + "-byte limit");
    return;
  }
  std::string lower;
  for (char c : s.text.substr(0, 8))
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const bool http = lower.starts_with("http://") || lower.starts_with("https://");
  if (!http || s.text.size() <= (lower.starts_with("https") ? 8u : 7u)) {
    ctx.diags.warning(s.loc, "'" + s.text + "' is not an http or https URL",
                      "links in a PDF should start with https://");
  }
}

}  // namespace cvpdf::profile::detail
