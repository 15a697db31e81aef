// compose/spans.cpp — Markdown fields to spans, link checks, bold keywords.
#include "compose/spans.h"

#include "core/limits.h"
#include "markup/markup.h"

namespace cvpdf::compose {

namespace {

/// Splits spans so that every occurrence of a bold keyword becomes its own bold span
/// (RenderCV's settings.bold_keywords).
void apply_keywords(std::vector<doc::Span>& spans, const std::vector<profile::Str>& keywords) {
  for (const auto& kw : keywords) {
    if (kw.text.empty()) continue;
    std::vector<doc::Span> out;
    for (auto& s : spans) {
      std::size_t from = 0;
      std::size_t at;
      while (!s.bold && (at = s.text.find(kw.text, from)) != std::string::npos) {
        doc::Span before = s, word = s;
        before.text = s.text.substr(from, at - from);
        word.text = kw.text;
        word.bold = true;
        if (!before.text.empty()) out.push_back(before);
        out.push_back(word);
        from = at + kw.text.size();
      }
      if (from == 0) {
        out.push_back(std::move(s));
      } else if (from < s.text.size()) {
        s.text = s.text.substr(from);
        out.push_back(std::move(s));
      }
    }
    spans = std::move(out);
  }
}

/// A link longer than core::limits::kMaxUrlBytes: an error, and the link dropped.
bool url_too_long(SpanContext& ctx, const std::string& uri, const core::SourceLoc& loc) {
  if (uri.size() <= core::limits::kMaxUrlBytes) return false;
  ctx.diags.error(loc, "link of " + std::to_string(uri.size()) + " bytes is longer than the " +
                           std::to_string(core::limits::kMaxUrlBytes) + "-byte limit");
  return true;
}

void check_links(SpanContext& ctx, std::vector<doc::Span>& spans) {
  for (auto& s : spans) {
    if (url_too_long(ctx, s.link, s.loc)) s.link.clear();
    if (!s.link.empty() && !allowed_uri(s.link)) {
      ctx.diags.warning(s.loc, "link to '" + s.link + "' dropped: only http, https and mailto links are kept",
                        "write the full address, e.g. https://example.org");
      s.link.clear();
    }
  }
}

}  // namespace

bool allowed_uri(const std::string& uri) {
  return uri.rfind("https://", 0) == 0 || uri.rfind("http://", 0) == 0 ||
         uri.rfind("mailto:", 0) == 0;
}

std::vector<std::vector<doc::Span>> md_paragraphs(SpanContext& ctx, const profile::Str& s) {
  auto paras = markup::parse_markdown(s.text, s.loc, ctx.diags);
  for (auto& p : paras) {
    check_links(ctx, p);
    apply_keywords(p, ctx.cv.bold_keywords);
  }
  return paras;
}

std::vector<doc::Span> md(SpanContext& ctx, const profile::Str& s) {
  auto spans = markup::parse_inline(s.text, s.loc, ctx.diags);
  check_links(ctx, spans);
  apply_keywords(spans, ctx.cv.bold_keywords);
  return spans;
}

doc::Span plain(const std::string& text, const core::SourceLoc& loc) {
  doc::Span s;
  s.text = text;
  s.loc = loc;
  return s;
}

doc::Span link(SpanContext& ctx, const std::string& text, const std::string& uri,
               const core::SourceLoc& loc) {
  doc::Span s = plain(text, loc);
  s.no_break = true;
  if (url_too_long(ctx, uri, loc)) return s;
  if (allowed_uri(uri)) {
    s.link = uri;
  } else {
    ctx.diags.warning(loc, "link to '" + uri + "' dropped: only http, https and mailto links are kept");
  }
  return s;
}

void append(std::vector<doc::Span>& out, std::vector<doc::Span> more) {
  for (auto& s : more) out.push_back(std::move(s));
}

doc::Paragraph para(doc::Role role, std::vector<doc::Span> spans, doc::Align align) {
  doc::Paragraph p;
  p.role = role;
  p.align = align;
  p.spans = std::move(spans);
  return p;
}

}  // namespace cvpdf::compose
