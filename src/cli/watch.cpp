// cli/watch.cpp — `cvpdf watch PROFILE -o OUT`: render, then render again on every change.
//
// Takes the options of a render; runs it (printing its errors, never exiting on them), then
// waits on inotify for a change to one of its inputs: the profile, a layout given as a .yaml
// file (by --theme or settings.theme), the photo (relative to the profile's folder). Editors
// save by writing a new file and renaming it over the old one, which ends a watch on the file
// itself: the folders are watched and events filtered by file name. SIGINT and SIGTERM are
// read through a signalfd next to the inotify descriptor, so Ctrl-C ends the loop between
// renders, cleanly (exit 0), with no global state and no async-signal-unsafe handler.
#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>

#include "cli/commands.h"
#include "profile/load.h"

namespace cvpdf::cli {

namespace {

namespace fs = std::filesystem;

/// A file descriptor closed on scope exit.
struct Fd {
  int fd = -1;
  explicit Fd(int f) : fd(f) {}
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
};

/// The settle time after the first event: an editor's save is several events in a burst.
constexpr int kSettleMs = 60;

/// The files a render of `o` reads, as (folder, file name) pairs.
std::map<std::string, std::set<std::string>> inputs(const Options& o) {
  std::map<std::string, std::set<std::string>> out;
  auto add = [&](const fs::path& file) {
    const fs::path dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
    out[dir.string()].insert(file.filename().string());
  };
  const fs::path profile(o.profile);
  add(profile);
  fs::path theme = o.render.theme;
  core::Diagnostics ignored;  // the render itself reports everything
  if (auto text = read_file(o.profile, ignored)) {
    const profile::Profile p = profile::load_profile(*text, o.profile, ignored);
    // settings.theme is relative to the profile's folder (cli/confine.h), --theme to the cwd.
    if (theme.empty() && !p.settings.theme.empty())
      theme = profile.parent_path() / p.settings.theme.text;
    if (!p.cv.photo.text.empty()) add(profile.parent_path() / p.cv.photo.text);
  }
  if (theme.extension() == ".yaml") add(theme);
  return out;
}

/// Watches the folders of the inputs; returns wd → (folder's names we care about).
std::map<int, std::set<std::string>> watch_inputs(int fd, const Options& o) {
  std::map<int, std::set<std::string>> names;
  for (const auto& [dir, files] : inputs(o)) {
    const int wd = ::inotify_add_watch(
        fd, dir.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_ATTRIB);
    if (wd < 0) {
      std::fprintf(stderr, "cvpdf watch: cannot watch '%s': %s\n", dir.c_str(), std::strerror(errno));
      continue;
    }
    names[wd].insert(files.begin(), files.end());
  }
  return names;
}

/// Reads the pending inotify events; true if one names an input.
bool drain_events(int fd, const std::map<int, std::set<std::string>>& names) {
  alignas(inotify_event) char buf[4096];
  bool relevant = false;
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n <= 0) return relevant;  // EAGAIN: nothing more for now
    for (ssize_t at = 0; at < n;) {
      const auto* ev = reinterpret_cast<const inotify_event*>(buf + at);
      if (auto it = names.find(ev->wd); it != names.end() && ev->len > 0) {
        relevant = relevant || it->second.count(ev->name) != 0;
      }
      at += static_cast<ssize_t>(sizeof(inotify_event) + ev->len);
    }
  }
}

enum class Wake { Change, Stop };

/// Blocks until an input changes (then lets the burst settle) or a signal asks to stop.
Wake wait_for_change(int ino, int sig, const std::map<int, std::set<std::string>>& names) {
  pollfd fds[2] = {{ino, POLLIN, 0}, {sig, POLLIN, 0}};
  bool changed = false;
  for (;;) {
    const int r = ::poll(fds, 2, changed ? kSettleMs : -1);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0 || (fds[1].revents & POLLIN) != 0) return Wake::Stop;
    if (r == 0) return Wake::Change;  // quiet for kSettleMs after a change
    if (drain_events(ino, names)) changed = true;
  }
}

}  // namespace

ExitCode run_watch(const Options& o) {
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  // Blocked before any render thread starts, so that every thread inherits the mask and the
  // signals wait in the signalfd.
  if (::pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr) != 0) return ExitCode::Internal;
  const Fd sig(::signalfd(-1, &stop_signals, SFD_CLOEXEC | SFD_NONBLOCK));
  const Fd ino(::inotify_init1(IN_CLOEXEC | IN_NONBLOCK));
  if (sig.fd < 0 || ino.fd < 0) {
    std::fprintf(stderr, "cvpdf watch: cannot watch files: %s\n", std::strerror(errno));
    return ExitCode::Io;
  }
  for (;;) {
    const ExitCode code = run_render(o);  // prints its own diagnostics; never ends the watch
    if (!o.quiet) {
      std::fprintf(stderr, "cvpdf watch: %s; waiting for changes (Ctrl-C to stop)\n",
                   code == ExitCode::Ok ? ("rendered " + o.output).c_str() : "not rendered");
    }
    const auto names = watch_inputs(ino.fd, o);
    if (wait_for_change(ino.fd, sig.fd, names) == Wake::Stop) break;
  }
  if (!o.quiet) std::fputs("cvpdf watch: stopped\n", stderr);
  return ExitCode::Ok;
}

}  // namespace cvpdf::cli
