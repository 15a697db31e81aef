// cli/output.cpp — temp file + fsync + rename.
//
// The temporary file is made unnamed (O_TMPFILE) where the file system allows it, and is only
// given a name (linkat) once its bytes are written and flushed, right before the rename: a
// process killed (SIGKILL, OOM) while writing leaves nothing behind; the kernel frees the
// unnamed inode. Only a kill between the linkat and the rename (one system call apart) leaves a
// `.<target>.tmp-<pid>-<n>` file; the next write into that folder removes the files of processes
// that no longer run. Where O_TMPFILE is not supported, a named mkstemp file is used.
#include "cli/output.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

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

/// Gives the unnamed file `fd` the name `.<target>.tmp-<pid>-<n>` in `dir`; that name in `tmpl`.
bool link_unnamed(int fd, const std::filesystem::path& dir, const std::string& base,
                  std::string& tmpl) {
  const std::string proc = "/proc/self/fd/" + std::to_string(fd);
  for (int n = 0; n < 100; ++n) {
    tmpl = (dir / (base + std::to_string(::getpid()) + "-" + std::to_string(n))).string();
    if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, tmpl.c_str(), AT_SYMLINK_FOLLOW) == 0)
      return true;
    if (errno != EEXIST) break;
  }
  tmpl.clear();
  return false;
}

/// An unnamed file in `dir` (fd ≥ 0, `named` false), else a mkstemp file (`named` true).
int open_temporary(const std::filesystem::path& dir, const std::string& base, std::string& tmpl,
                   bool& named) {
  named = false;
  const int fd = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
  if (fd >= 0 || (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)) return fd;
  named = true;
  tmpl = (dir / (base + std::to_string(::getpid()) + "-XXXXXX")).string();
  return ::mkstemp(tmpl.data());
}

/// Removes `.<target>.tmp-<pid>-…` files of processes that no longer run: what a process killed
/// between naming its file and the rename (a window of one system call), or a named mkstemp
/// file, left behind. Files of running processes (a parallel batch) are left alone.
/// Whether process `pid` can no longer write: gone, or a zombie that its parent has not reaped
/// yet (a SIGKILLed cvpdf under a hook runner or `timeout`); Linux's /proc tells the second.
bool process_gone(long pid) {
  if (::kill(static_cast<pid_t>(pid), 0) != 0) return errno == ESRCH;
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return false;
  const std::size_t paren = line.rfind(')');  // the command name may hold spaces and ')'
  return paren != std::string::npos && paren + 2 < line.size() &&
         (line[paren + 2] == 'Z' || line[paren + 2] == 'X');
}

void remove_stale(const std::filesystem::path& dir, const std::string& base) {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with(base)) continue;
    const long pid = std::strtol(name.c_str() + base.size(), nullptr, 10);
    if (pid > 0 && pid != ::getpid() && process_gone(pid))
      fs::remove(it->path(), ec);
  }
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
  const std::string base = "." + target.filename().string() + ".tmp-";
  std::string tmpl;
  bool named = false;
  const int fd = open_temporary(dir, base, tmpl, named);
  if (fd < 0) {
    diags.error({path, 0, 0}, std::string("cannot create a file in '") + dir.string() +
                                  "': " + std::strerror(errno),
                "check that the folder exists and is writable");
    return false;
  }
  remove_stale(dir, base);
  bool ok = write_all(fd, bytes) && ::fchmod(fd, target_mode(path)) == 0 && ::fsync(fd) == 0;
  // Name it and rename it at once: nothing between the two calls (close comes after).
  if (ok && !named) ok = link_unnamed(fd, dir, base, tmpl);
  const bool renamed = ok && std::rename(tmpl.c_str(), path.c_str()) == 0;
  const int saved = errno;
  ok = (::close(fd) == 0) && ok;
  if (renamed) return true;
  const int err = saved;
  if (!tmpl.empty()) ::unlink(tmpl.c_str());
  diags.error({path, 0, 0}, std::string("cannot write the file: ") + std::strerror(err),
              "the previous file, if any, is unchanged");
  return false;
}

}  // namespace cvpdf::cli
