// theme/theme.h — a design (layouts/*.yaml) as typed values with declared defaults.
//
// Takes the text of one layout file; gives a Theme. Every field has a default here, so a layout
// file only states what differs; unknown keys and wrong types are diagnostics located in the
// layout file. Knows nothing of CV content or layout algorithms.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/geometry.h"

namespace cvpdf::theme {

using core::Color;
using core::Pt;

/// How one role of text looks (see doc::Role).
struct TextStyle {
  std::string font = "body";  ///< key into Theme::fonts
  Pt size = 10;
  int weight = 400;           ///< 400 regular, 700 bold
  bool italic = false;
  Color color{0x1a, 0x1a, 0x1a};
  double leading = 1.3;       ///< line height as a multiple of size
  bool small_caps = false;    ///< reserved; not yet drawn
};

struct PageSetup {
  std::string size = "a4";    ///< a4 | letter
  Pt width = 595.276;         ///< A4: 210 mm
  Pt height = 841.89;         ///< A4: 297 mm
  Pt margin_top = 18 * core::kPtPerMm;
  Pt margin_bottom = 18 * core::kPtPerMm;
  Pt margin_left = 20 * core::kPtPerMm;
  Pt margin_right = 20 * core::kPtPerMm;
};

/// Vertical and horizontal spacing, in points.
struct Spacing {
  Pt after_name = 4;
  Pt after_headline = 4;
  Pt after_header = 10;        ///< between the contact line and the first section
  Pt section_above = 12;
  Pt section_below = 5;        ///< between the section rule and the first entry
  Pt between_entries = 5;
  Pt paragraph = 3;            ///< between paragraphs of one entry
  Pt bullet_indent = 12;       ///< text indent of bullets
  Pt date_column = 92;         ///< width of the side column for dates and places
  Pt column_gap = 10;          ///< between the main and the side column
};

struct Rules {
  Pt section_rule = 0.6;       ///< thickness under section titles; 0 = none
  Color color{0x1a, 0x4d, 0x8f};
};

struct Colors {
  Color link{0x1a, 0x4d, 0x8f};
  Color highlight{0x1a, 0x1a, 0x1a};  ///< the person's own name in author lists
  Color tag{0x1a, 0x4d, 0x8f};        ///< venue tags
};

/// Line breaking and hyphenation (`linebreak:`). The Knuth–Plass costs are TeX's, with
/// plain.tex's values as defaults (The TeXbook, Appendix B); see linebreak/knuth_plass.h.
struct LineBreaking {
  double pretolerance = 100;              ///< \pretolerance 100 (pass 1, no hyphenation)
  double tolerance = 200;                 ///< \tolerance 200
  double line_penalty = 10;               ///< \linepenalty 10
  double hyphen_penalty = 50;             ///< \hyphenpenalty 50
  double adj_demerits = 10000;            ///< \adjdemerits 10000
  double double_hyphen_demerits = 10000;  ///< \doublehyphendemerits 10000
  double final_hyphen_demerits = 5000;    ///< \finalhyphendemerits 5000
  int looseness = 0;                      ///< \looseness 0
  /// Ragged-right \rightskip stretch in em of the paragraph's size. plain.tex's \raggedright
  /// uses 2em; cvpdf takes 3em (LaTeX's \sloppy \emergencystretch) because a CV's measure is
  /// narrow and its words long, so that the emergency pass is seldom needed.
  double ragged_stretch = 3;
  /// \emergencystretch for the last-resort pass, in em (LaTeX's \sloppy sets 3em).
  double emergency_stretch = 3;
  /// Running text (bio, summaries, highlights) justified instead of ragged right (RenderCV's
  /// design.typography.alignment: justified).
  bool justify = false;
  bool hyphenate = true;    ///< hyphenate words with libhyphen's patterns for their language
  int left_hyphen_min = 2;  ///< \lefthyphenmin 2 (plain.tex)
  int right_hyphen_min = 3; ///< \righthyphenmin 3 (plain.tex)
  /// Space between an ideograph or kana and a Latin letter or digit when the source has none,
  /// in em (jlreq §3.2.2 and CLReq §3.2.3: a quarter em); 0 = none.
  double cjk_latin_space = 0.25;
};

/// How far `--max-pages` / settings.max_pages may shrink the design (`fit:`), as factors of the
/// theme's own values. The order of shrinking is spacing, then leading, then font size.
struct FitBounds {
  int max_pages = 0;         ///< shrink until the CV takes at most this many pages; 0 = no limit
  core::SourceLoc max_pages_loc;  ///< the profile's settings.max_pages, when it set the limit
  double min_spacing = 0.5;  ///< vertical spacing down to half (a CV stays legible)
  double min_leading = 0.9;  ///< leading down to 90% (e.g. 1.3 → 1.17)
  double min_size = 0.9;     ///< font sizes down to 90% (e.g. 10 pt → 9 pt)
};

/// The photo (`photo:`): where it goes, how big, how it is cut.
struct PhotoStyle {
  std::string position = "header";  ///< header (beside the name) | sidebar (top of it) | none
  Pt size = 28 * core::kPtPerMm;    ///< width and height of the drawn photo
  std::string shape = "round";      ///< round (a circle clip) | square (a centred square crop)
};

/// A second, tinted column (`sidebar:`) holding the photo, contact, and the listed sections.
struct Sidebar {
  bool enabled = false;
  std::string side = "right";       ///< right | left (right keeps pdftotext's order: main first)
  Pt width = 58 * core::kPtPerMm;   ///< of the tinted column, page edge included
  Pt padding = 6 * core::kPtPerMm;  ///< between the tint's inner edge and its text
  Pt gap = 8 * core::kPtPerMm;      ///< between the main column's text and the tint
  Color tint{0xee, 0xf2, 0xf7};
  bool contact = true;              ///< the contact items go down the sidebar, one per line
  /// Section keys moved into the sidebar, in this order (others stay in the main column).
  std::vector<std::string> sections{"skills", "languages", "interests", "certifications"};
};

/// The header block (`header:`).
struct HeaderStyle {
  std::string align = "center";  ///< center | left
  bool icons = false;            ///< an icon before each contact item (icon font stack "icons")
  /// Text read for each icon, so extraction gives a word rather than a private-use glyph.
  bool icon_words = true;
};

/// Publication lists (`publications:`).
struct PublicationStyle {
  bool numbered = false;          ///< "[n]" in the margin
  bool reverse = false;           ///< count down (newest first gets the highest number)
  std::string group_by = "none";  ///< none | year | type (a small sub-heading per group)
  bool badges = false;            ///< venue tags in a tinted box instead of coloured text
};

/// Venue-tag badges (`badges:`): a tinted (rounded) box behind the tag text.
struct BadgeStyle {
  Color fill{0xe3, 0xeb, 0xf5};
  Color text{0x1a, 0x4d, 0x8f};
  Pt radius = 1.5;   ///< corner radius; 0 = square corners
  Pt pad_x = 2.5;    ///< horizontal padding inside the box
  Pt pad_y = 1.2;    ///< above the cap height and below the baseline's descent
};

/// How entries are arranged (`entries:`).
struct EntryArrangement {
  std::string dates = "right";  ///< right (a side column) | below (under the title, left)
  /// Section keys set as compact lists: one line per entry, its date after a dash.
  std::vector<std::string> compact_sections;
};

struct Theme {
  std::string name = "classic";
  PageSetup page;
  /// Font stacks by key ("body", "heading", "mono"), fallback order: Latin, CJK, Arabic,
  /// Hebrew, colour emoji (only for emoji-presentation clusters, text/itemize.h), symbols.
  std::map<std::string, std::vector<std::string>> fonts{
      {"body", {"Noto Serif", "Noto Serif CJK", "Noto Naskh Arabic", "Noto Serif Hebrew", "Noto Color Emoji", "Symbola"}},
      {"heading", {"Noto Sans", "Noto Sans CJK", "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Color Emoji", "Symbola"}},
      {"mono", {"DejaVu Sans Mono", "Noto Sans Mono CJK", "Noto Color Emoji", "Symbola"}},
      {"icons", {"FontAwesome", "Fork Awesome", "Symbola"}},  ///< contact icons (header.icons)
  };
  /// Styles by role name: name, headline, contact, section_title, entry_title, body, date,
  /// small, footer (doc::Role in snake case).
  std::map<std::string, TextStyle> styles;
  Spacing spacing;
  Rules rules;
  Colors colors;
  std::string bullet = "•";
  std::string contact_separator = "  ·  ";
  /// The footer's three parts, each a template with {page}, {pages} and {name}; all empty =
  /// no footer. A layout's `footer:` is a text (the centre part) or {left, center, right}.
  struct Footer {
    std::string left;
    std::string center = "{page} / {pages}";
    std::string right;
  } footer;
  /// Writing direction of the layout: "auto" (from the document's language: right to left for
  /// ar, he, fa, ur, …), "ltr" or "rtl". Right to left mirrors the page (layout.h).
  std::string direction = "auto";
  bool section_titles_uppercase = false;
  LineBreaking linebreak;
  FitBounds fit;
  PhotoStyle photo;
  Sidebar sidebar;
  HeaderStyle header;
  PublicationStyle publications;
  BadgeStyle badges;
  EntryArrangement entries;

