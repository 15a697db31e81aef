// profile/entries.cpp — cv.sections: sections in file order, entries typed the way RenderCV does.
//
// Takes the `sections:` node; gives Sections. A section is a list of entries (its title made
// from the key) or cvpdf's `{title: <text>, entries: [...]}`. An entry's type is the first of
// RenderCV's types, in RenderCV's order, that has one of its characteristic keys (keys no other
// type has); a plain string is a text entry, and so is a map whose keys are all language tags.
// Then its required keys are checked, unknown keys warned about with a did-you-mean (RenderCV
// accepts extra keys, so `instituton` would pass silently there), and all entries of a section
// must share one type. cvpdf's `- page_break: true` may stand between entries of any section: it
// is no entry (it does not type the section) but a mark on the entry after it, or on the
// section when it comes first (the section starts a page) or last (what follows starts one).
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdint>
#include <utility>

#include "core/suggest.h"
#include "core/utf8.h"
#include "profile/format.h"
#include "profile/walk.h"

namespace cvpdf::profile::detail {

using core::closest;
using core::did_you_mean;

namespace {

using TypeInfo = format::EntryTypeInfo;
using format::entry_types;

std::string_view type_name(EntryType t) {
  for (const TypeInfo& info : entry_types())
    if (info.type == t) return info.name;
  return "text";
}

bool contains(const std::vector<std::string_view>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

const TypeInfo* detect_type(const std::vector<Field>& fields) {
  for (const TypeInfo& info : entry_types())
    for (const Field& f : fields)
      if (contains(info.characteristic, f.key)) return &info;
  return nullptr;
}

/// Where each key of an entry goes in the model.
void read_field(Ctx& ctx, Entry& e, const Field& f) {
  static const std::vector<std::pair<std::string_view, Text Entry::*>> kText = {
      {"institution", &Entry::institution},
      {"area", &Entry::area},
      {"degree", &Entry::degree},
      {"company", &Entry::company},
      {"position", &Entry::position},
      {"title", &Entry::title},
      {"journal", &Entry::journal},
      {"tag", &Entry::tag},
      {"name", &Entry::name},
      {"label", &Entry::label},
      {"details", &Entry::details},
      {"location", &Entry::location},
      {"summary", &Entry::summary},
      {"bullet", &Entry::text},
      {"number", &Entry::text},
      {"reversed_number", &Entry::text}};
  for (const auto& [key, member] : kText) {
    if (f.key == key) {
      e.*member = read_text(ctx, f);
      return;
    }
  }
  if (f.key == "authors") e.authors = read_text_list(ctx, f);
  if (f.key == "highlights") e.highlights = read_text_list(ctx, f);
  if (f.key == "doi") e.doi = read_str(ctx, f);
  if (f.key == "url") e.url = read_str(ctx, f);
  if (f.key == "arxiv") e.arxiv = read_str(ctx, f);
  if (f.key == "date") e.date_value = read_date(ctx, f, DateKind::Free, &e.date);
  if (f.key == "start_date") e.start_date = read_date(ctx, f, DateKind::Start, nullptr);
  if (f.key == "end_date") e.end_date = read_date(ctx, f, DateKind::End, nullptr);
}

/// arXiv identifiers: 2504.21411, 2504.21411v2, or the old hep-th/9901001.
bool arxiv_shaped(std::string_view s) {
  const std::size_t dot = s.find('.');
  if (dot == 4)
    return s.size() >= 9 && s.find_first_not_of("0123456789.v") == std::string_view::npos;
  return s.find('/') != std::string_view::npos;
}

void check_links(Ctx& ctx, const Entry& e) {
  if (!e.url.empty()) check_url(ctx, e.url);
  if (!e.doi.empty() && !e.doi.text.starts_with("10.")) {
    ctx.diags.warning(e.doi.loc, "'" + e.doi.text + "' is not a DOI",
                      "a DOI starts with '10.', e.g. 10.1145/3676641.3715998");
  }
  if (!e.arxiv.empty() && !arxiv_shaped(e.arxiv.text)) {
    ctx.diags.warning(e.arxiv.loc, "'" + e.arxiv.text + "' is not an arXiv identifier",
                      "write the identifier only, e.g. 2504.21411");
  }
}

void check_required(Ctx& ctx, const TypeInfo& info, const std::vector<Field>& fields,
                    const std::vector<std::string_view>& unknown, const SourceLoc& loc) {
  for (std::string_view req : info.required) {
    const bool has = std::any_of(fields.begin(), fields.end(),
                                 [&](const Field& f) { return f.key == req && !f.value.IsNull(); });
    if (has) continue;
    std::string hint;
    for (std::string_view u : unknown)
      if (closest(u, {req}) == req) hint = "is '" + std::string(u) + "' a misspelling of it?";
    ctx.diags.error(loc, std::string(info.name) + " entry is missing '" + std::string(req) + "'",
                    hint);
  }
}

Entry read_typed_entry(Ctx& ctx, const TypeInfo& info, const std::vector<Field>& fields,
                       const SourceLoc& loc) {
  Entry e;
  e.type = info.type;
  e.loc = loc;
  std::vector<std::string_view> unknown;
  for (const Field& f : fields) {
    if (contains(info.allowed, f.key)) {
      read_field(ctx, e, f);
      continue;
    }
    unknown.push_back(f.key);
    ctx.diags.warning(f.key_loc,
                      "unknown key '" + f.key + "' in " + std::string(info.name) + " entry",
                      did_you_mean(f.key, info.allowed));
  }
  check_required(ctx, info, fields, unknown, loc);
  check_date_order(ctx, e.start_date, e.end_date);
  check_links(ctx, e);
  return e;
}

std::vector<std::string_view> all_characteristic_keys() {
  std::vector<std::string_view> keys;
  for (const TypeInfo& info : entry_types())
    keys.insert(keys.end(), info.characteristic.begin(), info.characteristic.end());
  return keys;
}

/// `{en: …, zh: …}` as an entry: every key a language tag, one of them a two-letter language
/// (so that a stray `foo: 1` is not taken for ISO 639-3 "foo").
bool looks_like_language_map(const std::vector<Field>& fields) {
  const auto tag = [](const Field& f) { return is_language_tag(f.key); };
  const auto two = [](const Field& f) { return f.key.size() == 2 || f.key.find('-') == 2; };
  return !fields.empty() && std::all_of(fields.begin(), fields.end(), tag) &&
         std::any_of(fields.begin(), fields.end(), two);
}

Entry text_entry(Text t, const SourceLoc& loc) {
  Entry e;
  e.type = EntryType::Text;
  e.loc = loc;
  e.text = std::move(t);
  return e;
}

/// An entry; nullopt when it is not one at all (already reported).
std::optional<Entry> read_entry(Ctx& ctx, const YAML::Node& n, const SourceLoc& loc,
                                const std::string& where) {
  if (n.IsScalar()) return text_entry(read_text_node(ctx, n, loc, "entry"), loc);
  if (!n.IsMap()) {
    ctx.diags.error(loc, "expected an entry in " + where + ", found " + std::string(kind_name(n)));
    return std::nullopt;
  }
  const std::vector<Field> fields = map_fields(ctx, n, "an entry of " + where, Keys{{}, true});
  if (const TypeInfo* info = detect_type(fields)) return read_typed_entry(ctx, *info, fields, loc);
  if (looks_like_language_map(fields)) {
    return text_entry(read_text_node(ctx, n, loc, "entry"), loc);
  }
  std::string hint;
  for (const Field& f : fields)
    if (hint.empty()) hint = did_you_mean(f.key, all_characteristic_keys());
  if (hint.empty())
    hint =
        "an entry needs 'name', 'institution' and 'area', 'company' and 'position', 'title' and "
        "'authors', 'label' and 'details', 'bullet', 'number' or 'reversed_number'";
  ctx.diags.error(loc, "cannot tell the type of this entry in " + where + " from its keys", hint);
  return std::nullopt;
}

/// What an item of a section's list is when it is cvpdf's page break mark.
enum class Mark {
  None,     ///< not a page break: an entry
  Break,    ///< `- page_break: true`
  Ignored,  ///< `- page_break: false`, or a misused mark (reported)
};

bool is_yaml_bool(const std::string& s, bool value) {
  static const std::vector<std::string_view> kTrue = {"true", "True", "TRUE"};
  static const std::vector<std::string_view> kFalse = {"false", "False", "FALSE"};
  return contains(value ? kTrue : kFalse, s);
}

/// `- page_break: true` (a map holding that one key) breaks the page; misuse is an error here: a
/// bare `- page_break`, other keys beside it, a value other than true or false.
Mark page_break_mark(Ctx& ctx, const YAML::Node& item, const SourceLoc& loc) {
  const char* const kHint = "write the page break as an item of its own: '- page_break: true'";
  if (item.IsScalar() && item.Scalar() == "page_break") {
    ctx.diags.error(loc, "a bare 'page_break' item is not a page break", kHint);
    return Mark::Ignored;
  }
  if (!item.IsMap()) return Mark::None;
  bool has = false;
  for (const auto& kv : item)
    has = has || (kv.first.IsScalar() && kv.first.Scalar() == "page_break");
  if (!has) return Mark::None;
  Mark mark = Mark::Ignored;
  for (const Field& f : map_fields(ctx, item, "a page break", Keys{{}, true})) {
    if (f.key != "page_break") {
      ctx.diags.error(f.key_loc,
                      "'" + f.key + "' beside 'page_break': a page break is an item of its own",
                      "move '" + f.key + "' into an entry before or after the page break");
    } else if (f.value.IsScalar() && is_yaml_bool(f.value.Scalar(), true)) {
      mark = Mark::Break;
    } else if (!f.value.IsScalar() || !is_yaml_bool(f.value.Scalar(), false)) {
      ctx.diags.error(
          f.loc,
          "expected true or false for 'page_break', found " +
              (f.value.IsScalar() ? "'" + f.value.Scalar() + "'" : std::string(kind_name(f.value))),
          "write '- page_break: true' to start a new page here, or remove the item");
    }
  }
  return mark;
}

/// Records a page break before the next entry of `s` (or before the section when it has none
/// yet); a second one in a row is reported.
void add_page_break(Ctx& ctx, Section& s, bool& pending, const SourceLoc& loc) {
  if (pending || (s.entries.empty() && s.page_break_before)) {
    ctx.diags.warning(loc, "a second page break in a row in section '" + s.key + "' does nothing",
                      "remove it: a page break never leaves an empty page");
  } else if (s.entries.empty()) {
    s.page_break_before = true;
  } else {
    pending = true;
  }
}

void read_entries(Ctx& ctx, const YAML::Node& list, Section& s) {
  const std::string where = "section '" + s.key + "'";
  bool typed = false;
  bool pending_break = false;  // a page break before the next entry
  SourceLoc break_loc;
  for (const YAML::Node& item : list) {
    const SourceLoc loc = item.IsNull() ? s.loc : to_loc(ctx.file, item.Mark());
    if (item.IsNull()) {
      ctx.diags.error(loc, "empty entry in " + where);
      continue;
    }
    const Mark mark = page_break_mark(ctx, item, loc);
    if (mark == Mark::Break) add_page_break(ctx, s, pending_break, loc), break_loc = loc;
    if (mark != Mark::None) continue;
    std::optional<Entry> e = read_entry(ctx, item, loc, where);
    if (!e) continue;
    if (!typed) {
      s.type = e->type, typed = true;
    } else if (e->type != s.type) {
      ctx.diags.error(loc,
                      std::string(type_name(e->type)) + " entry in " + where + " of " +
                          std::string(type_name(s.type)) + " entries",
                      "a section holds entries of one type; move this one to its own section");
      continue;
    }
    e->page_break_before = std::exchange(pending_break, false);
    s.entries.push_back(std::move(*e));
  }
  s.page_break_after = pending_break;
  if (s.entries.empty() && s.page_break_before) {
    ctx.diags.error(break_loc, where + " holds only a page break",
                    "put '- page_break: true' last in the section before, or first in the one "
                    "after");
  }
}

/// cvpdf's form: `{title: <text>, entries: [...]}`.
void read_titled_section(Ctx& ctx, const Field& f, Section& s) {
  bool has_entries = false;
  for (const Field& g :
       map_fields(ctx, f.value, "section '" + f.key + "'", Keys{{"title", "entries"}})) {
    if (g.key == "title") {
      Text t = read_text(ctx, g);
      if (!t.empty()) s.title = std::move(t);
    } else if (g.value.IsSequence()) {
      has_entries = true;
      read_entries(ctx, g.value, s);
    } else if (!g.value.IsNull()) {
      wrong_type(ctx, g, "a list of entries");
    }
  }
  if (!has_entries) {
    ctx.diags.warning(f.key_loc, "section '" + f.key + "' has no entries");
  }
}

/// `word` with its first letter in title case if no letter of it is upper or title case
/// ("über" → "Über", "ελληνικά" → "Ελληνικά"; "iOS", "CV" unchanged), by ICU's case properties.
std::string capitalized_if_lowercase(const std::string& word) {
  UChar32 first = -1;
  std::size_t first_end = 0;
  for (std::size_t i = 0; i < word.size();) {
    const auto c = static_cast<UChar32>(core::decode_utf8(word, i));
    if (u_isUUppercase(c) || u_istitle(c)) return word;
    if (first < 0) {
      first = c;
      first_end = i;
    }
  }
  if (first < 0 || !u_isULowercase(first)) return word;
  std::string out;
  core::append_utf8(out, static_cast<char32_t>(u_totitle(first)));
  return out + word.substr(first_end);
}

}  // namespace

std::string section_title_from_key(std::string_view key) {
  // RenderCV: a key with a space is kept as written; otherwise '_' becomes a space and each
  // all-lowercase word (but the small ones) is capitalised ("welcome_to_RenderCV").
  if (key.find(' ') != std::string_view::npos) return std::string(key);
  static const std::vector<std::string_view> kSmall = {
      "a",    "and",  "as",   "at",  "but",  "by",   "for",  "from", "if", "in",
      "into", "like", "near", "nor", "of",   "off",  "on",   "onto", "or", "over",
      "so",   "than", "that", "to",  "upon", "when", "with", "yet"};
  std::string out;
  std::size_t start = 0;
  while (start <= key.size()) {
    std::size_t end = key.find('_', start);
    if (end == std::string_view::npos) end = key.size();
    std::string word(key.substr(start, end - start));
    if (!contains(kSmall, word)) word = capitalized_if_lowercase(word);
    out += (start == 0 ? "" : " ") + word;
    start = end + 1;
  }
  return out;
}

std::vector<Section> read_sections(Ctx& ctx, const Field& f) {
  std::vector<Section> out;
  if (f.value.IsNull()) return out;
  if (!f.value.IsMap()) {
    wrong_type(ctx, f, "a map of sections");
    return out;
  }
  for (const Field& g : map_fields(ctx, f.value, "cv.sections", Keys{{}, true})) {
    Section s;
    s.key = g.key;
    s.loc = g.key_loc;
    s.title = Text{{{"", section_title_from_key(g.key)}}, g.key_loc};
    if (g.value.IsSequence()) {
      read_entries(ctx, g.value, s);
    } else if (g.value.IsMap()) {
      read_titled_section(ctx, g, s);
    } else if (g.value.IsNull()) {
      ctx.diags.warning(g.key_loc, "section '" + g.key + "' has no entries");
    } else {
      wrong_type(ctx, g, "a list of entries or {title, entries}");
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace cvpdf::profile::detail
