// markup/markup.cpp — a walk over cmark's tree that keeps a stack of inline styles.
#include "markup/markup.h"

#include <cmark.h>

#include <algorithm>
#include <memory>

#include "core/limits.h"

namespace cvpdf::markup {

namespace {

struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterDeleter {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};

/// The inline state while walking: how deep in emphasis, strong, links.
struct Walker {
  const core::SourceLoc& loc;
  core::Diagnostics& diags;
  std::vector<std::vector<doc::Span>> paragraphs;
  int strong = 0;
  int emph = 0;
  std::vector<std::string> links;
  bool warned_html = false;
  int depth = 0;      ///< open cmark nodes: document, paragraph, emphasis, link, quote, list …
  int max_depth = 0;

  void text(const char* s, bool mono = false) {
    if (s == nullptr || *s == '\0') return;
    if (paragraphs.empty()) paragraphs.emplace_back();
    auto& spans = paragraphs.back();
    doc::Span span;
    span.text = s;
    span.bold = strong > 0;
    span.italic = emph > 0;
    span.mono = mono;
    span.link = links.empty() ? std::string() : links.back();
    span.loc = loc;
    if (!spans.empty()) {
      auto& last = spans.back();
      if (last.bold == span.bold && last.italic == span.italic && last.mono == span.mono &&
          last.link == span.link) {
        last.text += span.text;  // merge runs cmark splits (e.g. at '!' or entities)
        return;
      }
    }
    spans.push_back(std::move(span));
  }

  void enter(cmark_node* n) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_PARAGRAPH:
      case CMARK_NODE_HEADING: paragraphs.emplace_back(); break;
      case CMARK_NODE_TEXT: text(cmark_node_get_literal(n)); break;
      case CMARK_NODE_CODE: text(cmark_node_get_literal(n), true); break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK: text(" "); break;
      case CMARK_NODE_STRONG: ++strong; break;
      case CMARK_NODE_EMPH: ++emph; break;
      case CMARK_NODE_LINK: links.emplace_back(cmark_node_get_url(n)); break;
      case CMARK_NODE_HTML_INLINE:
      case CMARK_NODE_HTML_BLOCK: html(n); break;
      case CMARK_NODE_CODE_BLOCK: paragraphs.emplace_back(); text(cmark_node_get_literal(n), true); break;
      default: break;
    }
  }

  void leave(cmark_node* n) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_STRONG: --strong; break;
      case CMARK_NODE_EMPH: --emph; break;
      case CMARK_NODE_LINK: links.pop_back(); break;
      default: break;
    }
  }

  void html(cmark_node* n) {
    if (!warned_html) {
      diags.warning(loc, "raw HTML is not rendered; it is shown as text",
                    "use Markdown: **bold**, *italic*, [text](https://…)");
      warned_html = true;
    }
    text(cmark_node_get_literal(n));
  }
};

/// Nodes cmark_iter enters but never exits (they hold no other nodes).
bool is_leaf(cmark_node* n) {
  switch (cmark_node_get_type(n)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
    case CMARK_NODE_HTML_INLINE:
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
    case CMARK_NODE_THEMATIC_BREAK: return true;
    default: return false;
  }
}

/// Markup nested past core::limits::kMaxMarkupDepth: an error, and the text kept as written.
std::vector<std::vector<doc::Span>> too_deep(const std::string& text, const core::SourceLoc& loc,
                                             core::Diagnostics& diags) {
  diags.error(loc,
              "Markdown nested more than " + std::to_string(core::limits::kMaxMarkupDepth) +
                  " levels deep",
              "a CV needs bold, italic and links, not deeper nesting");
  doc::Span span;
  span.text = text;
  span.loc = loc;
  return {{std::move(span)}};
}

}  // namespace

std::vector<std::vector<doc::Span>> parse_markdown(const std::string& text,
                                                   const core::SourceLoc& loc,
                                                   core::Diagnostics& diags) {
  std::unique_ptr<cmark_node, NodeDeleter> root(
      cmark_parse_document(text.data(), text.size(), CMARK_OPT_DEFAULT));
  Walker w{loc, diags, {}, 0, 0, {}, false};
  if (!root) return w.paragraphs;
  std::unique_ptr<cmark_iter, IterDeleter> it(cmark_iter_new(root.get()));
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(it.get());
    if (ev == CMARK_EVENT_ENTER) {
      if (!is_leaf(n)) w.max_depth = std::max(w.max_depth, ++w.depth);
      w.enter(n);
    } else if (ev == CMARK_EVENT_EXIT) {
      --w.depth;
      w.leave(n);
    }
  }
  if (w.max_depth > core::limits::kMaxMarkupDepth) return too_deep(text, loc, diags);
  std::erase_if(w.paragraphs, [](const auto& p) { return p.empty(); });
  return w.paragraphs;
}

std::vector<doc::Span> parse_inline(const std::string& text, const core::SourceLoc& loc,
                                    core::Diagnostics& diags) {
  std::vector<doc::Span> out;
  for (auto& para : parse_markdown(text, loc, diags)) {
    if (!out.empty()) {
      doc::Span space;
      space.text = " ";
      space.loc = loc;
      out.push_back(space);
    }
    for (auto& s : para) out.push_back(std::move(s));
  }
  return out;
}

}  // namespace cvpdf::markup
