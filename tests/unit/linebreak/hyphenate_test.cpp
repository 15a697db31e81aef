// Hyphenation points from libhyphen with Debian's patterns (/usr/share/hyphen, hyphen-en-us).
#include "linebreak/hyphenate.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "linebreak/patterns.h"

using namespace cvpdf::linebreak;

namespace {

std::string marked(const std::string& word, const std::vector<std::size_t>& points) {
  std::string out;
  std::size_t at = 0;
  for (std::size_t p : points) {
    out += word.substr(at, p - at) + "-";
    at = p;
  }
  return out + word.substr(at);
}

}  // namespace

TEST_CASE("English words get TeX-like hyphenation points") {
  Hyphenator h({kDebianHyphenDir});
  REQUIRE_FALSE(h.dictionary_path("en").empty());
  CHECK(marked("hyphenation", h.points("hyphenation", "en", 2, 3)) == "hy-phen-ation");
  CHECK(marked("optimization", h.points("optimization", "en-US", 2, 3)) == "op-ti-miza-tion");
  // \righthyphenmin 3: never two letters alone on the next line.
  for (std::size_t p : h.points("reconstructed", "en", 2, 3)) CHECK(p <= 13 - 3);
}

TEST_CASE("a language without patterns, or a missing folder, gives no points") {
  Hyphenator h({"/nonexistent", kDebianHyphenDir});
  CHECK(h.points("北京大学", "zh", 2, 3).empty());
  CHECK(h.dictionary_path("zh").empty());
  Hyphenator none({"/nonexistent"});
  CHECK(none.points("hyphenation", "en", 2, 3).empty());
}

TEST_CASE("regional variants and UTF-8 words") {
  Hyphenator h({kDebianHyphenDir});
  CHECK(h.dictionary_path("fr-FR").find("hyph_fr_FR.dic") != std::string::npos);
  CHECK(h.dictionary_path("ru").find("hyph_ru_RU.dic") != std::string::npos);
  const std::string word = "université";  // a UTF-8 pattern file, a non-ASCII word
  const auto points = h.points(word, "fr", 2, 3);
  CHECK_FALSE(points.empty());
  for (std::size_t p : points) CHECK((static_cast<unsigned char>(word[p]) & 0xC0) != 0x80);
}

TEST_CASE("points of non-ASCII words are byte offsets after the right letter") {
  // libhyphen answers per code point for UTF-8 files; "björk-lund", "amé-ri-co", not one byte
  // early (a past bug read its answer as byte offsets).
  Hyphenator h({kDebianHyphenDir});
  CHECK(marked("björklund", h.points("björklund", "en", 2, 3)) == "björk-lund");
  CHECK(marked("américo", h.points("américo", "es-ES", 1, 1)) == "amé-ri-co");
}

TEST_CASE("German: Debian's two-level patterns (compounds, then syllables), ISO-8859-1") {
  Hyphenator h({kDebianHyphenDir});
  REQUIRE(h.dictionary_path("de").find("hyph_de") != std::string::npos);
  CHECK(h.skipped("de").empty());
  // As libhyphen hyphenates them (hnj_hyphen_hyphenate3 with the same minimums).
  CHECK(marked("Silbentrennung", h.points("Silbentrennung", "de", 2, 3)) == "Sil-ben-tren-nung");
  CHECK(marked("Universität", h.points("Universität", "de-DE", 2, 3)) == "Uni-ver-si-tät");
  CHECK(marked("Lebenslauf", h.points("Lebenslauf", "de", 2, 3)) == "Le-bens-lauf");
  // \righthyphenmin 3: "grup-pe" would leave two letters.
  CHECK(marked("Forschungsgruppe", h.points("Forschungsgruppe", "de", 2, 3)) ==
        "For-schungs-gruppe");
  CHECK(marked("Forschungsgruppe", h.points("Forschungsgruppe", "de", 2, 2)) ==
        "For-schungs-grup-pe");
}

TEST_CASE(
    "a pattern file too large for libhyphen that the index refuses is skipped, with the reason") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("cvpdf-hyph-" + std::to_string(getpid()));
  fs::create_directories(dir);
  {
    std::ofstream f(dir / "hyph_xx.dic", std::ios::binary);
    f << "KOI8-R\n";  // a charset only libhyphen reads
    for (int i = 0; i < 80000; ++i) f << "a1b" << i % 10 << "\n";
  }
  Hyphenator h({dir.string()});
  CHECK(h.dictionary_path("xx").empty());
  CHECK(h.skipped("xx").find("KiB") != std::string::npos);
  CHECK(h.points("abab", "xx", 1, 1).empty());
  fs::remove_all(dir);
}

TEST_CASE("only plain words are worth hyphenating") {
  auto core = [](std::string_view w) {
    const WordCore c = hyphenatable_core(w);
    return std::string(w.substr(c.begin, c.end - c.begin));
  };
  CHECK(core("(optimal),") == "optimal");
  CHECK(core("Transformers") == "Transformers");
  CHECK(core("ICLR").empty());             // capitals only: an acronym
  CHECK(core("GPT-4").empty());            // digits and hyphens
  CHECK(core("x.liu@pku.edu.cn").empty()); // e-mail
  CHECK(core("arXiv:2504.21411").empty());
  CHECK(core("https://example.org").empty());
  CHECK(core("2023").empty());
}

TEST_CASE("repeated patterns: the last one counts, and libhyphen is given each only once") {
  // libhyphen 2.8.8 leaks the first match string of a repeated pattern (LeakSanitizer found it
  // on Debian's hyph_fr.dic); without_repeated_patterns keeps the last, as libhyphen would.
  const std::string file =
      "UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\nCOMPOUNDLEFTHYPHENMIN 1\n% a comment\n"
      "a1b\na1b\n\nb1c\n\nb2c/x=y,1,1\nb2c\nc1d\nLEFTHYPHENMIN 1\n";
  CHECK(without_repeated_patterns(file) ==
        "UTF-8\nRIGHTHYPHENMIN 1\nCOMPOUNDLEFTHYPHENMIN 1\n% a comment\na1b\n\nb2c\nc1d\n"
        "LEFTHYPHENMIN 1\n");
  // Levels (NEXTLEVEL) keep their own patterns.
  CHECK(without_repeated_patterns("UTF-8\na1b\nNEXTLEVEL\na1b\na1b\n") == "UTF-8\na1b\nNEXTLEVEL\na1b\n");

  // Through Hyphenator: COMPOUNDLEFTHYPHENMIN sends the file to libhyphen (not PatternIndex).
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("cvpdf-hyph-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "hyph_zz.dic", std::ios::binary) << file;
  {
    Hyphenator h({dir.string()});
    CHECK(marked("abcd", h.points("abcd", "zz", 1, 1)) == "a-bc-d");  // b2c, not b1c
  }
  fs::remove_all(dir);
}
