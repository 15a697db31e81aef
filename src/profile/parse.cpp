// profile/parse.cpp — yaml-cpp behind a fence: parsing, the one mark conversion, map keys.
//
// Takes bytes that passed the byte checks; gives a yaml-cpp tree that is safe to walk, or
// located errors. Before building any tree, a pre-pass over yaml-cpp's parser events refuses
// anchors and aliases (a 600-byte "billion laughs" explodes when walked; `&a [*a]` is a cycle)
// and nesting deeper than kMaxDepth (yaml-cpp's own guard says only "bad file", at 1:1), refuses
// scalars longer than core::limits::kMaxScalarBytes, and counts documents. Only then YAML::Load
// builds the tree. The pre-pass is a whole second parse (8.6 M instructions of the seed CV's
// 20.7 M, issue 9), so it runs only when it could matter: a file whose bytes cannot hold an
// anchor, alias or document marker (needs_events) is loaded at once, and its tree checked for
// depth and scalar length (within_limits); any doubt, error or exception there sends it down
// the pre-pass path, which gives every diagnostic exactly as before. map_fields() is the single
// place that reads a map's keys: non-string keys, duplicates (yaml-cpp keeps both), unknown keys.
#include <yaml-cpp/eventhandler.h>

#include <map>
#include <sstream>

#include "core/suggest.h"
#include "profile/syntax_hints.h"
#include "profile/walk.h"

namespace cvpdf::profile::detail {

using core::closest;
using core::did_you_mean;

SourceLoc to_loc(const std::string& file, const YAML::Mark& mark) {
  if (mark.is_null()) return {file, 0, 0};
  return {file, mark.line + 1, mark.column + 1};
}

namespace {

/// Thrown from the event handler to stop the parser at the first too-deep node.
struct TooDeep {
  YAML::Mark mark;
};

/// Parser events → anchor/alias errors and a depth check; builds nothing.
class PrePass : public YAML::EventHandler {
 public:
  explicit PrePass(Ctx& ctx) : ctx_(ctx) {}
  int documents = 0;

  void OnDocumentStart(const YAML::Mark&) override { ++documents; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    refuse(mark, "YAML aliases are not allowed in a profile");
  }
  void OnAnchor(const YAML::Mark& mark, const std::string&) override {
    refuse(mark, "YAML anchors are not allowed in a profile");
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                const std::string& value) override {
    if (value.size() > core::limits::kMaxScalarBytes && ++long_scalars_ <= 20) {
      ctx_.diags.error(to_loc(ctx_.file, mark),
                       "text of " + std::to_string(value.size()) + " bytes is longer than the " +
                           std::to_string(core::limits::kMaxScalarBytes) + "-byte limit",
                       "a field of a CV is a few sentences; split it or shorten it");
    }
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    enter(mark);
  }
  void OnSequenceEnd() override { --depth_; }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    enter(mark);
  }
  void OnMapEnd() override { --depth_; }

  [[nodiscard]] bool refused() const { return refusals_ > 0 || long_scalars_ > 0; }

 private:
  void enter(const YAML::Mark& mark) {
    if (++depth_ > kMaxDepth) throw TooDeep{mark};
  }
  void refuse(const YAML::Mark& mark, std::string message) {
    if (++refusals_ > 20) return;  // one hostile file must not flood the report
    ctx_.diags.error(to_loc(ctx_.file, mark), std::move(message),
                     "write the value out in full; anchors and aliases can expand without bound");
  }

  Ctx& ctx_;
  int depth_ = 0;
  int refusals_ = 0;
  int long_scalars_ = 0;
};

/// yaml-cpp's exception as a located error, explained from the bytes (syntax_hints.h).
void syntax_error(Ctx& ctx, const YAML::Exception& e, std::string_view bytes) {
  if (e.mark.is_null()) {
    ctx.diags.error(to_loc(ctx.file, e.mark), "YAML syntax error: " + e.msg);
    return;
  }
  const SourceLoc at = to_loc(ctx.file, e.mark);
  SyntaxExplained x = explain_syntax_error(bytes, at.line, at.col, e.msg);
  ctx.diags.error({ctx.file, x.line, x.col}, std::move(x.message), std::move(x.hint));
}

/// The event pre-pass; true when the tree may be built.
bool pre_pass(std::string_view bytes, Ctx& ctx) {
  std::istringstream in{std::string(bytes)};
  PrePass events(ctx);
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(events)) {
      if (events.documents > 1) {
        ctx.diags.error({ctx.file, 1, 1}, "more than one YAML document in a profile");
        return false;
      }
    }
  } catch (const TooDeep& e) {
    ctx.diags.error(to_loc(ctx.file, e.mark),
                    "nesting deeper than " + std::to_string(kMaxDepth) + " levels",
                    "a CV profile needs about eight levels");
    return false;
  } catch (const YAML::Exception& e) {
    syntax_error(ctx, e, bytes);
    return false;
  }
  return !events.refused();
}

