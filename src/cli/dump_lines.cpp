// cli/dump_lines.cpp — see dump_lines.h.
#include "cli/dump_lines.h"

#include <charconv>
#include <cstdio>


namespace cvpdf::cli {
namespace {

std::string fixed(double v, int digits, bool sign = false) {
  char buf[48];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, digits);
  std::string s(buf, res.ptr);
  return (sign && v >= 0 ? "+" : "") + s;
}

std::string pad(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

/// Prints the lines of one language.
void print_lines(const World& world, const profile::Profile& p, const theme::Theme& theme,
                 const std::string& lang, text::FontStore& fonts, core::Diagnostics& diags) {
  std::vector<layout::LineReport> lines;
  typeset(world, p, theme, lang, fonts, diags, &lines);
  std::printf("# lines (%s): %zu\n", lang.c_str(), lines.size());
  for (const layout::LineReport& r : lines) std::printf("%s\n", format_line_report(r).c_str());
}

}  // namespace

std::string format_line_report(const layout::LineReport& r) {
  const std::string where = r.loc.file.empty()
                                ? std::string("-")
                                : r.loc.file + ":" + std::to_string(r.loc.line) + ":" +
                                      std::to_string(r.loc.col);
  return pad(where, 28) + " b=" + pad(fixed(r.badness, 1), 7) + " d=" +
         pad(fixed(r.demerits, 0), 9) + " r=" + pad(fixed(r.ratio, 2, true), 6) + " " +
         pad(r.reason + (r.overfull ? " OVERFULL" : ""), 10) + " | " + r.text;
}

ExitCode run_dump_lines(const Options& o) {
  core::Diagnostics diags;
  Reporter reporter(o.color);
  World world = World::from_environment(diags);
  world.font_dirs = o.font_dirs;
  world.use_system_fonts = !o.no_system_fonts;
  auto p = load(world, o.profile, reporter, diags);
  if (p) {
    const theme::Theme theme = load_theme(world, *p, o.render, reporter, diags);
    if (!diags.has_errors()) {
      text::FontStore fonts = make_font_store(world);
      for (const auto& lang : requested_languages(o.lang, *p, diags))
        print_lines(world, *p, theme, lang, fonts, diags);
    }
  }
  if (o.strict) diags.promote_warnings();
  reporter.print(diags, stderr);
  return diags.has_errors() ? ExitCode::InvalidInput : ExitCode::Ok;
}

}  // namespace cvpdf::cli
