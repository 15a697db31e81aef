// tests/unit/cli/confine_test.cpp — files named by a profile stay inside its folder (symbolic
// links followed) or the configured folders.
#include "cli/confine.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace fs = std::filesystem;
using cvpdf::cli::confined_path;
using cvpdf::cli::is_inside;

namespace {

/// A fresh folder tree: cv/profile.yaml, cv/layouts/mine.yaml, outside/evil.yaml,
/// cv/link.yaml → ../outside/evil.yaml, themes/t.yaml.
struct Tree {
  fs::path root = fs::temp_directory_path() / ("cvpdf-confine-" + std::to_string(::getpid()));
  Tree() {
    fs::remove_all(root);
    for (const char* d : {"cv/layouts", "outside", "themes", "cvx"}) fs::create_directories(root / d);
    for (const char* f : {"cv/profile.yaml", "cv/layouts/mine.yaml", "outside/evil.yaml",
                          "themes/t.yaml", "cvx/a.yaml"})
      std::ofstream(root / f) << "x\n";
    fs::create_symlink("../outside/evil.yaml", root / "cv/link.yaml");
    fs::create_directory_symlink("../outside", root / "cv/out");
  }
  ~Tree() { fs::remove_all(root); }
  std::string p(const char* rel) const { return (root / rel).string(); }
};

}  // namespace

TEST_CASE("inside the profile's folder: plain and nested names; outside: .., absolute, symlinks") {
  Tree t;
  CHECK(is_inside(t.p("cv/layouts/mine.yaml"), {t.p("cv")}));
  CHECK(is_inside(t.p("cv/layouts/../profile.yaml"), {t.p("cv")}));
  CHECK_FALSE(is_inside(t.p("cv/../outside/evil.yaml"), {t.p("cv")}));
  CHECK_FALSE(is_inside(t.p("cv/link.yaml"), {t.p("cv")}));       // symlink to a file outside
  CHECK_FALSE(is_inside(t.p("cv/out/evil.yaml"), {t.p("cv")}));   // through a folder symlink
  CHECK_FALSE(is_inside(t.p("cvx/a.yaml"), {t.p("cv")}));         // a sibling sharing a prefix
  CHECK_FALSE(is_inside("/etc/passwd", {t.p("cv")}));
  CHECK(is_inside(t.p("themes/t.yaml"), {t.p("cv"), t.p("themes")}));
}

TEST_CASE("confined_path resolves relative to the profile and reports, located, what escapes") {
  Tree t;
  cvpdf::core::Diagnostics d;
  const std::string profile = t.p("cv/profile.yaml");
  CHECK(confined_path("layouts/mine.yaml", profile, {}, {profile, 5, 10}, "settings.theme", d));
  CHECK(confined_path(t.p("themes/t.yaml"), profile, {t.p("themes")}, {}, "settings.theme", d));
  CHECK_FALSE(d.has_errors());
  CHECK_FALSE(confined_path("../outside/evil.yaml", profile, {}, {profile, 5, 10},
                            "settings.theme", d));
  CHECK_FALSE(confined_path("link.yaml", profile, {}, {profile, 5, 10}, "settings.theme", d));
  REQUIRE(d.error_count() == 2);
  CHECK(cvpdf::core::format_headline(d.all()[0]) ==
        profile + ":5:10: error: settings.theme '../outside/evil.yaml' is outside the profile's folder");
}
