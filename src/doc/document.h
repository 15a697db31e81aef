// doc/document.h — a generic styled document tree: what compose/ produces and layout/ sets.
//
// Takes nothing (value types). Knows nothing of CVs, fonts, measurements or PDF: a block says
// *what* it is (a heading, a paragraph of styled spans, an entry with a side column, a list, a
// rule) and which theme role styles it; layout/ decides where it goes. Every span keeps the
// SourceLoc of the user text it came from, so warnings from shaping point into the profile.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/geometry.h"
#include "core/source_loc.h"

namespace cvpdf::doc {

/// The theme role that styles a paragraph (font, size, colour, leading come from the theme).
enum class Role {
  Name,          ///< the person's name, at the top
  Headline,      ///< the line under the name
  Contact,       ///< e-mail, phone, web, networks
  SectionTitle,  ///< "Education", "Publications"
  EntryTitle,    ///< an entry's first line (institution, paper authors, award)
  Body,          ///< running text: bio, summaries, highlights
  Date,          ///< the side column: dates, places
  Small,         ///< secondary details
  Footer,        ///< page footer
};

enum class Align { Left, Right, Center, Justify };

/// A run of text with one set of inline properties.
struct Span {
  std::string text;          ///< UTF-8, already in the output language
  bool bold = false;
  bool italic = false;
  bool mono = false;         ///< inline code
  bool icon = false;         ///< an icon glyph (the theme's "icons" font stack)
  bool highlight = false;    ///< the person's own name in author lists (bold + theme colour)
  bool tag = false;          ///< a venue tag such as "ICLR Spotlight" (theme colour)
  bool badge = false;        ///< draw the span on a tinted box (theme.badges), e.g. a venue tag
  /// Text a reader extracts instead of `text` (an icon glyph reads as "Email:"); empty: `text`.
  std::string actual_text;
  bool no_break = false;     ///< keep on one line (names, dates, e-mails, URLs)
  std::string link;          ///< target URI (http, https, mailto) or empty
  std::string lang;          ///< BCP 47 tag if it differs from the document's, else empty
  core::SourceLoc loc;       ///< where the text came from in the user's file
};

struct Paragraph {
  Role role = Role::Body;
  Align align = Align::Left;
  std::vector<Span> spans;
};

/// Level 1: the person's name (one per document). Level 2: a section title, drawn with the
/// theme's rule and added to the outline under `outline_title`.
struct Heading {
  int level = 2;
  Paragraph text;
  std::string outline_title;
};

/// A CV entry: a main column of paragraphs, a side column (dates, place), and bullet points.
/// The entry's first line is never separated from the next one by a page break.
struct Entry {
  std::vector<Paragraph> main;
  std::vector<Paragraph> aside;
  std::vector<Paragraph> bullets;
  std::string marker;  ///< a label drawn in the left margin ("[1]"), or empty
};

/// A bulleted list of paragraphs (no side column).
struct List {
  std::vector<Paragraph> items;
};

/// A horizontal rule across the text width.
struct Rule {};

/// Extra vertical space, in points.
struct Spacer {
  core::Pt height = 0;
};

/// A forced page break.
struct PageBreak {};

/// The kinds of image cvpdf embeds, sniffed from the bytes (never from the file name).
enum class ImageKind { Jpeg, Png };

/// An image, already read and checked (cli/photo.h): its encoded bytes and pixel size.
struct Image {
  std::shared_ptr<const std::string> bytes;  ///< the file's content, shared, never copied
  ImageKind kind = ImageKind::Jpeg;
  int width = 0;   ///< pixels, from the header
  int height = 0;
  core::SourceLoc loc;  ///< the `photo:` field
};

using Block = std::variant<Heading, Paragraph, Entry, List, Rule, Spacer, PageBreak>;

/// Footer text with placeholders {page} and {pages}.
struct Footer {
  std::string left;
  std::string center;
  std::string right;
};

struct Document {
  std::string lang;    ///< BCP 47 of the whole document ("en", "zh-Hans")
  /// The profile's other languages (BCP 47): text written in one of their scripts is tagged
  /// with that language in the PDF (a Chinese name in the English CV reads as Chinese).
  std::vector<std::string> other_langs;
  std::string title;   ///< PDF title ("Xinyi Liu — CV")
  std::string author;  ///< PDF author
  std::string subject;
  Footer footer;
  std::vector<Block> blocks;
  /// The second column's blocks (theme.sidebar), read after the main column; empty: none.
  std::vector<Block> sidebar;
  /// The person's photo; layout places it where theme.photo says.
  std::optional<Image> photo;
};

/// The concatenated text of a paragraph's spans.
std::string plain_text(const Paragraph& p);

}  // namespace cvpdf::doc
