// cli/commands.cpp — render, check, dump.
#include "cli/commands.h"

#include <cstdio>
#include <future>
#include <optional>
#include <thread>

#include "cli/batch.h"
#include "cli/output.h"
#include "i18n/resolve.h"
#include "cli/pdf_writer.h"

namespace cvpdf::cli {

namespace {

/// The session of one command: World, diagnostics, and how to report them.
struct Session {
  World world;
  core::Diagnostics diags;
  Reporter reporter;
  bool strict;
  bool quiet;

  explicit Session(const Options& o) : reporter(o.color), strict(o.strict), quiet(o.quiet) {
    world = World::from_environment(diags);
    world.font_dirs = o.font_dirs;
    world.use_system_fonts = !o.no_system_fonts;
  }

  /// Prints what was found; returns the exit code it implies (Ok if nothing stops the run).
  ExitCode finish(ExitCode if_errors = ExitCode::InvalidInput) {
    if (strict) diags.promote_warnings();
    core::Diagnostics shown;
    for (const auto& d : diags.all()) {
      if (!quiet || d.severity == core::Severity::Error) shown.add(d);
    }
    reporter.print(shown, stderr);
    return diags.has_errors() ? if_errors : ExitCode::Ok;
  }

  [[nodiscard]] bool stop() const { return diags.has_errors() || (strict && diags.warning_count() > 0); }
};

bool is_io_error(const core::Diagnostics& d) {
  for (const auto& x : d.all()) {
    if (x.severity == core::Severity::Error && x.loc.line == 0) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> requested_languages(const std::string& arg, const profile::Profile& p,
                                             core::Diagnostics& diags) {
  const auto offered = i18n::profile_languages(p);
  if (arg.empty()) return {offered.front()};
  if (arg == "all") return offered;
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= arg.size()) {
    const std::size_t comma = std::min(arg.find(',', start), arg.size());
    const std::string tag = arg.substr(start, comma - start);
    if (!tag.empty()) out.push_back(tag);
    start = comma + 1;
  }
  for (const auto& tag : out) {
    bool found = false;
    for (const auto& l : offered) found = found || l == tag;
    if (!found && !p.settings.languages.empty()) {
      std::string list;
      for (const auto& l : offered) list += (list.empty() ? "" : ", ") + l;
      diags.warning(p.settings.languages.front().loc,
                    "language '" + tag + "' is not in settings.languages (" + list + ")",
                    "texts without a '" + tag + "' variant fall back to " + offered.front());
    }
  }
  return out;
}

std::string output_path(const std::string& pattern, const std::string& lang, bool several) {
  std::string out = pattern;
  if (auto at = out.find("{lang}"); at != std::string::npos) {
    out.replace(at, 6, lang);
    return out;
  }
  if (!several || out == "-") return out;
  const auto dot = out.rfind('.');
  const auto slash = out.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return out + "." + lang;
  return out.substr(0, dot) + "." + lang + out.substr(dot);
}

ExitCode run_check(const Options& o) {
  Session s(o);
  auto p = load(s.world, o.profile, s.reporter, s.diags);
  std::optional<theme::Theme> theme;
  if (p) theme = load_theme(s.world, *p, o.render, s.reporter, s.diags);
  if (!p || o.pdfs.empty() || s.stop()) {
    return s.finish(p || !is_io_error(s.diags) ? ExitCode::InvalidInput : ExitCode::Io);
  }
  // --pdf: render in memory exactly as `cvpdf PROFILE -o FILE` would, compare, write nothing.
  const bool per_lang = o.pdfs.front().find("{lang}") != std::string::npos;
  const auto langs = requested_languages(o.lang.empty() && per_lang ? "all" : o.lang, *p, s.diags);
  text::FontStore fonts = make_font_store(s.world);
  const unsigned jobs = o.jobs > 0 ? o.jobs : s.world.cores;
  if (jobs > 1) preload_pdf_writer();
  const auto results = render_languages(s.world, *p, *theme, langs, fonts, jobs, s.strict);
  for (const auto& r : results) s.diags.merge(r.diags);
  const bool fresh = !s.stop() && pdfs_up_to_date(results, o.pdfs, s.diags);
  const ExitCode code = s.finish();
  return code == ExitCode::Ok && !fresh ? ExitCode::InvalidInput : code;
}

ExitCode run_dump(const Options& o) {
  Session s(o);
  auto p = load(s.world, o.profile, s.reporter, s.diags);
  if (!p) return s.finish(is_io_error(s.diags) ? ExitCode::Io : ExitCode::InvalidInput);
  const theme::Theme theme = load_theme(s.world, *p, o.render, s.reporter, s.diags);
  if (s.stop()) return s.finish();
  text::FontStore fonts = make_font_store(s.world);
  for (const auto& lang : requested_languages(o.lang, *p, s.diags)) {
    const frame::Document frames = typeset(s.world, *p, theme, lang, fonts, s.diags);
    std::fputs(frame::dump(frames).c_str(), stdout);
  }
  return s.finish();
}

namespace {

/// The language whose dates a render will format, as far as the command line tells before the
/// profile is read: the one --lang names, else English (a profile's first language unless it
/// lists others); "" for a batch.
std::string date_language(const std::string& lang_arg) {
  if (lang_arg.empty()) return "en";
  if (lang_arg == "all" || lang_arg.find(',') != std::string::npos) return {};
  return lang_arg;
}

}  // namespace

ExitCode run_render(const Options& o) {
  Session s(o);
  const unsigned jobs = o.jobs > 0 ? o.jobs : s.world.cores;
  // With a spare core, the PDF writer's module is loaded while the profile is read and typeset
  // (cli/pdf_writer.h); and while the profile is read: the default layout is read and parsed, then,
  // unless an earlier run left a date memo for the language asked for (i18n/date_memo.h), ICU
  // loads what its dates need (joined when this function returns).
  std::promise<ParsedLayout> layout;
  std::future<ParsedLayout> ahead;
  std::jthread helper;
  if (jobs > 1) {
    preload_pdf_writer();
    ahead = layout.get_future();
    helper = std::jthread([&world = s.world, &layout, lang = date_language(o.lang)] {
      try {
        layout.set_value(parse_default_layout(world));
      } catch (...) {
        layout.set_exception(std::current_exception());
      }
      try {
        if (!lang.empty() && !has_date_memo(world, lang)) warm_dates(lang);
      } catch (const std::exception&) {
        // only a head start: the render formats its dates itself
      }
    });
  }
  auto p = load(s.world, o.profile, s.reporter, s.diags);
  if (!p) return s.finish(is_io_error(s.diags) ? ExitCode::Io : ExitCode::InvalidInput);
  std::optional<ParsedLayout> parsed;
  try {
    if (ahead.valid()) parsed = ahead.get();
  } catch (const std::exception&) {
    parsed.reset();  // load_theme reads and parses it again, and reports what goes wrong there
  }
  const theme::Theme theme = load_theme(s.world, *p, o.render, s.reporter, s.diags, parsed ? &*parsed : nullptr);
  const auto langs = requested_languages(o.lang, *p, s.diags);
  if (s.stop()) return s.finish();
  text::FontStore fonts = make_font_store(s.world);
  // Typeset every language (in parallel, cli/batch.h) before writing any file.
  const auto results = render_languages(s.world, *p, theme, langs, fonts, jobs, s.strict);
  bool internal = false;
  for (const auto& r : results) {
    s.diags.merge(r.diags);
    internal = internal || r.internal;
  }
  const WritePolicy policy{o.output, o.keep_going, o.if_changed,
                           s.world.stderr_is_terminal && !o.quiet && o.output != "-"};
  const bool written = write_results(results, policy, s.diags);
  if (internal) return s.finish(ExitCode::Internal);
  if (is_io_error(s.diags)) return s.finish(ExitCode::Io);
  const ExitCode code = s.finish();
  return written || code != ExitCode::Ok ? code : ExitCode::InvalidInput;
}

}  // namespace cvpdf::cli
