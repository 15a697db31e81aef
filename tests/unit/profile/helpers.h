// tests/unit/profile/helpers.h — load a YAML string and look at what came out.
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "profile/load.h"

namespace cvpdf::profile::test {

struct Loaded {
  Profile profile;
  core::Diagnostics diags;
  /// "p.yaml:3:5: error: message" for every diagnostic, in order.
  [[nodiscard]] std::vector<std::string> lines() const {
    std::vector<std::string> out;
    for (const auto& d : diags.all()) out.push_back(core::format_headline(d));
    return out;
  }
  /// The hint of the first diagnostic whose headline is `line`.
  [[nodiscard]] std::string hint_of(const std::string& line) const {
    for (const auto& d : diags.all())
      if (core::format_headline(d) == line) return d.hint;
    return "<no such diagnostic>";
  }
  [[nodiscard]] bool has(const std::string& line) const {
    for (const auto& l : lines())
      if (l == line) return true;
    return false;
  }
};

inline Loaded load(const std::string& yaml, const std::string& file = "p.yaml") {
  Loaded l;
  l.profile = load_profile(yaml, file, l.diags);
  return l;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Joins diagnostics for a readable failure message.
inline std::string dump(const Loaded& l) {
  std::string out;
  for (const auto& line : l.lines()) out += line + "\n";
  return out;
}

}  // namespace cvpdf::profile::test

namespace doctest {
/// Shows lists of diagnostic lines in failed CHECKs.
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string out = "{";
    for (const auto& s : v) out += "\n  \"" + s + "\"";
    return (out + "}").c_str();
  }
};
}  // namespace doctest
