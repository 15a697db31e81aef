// compose/header.cpp — the name, the headline and the contact line.
#include "compose/header.h"

#include <map>

namespace cvpdf::compose {

namespace {

using doc::Role;

/// RenderCV's network names → (profile URL prefix, shown prefix).
struct Network {
  const char* url;
  const char* shown;
};

const std::map<std::string, Network>& networks() {
  static const std::map<std::string, Network> kNetworks = {
      {"GitHub", {"https://github.com/", "github.com/"}},
      {"GitLab", {"https://gitlab.com/", "gitlab.com/"}},
      {"LinkedIn", {"https://linkedin.com/in/", "linkedin.com/in/"}},
      {"ORCID", {"https://orcid.org/", "ORCID "}},
      {"Google Scholar", {"https://scholar.google.com/citations?user=", "Google Scholar"}},
      {"X", {"https://x.com/", "x.com/"}},
      {"Bluesky", {"https://bsky.app/profile/", "bsky.app/"}},
      {"ResearchGate", {"https://www.researchgate.net/profile/", "ResearchGate "}},
      {"StackOverflow", {"https://stackoverflow.com/users/", "stackoverflow.com/users/"}},
      {"YouTube", {"https://youtube.com/@", "youtube.com/@"}},
      {"Instagram", {"https://instagram.com/", "instagram.com/"}},
      {"Telegram", {"https://t.me/", "t.me/"}},
      {"Leetcode", {"https://leetcode.com/", "leetcode.com/"}},
      {"Reddit", {"https://reddit.com/user/", "reddit.com/user/"}},
      {"IMDB", {"https://imdb.com/name/", "imdb.com/name/"}},
  };
  return kNetworks;
}

/// "https://www.pku.edu.cn/" → "www.pku.edu.cn": what a reader types.
std::string shown_url(std::string url) {
  for (const char* scheme : {"https://", "http://"}) {
    if (url.rfind(scheme, 0) == 0) url.erase(0, std::string(scheme).size());
  }
  if (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

std::vector<doc::Span> contact_items(SpanContext& ctx) {
  const auto& cv = ctx.cv.cv;
  std::vector<doc::Span> items;
  if (!cv.location.empty()) {
    doc::Span s = plain(cv.location.text, cv.location.loc);
    s.no_break = true;
    items.push_back(s);
  }
  for (const auto& e : cv.emails) items.push_back(link(ctx, e.text, "mailto:" + e.text, e.loc));
  for (const auto& p : cv.phones) {
    doc::Span s = plain(p.text, p.loc);
    s.no_break = true;
    items.push_back(s);
  }
  for (const auto& w : cv.websites) items.push_back(link(ctx, shown_url(w.text), w.text, w.loc));
  for (const auto& n : cv.social_networks) {
    auto it = networks().find(n.network.text);
    if (it == networks().end()) {
      doc::Span s = plain(n.network.text + ": " + n.username.text, n.loc);
      s.no_break = true;
      items.push_back(s);
      continue;
    }
    const std::string shown = std::string(it->second.shown) == "Google Scholar"
                                  ? "Google Scholar"
                                  : it->second.shown + n.username.text;
    items.push_back(link(ctx, shown, it->second.url + n.username.text, n.loc));
  }
  return items;
}

}  // namespace

std::vector<doc::Block> compose_header(SpanContext& ctx, const theme::Theme& theme) {
  const auto& cv = ctx.cv.cv;
  std::vector<doc::Block> out;
  doc::Heading name;
  name.level = 1;
  doc::Span n = plain(cv.name.text, cv.name.loc);
  n.no_break = true;
  name.text = para(Role::Name, {n}, doc::Align::Center);
  name.outline_title = cv.name.text;
  out.emplace_back(std::move(name));
  if (!cv.headline.empty()) {
    out.emplace_back(para(Role::Headline, md(ctx, cv.headline), doc::Align::Center));
  }
  // The separator's trailing spaces become no-break spaces (U+00A0), so that a contact line
  // too long for one line breaks before a separator, never after it.
  std::string separator = theme.contact_separator;
  std::string trailing;
  while (!separator.empty() && separator.back() == ' ') {
    separator.pop_back();
    trailing += "\u00A0";
  }
  separator += trailing;
  std::vector<doc::Span> line;
  for (auto& item : contact_items(ctx)) {
    if (!line.empty()) line.push_back(plain(separator));
    line.push_back(std::move(item));
  }
  if (!line.empty()) out.emplace_back(para(Role::Contact, std::move(line), doc::Align::Center));
  return out;
}

}  // namespace cvpdf::compose
