// cli/commands.h — the commands behind the command line, free of CLI11.
//
// Takes the parsed options; runs the pipeline through cli/render.h; prints diagnostics to
// stderr; gives an exit code. Output files are written atomically (cli/output.h).
#pragma once

#include <string>
#include <vector>

#include "cli/exit_code.h"
#include "cli/render.h"

namespace cvpdf::cli {

struct Options {
  std::string profile;
  std::string output = "cv.pdf";
  std::string lang;                     ///< "", "en", "en,zh" or "all"
  std::string stage = "frames";         ///< for dump
  RenderOptions render;
  std::vector<std::string> font_dirs;
  bool no_system_fonts = false;
  bool strict = false;
  bool quiet = false;
  bool color = false;
  unsigned jobs = 0;                    ///< worker threads for several languages; 0: cores
  bool keep_going = false;              ///< write the good languages even if one fails
  bool if_changed = false;              ///< do not rewrite a PDF whose bytes are unchanged
  std::vector<std::string> pdfs;        ///< check --pdf: committed PDFs to compare
};

/// `cvpdf PROFILE -o OUT`: render each requested language to its PDF.
ExitCode run_render(const Options& o);
/// `cvpdf check PROFILE`: validate only. With `--pdf FILE` (repeatable, `{lang}` allowed): also
/// render in memory and tell whether each file is stale (exit 1), without writing anything.
ExitCode run_check(const Options& o);
/// `cvpdf dump --stage=frames PROFILE`: print the frame tree of each language.
ExitCode run_dump(const Options& o);
/// `cvpdf watch PROFILE -o OUT`: render, then again whenever an input changes (cli/watch.cpp).
ExitCode run_watch(const Options& o);

/// The languages a `--lang` value asks for, checked against the profile's languages.
std::vector<std::string> requested_languages(const std::string& arg, const profile::Profile& p,
                                             core::Diagnostics& diags);

/// The output path for one language: '{lang}' replaced; with several languages and no
/// '{lang}' in the path, ".{lang}" goes before the extension.
std::string output_path(const std::string& pattern, const std::string& lang, bool several);

}  // namespace cvpdf::cli
