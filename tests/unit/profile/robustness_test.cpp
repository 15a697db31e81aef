// tests/unit/profile/robustness_test.cpp — hostile input: never a crash, never a hang, always
// an error, quickly. (yaml-cpp 0.7 alone overflows the stack on `&a [*a]` when walked, and
// expands a 600-byte "billion laughs" without bound.)
#include <doctest/doctest.h>

#include "../time_bound.h"
#include "helpers.h"

using namespace cvpdf::profile::test;
using cvpdf::test::bound;

namespace {

/// Loads `yaml` and returns the CPU time in seconds (the result stays in `out`).
double timed_load(const std::string& yaml, Loaded& out) {
  const double t0 = cvpdf::test::cpu_seconds();
  out = load(yaml);
  return cvpdf::test::seconds_since(t0);
}

std::string billion_laughs() {
  std::string y = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i < 10; ++i) {
    const std::string prev = "*a" + std::to_string(i - 1);
    y += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) y += (k ? ", " : "") + prev;
    y += "]\n";
  }
  return y + "cv: {name: *a9}\n";
}

}  // namespace

TEST_CASE("10 000 nested '[' stop at the depth limit, located") {
  Loaded l;
  CHECK(timed_load(std::string(10000, '['), l) < bound(2.0));
  REQUIRE(l.diags.error_count() == 1);
  CHECK(l.lines()[0].starts_with("p.yaml:1:"));
  CHECK(l.lines()[0].ends_with("error: nesting deeper than 32 levels"));
}

TEST_CASE("deep block nesting stops at the depth limit at the node that is too deep") {
  std::string y;
  for (int i = 0; i < 200; ++i) y += std::string(static_cast<std::size_t>(2 * i), ' ') + "k:\n";
  Loaded l;
  CHECK(timed_load(y, l) < bound(2.0));
  CHECK(l.lines() ==
        std::vector<std::string>{"p.yaml:33:65: error: nesting deeper than 32 levels"});
}

TEST_CASE("a cyclic alias `&a [*a]` is refused before any walk") {
  Loaded l;
  CHECK(timed_load("cv: &a [*a]\n", l) < bound(1.0));
  CHECK(l.lines() ==
        std::vector<std::string>{"p.yaml:1:5: error: YAML anchors are not allowed in a profile",
                                 "p.yaml:1:9: error: YAML aliases are not allowed in a profile"});
}

TEST_CASE("a billion-laughs file is refused quickly, with a bounded number of errors") {
  Loaded l;
  CHECK(timed_load(billion_laughs(), l) < bound(1.0));
  CHECK(l.diags.has_errors());
  CHECK(l.diags.error_count() <= 20);
  CHECK(l.lines()[0] == "p.yaml:1:5: error: YAML anchors are not allowed in a profile");
}

TEST_CASE("invalid UTF-8 everywhere and binary noise give errors, not crashes") {
  std::string noise;
  for (int i = 0; i < 5000; ++i) noise += static_cast<char>((i * 7919) % 256);
  Loaded l;
  CHECK(timed_load(noise, l) < bound(1.0));
  CHECK(l.diags.has_errors());
  CHECK(load("\xC0\x80\xED\xA0\x80\xF4\x90\x80\x80").diags.error_count() >=
        3);  // overlong, surrogate, > U+10FFFF
}

TEST_CASE("every truncation of the real profile loads without crashing") {
  const std::string full = read_file(CVPDF_SOURCE_DIR "/data/profile.yaml");
  REQUIRE(full.size() > 1000);
  for (std::size_t n = 0; n < full.size(); n += 37) {
    std::string cut = full.substr(0, n);
    // Cutting inside a multi-byte character is an encoding error; that is fine too.
    Loaded l = load(cut);
    CHECK(l.diags.all().size() < 60);
  }
}

TEST_CASE("odd but harmless shapes: non-string keys, null entries, empty sections") {
  const Loaded l = load(
      "cv:\n  name: X\n  [a]: b\n  sections:\n    s:\n      -\n      - ~\n    t:\n    u: []\n");
  CHECK(l.has("p.yaml:3:3: error: a key in cv must be plain text"));
  CHECK(l.has("p.yaml:5:5: error: empty entry in section 's'"));
  CHECK(l.has("p.yaml:8:5: warning: section 't' has no entries"));
}

// parse_yaml loads a file at once when its bytes cannot hold an anchor, an alias or a second
// document (issue 9), and falls back to the event pre-pass otherwise: each shape that only the
// pre-pass sees is still refused, with the same words.
TEST_CASE("anchors and aliases behind tags, in flow lists, after CR LF, and second documents") {
  const std::string anchor = "error: YAML anchors are not allowed in a profile";
  const std::string alias = "error: YAML aliases are not allowed in a profile";
  CHECK(load("cv:\n  name: !!str &n Ada\n  headline: *n\n").lines() ==
        std::vector<std::string>{"p.yaml:2:9: " + anchor, "p.yaml:3:13: " + alias});
  CHECK(load("cv:\n  name: !!str &n Ada\n").lines() ==  // a tag hides the anchor
        std::vector<std::string>{"p.yaml:2:9: " + anchor});
  CHECK(load("cv: {name: X, sections: {s: [&a x, *a]}}\n").lines() ==
        std::vector<std::string>{"p.yaml:1:30: " + anchor, "p.yaml:1:36: " + alias});
  CHECK(load("cv:\r\n  name: &n X\r\n  headline:\r\n    *n\r\n").lines() ==
        std::vector<std::string>{"p.yaml:2:9: " + anchor, "p.yaml:4:5: " + alias});
  CHECK(load("cv:\n  name: A\n---\ncv:\n  name: B\n").lines() ==
        std::vector<std::string>{"p.yaml:3:1: error: second YAML document in a profile"});
}

TEST_CASE("'&', '*' and '!' inside text need no pre-pass and load as text") {
  const Loaded l = load("cv:\n  name: \"**Ada** & Co!\"\n  headline: R&D *lead*, 5 * 3!\n");
  CHECK(l.lines().empty());
  REQUIRE(l.profile.cv.name.variants.size() == 1);
  CHECK(l.profile.cv.name.variants[0].second == "**Ada** & Co!");
  REQUIRE(l.profile.cv.headline.variants.size() == 1);
  CHECK(l.profile.cv.headline.variants[0].second == "R&D *lead*, 5 * 3!");
}