/// Whether `bytes` might hold what only the pre-pass sees: an anchor, alias or tag ('&', '*',
/// '!') where a node may start — after indentation, or after ':', '-', '?', ',', '[' or '{'
/// and blanks — or a line starting "---" or "..." (a document marker). Conservative: a false
/// alarm (a quoted "- *" in text) only costs the pre-pass; a '&' or '*' elsewhere (inside
/// plain or quoted text: "R&D", "**bold**") cannot start an anchor or alias.
bool needs_events(std::string_view bytes) {
  char before = '\n';  // the last byte that is not a blank; '\n' at a line's start
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (c == ' ' || c == '\t') continue;
    const bool node_start = before == '\n' || before == ':' || before == '-' || before == '?' ||
                            before == ',' || before == '[' || before == '{';
    if (node_start && (c == '&' || c == '*' || c == '!')) return true;
    if (i == 0 || bytes[i - 1] == '\n' || bytes[i - 1] == '\r') {
      const std::string_view line = bytes.substr(i, 3);
      if (line == "---" || line == "...") return true;
    }
    before = c == '\r' ? '\n' : c;
  }
  return false;
}

/// Whether a loaded tree passes the pre-pass's other checks: collections nested at most
/// kMaxDepth deep (the root collection is depth 1), scalars at most kMaxScalarBytes.
bool within_limits(const YAML::Node& n, int depth) {
  if (n.IsScalar()) return n.Scalar().size() <= core::limits::kMaxScalarBytes;
  if (!n.IsMap() && !n.IsSequence()) return true;
  if (++depth > kMaxDepth) return false;
  for (auto it = n.begin(); it != n.end(); ++it) {
    const bool ok = n.IsMap() ? within_limits(it->first, depth) && within_limits(it->second, depth)
                              : within_limits(*it, depth);
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::optional<YAML::Node> parse_yaml(std::string_view bytes, Ctx& ctx) {
  if (!needs_events(bytes)) {  // one parse: no anchor, alias or second document can be there
    try {
      YAML::Node root = YAML::Load(std::string(bytes));
      if (within_limits(root, 0)) return root;
    } catch (const std::exception&) {  // reported, as ever, by the path below
    }
  }
  if (!pre_pass(bytes, ctx)) return std::nullopt;
  try {
    return YAML::Load(std::string(bytes));
  } catch (const YAML::Exception& e) {
    syntax_error(ctx, e, bytes);
  } catch (const std::exception& e) {  // library failure (e.g. bad_alloc): a located diagnostic
    ctx.diags.error({ctx.file, 1, 1}, std::string("could not parse the profile: ") + e.what());
  }
  return std::nullopt;
}

std::string_view kind_name(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a map";
    case YAML::NodeType::Scalar:
      return "text";
    default:
      return "nothing";
  }
}

void wrong_type(Ctx& ctx, const Field& f, std::string_view what) {
  ctx.diags.error(f.loc, "expected " + std::string(what) + " for '" + f.key + "', found " +
                             std::string(kind_name(f.value)));
}

namespace {

void unknown_key(Ctx& ctx, const Field& f, std::string_view where, const Keys& keys) {
  std::string msg = "unknown key '" + f.key + "' in " + std::string(where);
  std::string hint = did_you_mean(f.key, keys.names);
  if (keys.unknown == core::Severity::Error) {
    ctx.diags.error(f.key_loc, std::move(msg), std::move(hint));
  } else {
    ctx.diags.warning(f.key_loc, std::move(msg), std::move(hint));
  }
}

bool known(const Keys& keys, const std::string& key) {
  if (keys.any) return true;
  for (std::string_view k : keys.names)
    if (k == key) return true;
  return false;
}

}  // namespace

std::vector<Field> map_fields(Ctx& ctx, const YAML::Node& map, std::string_view where,
                              const Keys& keys) {
  std::vector<Field> out;
  std::map<std::string, SourceLoc> seen;
  for (auto it = map.begin(); it != map.end(); ++it) {
    Field f{{}, to_loc(ctx.file, it->first.Mark()), it->second, {}};
    f.loc = f.value.IsNull() ? f.key_loc : to_loc(ctx.file, f.value.Mark());
    if (!it->first.IsScalar()) {
      ctx.diags.error(f.key_loc, "a key in " + std::string(where) + " must be plain text");
      continue;
    }
    f.key = it->first.Scalar();
    if (auto [first, fresh] = seen.emplace(f.key, f.key_loc); !fresh) {
      ctx.diags.error(f.key_loc, "duplicate key '" + f.key + "' in " + std::string(where),
                      "the first '" + f.key + "' is at line " + std::to_string(first->second.line) +
                          "; remove or merge one of them");
      continue;
    }
    if (!known(keys, f.key)) {
      unknown_key(ctx, f, where, keys);
      continue;
    }
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace cvpdf::profile::detail
