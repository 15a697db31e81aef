// cli/batch.h — several languages of one profile, rendered in parallel, written all or none.
//
// Takes a loaded profile and theme, the languages asked for, one shared FontStore and a number
// of worker threads; gives each language's PDF bytes (in memory) and its own diagnostics, in
// the order the languages were asked for, whatever order the workers finish in. Guarantees:
// - a language's bytes do not depend on the batch: each worker runs the same recipe as a
//   single render (render.h `typeset`, then pdf::write_pdf) on its own values; the only shared
//   object is the FontStore, whose lookups are locked (text/font_store.h) and whose faces are
//   read-only, and PoDoFo/FreeType objects in pdf/ are made per document;
// - the write step writes nothing unless every language succeeded, or `keep_going` is set;
//   a file whose bytes are already those rendered is not rewritten, only given the time of
//   now as a write would (with `if_changed`, not even that).
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "cli/render.h"

namespace cvpdf::cli {

/// One language of a batch.
struct LanguageResult {
  std::string lang;
  std::string pdf;          ///< the PDF's bytes; empty if the language failed
  core::Diagnostics diags;  ///< what this language reported (resolve, layout, pdf)
  bool failed = false;      ///< errors (or warnings, with strict): no file for this language
  bool internal = false;    ///< the failure was a bug or a PDF-writer error
  long long ms = 0;         ///< wall time of this language, for progress lines
};

/// Renders `langs` with up to `jobs` threads (at least 1, at most one per language). With a
/// cache folder, HarfBuzz's output for the profile's file and these languages is kept between
/// runs (text/shape_memo.h), and so are the subset font programs (pdf/program_cache.h).
std::vector<LanguageResult> render_languages(const World& world, const profile::Profile& p,
                                             const theme::Theme& theme,
                                             const std::vector<std::string>& langs,
                                             text::FontStore& fonts, unsigned jobs, bool strict);

/// The shape memo's name in the cache folder for a profile file and the languages rendered:
/// "shapes-<16 hex digits>.bin", from the absolute path and the languages in order.
std::string shape_memo_name(const std::string& profile_path, const std::vector<std::string>& langs);

/// How the write step behaves.
struct WritePolicy {
  std::string pattern;      ///< `-o`, with `{lang}`
  bool keep_going = false;  ///< write the good languages even if some failed
  bool if_changed = false;  ///< leave a file alone when its bytes are already right
  bool progress = false;    ///< one line per finished file on stderr (a terminal only)
};

/// Writes the results' files (atomically) as the policy says; returns false if any language
/// failed or any file could not be written. Notes about skipped files go to `diags`.
bool write_results(const std::vector<LanguageResult>& results, const WritePolicy& policy,
                   core::Diagnostics& diags);

/// `check --pdf`: whether every file named by `patterns` (expanded per language as `-o` is)
/// holds exactly its language's rendered bytes. A stale or missing file is an error naming it.
bool pdfs_up_to_date(const std::vector<LanguageResult>& results,
                     const std::vector<std::string>& patterns, core::Diagnostics& diags);

/// Whether the file at `path` holds exactly `bytes` (false if it cannot be read).
bool file_has_bytes(const std::string& path, const std::string& bytes);

}  // namespace cvpdf::cli
