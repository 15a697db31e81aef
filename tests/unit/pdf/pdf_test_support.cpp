// tests/unit/pdf/pdf_test_support.cpp — see pdf_test_support.h.
#include "pdf_test_support.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <fstream>
#include <sys/wait.h>

namespace cvpdf::pdf::test {
namespace {

std::string pick(const std::string& local, const std::string& system) {
  return std::filesystem::exists(local) ? local : system;
}

/// The face index of `ps_name` in the file (0 if empty or not found: the caller checks).
int find_face(const std::string& path, const std::string& ps_name, bool& found) {
  found = ps_name.empty();
  if (found) return 0;
  FT_Library lib = nullptr;
  FT_Init_FreeType(&lib);
  FT_Face probe = nullptr;
  int result = 0;
  if (FT_New_Face(lib, path.c_str(), -1, &probe) == 0) {
    const long n = probe->num_faces;
    FT_Done_Face(probe);
    for (long i = 0; i < n && !found; ++i) {
      FT_Face f = nullptr;
      if (FT_New_Face(lib, path.c_str(), i, &f) != 0) continue;
      const char* name = FT_Get_Postscript_Name(f);
      if (name && ps_name == name) found = true, result = static_cast<int>(i);
      FT_Done_Face(f);
    }
  }
  FT_Done_FreeType(lib);
  return result;
}

}  // namespace

TestFont::TestFont(const std::string& path, const std::string& ps_name) {
  bool found = false;
  const int index = find_face(path, ps_name, found);
  if (!found || !std::filesystem::exists(path)) return;
  face_ = frame::FontFace{path, index, ps_name};
  hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
  if (!blob) return;
  hb_face_t* face = hb_face_create(blob, static_cast<unsigned>(index));
  upem_ = hb_face_get_upem(face);
  font_ = hb_font_create(face);
  hb_font_set_scale(font_, static_cast<int>(upem_), static_cast<int>(upem_));
  hb_face_destroy(face);
  hb_blob_destroy(blob);
}

TestFont::~TestFont() {
  if (font_) hb_font_destroy(font_);
}

frame::GlyphRun TestFont::shape(const std::string& text, int font, double size, core::Point origin) const {
  frame::GlyphRun run;
  run.origin = origin, run.font = font, run.size = size, run.text = text;
  hb_buffer_t* buf = hb_buffer_create();
  hb_buffer_add_utf8(buf, text.c_str(), static_cast<int>(text.size()), 0, static_cast<int>(text.size()));
  hb_buffer_guess_segment_properties(buf);
  hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  hb_shape(font_, buf, nullptr, 0);
  unsigned n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, nullptr);
  const double scale = size / upem_;
  for (unsigned i = 0; i < n; ++i) {
    frame::Glyph g;
    g.gid = info[i].codepoint;
    g.advance = pos[i].x_advance * scale, g.dx = pos[i].x_offset * scale, g.dy = pos[i].y_offset * scale;
    const bool first = i == 0 || info[i - 1].cluster != info[i].cluster;
    std::uint32_t end = static_cast<std::uint32_t>(text.size());
    for (unsigned j = i + 1; j < n; ++j)
      if (info[j].cluster != info[i].cluster) {
        end = info[j].cluster;
        break;
      }
    g.text_begin = info[i].cluster;
    g.text_end = first ? end : info[i].cluster;
    run.glyphs.push_back(g);
  }
  hb_buffer_destroy(buf);
  return run;
}

double TestFont::width(const frame::GlyphRun& run) {
  double w = 0;
  for (const auto& g : run.glyphs) w += g.advance;
  return w;
}

std::string latin_font_path() {
  return pick(CVPDF_SOURCE_DIR "/fonts/NotoSerif-Regular.ttf", "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf");
}

std::string cjk_font_path() {
  return pick(CVPDF_SOURCE_DIR "/fonts/NotoSansCJK-Regular.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
}

std::string run(const std::string& cmd, int* status) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  const int st = pclose(p);
  if (status) *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return out;
}

std::string write_temp(const std::string& stem, const std::string& bytes) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("cvpdf_test_" + stem + "_" + std::to_string(getpid()) + ".pdf");
  std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path.string();
}

std::vector<std::string> nonempty_lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\f')) line.pop_back();
    while (!line.empty() && line.front() == '\f') line.erase(0, 1);
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

}  // namespace cvpdf::pdf::test
