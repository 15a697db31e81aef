// verify/expect.cpp — collecting the profile strings from doc blocks (see expect.h).
#include "verify/expect.h"

#include <cctype>

namespace cvpdf::verify {

namespace {

bool has_word_character(const std::string& s) {
  for (unsigned char c : s)
    if (std::isalnum(c) || c >= 0x80) return true;  // any non-ASCII letter, CJK, emoji
  return false;
}

class Collector {
 public:
  std::vector<Expected> out;

  void paragraph(const doc::Paragraph& p, Flow flow) {
    Expected cur;
    bool open = false;
    auto close = [&] {
      if (open && has_word_character(cur.text)) out.push_back(cur);
      open = false;
    };
    for (const doc::Span& s : p.spans) {
      if (s.icon) continue;
      if (open && s.loc == cur.loc && s.loc.known()) {
        cur.text += s.text;
        continue;
      }
      close();
      cur = Expected{s.text, s.loc, flow};
      open = true;
    }
    close();
  }

  void blocks(const std::vector<doc::Block>& blocks, Flow body, Flow dates) {
    for (const doc::Block& b : blocks) {
      if (const auto* h = std::get_if<doc::Heading>(&b)) {
        paragraph(h->text, body);
      } else if (const auto* p = std::get_if<doc::Paragraph>(&b)) {
        paragraph(*p, body);
      } else if (const auto* e = std::get_if<doc::Entry>(&b)) {
        for (const auto& m : e->main) paragraph(m, body);
        for (const auto& m : e->bullets) paragraph(m, body);
        for (const auto& m : e->aside) paragraph(m, dates);
      } else if (const auto* l = std::get_if<doc::List>(&b)) {
        for (const auto& m : l->items) paragraph(m, body);
      }
    }
  }
};

}  // namespace

std::vector<Expected> expected_strings(const doc::Document& doc) {
  Collector c;
  c.blocks(doc.blocks, Flow::Main, Flow::MainDates);
  c.blocks(doc.sidebar, Flow::Sidebar, Flow::SidebarDates);
  return std::move(c.out);
}

}  // namespace cvpdf::verify
