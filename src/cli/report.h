// cli/report.h — printing diagnostics as a good compiler does.
//
// Takes diagnostics and the texts of the files they point into; prints, for each:
//   profile.yaml:14:3: error: unknown key 'eduction'
//      14 |   eduction:
//         |   ^
//      = hint: did you mean 'education'?
// Echoed input is escaped (no terminal control sequences or bidi overrides reach the terminal).
// Colour only when asked (a terminal, and NO_COLOR unset — decided by the caller).
#pragma once

#include <cstdio>
#include <map>
#include <string>

#include "core/diagnostics.h"

namespace cvpdf::cli {

class Reporter {
 public:
  explicit Reporter(bool color) : color_(color) {}
  /// Registers the text of a file, so that its lines can be shown.
  void add_source(const std::string& path, std::string text);
  /// Formats one diagnostic (with its source line, caret and hint).
  [[nodiscard]] std::string format(const core::Diagnostic& d) const;
  /// Prints every diagnostic, then a summary line if there were errors or warnings.
  void print(const core::Diagnostics& diags, std::FILE* out) const;

 private:
  [[nodiscard]] std::string source_line(const std::string& path, int line) const;
  bool color_;
  std::map<std::string, std::string> sources_;
};

}  // namespace cvpdf::cli
