// cli/output.cpp — temp file + fsync + rename.
#include "cli/output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace cvpdf::cli {

namespace {

bool write_all(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

/// The mode a new file gets: the old target's mode if it exists, else 0666 less the umask
/// (what a plain open() would have given; mkstemp makes 0600).
mode_t target_mode(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) return st.st_mode & 07777;
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

}  // namespace

bool write_atomically(const std::string& path, const std::string& bytes, core::Diagnostics& diags) {
  if (path == "-") {
    if (write_all(STDOUT_FILENO, bytes)) return true;
    diags.error({}, std::string("cannot write to standard output: ") + std::strerror(errno));
    return false;
  }
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0) {
    diags.error({path, 0, 0}, std::string("cannot create a file in '") + dir.string() +
                                  "': " + std::strerror(errno),
                "check that the folder exists and is writable");
    return false;
  }
  bool ok = write_all(fd, bytes) && ::fchmod(fd, target_mode(path)) == 0 && ::fsync(fd) == 0;
  const int saved = errno;
  ok = (::close(fd) == 0) && ok;
  if (ok && std::rename(tmpl.c_str(), path.c_str()) == 0) return true;
  const int err = ok ? errno : saved;
  ::unlink(tmpl.c_str());
  diags.error({path, 0, 0}, std::string("cannot write the file: ") + std::strerror(err),
              "the previous file, if any, is unchanged");
  return false;
}

}  // namespace cvpdf::cli
