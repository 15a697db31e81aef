// tests/unit/profile/limits_test.cpp — the loader's limits (core/limits.h), each at the limit
// (accepted) and one past it (refused with a located error, quickly).
#include <doctest/doctest.h>

#include "../time_bound.h"
#include "core/limits.h"
#include "helpers.h"

using namespace cvpdf::profile::test;
using cvpdf::test::bound;
using cvpdf::test::seconds_since;
namespace limits = cvpdf::core::limits;

namespace {

/// A profile whose name is `name`, double-quoted.
std::string with_name(const std::string& name) {
  return "cv:\n  name: \"" + name + "\"\n";
}

/// A profile with `n` one-line bullet entries in one section.
std::string with_entries(std::size_t n) {
  std::string y = "cv:\n  name: X\n  sections:\n    notes:\n";
  for (std::size_t i = 0; i < n; ++i) y += "      - bullet: b\n";
  return y;
}

/// `depth` nested flow lists around a scalar, as the value of cv.sections.s.
std::string nested(int depth) {
  const auto d = static_cast<std::size_t>(depth);
  return "cv:\n  name: X\n  sections:\n    s: " + std::string(d, '[') + "a" + std::string(d, ']') +
         "\n";
}

}  // namespace

TEST_CASE("input size: 4 MiB is read, one byte more is refused at the byte past the limit") {
  std::string at = "cv:\n  name: X\n#";
  at.append(limits::kMaxInputBytes - at.size() - 1, 'a');
  at += '\n';
  REQUIRE(at.size() == limits::kMaxInputBytes);
  CHECK(load(at).lines().empty());
  const Loaded past = load(at + "\n");
  REQUIRE(past.lines().size() == 1);
  CHECK(past.lines()[0].starts_with("p.yaml:4:1:"));
  CHECK(past.lines()[0].ends_with("error: profile is larger than the 4 MiB limit"));
}

TEST_CASE("scalar length: 64 KiB is accepted, one byte more is refused where the text starts") {
  CHECK(load(with_name(std::string(limits::kMaxScalarBytes, 'a'))).lines().empty());
  const double t0 = cvpdf::test::cpu_seconds();
  const Loaded past = load(with_name(std::string(limits::kMaxScalarBytes + 1, 'a')));
  CHECK(seconds_since(t0) < bound(0.5));
  CHECK(past.lines() == std::vector<std::string>{"p.yaml:2:9: error: text of 65537 bytes is "
                                                 "longer than the 65536-byte limit"});
}

TEST_CASE("YAML depth: 32 levels are walked, 33 are refused at the node too deep") {
  // cv (1) → sections (2) → s (3): the flow lists start at level 4.
  const Loaded at = load(nested(limits::kMaxYamlDepth - 3));
  for (const auto& l : at.lines()) CHECK(l.find("nesting deeper") == std::string::npos);
  const Loaded past = load(nested(limits::kMaxYamlDepth - 2));
  CHECK(past.lines() == std::vector<std::string>{"p.yaml:4:37: error: nesting deeper than 32 levels"});
}

TEST_CASE("entries: 2000 are accepted, the 2001st is refused where it stands") {
  CHECK(load(with_entries(limits::kMaxEntries)).lines().empty());
  const double t0 = cvpdf::test::cpu_seconds();
  const Loaded past = load(with_entries(limits::kMaxEntries + 1));
  CHECK(seconds_since(t0) < bound(1.0));
  CHECK(past.lines() == std::vector<std::string>{"p.yaml:2005:9: error: more than 2000 entries in the profile"});
}

TEST_CASE("a 20 000-entry profile is refused by the entry limit in well under a second") {
  const double t0 = cvpdf::test::cpu_seconds();
  const Loaded l = load(with_entries(20000));
  CHECK(seconds_since(t0) < bound(2.0));  // ~0.4 s of CPU time in the release build
  CHECK(l.lines().size() == 1);
}

TEST_CASE("URL length: 2048 bytes are accepted, 2049 are refused at the URL") {
  const std::string base = "https://example.org/";
  const std::string at = base + std::string(limits::kMaxUrlBytes - base.size(), 'a');
  CHECK(load("cv:\n  name: X\n  website: " + at + "\n").lines().empty());
  const Loaded past = load("cv:\n  name: X\n  website: " + at + "a\n");
  CHECK(past.lines() == std::vector<std::string>{
                            "p.yaml:3:12: error: URL of 2049 bytes is longer than the 2048-byte limit"});
}