  /// The style of a role; a role the file does not mention gets the built-in default.
  [[nodiscard]] const TextStyle& style(const std::string& role) const;
};

/// The built-in classic theme (the values above plus the role styles).
Theme default_theme();

/// Parses a layout file's text over the defaults. `file` names it in diagnostics.
Theme parse_theme(const std::string& yaml_text, const std::string& file, core::Diagnostics& diags);

/// The same from a layout's tree packed at build time (theme/packed_yaml.h: the built-in
/// layouts), without scanning YAML; a diagnostic names `file` without a line.
Theme parse_packed_theme(std::string_view packed, const std::string& file, core::Diagnostics& diags);

/// Whether an override named a field of the layout schema.
enum class Override { Applied, UnknownKey };

/// Sets one field of the layout schema from a dotted path ("colors.headings", "page.size",
/// "sidebar.sections") — the profile's `design:` and `--set design.…` — validated exactly as in
/// a layout file, with every diagnostic at `loc`. A list field takes all `values` (`list`).
/// UnknownKey (nothing reported, nothing changed) when the path is not in the schema, so the
/// caller can try RenderCV's keys; on a bad value the theme is left unchanged.
Override override_field(Theme& theme, const std::string& path, const std::vector<std::string>& values,
                        bool list, const core::SourceLoc& loc, core::Diagnostics& diags);

/// Sets the page to "a4" or "letter"; returns false for an unknown size.
bool set_page_size(PageSetup& page, const std::string& size);

}  // namespace cvpdf::theme
