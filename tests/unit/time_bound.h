// tests/unit/time_bound.h — time bounds in unit tests: CPU time, scaled for slow builds.
//
// A time bound in a test catches an algorithm gone quadratic, not a constant factor. It is
// measured in CPU time of the test process (all threads, user + system): on a shared machine the
// wall clock also counts everyone else's work (a 0.4 s load took 3.7 s of wall-clock time on the
// project's 2-core machine with eight builds running), while a hang is still caught by CTest's
// timeout. bound(s) is s times CVPDF_TIME_FACTOR from the environment, which CTest sets for every
// test (cmake/Sanitizers.cmake: 1 in a normal build, CVPDF_SANITIZE_TIME_FACTOR in the asan-ubsan
// build, whose instrumented code runs several times slower); unset, it is 1.
#pragma once

#include <time.h>

#include <cstdlib>

namespace cvpdf::test {

/// The factor on every time bound: CVPDF_TIME_FACTOR if it is a positive number, else 1.
inline double time_factor() {
  const char* f = std::getenv("CVPDF_TIME_FACTOR");
  if (f == nullptr) return 1.0;
  char* end = nullptr;
  const double v = std::strtod(f, &end);
  return end != f && v > 0 ? v : 1.0;
}

/// `seconds` of CPU time in a normal build, scaled by time_factor().
inline double bound(double seconds) { return seconds * time_factor(); }

/// CPU time used by this process so far, in seconds.
inline double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

/// CPU seconds used since `t0` (a cpu_seconds() value).
inline double seconds_since(double t0) { return cpu_seconds() - t0; }

}  // namespace cvpdf::test
