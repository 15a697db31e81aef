// cli/render.h — the pipeline as a short recipe of stage calls.
//
// Takes a World, a profile path and the options of one run; gives PDF bytes per language (or
// the diagnostics that stopped it). The stages, each a free function taking the previous
// stage's value and the Diagnostics:
//   load → resolve(lang) → compose(theme) → layout(fonts) → write_pdf
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/report.h"
#include "cli/world.h"
#include "core/diagnostics.h"
#include "frame/frame.h"
#include "i18n/date_memo.h"
#include "layout/layout.h"
#include "profile/model.h"
#include "theme/theme.h"
#include "text/font_store.h"

namespace cvpdf::cli {

/// The options that shape a render (from the command line).
struct RenderOptions {
  std::string theme;       ///< layout name or .yaml path; empty: the profile's, else classic
  std::string page_size;   ///< a4 | letter; empty: the theme's (or the profile's setting)
  int max_pages = 0;  ///< `--max-pages`: shrink the design to fit; 0: the theme's fit.max_pages
  /// `--set design.<path>=<value>`: layout fields over the profile's `design:` (theme/design.h).
  std::vector<std::string> sets;
};

/// Loads and validates a profile; registers its text with the reporter.
std::optional<profile::Profile> load(const World& world, const std::string& path,
                                     Reporter& reporter, core::Diagnostics& diags);

/// A layout read and parsed before the profile is known: what load_theme would read and parse
/// for that name, and what doing so said.
struct ParsedLayout {
  std::string name;
  std::string file;
  std::optional<std::string> text;
  theme::Theme theme;
  core::Diagnostics diags;
};

/// Reads and parses the default layout (classic) for `world`. Run on the spare core while the
/// profile is read (issue 9: 5.3 M instructions, most profiles name no layout); pure apart
/// from reading a layout file of the World's layout folders.
ParsedLayout parse_default_layout(const World& world);

/// The date memo of `lang` in the World's cache folder (i18n/date_memo.h); an empty one if there
/// is none, it is not valid, or there is no cache folder.
i18n::DateMemo read_date_memo(const World& world, const std::string& lang);
/// Writes the memo into the cache folder if it learnt answers; failing to changes nothing but
/// the next run's time.
void save_date_memo(const World& world, const i18n::DateMemo& memo);
/// True if the cache folder holds a date memo of `lang`.
bool has_date_memo(const World& world, const std::string& lang);

/// Formats a date and a range in `lang` once and forgets them, so that ICU has loaded what a
/// later DateFormatter of that language needs (resource bundles, patterns, symbols: 1.8 ms the
/// first time in English, 6 ms in Chinese, 0.4 ms after, in a standalone test). Run on the
/// spare core while the profile is read (issue 9); thread-safe, changes no result.
void warm_dates(const std::string& lang);

/// Finds and parses the theme for a profile and options. `ahead`, if given, is used instead of
/// reading and parsing again when it is the layout the profile and options name.
theme::Theme load_theme(const World& world, const profile::Profile& p, const RenderOptions& opts,
                        Reporter& reporter, core::Diagnostics& diags, ParsedLayout* ahead = nullptr);

/// One language through resolve → compose → layout. The frame's date comes from the World.
/// Layout hyphenates with the World's patterns and fits theme.fit.max_pages if set; `lines`,
/// if given, receives every fitted line (dump --stage=lines). With `warm_up` (a spare core),
/// a second thread opens the theme's faces and loads their shaping tables meanwhile
/// (text/warm_up.h); the result is the same either way.
frame::Document typeset(const World& world, const profile::Profile& p, const theme::Theme& theme,
                        const std::string& lang, text::FontStore& fonts, core::Diagnostics& diags,
                        std::vector<layout::LineReport>* lines = nullptr, bool warm_up = false);

/// The font store for a World (its folders, plus the system's fonts if allowed).
text::FontStore make_font_store(const World& world);

}  // namespace cvpdf::cli
