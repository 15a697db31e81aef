// cli/cmd_import.cpp — reading an import's input files, running the importer, writing the
// profile; printing the schema.
#include "cli/cmd_import.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "cli/output.h"
#include "cli/report.h"
#include "cli/world.h"
#include "profile/import.h"
#include "profile/load.h"
#include "profile/schema.h"

namespace cvpdf::cli {

namespace {

namespace fs = std::filesystem;

std::optional<profile::InputFile> input(const fs::path& path, Reporter& r,
                                        core::Diagnostics& diags) {
  auto text = read_file(path.string(), diags);
  if (!text) return std::nullopt;
  r.add_source(path.string(), *text);
  return profile::InputFile{path.string(), std::move(*text)};
}

/// The `*.md` files of a collection folder, in name order (academicpages names them by date).
std::vector<profile::InputFile> collection(const fs::path& dir, Reporter& r,
                                           core::Diagnostics& diags) {
  std::vector<fs::path> paths;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".md") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  std::vector<profile::InputFile> out;
  for (const fs::path& p : paths)
    if (auto f = input(p, r, diags)) out.push_back(std::move(*f));
  return out;
}

/// A site folder: `_pages/about.md` (or `about.md`), `_config.yml`, the collections.
std::optional<profile::AcademicSite> read_site(const fs::path& in, Reporter& r,
                                               core::Diagnostics& diags) {
  std::error_code ec;
  if (!fs::is_directory(in, ec)) {
    auto about = input(in, r, diags);
    if (!about) return std::nullopt;
    return profile::AcademicSite{std::move(*about), std::nullopt, {}, {}, {}};
  }
  fs::path about = in / "_pages" / "about.md";
  if (!fs::exists(about, ec)) about = in / "about.md";
  auto page = input(about, r, diags);
  if (!page) return std::nullopt;
  profile::AcademicSite site{std::move(*page), std::nullopt, {}, {}, {}};
  if (fs::exists(in / "_config.yml", ec)) site.config = input(in / "_config.yml", r, diags);
  site.publications = collection(in / "_publications", r, diags);
  site.talks = collection(in / "_talks", r, diags);
  site.teaching = collection(in / "_teaching", r, diags);
  return site;
}

}  // namespace

ExitCode run_import(const ImportOptions& o) {
  core::Diagnostics diags;
  Reporter reporter(o.color);
  std::string yaml;
  if (o.format == "academicpages") {
    if (auto site = read_site(o.input, reporter, diags))
      yaml = profile::import_academicpages(*site, diags);
  } else if (auto f = input(o.input, reporter, diags)) {
    yaml = profile::import_jsonresume(*f, diags);
  }
  ExitCode code = ExitCode::Ok;
  if (yaml.empty()) {
    code = diags.has_errors() && diags.all().back().loc.line == 0 ? ExitCode::Io
                                                                  : ExitCode::InvalidInput;
  } else {
    // The importer's promise: what it writes loads without errors.
    core::Diagnostics check;
    (void)profile::load_profile(yaml, o.output, check);
    if (check.has_errors()) {
      reporter.add_source(o.output, yaml);
      diags.merge(check);
      code = ExitCode::Internal;
    } else if (!write_atomically(o.output, yaml, diags)) {
      code = ExitCode::Io;
    }
  }
  core::Diagnostics shown;
  for (const auto& d : diags.all())
    if (!o.quiet || d.severity == core::Severity::Error) shown.add(d);
  reporter.print(shown, stderr);
  return code;
}

ExitCode run_schema() {
  const std::string schema = profile::json_schema();
  std::fwrite(schema.data(), 1, schema.size(), stdout);
  return ExitCode::Ok;
}

}  // namespace cvpdf::cli
