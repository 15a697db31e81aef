// core/diagnostics.h — user-facing errors and warnings as values (DESIGN.md rule 5).
//
// Every stage takes a `Diagnostics&` and appends to it; nothing throws for bad user input.
// Printing (with the source line and a caret) is the CLI's job: see cli/report.h.
#pragma once

#include <string>
#include <vector>

#include "core/source_loc.h"

namespace cvpdf::core {

enum class Severity { Error, Warning, Note };

/// One finding about the user's input (or environment), located where possible.
struct Diagnostic {
  Severity severity = Severity::Error;
  SourceLoc loc;
  std::string message;  ///< what is wrong, one sentence, no trailing period
  std::string hint;     ///< how to fix it (may be empty)
};

/// An append-only list of diagnostics, kept in the order they were found.
class Diagnostics {
 public:
  void error(SourceLoc loc, std::string message, std::string hint = {});
  void warning(SourceLoc loc, std::string message, std::string hint = {});
  void note(SourceLoc loc, std::string message);
  void add(Diagnostic d);
  /// Appends all of `other` (e.g. from a per-language batch job), except what this list
  /// already holds word for word at the same place: a warning every language of a batch gives
  /// alike (a footer's {date} without a date) is reported once.
  void merge(const Diagnostics& other);

  [[nodiscard]] bool has_errors() const { return errors_ > 0; }
  [[nodiscard]] int error_count() const { return errors_; }
  [[nodiscard]] int warning_count() const { return warnings_; }
  [[nodiscard]] const std::vector<Diagnostic>& all() const { return list_; }
  /// Turns every warning into an error (`--strict`).
  void promote_warnings();

 private:
  std::vector<Diagnostic> list_;
  int errors_ = 0;
  int warnings_ = 0;
};

/// "file:line:col: error: message" — the first line of a report, no source excerpt.
std::string format_headline(const Diagnostic& d);

}  // namespace cvpdf::core
