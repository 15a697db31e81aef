#include "core/diagnostics.h"

#include <algorithm>
#include <cstddef>

namespace cvpdf::core {

std::string SourceLoc::str() const {
  if (file.empty()) return {};
  if (line <= 0) return file;
  return file + ":" + std::to_string(line) + ":" + std::to_string(col > 0 ? col : 1);
}

void Diagnostics::add(Diagnostic d) {
  if (d.severity == Severity::Error) ++errors_;
  if (d.severity == Severity::Warning) ++warnings_;
  list_.push_back(std::move(d));
}

void Diagnostics::error(SourceLoc loc, std::string message, std::string hint) {
  add({Severity::Error, std::move(loc), std::move(message), std::move(hint)});
}

void Diagnostics::warning(SourceLoc loc, std::string message, std::string hint) {
  add({Severity::Warning, std::move(loc), std::move(message), std::move(hint)});
}

void Diagnostics::note(SourceLoc loc, std::string message) {
  add({Severity::Note, std::move(loc), std::move(message), {}});
}

void Diagnostics::merge(const Diagnostics& other) {
  const std::size_t before = list_.size();  // `other`'s own repeats are kept, as add() keeps them
  for (const auto& d : other.list_) {
    const auto same = [&](const Diagnostic& e) {
      return e.severity == d.severity && e.loc.str() == d.loc.str() && e.message == d.message && e.hint == d.hint;
    };
    if (std::none_of(list_.begin(), list_.begin() + static_cast<std::ptrdiff_t>(before), same)) add(d);
  }
}

void Diagnostics::promote_warnings() {
  for (auto& d : list_) {
    if (d.severity == Severity::Warning) {
      d.severity = Severity::Error;
      --warnings_;
      ++errors_;
    }
  }
}

std::string format_headline(const Diagnostic& d) {
  std::string out = d.loc.str();
  if (!out.empty()) out += ": ";
  switch (d.severity) {
    case Severity::Error: out += "error: "; break;
    case Severity::Warning: out += "warning: "; break;
    case Severity::Note: out += "note: "; break;
  }
  out += d.message;
  return out;
}

}  // namespace cvpdf::core
