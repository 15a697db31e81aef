// profile/syntax_hints.cpp — yaml-cpp's syntax errors explained (see syntax_hints.h).
//
// Each case reads the line yaml-cpp stopped at and, where the cause lies above it, the lines
// above. Nothing here needs to parse YAML right: a case that does not recognise its line
// gives way to the next, and the last keeps yaml-cpp's own words.
#include "profile/syntax_hints.h"

#include <yaml-cpp/exceptions.h>

#include <algorithm>
#include <climits>
#include <optional>
#include <vector>

#include "core/utf8.h"

namespace cvpdf::profile::detail {

namespace {

using Lines = std::vector<std::string_view>;
using Explained = std::optional<SyntaxExplained>;

/// The lines of `bytes` without their line ends; a leading BOM is not part of line 1 (yaml-cpp
/// does not count it in columns either).
Lines split_lines(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  Lines out;
  std::size_t start = 0;
  while (start <= bytes.size()) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view l = bytes.substr(start, end - start);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    out.push_back(l);
    start = end + 1;
  }
  return out;
}

/// Line `no` (1-based), or nothing past the end.
std::string_view line_at(const Lines& ls, int no) {
  return no >= 1 && static_cast<std::size_t>(no) <= ls.size() ? ls[static_cast<std::size_t>(no - 1)]
                                                                : std::string_view();
}

int indent_of(std::string_view l) {
  return static_cast<int>(std::min(l.find_first_not_of(' '), l.size()));
}

/// A line with something other than blanks and a comment.
bool is_content(std::string_view l) {
  const std::size_t i = l.find_first_not_of(" \t");
  return i != std::string_view::npos && l[i] != '#';
}

std::string_view trim_end(std::string_view v) {
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  return v;
}

bool ends_token(std::string_view l, std::size_t i) { return i >= l.size() || l[i] == ' '; }

bool is_item(std::string_view l) {
  const auto i = static_cast<std::size_t>(indent_of(l));
  return i < l.size() && l[i] == '-' && ends_token(l, i + 1);
}

/// A `key: value` line (or `- key: value`): the plain key, where it starts (0-based) and the
/// value as written, its trailing comment and blanks removed (empty when the value is below).
struct KeyValue {
  std::string_view key;
  std::size_t key_at = 0;
  std::string_view value;
  std::size_t value_at = 0;
};

std::optional<KeyValue> key_value(std::string_view l) {
  std::size_t i = static_cast<std::size_t>(indent_of(l));
  if (is_item(l)) i = std::min(l.find_first_not_of(' ', i + 1), l.size());
  if (i >= l.size() || std::string_view("\"'[{#&*!|>%@`").find(l[i]) != std::string_view::npos)
    return std::nullopt;
  for (std::size_t p = i; p < l.size(); ++p) {
    if (l[p] != ':' || !ends_token(l, p + 1)) continue;
    KeyValue kv{l.substr(i, p - i), i, {}, std::min(l.find_first_not_of(' ', p + 1), l.size())};
    std::string_view v = l.substr(kv.value_at);
    if (const std::size_t hash = v.find(" #"); hash != std::string_view::npos) v = v.substr(0, hash);
    kv.value = trim_end(v);
    return kv;
  }
  return std::nullopt;
}

/// `value` as a YAML quoted scalar: double quotes, or single quotes when it holds '"' or '\'.
std::string quoted(std::string_view value) {
  if (value.find_first_of("\"\\") == std::string_view::npos) return "\"" + std::string(value) + "\"";
  std::string out = "'";
  for (char c : value) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

/// "key: <value quoted>" for the line's value, or empty when the line has no key and value.
std::string quoted_line(std::string_view l) {
  const auto kv = key_value(l);
  if (!kv || kv->value.empty()) return {};
  return std::string(kv->key) + ": " + quoted(kv->value);
}

std::string quote_hint(std::string_view l, const std::string& why) {
  const std::string example = quoted_line(l);
  return why + (example.empty() ? "put the whole value in quotes" : "quote the whole value: " + example);
}

SyntaxExplained at(int line, int col, std::string message, std::string hint) {
  return {line, col, "YAML syntax error: " + std::move(message), std::move(hint)};
}

// --- an unclosed '[' or '{' ------------------------------------------------------------------

struct Opener {
  int line;
  int col;
  char c;
};

/// The flow brackets still open at `stop_line`:`stop_col`, read with just enough YAML: quotes
/// (across lines), comments, block scalars, and brackets where a value starts or inside flow.
std::vector<Opener> open_brackets(const Lines& ls, int stop_line, int stop_col) {
  std::vector<Opener> open;
  char quote = 0;
  int block = -1;  // inside a block scalar: its header line's indentation
  for (int no = 1; no <= stop_line && static_cast<std::size_t>(no) <= ls.size(); ++no) {
    const std::string_view t = line_at(ls, no);
    if (block >= 0 && (!is_content(t) || indent_of(t) > block)) continue;
    block = -1;
    const std::size_t end = no == stop_line ? std::min(t.size(), std::size_t(stop_col - 1)) : t.size();
    bool at_value = quote == 0;
    for (std::size_t i = 0; i < end; ++i) {
      const char c = t[i];
      if (quote != 0) {
        if (quote == '"' && c == '\\') ++i;
        else if (c == quote && quote == '\'' && i + 1 < t.size() && t[i + 1] == '\'') ++i;
        else if (c == quote) quote = 0, at_value = false;
      } else if (c == ' ' || (c == '-' && at_value && ends_token(t, i + 1))) {
        continue;  // a blank, or an item's dash: a value may still start here
      } else if (c == '#' && (i == 0 || t[i - 1] == ' ')) {
        break;
      } else if ((c == '"' || c == '\'') && at_value) {
        quote = c;
      } else if ((c == '[' || c == '{') && (at_value || !open.empty())) {
        open.push_back({no, static_cast<int>(i + 1), c});
      } else if ((c == ']' || c == '}') && !open.empty()) {
        open.pop_back(), at_value = false;
      } else if ((c == ',' && !open.empty()) || (c == ':' && (ends_token(t, i + 1) || !open.empty()))) {
        at_value = true;
      } else if ((c == '|' || c == '>') && at_value && open.empty()) {
        block = indent_of(t);
        break;
      } else {
        at_value = false;
      }
    }
  }
  return open;
}

/// An unclosed '[' or '{': what yaml-cpp reports as a missing flow end (at the end of the file,
/// or at 1:1), or as a block key or item where the bracket left it reading a flow collection.
Explained unclosed_flow(const Lines& ls, int line, int col, const std::string& what) {
  const bool flow_end = what == YAML::ErrorMsg::END_OF_SEQ_FLOW || what == YAML::ErrorMsg::END_OF_MAP_FLOW;
  const bool block_in_flow = what == YAML::ErrorMsg::MAP_VALUE || what == YAML::ErrorMsg::BLOCK_ENTRY ||
                             what == YAML::ErrorMsg::END_OF_MAP || what == YAML::ErrorMsg::END_OF_SEQ;
  if (!flow_end && !block_in_flow) return {};
  std::vector<Opener> open = open_brackets(ls, line, col);
  if (open.empty() && flow_end) open = open_brackets(ls, INT_MAX, 0);
  if (open.empty() || (!flow_end && open.back().line >= line)) return {};
  const Opener& o = open.back();
  const bool list = o.c == '[';
  const std::string close = list ? "']'" : "'}'";
  return at(o.line, o.col,
            std::string(list ? "the list" : "the map") + " opened by this '" + o.c + "' is never closed",
            quote_hint(line_at(ls, o.line), "close it with " + close + "; or, if the '" +
                                                std::string(1, o.c) + "' is part of the text, "));
}

/// A ']' or '}' that closes nothing opened before it.
Explained stray_close(const Lines& ls, int line, int col, const std::string& what) {
  const std::string_view l = line_at(ls, line);
  if (what != YAML::ErrorMsg::FLOW_END || col < 1 || static_cast<std::size_t>(col) > l.size()) return {};
  const char c = l[static_cast<std::size_t>(col - 1)];
  if (c != ']' && c != '}') return {};
  return at(line, col, std::string("this '") + c + "' closes no '" + (c == ']' ? '[' : '{') + "'",
            quote_hint(l, "remove it; or, if it is part of the text, "));
}

// --- a value that starts with a YAML indicator -------------------------------------------------

Explained indicator_start(const Lines& ls, int line, int col, const std::string& what) {
  const std::string_view l = line_at(ls, line);
  if (col < 1 || static_cast<std::size_t>(col) > l.size()) return {};
  const char c = l[static_cast<std::size_t>(col - 1)];
  const bool alias = what == YAML::ErrorMsg::UNKNOWN_ANCHOR || what == YAML::ErrorMsg::ALIAS_NOT_FOUND;
  const bool anchor = what == YAML::ErrorMsg::ANCHOR_NOT_FOUND;
  const bool reserved = what == YAML::ErrorMsg::UNKNOWN_TOKEN;
  if (!((alias && c == '*') || (anchor && c == '&') || (reserved && (c == '@' || c == '`' || c == '%'))))
    return {};
  const std::string message =
      c == '*'   ? "a value that starts with '*' is read as a YAML alias, not as text"
      : c == '&' ? "a value that starts with '&' is read as a YAML anchor, not as text"
                 : std::string("YAML reserves '") + c + "': an unquoted value cannot start with it";
  return at(line, col, message, quote_hint(l, "to start the text with '" + std::string(1, c) + "', "));
}

// --- ': ' inside a value, or a line under a key that has a value ----------------------------

/// The nearest line above `line` with something on it, or 0.
int content_above(const Lines& ls, int line) {
  for (int no = line - 1; no >= 1; --no)
    if (is_content(line_at(ls, no))) return no;
  return 0;
}

/// A line among a map's keys without the ':' of a key (`name Ada`): yaml-cpp reads it as text
/// and stops at the next key.
Explained missing_colon(const Lines& ls, int above, int line) {
  const std::string_view l = line_at(ls, above);
  if (above == 0 || indent_of(l) != indent_of(line_at(ls, line)) || is_item(l) || key_value(l))
    return {};
  const std::string_view t = l.substr(static_cast<std::size_t>(indent_of(l)));
  if (std::string_view("\"'[{#&*!|>%@`").find(t.front()) != std::string_view::npos) return {};
  const std::size_t space = t.find(' ');
  const std::size_t rest = space == std::string_view::npos ? space : t.find_first_not_of(' ', space);
  const std::string example = rest == std::string_view::npos
                                  ? std::string()
                                  : ", as in '" + std::string(t.substr(0, space)) + ": " +
                                        std::string(t.substr(rest)) + "'";
  return at(above, indent_of(l) + 1, "this line has no ':', but the lines beside it are keys of a map",
            "write it as 'key: value'" + example);
}

Explained map_value(const Lines& ls, int line, int col, const std::string& what) {
  if (what != YAML::ErrorMsg::MAP_VALUE) return {};
  const std::string_view l = line_at(ls, line);
  if (const auto kv = key_value(l); kv && static_cast<int>(kv->value_at) < col - 1)
    return at(line, col, "a second ': ' inside the value of '" + std::string(kv->key) + "'",
              quote_hint(l, ""));
  const int above = content_above(ls, line);
  if (auto e = missing_colon(ls, above, line)) return e;
  const auto parent = key_value(line_at(ls, above));
  if (above == 0 || !parent || parent->value.empty() || indent_of(l) <= indent_of(line_at(ls, above)))
    return {};
  const std::string key(parent->key);
  return at(line, indent_of(l) + 1,
            "this line is indented under '" + key + "' (line " + std::to_string(above) +
                "), which already has a value",
            "to make it a key beside '" + key + "', start it at column " +
                std::to_string(parent->key_at + 1) + " as '" + key +
                "' does; if it continues that text, quote the text");
}

// --- text after a closed quote or bracket -----------------------------------------------------

Explained text_after_close(const Lines& ls, int line, int col) {
  const std::string_view l = line_at(ls, line);
  const auto kv = key_value(l);
  if (!kv || kv->value.empty() || static_cast<int>(kv->value_at) >= col - 1) return {};
  const char first = kv->value.front();
  std::string what;
  if (first == '[' || first == '{') {
    what = std::string("text after the closing '") + (first == '[' ? ']' : '}') + "' of a " +
           (first == '[' ? "list" : "map");
  } else if (first == '"' || first == '\'') {
    what = "text after the closing quote of a quoted value";
  } else {
    return {};
  }
  const std::string why = first == '[' || first == '{'
                              ? std::string("a value that starts with '") + first + "' is a " +
                                    (first == '[' ? "list" : "map") + "; to write it as text, "
                              : "a quoted value ends at its closing quote; to keep the quotes as text, ";
  return at(line, col, what, quote_hint(l, why));
}

// --- indentation ------------------------------------------------------------------------------

/// A column a line could start at: the block that starts there and the line it starts on.
struct Column {
  int col;
  int line;
  std::string label;
};

std::string label_of(std::string_view l) {
  if (const auto kv = key_value(l)) return (is_item(l) ? "'- " : "'") + std::string(kv->key) + "'";
  return "'" + core::clip_utf8(l.substr(static_cast<std::size_t>(indent_of(l))), 20) + "'";
}

/// The columns of the blocks open at `line`, nearest first: the line above, then each line
/// above it that is indented less (for a `- key:` item, both the '-' and the key).
std::vector<Column> open_columns(const Lines& ls, int line) {
  std::vector<Column> out;
  int limit = INT_MAX;
  for (int no = line - 1; no >= 1 && limit > 0; --no) {
    const std::string_view l = line_at(ls, no);
    if (!is_content(l) || indent_of(l) >= limit) continue;
    const auto kv = key_value(l);
    if (is_item(l) && kv && static_cast<int>(kv->key_at) < limit)
      out.push_back({static_cast<int>(kv->key_at) + 1, no, "'" + std::string(kv->key) + "'"});
    out.push_back({indent_of(l) + 1, no, label_of(l)});
    limit = indent_of(l);
  }
  return out;
}

std::string columns_hint(const std::vector<Column>& cols, int col) {
  std::string hint = "start it at the column of the block it belongs to: ";
  int listed = 0;
  for (const Column& c : cols) {
    if (c.col == col || listed == 3) continue;
    hint += (listed++ > 0 ? ", " : "") + std::string("column ") + std::to_string(c.col) + " like " +
            c.label + " (line " + std::to_string(c.line) + ")";
  }
  return listed == 0 ? std::string() : hint;
}

/// The nearest line above at the same indentation, with nothing less indented between.
int sibling_above(const Lines& ls, int line) {
  const int indent = indent_of(line_at(ls, line));
  for (int no = line - 1; no >= 1; --no) {
    const std::string_view l = line_at(ls, no);
    if (!is_content(l) || indent_of(l) > indent) continue;
    return indent_of(l) == indent ? no : 0;
  }
  return 0;
}

Explained item_among_keys(const Lines& ls, int line, int col) {
  const std::string_view l = line_at(ls, line);
  const int sibling = sibling_above(ls, line);
  if (!is_item(l) || sibling == 0 || is_item(line_at(ls, sibling)) || !key_value(line_at(ls, sibling)))
    return {};
  std::string hint = "a map holds 'key: value' lines only; put the list under a key of its own, "
                     "indented further";
  for (int no = line - 1; no > sibling; --no)
    if (is_item(line_at(ls, no))) {
      hint = "to add it to the list above, start it at column " +
             std::to_string(indent_of(line_at(ls, no)) + 1) + " like the '- ' on line " +
             std::to_string(no);
      break;
    }
  return at(line, col, "a '- ' list item among the keys of a map (" + label_of(line_at(ls, sibling)) +
                           " on line " + std::to_string(sibling) + " is a key)",
            hint);
}

Explained block_end(const Lines& ls, int line, int col, const std::string& what) {
  if (what != YAML::ErrorMsg::END_OF_MAP && what != YAML::ErrorMsg::END_OF_SEQ) return {};
  const std::string_view l = line_at(ls, line);
  if (!is_content(l)) return {};
  if (col - 1 > indent_of(l)) return text_after_close(ls, line, col);
  if (auto e = item_among_keys(ls, line, col)) return e;
  std::vector<Column> cols = open_columns(ls, line);
  if (is_item(l))  // a '- ' item most likely belongs with the '- ' items above
    std::stable_partition(cols.begin(), cols.end(), [](const Column& c) { return c.label.starts_with("'- "); });
  std::string hint = columns_hint(cols, col);
  if (hint.empty()) return {};
  return at(line, col,
            "this line starts at column " + std::to_string(col) +
                ", which lines up with none of the blocks above it",
            std::move(hint));
}

Explained item_after_key(const Lines& ls, int line, int col, const std::string& what) {
  if (what != YAML::ErrorMsg::BLOCK_ENTRY) return {};
  const std::string_view l = line_at(ls, line);
  const auto kv = key_value(l);
  if (!kv || static_cast<int>(kv->value_at) != col - 1) return {};
  return at(line, col, "a '- ' list item on the same line as its key '" + std::string(kv->key) + "'",
            quote_hint(l, "start the list on the next line, one '- ' item a line, indented under '" +
                              std::string(kv->key) + "'; if the dash is text, "));
}

}  // namespace

std::string quoted_whole_value(std::string_view line) {
  if (const auto kv = key_value(line)) {
    const std::string_view v = trim_end(line.substr(kv->value_at));
    return v.empty() ? std::string() : std::string(kv->key) + ": " + quoted(v);
  }
  if (!is_item(line)) return {};
  const std::string_view v = trim_end(line.substr(static_cast<std::size_t>(indent_of(line)) + 1));
  const std::size_t start = v.find_first_not_of(' ');
  return start == std::string_view::npos ? std::string() : "- " + quoted(v.substr(start));
}

SyntaxExplained explain_syntax_error(std::string_view bytes, int line, int col, const std::string& what) {
  const Lines ls = split_lines(bytes);
  for (auto explain : {unclosed_flow, stray_close, indicator_start, map_value, block_end, item_after_key})
    if (Explained e = explain(ls, line, col, what)) return std::move(*e);
  return at(line, col, what,
            "check this line's indentation and quoting: quote a value that holds ': ' or ' #', or "
            "starts with one of - ? : , [ ] { } # & * ! | > ' \" % @ `");
}

}  // namespace cvpdf::profile::detail
