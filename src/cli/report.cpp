// cli/report.cpp — diagnostics with the source line and a caret.
#include "cli/report.h"

#include <set>

#include "core/utf8.h"

namespace cvpdf::cli {

namespace {

const char* severity_color(core::Severity s) {
  switch (s) {
    case core::Severity::Error: return "\x1b[1;31m";
    case core::Severity::Warning: return "\x1b[1;35m";
    case core::Severity::Note: return "\x1b[1;36m";
  }
  return "";
}

/// Spaces (and tabs, kept as tabs) that put a caret under byte column `col` of `line`,
/// counting each UTF-8 character as one column.
std::string caret_pad(const std::string& line, int col) {
  std::string pad;
  std::size_t i = 0;
  const auto limit = static_cast<std::size_t>(col > 0 ? col - 1 : 0);
  while (i < line.size() && i < limit) {
    const char c = line[i];
    core::decode_utf8(line, i);
    pad += c == '\t' ? '\t' : ' ';
  }
  return pad;
}

}  // namespace

void Reporter::add_source(const std::string& path, std::string text) {
  sources_[path] = std::move(text);
}

std::string Reporter::source_line(const std::string& path, int line) const {
  auto it = sources_.find(path);
  if (it == sources_.end() || line <= 0) return {};
  const std::string& text = it->second;
  std::size_t start = 0;
  for (int l = 1; l < line; ++l) {
    start = text.find('\n', start);
    if (start == std::string::npos) return {};
    ++start;
  }
  std::size_t end = text.find('\n', start);
  if (end == std::string::npos) end = text.size();
  std::string out = text.substr(start, end - start);
  if (!out.empty() && out.back() == '\r') out.pop_back();
  return out;
}

std::string Reporter::format(const core::Diagnostic& d) const {
  const std::string head = core::escape_for_terminal(core::format_headline(d));
  std::string out;
  if (color_) {
    const std::string loc = core::escape_for_terminal(d.loc.str());
    out = "\x1b[1m" + (loc.empty() ? "" : loc + ": ") + severity_color(d.severity) +
          head.substr(loc.empty() ? 0 : loc.size() + 2) + "\x1b[0m\n";
  } else {
    out = head + "\n";
  }
  const std::string line = source_line(d.loc.file, d.loc.line);
  if (!line.empty()) {
    std::string num = std::to_string(d.loc.line);
    const std::string gutter(num.size(), ' ');
    out += " " + num + " | " + core::escape_for_terminal(line) + "\n";
    out += " " + gutter + " | " + caret_pad(line, d.loc.col) + (color_ ? "\x1b[1;32m^\x1b[0m" : "^") + "\n";
  }
  if (!d.hint.empty()) out += "   = hint: " + core::escape_for_terminal(d.hint) + "\n";
  return out;
}

void Reporter::print(const core::Diagnostics& diags, std::FILE* out) const {
  // The same finding from several languages of one profile is shown once.
  std::set<std::string> shown;
  for (const auto& d : diags.all()) {
    std::string text = format(d);
    if (shown.insert(text).second) std::fputs(text.c_str(), out);
  }
  const int e = diags.error_count();
  const int w = diags.warning_count();
  if (e > 0 || w > 0) {
    std::string summary = std::to_string(e) + (e == 1 ? " error" : " errors") + ", " +
                          std::to_string(w) + (w == 1 ? " warning" : " warnings") + "\n";
    std::fputs(summary.c_str(), out);
  }
}

}  // namespace cvpdf::cli
