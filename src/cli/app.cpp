// cli/app.cpp — CLI11 options and the commands. CLI11 is slow to compile: it stays in
// this one translation unit (notes/pdf-output.md).
#include "cli/app.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <exception>

#include "cli/cmd_import.h"
#include "cli/cmd_verify.h"
#include "cli/commands.h"
#include "cli/dump_lines.h"
#include "cli/exit_code.h"
#include "core/limits.h"

namespace cvpdf::cli {

namespace {

void add_common(CLI::App& app, Options& o) {
  app.add_option("--lang,-l", o.lang,
                 "Language(s) to render: a tag (en), a list (en,zh) or 'all' "
                 "(default: the first of settings.languages)");
  app.add_option("--theme,-t", o.render.theme, "Layout name (classic) or path to a layout .yaml");
  app.add_option("--max-pages", o.render.max_pages,
                 "Shrink spacing, then leading, then font size (within the theme's fit bounds) "
                 "until the CV takes at most N pages; fail if it cannot (default: the "
                 "profile's settings.max_pages)")
      ->check(CLI::Range(1, static_cast<int>(core::limits::kMaxPages)));
  app.add_option("--page-size", o.render.page_size, "Page size: a4, a5 or letter")
      ->check(CLI::IsMember({"a4", "a5", "letter"}));
  app.add_option("--set", o.render.sets,
                 "Override a layout field: design.<path>=<value>, e.g. design.page.size=letter "
                 "or design.colors.headings=#1a4d8f (repeatable; after the profile's design:)");
  app.add_option("--font-dir", o.font_dirs, "Extra folder of fonts (repeatable)");
  app.add_flag("--no-system-fonts", o.no_system_fonts,
               "Use only the --font-dir folders (reproducible renders)");
  app.add_flag("--strict", o.strict, "Treat warnings as errors");
  app.add_flag("--quiet,-q", o.quiet, "Print errors only");
}

/// Options of renders of several languages (cli/batch.h).
void add_batch(CLI::App& app, Options& o) {
  app.add_option("--jobs,-j", o.jobs,
                 "Threads: languages rendered at once; one language uses a second thread if above 1 "
                 "(default: the number of cores)")
      ->check(CLI::Range(1u, 256u));
  app.add_flag("--keep-going,-k", o.keep_going,
               "Write the languages that succeeded even if another failed (exit code stays non-zero)");
  app.add_flag("--if-changed", o.if_changed, "Leave a PDF untouched when its bytes would not change");
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"cvpdf — typeset a CV from a YAML profile into a PDF", "cvpdf"};
  app.set_version_flag("--version", "cvpdf 0.1.0");
  app.require_subcommand(0, 1);
  Options o;
  o.color = ::isatty(STDERR_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr;

  app.add_option("profile", o.profile, "The profile to render (YAML)");
  app.add_option("--output,-o", o.output,
                 "Output PDF ('-' for standard output; '{lang}' is replaced by the language)");
  add_common(app, o);
  add_batch(app, o);

  CLI::App* check = app.add_subcommand("check", "Validate a profile without rendering it");
  check->add_option("profile", o.profile, "The profile to check")->required();
  check->add_option("--pdf", o.pdfs,
                    "Also tell whether this PDF ('{lang}' allowed) is stale: exit 1, nothing written");
  check->add_option("--jobs,-j", o.jobs, "Languages rendered at once (default: the number of cores)")
      ->check(CLI::Range(1u, 256u));
  add_common(*check, o);

  CLI::App* watch = app.add_subcommand("watch", "Render, then render again whenever an input changes");
  watch->add_option("profile", o.profile, "The profile to watch")->required();
  watch->add_option("--output,-o", o.output, "Output PDF ('{lang}' is replaced by the language)");
  add_common(*watch, o);
  add_batch(*watch, o);

  ImportOptions imp;
  CLI::App* import = app.add_subcommand("import", "Convert another CV format into a profile");
  import->add_option("format", imp.format, "academicpages or jsonresume")
      ->required()
      ->check(CLI::IsMember({"academicpages", "jsonresume"}));
  import->add_option("input", imp.input,
                     "about.md or the site's folder (academicpages); resume.json (jsonresume)")
      ->required();
  import->add_option("--output,-o", imp.output, "The profile to write ('-': standard output)");
  import->add_flag("--quiet,-q", imp.quiet, "Print errors only");
  CLI::App* schema = app.add_subcommand("schema", "Print the JSON Schema of the profile format");

  CLI::App* dump = app.add_subcommand("dump", "Print an intermediate stage as text");
  dump->add_option("profile", o.profile, "The profile")->required();
  dump->add_option("--stage", o.stage,
                   "Stage to print: frames (positioned output) or lines (badness, break reason)")
      ->check(CLI::IsMember({"frames", "lines"}))
      ->default_val("frames");
  add_common(*dump, o);

  std::string verify_pdf;
  CLI::App* verify = app.add_subcommand(
      "verify", "The ATS check: does the PDF give back every profile string, unbroken and in order?");
  verify->add_option("pdf", verify_pdf, "A PDF cvpdf wrote")->required();
  verify->add_option("--profile,-p", o.profile, "The profile it was rendered from")->required();
  add_common(*verify, o);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : static_cast<int>(ExitCode::Usage);
  }
  try {
    if (check->parsed()) return static_cast<int>(run_check(o));
    if (dump->parsed() && o.stage == "lines") return static_cast<int>(run_dump_lines(o));
    if (dump->parsed()) return static_cast<int>(run_dump(o));
    if (import->parsed()) return imp.color = o.color, static_cast<int>(run_import(imp));
    if (schema->parsed()) return static_cast<int>(run_schema());
    if (watch->parsed()) return static_cast<int>(run_watch(o));
    if (verify->parsed()) return static_cast<int>(run_verify(o, verify_pdf));
    if (o.profile.empty()) {
      std::fputs(app.help().c_str(), stderr);
      return static_cast<int>(ExitCode::Usage);
    }
    return static_cast<int>(run_render(o));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cvpdf: internal error: %s\nPlease report this as a bug.\n", e.what());
    return static_cast<int>(ExitCode::Internal);
  }
}

}  // namespace cvpdf::cli
