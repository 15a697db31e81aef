// compose/header.cpp — the name, the headline and the contact line.
#include "compose/header.h"

#include <map>

namespace cvpdf::compose {

namespace {

using doc::Role;

/// A contact icon: a FontAwesome 4.7 code point (private use area; Fork Awesome keeps the same
/// ones) and the word a reader extracts in its place (/ActualText), so that a copied or parsed
/// contact line reads "Email: …", never a private-use character.
struct Icon {
  const char* glyph;
  const char* word;
};

const std::map<std::string, Icon>& icons() {
  static const std::map<std::string, Icon> kIcons = {
      {"email", {"\uF0E0", "Email:"}},        {"phone", {"\uF095", "Phone:"}},
      {"location", {"\uF041", "Location:"}},  {"website", {"\uF0AC", "Web:"}},
      {"GitHub", {"\uF09B", "GitHub:"}},      {"GitLab", {"\uF296", "GitLab:"}},
      {"LinkedIn", {"\uF08C", "LinkedIn:"}},  {"ORCID", {"\uF2C1", "ORCID:"}},
      {"Google Scholar", {"\uF19D", "Google Scholar:"}},
      {"X", {"\uF099", "X:"}},                {"StackOverflow", {"\uF16C", "Stack Overflow:"}},
      {"YouTube", {"\uF167", "YouTube:"}},    {"Instagram", {"\uF16D", "Instagram:"}},
      {"Telegram", {"\uF2C6", "Telegram:"}},  {"Reddit", {"\uF1A1", "Reddit:"}},
      {"IMDB", {"\uF2D8", "IMDb:"}},          {"ResearchGate", {"\uF0C3", "ResearchGate:"}},
  };
  return kIcons;
}

/// One contact item and what kind it is ("email", "GitHub", …: the icon's key).
struct Contact {
  doc::Span span;
  std::string kind;
};

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

std::vector<Contact> contact_items(SpanContext& ctx) {
  const auto& cv = ctx.cv.cv;
  std::vector<Contact> items;
  auto unbroken = [](const profile::Str& v) {
    doc::Span s = plain(v.text, v.loc);
    s.no_break = true;
    return s;
  };
  if (!cv.location.empty()) items.push_back({unbroken(cv.location), "location"});
  for (const auto& e : cv.emails) items.push_back({link(ctx, e.text, "mailto:" + e.text, e.loc), "email"});
  for (const auto& p : cv.phones) items.push_back({unbroken(p), "phone"});
  for (const auto& w : cv.websites) items.push_back({link(ctx, shown_url(w.text), w.text, w.loc), "website"});
  for (const auto& n : cv.social_networks) {
    auto it = networks().find(n.network.text);
    if (it == networks().end()) {
      doc::Span s = plain(n.network.text + ": " + n.username.text, n.loc);
      s.no_break = true;
      items.push_back({s, n.network.text});
      continue;
    }
    const std::string shown = std::string(it->second.shown) == "Google Scholar"
                                  ? "Google Scholar"
                                  : it->second.shown + n.username.text;
    items.push_back({link(ctx, shown, it->second.url + n.username.text, n.loc), n.network.text});
  }
  return items;
}

/// The item, after its icon and a no-break space when the theme draws icons.
std::vector<doc::Span> with_icon(const theme::Theme& theme, Contact item) {
  std::vector<doc::Span> out;
  auto it = icons().find(item.kind);
  if (theme.header.icons && it != icons().end()) {
    doc::Span icon = plain(it->second.glyph, item.span.loc);
    icon.icon = true;
    icon.no_break = true;
    icon.link = item.span.link;
    if (theme.header.icon_words) icon.actual_text = it->second.word;
    out.push_back(std::move(icon));
    out.push_back(plain("\u00A0", item.span.loc));
  }
  out.push_back(std::move(item.span));
  return out;
}

doc::Align header_align(const theme::Theme& theme) {
  return theme.header.align == "left" ? doc::Align::Left : doc::Align::Center;
}

}  // namespace

std::vector<doc::Block> compose_header(SpanContext& ctx, const theme::Theme& theme) {
  const auto& cv = ctx.cv.cv;
  std::vector<doc::Block> out;
  doc::Heading name;
  name.level = 1;
  doc::Span n = plain(cv.name.text, cv.name.loc);
  n.no_break = true;
  name.text = para(Role::Name, {n}, header_align(theme));
  name.outline_title = cv.name.text;
  out.emplace_back(std::move(name));
  if (!cv.headline.empty()) {
    out.emplace_back(para(Role::Headline, md(ctx, cv.headline), header_align(theme)));
  }
  if (theme.sidebar.enabled && theme.sidebar.contact) return out;  // the sidebar has them
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
    append(line, with_icon(theme, std::move(item)));
  }
  if (!line.empty()) out.emplace_back(para(Role::Contact, std::move(line), header_align(theme)));
  return out;
}

std::vector<doc::Block> compose_contact_column(SpanContext& ctx, const theme::Theme& theme) {
  std::vector<doc::Block> out;
  for (auto& item : contact_items(ctx))
    out.emplace_back(para(Role::Contact, with_icon(theme, std::move(item))));
  return out;
}

}  // namespace cvpdf::compose
