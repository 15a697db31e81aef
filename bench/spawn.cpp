// bench/spawn.cpp — runs one command and prints "<wall µs> <peak RSS KiB> <exit status>".
//
// bench/run.sh timed each run between two `$(date +%s%N)` and under /usr/bin/time: that harness
// costs about 6.5 ms per run on the project's machine (a fork of bash for each `date`, the exec
// of date and of time), added alike to every tool's figure. Here the clock is read just before
// posix_spawn and just after wait4 reaps the child, and the peak RSS is the kernel's ru_maxrss for
// the child, as /usr/bin/time reports it (%M). This process is small (about 1 MiB), so the high
// water mark the child inherits at exec is below any tool's own.
//
//   spawn [NAME=VALUE...] COMMAND [ARG...]
//
// (stdin, stdout and stderr of COMMAND go to /dev/null; NAME=VALUE are set in its environment,
// as env(1) would, without a process of env's own.)
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

extern char** environ;

namespace {
long long now_us() {
  timespec t{};
  clock_gettime(CLOCK_MONOTONIC, &t);
  return static_cast<long long>(t.tv_sec) * 1000000 + t.tv_nsec / 1000;
}
}  // namespace

int main(int argc, char** argv) {
  int first = 1;
  for (; first < argc && std::strchr(argv[first], '=') != nullptr && argv[first][0] != '/'; ++first) {
    char* eq = std::strchr(argv[first], '=');
    *eq = '\0';
    ::setenv(argv[first], eq + 1, 1);
  }
  if (first >= argc) {
    std::fputs("usage: spawn [NAME=VALUE...] COMMAND [ARG...]\n", stderr);
    return 2;
  }
  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  posix_spawn_file_actions_addopen(&files, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&files, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&files, 2, "/dev/null", O_WRONLY, 0);
  long long start = now_us();
  pid_t pid = 0;
  int err = posix_spawnp(&pid, argv[first], &files, nullptr, argv + first, environ);
  if (err != 0) {
    std::fprintf(stderr, "spawn: cannot run %s\n", argv[first]);
    return 127;
  }
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) < 0) {
    std::perror("spawn: wait4");
    return 127;
  }
  long long end = now_us();
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::printf("%lld %ld %d\n", end - start, usage.ru_maxrss, code);
  return 0;
}
