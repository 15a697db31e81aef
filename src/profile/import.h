// profile/import.h — other CV formats → a cvpdf profile (YAML text a person keeps editing).
//
// Takes the texts of the input files (the CLI reads them; no I/O here); gives the profile's
// YAML and diagnostics. Guarantees:
// - nothing of the input is dropped: what an importer cannot classify is a warning located at
//   file:line and stays in the profile as a text entry under "Not classified by the importer",
//   with a comment naming its source line;
// - text that looks double-encoded (UTF-8 read as Windows-1252) is repaired, with a warning;
// - where an importer guessed (splitting "B.S. in X, Institution. 2019-2023", authors of a
//   publication JSON Resume cannot name), a `#` comment in the profile says so;
// - the output loads with load_profile() without errors (tested).
// The importers live in profile/ (DESIGN.md: profile/ owns the YAML and the importers; no YAML
// type leaves this module); the academicpages one reads Markdown block structure with cmark.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"

namespace cvpdf::profile {

/// One input file: the path shown in diagnostics and its bytes.
struct InputFile {
  std::string path;
  std::string text;
};

/// An academicpages (Jekyll) site, or just its home page.
struct AcademicSite {
  InputFile about;                  ///< `_pages/about.md`: front matter and free Markdown
  std::optional<InputFile> config;  ///< `_config.yml` (its `author:` block), when given a folder
  std::vector<InputFile> publications, talks, teaching;  ///< the collections, file by file
};

/// academicpages → profile YAML.
std::string import_academicpages(const AcademicSite& site, core::Diagnostics& diags);

/// JSON Resume 1.x (`resume.json`) → profile YAML. JSON is read with yaml-cpp (YAML 1.2 is a
/// superset of JSON); duplicate keys are reported like in profiles.
std::string import_jsonresume(const InputFile& resume, core::Diagnostics& diags);

}  // namespace cvpdf::profile
