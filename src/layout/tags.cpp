// layout/tags.cpp — the structure tree under construction; languages by script (see tags.h).
#include "layout/tags.h"

#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace cvpdf::layout {


int StructBuilder::open(frame::Tag tag, int parent, std::string lang) {
  const int n = static_cast<int>(s_.nodes.size());
  s_.nodes.push_back(frame::StructNode{tag, parent, std::move(lang), {}, {}});
  s_.nodes[static_cast<std::size_t>(parent)].kids.push_back({true, n});
  return n;
}

int StructBuilder::content(int node) {
  if (node < 0) return node;  // an artifact
  const int id = s_.contents++;
  s_.nodes[static_cast<std::size_t>(node)].kids.push_back({false, id});
  return id;
}

bool StructBuilder::last_is(int node, int child) const {
  const auto& kids = s_.nodes[static_cast<std::size_t>(node)].kids;
  return !kids.empty() && kids.back().element && kids.back().index == child;
}

void StructBuilder::set_alt(int node, std::string alt) { s_.nodes[static_cast<std::size_t>(node)].alt = std::move(alt); }

frame::Structure StructBuilder::take() {
  // Children always have higher indices than their parents (open() appends), so one backward
  // pass decides which elements hold content somewhere below them.
  const std::size_t n = s_.nodes.size();
  std::vector<bool> keep(n, false);
  for (std::size_t i = n; i-- > 0;)
    for (const frame::StructKid& k : s_.nodes[i].kids)
      keep[i] = keep[i] || !k.element || keep[static_cast<std::size_t>(k.index)];
  keep[0] = true;
  std::vector<int> renumber(n, -1);
  frame::Structure out;
  out.contents = s_.contents;
  for (std::size_t i = 0; i < n; ++i) {
    if (!keep[i]) continue;
    renumber[i] = static_cast<int>(out.nodes.size());
    out.nodes.push_back(std::move(s_.nodes[i]));
  }
  for (frame::StructNode& node : out.nodes) {
    if (node.parent >= 0) node.parent = renumber[static_cast<std::size_t>(node.parent)];
    std::vector<frame::StructKid> kids;
    for (const frame::StructKid& k : node.kids) {
      if (!k.element) kids.push_back(k);
      else if (keep[static_cast<std::size_t>(k.index)]) kids.push_back({true, renumber[static_cast<std::size_t>(k.index)]});
    }
    node.kids = std::move(kids);
  }
  s_ = frame::Structure{};
  return out;
}

namespace {

/// The scripts a language is written in (ICU: "ja" → Katakana, Hiragana, Han), from its
/// primary subtag.
std::vector<int> scripts_of(const std::string& lang) {
  const std::string primary = lang.substr(0, lang.find('-'));
  constexpr int kMax = 8;
  UScriptCode codes[kMax];
  UErrorCode err = U_ZERO_ERROR;
  const int n = uscript_getCode(primary.c_str(), codes, kMax, &err);
  if (U_FAILURE(err) || n <= 0) return {};
  return {codes, codes + n};
}

/// The script of the first letter of `text` that has one (not Common or Inherited).
UScriptCode first_script(const std::string& text) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto len = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < len;) {
    UChar32 c = 0;
    U8_NEXT(s, i, len, c);
    if (c < 0) continue;
    UErrorCode err = U_ZERO_ERROR;
    const UScriptCode sc = uscript_getScript(c, &err);
    if (U_SUCCESS(err) && sc != USCRIPT_COMMON && sc != USCRIPT_INHERITED && sc != USCRIPT_UNKNOWN) return sc;
  }
  return USCRIPT_COMMON;
}

bool written_in(const std::vector<int>& scripts, UScriptCode sc) {
  return std::find(scripts.begin(), scripts.end(), static_cast<int>(sc)) != scripts.end();
}

}  // namespace

StructBuilder::StructBuilder(std::string doc_lang, std::vector<std::string> others)
    : doc_scripts_(scripts_of(doc_lang)) {
  s_.nodes.push_back(frame::StructNode{frame::Tag::Document, -1, {}, {}, {}});
  for (std::string& o : others)
    if (o != doc_lang) others_.emplace_back(o, scripts_of(o));
}

std::string StructBuilder::language_of(const std::string& text) {
  if (others_.empty()) return {};
  const UScriptCode sc = first_script(text);
  if (sc == USCRIPT_COMMON || written_in(doc_scripts_, sc)) return {};
  for (const auto& [lang, scripts] : others_)
    if (written_in(scripts, sc)) return lang;
  return {};
}

}  // namespace cvpdf::layout
