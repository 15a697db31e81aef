// text/font_index.cpp — reading, checking and writing the font index (see font_index.h).
//
// The file is text, one record a line, fields separated by tabs:
//   cvpdf-font-index  <format> <cvpdf version> <fontconfig version>
//   stamp  <mtime ns> <ctime ns> <size or -1> <path>
//   face   <request> <path> <face index> <PostScript name> <family> <weight> <italic 0|1>
//          <colour bitmap 0|1>
//   none   <request>
//   end    <FNV-1a 64 of every byte before this line, 16 hex digits>
// Parsing accepts exactly this and nothing else: a wrong field count, a number that does not
// parse whole or is out of range, a missing or wrong checksum, a file over kMaxBytes — and the
// whole file is ignored.
#include "text/font_index.h"

#include <fontconfig/fontconfig.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "core/hash.h"

#ifndef CVPDF_VERSION
#define CVPDF_VERSION "unknown"
#endif

namespace cvpdf::text {
namespace {

namespace fs = std::filesystem;

/// Bump when what a request means or how it is answered changes (font_store.cpp's lookup).
constexpr int kFormat = 2;  // 2: a face says whether it is a colour bitmap face
constexpr std::size_t kMaxLines = 20000;

std::string header_line() {
  return "cvpdf-font-index\t" + std::to_string(kFormat) + "\t" CVPDF_VERSION "\t" +
         std::to_string(FcGetVersion());
}

std::vector<std::string_view> split(std::string_view line, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || line[i] == sep) {
      out.push_back(line.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

template <class T>
bool parse_int(std::string_view s, T& out, T lo, T hi) {
  if (s.empty()) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc{} && ptr == s.data() + s.size() && out >= lo && out <= hi;
}

bool storable(std::string_view s) {
  return std::none_of(s.begin(), s.end(),
                      [](char c) { return c == '\t' || c == '\n' || c == '\r' || c == '\0'; });
}

std::string hex16(std::uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

std::int64_t ns(const struct timespec& t) {
  return static_cast<std::int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec;
}

bool parse_stamp(const std::vector<std::string_view>& f, Stamp& s) {
  constexpr std::int64_t kMax = INT64_MAX;
  return f.size() == 5 && parse_int<std::int64_t>(f[1], s.mtime_ns, -kMax, kMax) &&
         parse_int<std::int64_t>(f[2], s.ctime_ns, -kMax, kMax) &&
         parse_int<std::int64_t>(f[3], s.size, -1, kMax) && !f[4].empty() &&
         (s.path = std::string(f[4]), true);
}

bool parse_face(const std::vector<std::string_view>& f, IndexAnswer& a) {
  if (f.size() != 9 || f[1].empty() || f[2].empty()) return false;
  a.found = true;
  a.path = std::string(f[2]);
  a.postscript_name = std::string(f[4]);
  a.family = std::string(f[5]);
  int italic = 0;
  int color = 0;
  return parse_int(f[3], a.face_index, 0, 0xFFFF) && parse_int(f[6], a.weight, 1, 1000) &&
         parse_int(f[7], italic, 0, 1) && (a.italic = italic == 1, true) && parse_int(f[8], color, 0, 1) &&
         (a.color_bitmap = color == 1, true);
}

}  // namespace

Stamp stamp_of(const std::string& path) {
  Stamp s;
  s.path = path;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return s;  // absent (or unreadable): size -1
  s.mtime_ns = ns(st.st_mtim);
  s.ctime_ns = ns(st.st_ctim);
  s.size = static_cast<std::int64_t>(st.st_size);
  return s;
}

std::optional<FontIndex> FontIndex::parse(std::string_view bytes) {
  if (bytes.size() > kMaxBytes || bytes.empty() || bytes.back() != '\n') return std::nullopt;
  const std::size_t last = bytes.rfind('\n', bytes.size() - 2);  // start of the `end` line
  if (last == std::string_view::npos) return std::nullopt;
  const std::string_view body = bytes.substr(0, last + 1);
  core::Fnv64 h;
  h.add(body);
  if (bytes.substr(last + 1) != "end\t" + hex16(h.value()) + "\n") return std::nullopt;
  FontIndex index;
  std::vector<std::string_view> lines = split(body.substr(0, body.size() - 1), '\n');
  if (lines.size() > kMaxLines || lines.front() != header_line()) return std::nullopt;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::vector<std::string_view> f = split(lines[i], '\t');
    if (f[0] == "stamp") {
      Stamp s;
      if (!parse_stamp(f, s)) return std::nullopt;
      index.stamps_.push_back(std::move(s));
    } else if (f[0] == "face" || f[0] == "none") {
      IndexAnswer a;
      if (f[0] == "face" ? !parse_face(f, a) : f.size() != 2 || f[1].empty()) return std::nullopt;
      if (!index.answers_.emplace(std::string(f[1]), std::move(a)).second) return std::nullopt;
    } else {
      return std::nullopt;
    }
  }
  return index;
}

std::string FontIndex::serialize() const {
  std::string out = header_line() + "\n";
  for (const Stamp& s : stamps_)
    out += "stamp\t" + std::to_string(s.mtime_ns) + "\t" + std::to_string(s.ctime_ns) + "\t" +
           std::to_string(s.size) + "\t" + s.path + "\n";
  for (const auto& [request, a] : answers_) {
    if (!a.found) {
      out += "none\t" + request + "\n";
      continue;
    }
    out += "face\t" + request + "\t" + a.path + "\t" + std::to_string(a.face_index) + "\t" +
           a.postscript_name + "\t" + a.family + "\t" + std::to_string(a.weight) + "\t" +
           (a.italic ? "1" : "0") + "\t" + (a.color_bitmap ? "1" : "0") + "\n";
  }
  core::Fnv64 h;
  h.add(out);
  return out + "end\t" + hex16(h.value()) + "\n";
}

FontIndex FontIndex::load(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return {};
  // Read in chunks up to one byte past the limit (parse refuses that): a buffer of kMaxBytes
  // zeroed up front cost 1 M instructions and 256 page faults a run for a 6 KB file (issue 9).
  std::string bytes;
  std::array<char, 16384> chunk;
  while (bytes.size() <= kMaxBytes) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    if (in.gcount() <= 0) break;
    bytes.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
  }
  std::optional<FontIndex> index = parse(bytes);
  if (!index || !index->current()) return {};
  return std::move(*index);
}

bool FontIndex::save(const std::string& file) const {
  std::error_code ec;
  const fs::path target(file);
  fs::create_directories(target.parent_path(), ec);
  if (ec) return false;
  std::string tmp = file + ".XXXXXX";
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) return false;
  const std::string bytes = serialize();
  bool ok = true;
  for (std::size_t done = 0; ok && done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    ok = n > 0;
    if (ok) done += static_cast<std::size_t>(n);
  }
  ok = (::close(fd) == 0) && ok;
  if (ok) ok = std::rename(tmp.c_str(), file.c_str()) == 0;
  if (!ok) ::unlink(tmp.c_str());
  return ok;
}

bool FontIndex::current() const {
  return std::all_of(stamps_.begin(), stamps_.end(),
                     [](const Stamp& s) { return stamp_of(s.path) == s; });
}

const IndexAnswer* FontIndex::find(const std::string& request) const {
  auto it = answers_.find(request);
  return it == answers_.end() ? nullptr : &it->second;
}

bool FontIndex::record(const std::string& request, const IndexAnswer& answer) {
  if (request.empty() || !storable(request) || !storable(answer.path) ||
      !storable(answer.postscript_name) || !storable(answer.family))
    return false;
  answers_[request] = answer;
  return true;
}

std::string index_file_for(const std::string& cache_dir, const std::vector<std::string>& font_dirs,
                           bool use_system, const std::string& environment) {
  if (cache_dir.empty()) return {};
  core::Fnv64 h;
  h.add(use_system ? "system\n" : "no-system\n");
  for (const std::string& dir : font_dirs) {
    std::error_code ec;
    const fs::path abs = fs::absolute(dir, ec);
    h.add(ec ? dir : abs.lexically_normal().string());
    h.add("\n");
  }
  h.add(environment);
  return (fs::path(cache_dir) / ("fonts-" + hex16(h.value()) + ".idx")).string();
}

std::vector<Stamp> stamp_tree(const std::vector<std::string>& dirs) {
  std::vector<Stamp> out;
  for (const std::string& dir : dirs) {
    out.push_back(stamp_of(dir));
    std::error_code ec;
    auto it =
        fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
      if (it->is_directory(ec) || it->is_regular_file(ec))
        out.push_back(stamp_of(it->path().string()));
  }
  std::sort(out.begin(), out.end(), [](const Stamp& a, const Stamp& b) { return a.path < b.path; });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace cvpdf::text
