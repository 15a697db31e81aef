// bench/stages.cpp — cvpdf's stages timed in process: load, resolve+compose, layout (shape,
// break, paginate), write_pdf (subset, serialise). Medians and spread over repeated runs.
//
//   build/bench/cvpdf_bench_stages PROFILE [--lang L] [--runs N] [--font-dir DIR --no-system-fonts]
//
// Each run redoes every stage from the profile's bytes, with a fresh font store (as a process
// would), so the figures add up to the in-process cost of one render.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "cli/render.h"
#include "cli/world.h"
#include "compose/compose.h"
#include "i18n/resolve.h"
#include "layout/layout.h"
#include "pdf/write_pdf.h"
#include "profile/load.h"

using namespace cvpdf;
using Clock = std::chrono::steady_clock;

namespace {

struct Args {
  std::string profile;
  std::string lang;
  int runs = 20;
  std::vector<std::string> font_dirs;
  bool system_fonts = true;
};

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    const std::string s = argv[i];
    auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (s == "--lang") a.lang = next();
    else if (s == "--runs") a.runs = std::max(1, std::atoi(next().c_str()));
    else if (s == "--font-dir") a.font_dirs.push_back(next());
    else if (s == "--no-system-fonts") a.system_fonts = false;
    else a.profile = s;
  }
  return a;
}

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

/// One render, stage by stage; adds each stage's time to `times`.
bool run_once(const Args& a, const std::string& bytes, std::map<std::string, std::vector<double>>& times,
              std::size_t& pdf_size) {
  core::Diagnostics diags;
  auto t = Clock::now();
  const profile::Profile p = profile::load_profile(bytes, a.profile, diags);
  times["1 load"].push_back(ms_since(t));
  if (diags.has_errors()) return false;
  const std::string lang = a.lang.empty() ? i18n::profile_languages(p).front() : a.lang;
  const theme::Theme theme = theme::parse_theme(*cli::builtin_layout("classic"), "classic", diags);

  t = Clock::now();
  const auto resolved = i18n::resolve(p, lang, diags);
  const auto document = compose::compose_document(resolved, theme, diags);
  times["2 resolve+compose"].push_back(ms_since(t));

  t = Clock::now();
  text::FontStore fonts(a.font_dirs, a.system_fonts);
  times["3 font store"].push_back(ms_since(t));

  t = Clock::now();
  const frame::Document frames = layout::layout_document(document, theme, fonts, diags);
  times["4 layout (shape, break, paginate)"].push_back(ms_since(t));

  t = Clock::now();
  const std::string pdf = pdf::write_pdf(frames, diags);
  times["5 write_pdf (subset, serialise)"].push_back(ms_since(t));
  pdf_size = pdf.size();
  return !diags.has_errors();
}

void report(const std::map<std::string, std::vector<double>>& times) {
  std::printf("%-36s %10s %10s %10s\n", "stage", "median ms", "min ms", "max ms");
  double total = 0;
  for (auto [name, v] : times) {
    std::sort(v.begin(), v.end());
    const double median = v[v.size() / 2];
    total += median;
    std::printf("%-36s %10.3f %10.3f %10.3f\n", name.c_str(), median, v.front(), v.back());
  }
  std::printf("%-36s %10.3f\n", "sum of medians", total);
}

}  // namespace

int main(int argc, char** argv) {
  const Args a = parse(argc, argv);
  if (a.profile.empty()) {
    std::fprintf(stderr, "usage: %s PROFILE [--lang L] [--runs N] [--font-dir DIR] [--no-system-fonts]\n", argv[0]);
    return 2;
  }
  core::Diagnostics diags;
  const auto bytes = cli::read_file(a.profile, diags);
  if (!bytes) return 3;
  std::map<std::string, std::vector<double>> times;
  std::size_t size = 0;
  for (int i = 0; i < a.runs; ++i) {
    if (!run_once(a, *bytes, times, size)) {
      std::fprintf(stderr, "render failed\n");
      return 1;
    }
  }
  std::printf("%s, lang %s, %d runs, PDF %zu bytes\n", a.profile.c_str(),
              a.lang.empty() ? "(default)" : a.lang.c_str(), a.runs, size);
  report(times);
  return 0;
}
