// pdf/program_cache.h: subset font programs kept between runs. write_pdf with a store gives the
// same bytes cold and warm, and a warm run really takes its programs from the store; an entry
// is refused when damaged in any byte, cut short, or kept under another key.
#include <doctest/doctest.h>

#include <map>
#include <mutex>
#include <set>
#include <sstream>

#include "pdf/program_cache.h"
#include "pdf/write_pdf.h"
#include "pdf_test_support.h"

using namespace cvpdf;
using pdf::test::TestFont;

namespace {

/// A BlobStore in memory that counts what it was asked.
class MemoryStore final : public pdf::BlobStore {
 public:
  std::optional<std::string> get(const std::string& name) override {
    std::lock_guard<std::mutex> lock(mutex_);
    ++gets;
    auto it = blobs.find(name);
    if (it == blobs.end()) return std::nullopt;
    ++hits;
    return it->second;
  }
  void put(const std::string& name, const std::string& bytes) override {
    std::lock_guard<std::mutex> lock(mutex_);
    ++puts;
    blobs[name] = bytes;
  }
  std::map<std::string, std::string> blobs;
  int gets = 0, hits = 0, puts = 0;

 private:
  std::mutex mutex_;
};

frame::Document two_faces() {
  static const TestFont latin{pdf::test::latin_font_path(), "NotoSerif-Regular"};
  static const TestFont cjk{pdf::test::cjk_font_path(), "NotoSansCJKsc-Regular"};
  REQUIRE(latin.ok());
  REQUIRE(cjk.ok());
  frame::Document doc;
  doc.fonts = {latin.face(), cjk.face()};
  doc.meta = {"Kept programs", "Xinyi Liu", "CV", "en", "cvpdf", 1700000000};
  frame::Page page;
  page.items = {latin.shape("office final", 0, 12, {72, 90}), cjk.shape("北京大学", 1, 16, {72, 130})};
  doc.pages = {page};
  return doc;
}

std::string write(const frame::Document& doc, pdf::BlobStore* store, unsigned threads = 1) {
  core::Diagnostics diags;
  std::string bytes = pdf::write_pdf(doc, diags, threads, store);
  REQUIRE(diags.all().empty());
  REQUIRE(!bytes.empty());
  return bytes;
}

/// The key stored in an entry (encode_program: magic line, then the key's length and bytes).
std::string key_of(const std::string& entry) {
  const std::size_t at = entry.find('\n') + 1;
  std::uint32_t n = 0;
  for (int i = 3; i >= 0; --i) n = (n << 8) | static_cast<unsigned char>(entry.at(at + static_cast<std::size_t>(i)));
  return entry.substr(at + 4, n);
}

/// The glyph set a key ends with ("glyphs 0 5 17").
std::set<std::uint32_t> glyphs_of(const std::string& key) {
  std::set<std::uint32_t> gids;
  std::istringstream in(key.substr(key.rfind("glyphs") + 6));
  for (std::uint32_t g = 0; in >> g;) gids.insert(g);
  return gids;
}

pdf::CachedProgram sample_program() {
  pdf::CachedProgram p;
  p.program = std::string("\0\1\0\0program bytes", 17);
  p.packed = pdf::pack(p.program);
  p.code_of = {{0, 0}, {7, 1}, {300, 2}};
  return p;
}

}  // namespace

TEST_CASE("write_pdf gives the same bytes with no store, cold and warm, and a warm run reads it") {
  const frame::Document doc = two_faces();
  const std::string off = write(doc, nullptr);
  MemoryStore store;
  CHECK(write(doc, &store) == off);
  CHECK(store.gets == 2);
  CHECK(store.hits == 0);
  CHECK(store.puts == 2);
  CHECK(store.blobs.size() == 2);
  for (unsigned threads : {1u, 2u}) {
    CHECK(write(doc, &store, threads) == off);
  }
  CHECK(store.hits == 4);
  CHECK(store.puts == 2);  // nothing made again, nothing written again

  // The warm run takes the program from the store: a kept program changed (checksum made right)
  // is what the PDF carries.
  for (auto& [name, bytes] : store.blobs) {
    const std::string key = key_of(bytes);
    auto kept = pdf::decode_program(bytes, key, glyphs_of(key));
    REQUIRE(kept.has_value());
    kept->packed = {"TAMPERED-PROGRAM-" + name, false};
    bytes = pdf::encode_program(key, *kept);
  }
  const std::string tampered = write(doc, &store);
  for (const auto& [name, bytes] : store.blobs) CHECK(tampered.find("TAMPERED-PROGRAM-" + name) != std::string::npos);
}

TEST_CASE("an entry round-trips and is refused when damaged, short or of another key") {
  const std::set<std::uint32_t> gids{0, 7, 300};
  const pdf::ProgramKey key = pdf::program_key("font.ttf\nface 0 size 10", gids);
  CHECK(key.name.rfind("font-", 0) == 0);
  CHECK(key.name.size() == 5 + 16 + 4);
  CHECK(key.text.find("glyphs 0 7 300") != std::string::npos);
  CHECK(pdf::program_key("font.ttf\nface 0 size 11", gids).name != key.name);
  CHECK(pdf::program_key("font.ttf\nface 0 size 10", {0, 7}).name != key.name);

  const pdf::CachedProgram p = sample_program();
  const std::string entry = pdf::encode_program(key.text, p);
  const auto back = pdf::decode_program(entry, key.text, gids);
  REQUIRE(back.has_value());
  CHECK(back->program == p.program);
  CHECK(back->packed.bytes == p.packed.bytes);
  CHECK(back->packed.flate == p.packed.flate);
  CHECK(back->code_of == p.code_of);

  CHECK_FALSE(pdf::decode_program(entry, key.text + " ", gids));     // another key
  CHECK_FALSE(pdf::decode_program(entry, key.text, {0, 7}));         // other glyphs
  CHECK_FALSE(pdf::decode_program(entry, key.text, {0, 7, 300, 9}));
  for (std::size_t n = 0; n < entry.size(); ++n)  // every truncation
    CHECK_FALSE(pdf::decode_program(std::string_view(entry).substr(0, n), key.text, gids));
  for (std::size_t i = 0; i < entry.size(); ++i) {  // every byte changed
    std::string bad = entry;
    bad[i] = static_cast<char>(bad[i] ^ 0x20);
    CHECK_FALSE(pdf::decode_program(bad, key.text, gids));
  }
  CHECK_FALSE(pdf::decode_program(entry + "x", key.text, gids));
}
