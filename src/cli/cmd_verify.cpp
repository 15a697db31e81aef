// cli/cmd_verify.cpp — wiring of `cvpdf verify` (see cmd_verify.h); the checks are in verify/.
#include "cli/cmd_verify.h"

#include <cstdio>

#include "cli/locales.h"
#include "cli/render.h"
#include "cli/report.h"
#include "compose/compose.h"
#include "i18n/resolve.h"
#include "verify/verify.h"

namespace cvpdf::cli {

namespace {

/// Prints errors (and warnings unless quiet); gives `code` if there were errors, else Ok.
ExitCode finish(const Reporter& reporter, const core::Diagnostics& diags, bool quiet, ExitCode code) {
  core::Diagnostics shown;
  for (const auto& d : diags.all())
    if (!quiet || d.severity == core::Severity::Error) shown.add(d);
  reporter.print(shown, stderr);
  return diags.has_errors() ? code : ExitCode::Ok;
}

}  // namespace

ExitCode run_verify(const Options& o, const std::string& pdf) {
  core::Diagnostics diags;
  Reporter reporter(o.color);
  World world = World::from_environment(diags);
  world.font_dirs = o.font_dirs;
  // 1. The profile and layout, exactly as a render loads them.
  auto p = load(world, o.profile, reporter, diags);
  if (!p) return finish(reporter, diags, o.quiet, diags.all().back().loc.line == 0 ? ExitCode::Io : ExitCode::InvalidInput);
  const theme::Theme theme = load_theme(world, *p, o.render, reporter, diags);
  const auto langs = requested_languages(o.lang, *p, diags);
  if (langs.size() != 1) {
    std::fputs("cvpdf verify: give one language (--lang L): a PDF holds one\n", stderr);
    return ExitCode::Usage;
  }
  if (diags.has_errors()) return finish(reporter, diags, o.quiet, ExitCode::InvalidInput);
  // 2. The strings a reader must find: the composed document of that language.
  const i18n::Resolved resolved = i18n::resolve(*p, langs.front(), builtin_locales_for(langs.front()), diags);
  const doc::Document document = compose::compose_document(resolved, theme, diags);
  // 3. The PDF, read back by verify/'s own reader (the profile's warnings are not findings).
  auto bytes = read_file(pdf, diags);
  if (!bytes) return finish(reporter, diags, o.quiet, ExitCode::Io);
  core::Diagnostics findings;
  const verify::Summary sum = verify::verify_pdf(*bytes, pdf, document, findings);
  if (o.strict) findings.promote_warnings();  // --strict: a hyphenation without /ActualText fails
  (void)finish(reporter, findings, o.quiet, ExitCode::VerifyFailed);
  if (!o.quiet && sum.readable) {
    std::printf("%s: %zu of %zu strings of %s (%s) found in order, %zu %s, %s\n", pdf.c_str(), sum.found,
                sum.strings, o.profile.c_str(), langs.front().c_str(), sum.pages, sum.pages == 1 ? "page" : "pages",
                sum.tagged ? "structure tree checked" : "no structure tree");
  }
  return findings.has_errors() ? ExitCode::VerifyFailed : ExitCode::Ok;
}

}  // namespace cvpdf::cli
