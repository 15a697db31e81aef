// cli/world.h — everything cvpdf takes from its environment, in one place (DESIGN.md rule 8).
//
// Takes the environment once, at start-up (SOURCE_DATE_EPOCH, font folders, the built-in
// layouts); gives it to the pipeline as values. Tests build a World with a fixed date and the
// pinned fonts only. No globals, no singletons elsewhere.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "linebreak/hyphenate.h"

namespace cvpdf::cli {

struct World {
  /// Folders searched for fonts, in order (`--font-dir`), before the system's fonts.
  std::vector<std::string> font_dirs;
  /// Whether fontconfig's system fonts may be used (false for golden tests).
  bool use_system_fonts = true;
  /// Where the font index is kept between runs (text/font_index.h), the indexed hyphenation
  /// patterns (linebreak/pattern_cache.h) and the date memos (i18n/date_memo.h):
  /// $XDG_CACHE_HOME/cvpdf, else ~/.cache/cvpdf; empty (tests, CVPDF_FONT_INDEX=off): every run
  /// asks fontconfig, reads the pattern files and formats its dates through ICU.
  std::string font_cache_dir;
  /// What else changes fontconfig's answers: its environment variables, and the user's
  /// configuration and font paths it reads when they exist (the index watches them).
  std::string fontconfig_environment;
  std::vector<std::string> fontconfig_user_paths;
  /// The document date, seconds since the epoch (UTC); nullopt: no date is written.
  std::optional<std::int64_t> date;
  /// Folders searched for hyphenation patterns (`hyph_<lang>.dic`), in order: the
  /// colon-separated CVPDF_HYPHEN_DIRS if set, else Debian's folder (packages hyphen-*).
  std::vector<std::string> hyphen_dirs{linebreak::kDebianHyphenDir};
  /// Folders searched for `<theme>.yaml` before the built-in layouts.
  std::vector<std::string> layout_dirs;
  /// Whether standard error is a terminal: progress lines are shown only there.
  bool stderr_is_terminal = false;
  /// Worker threads for batch renders (`--jobs`; the number of cores by default).
  unsigned cores = 1;

  /// The World of a normal run: SOURCE_DATE_EPOCH if set (and valid), system fonts, whether
  /// stderr is a terminal, the number of cores.
  static World from_environment(core::Diagnostics& diags);
};

/// Reads a whole file; on failure a diagnostic naming the file and the reason.
std::optional<std::string> read_file(const std::string& path, core::Diagnostics& diags);

/// (name, text) of every layout compiled into the binary from layouts/ (cmake/EmbedFiles.cmake).
std::vector<std::pair<std::string, std::string>> builtin_layout_texts();
/// The text of a built-in layout (`classic`), compiled into the binary from layouts/.
std::optional<std::string> builtin_layout(const std::string& name);
/// (name, packed tree) of every built-in layout (theme/packed_yaml.h), packed at build time by
/// cmake/pack_yaml.cpp from the same files.
std::vector<std::pair<std::string, std::string>> builtin_layout_trees();
/// The packed tree of a built-in layout, which the renderer reads instead of its text.
std::optional<std::string> builtin_layout_tree(const std::string& name);
/// Names of the built-in layouts.
std::vector<std::string> builtin_layout_names();

}  // namespace cvpdf::cli
